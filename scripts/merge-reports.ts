/**
 * `npm run merge-reports -- a.json b.json ... [--out DIR] [--expectations FILE] [--strict]`: the
 * reports of a run's shards (`--shard i/n`) merged into one report and one verdict
 * (harness/report/merge.ts), judged against the expectations when given, and written as
 * conformance.json, .md and .html under DIR (default reports/merged). Exits with the merged
 * verdict's code (0 pass, 1 fail, 2 unknown), or 2 when the reports cannot be read or merged.
 */
import { parseArgs } from "node:util";
import { CONFIG_OPTIONS, ConfigError } from "../harness/config.js";
import { readReportJson, reportOf, ReportInputError } from "../harness/report/compare.js";
import { applyExpectations, loadExpectations } from "../harness/report/expectations.js";
import { renderConsole, useColour, writeReports } from "../harness/report/index.js";
import { checkSchemaVersions, mergeReports, MergeError } from "../harness/report/merge.js";

const USAGE = `Usage: npm run merge-reports -- a.json b.json ... [--out DIR] [--expectations FILE] [--strict]
  Merges the reports of every shard of one run (npm run conformance -- --shard i/n) into one report
  and one verdict, written to DIR (default reports/merged). --expectations / CONFORMANCE_EXPECTATIONS and
  --strict / CONFORMANCE_STRICT judge the merged run as npm run conformance does.`;

const OPTIONS = {
  out: { type: "string" },
  expectations: { type: "string" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`merge-reports: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`merge-reports: give the report of each shard\n${USAGE}\n`);
    return 2;
  }
  try {
    const expectationsFile = values.expectations ?? (process.env[CONFIG_OPTIONS.expectations.env] || undefined);
    const strictEnv = process.env[CONFIG_OPTIONS.strict.env];
    const strict = values.strict === true || (strictEnv !== undefined && ["1", "true", "yes"].includes(strictEnv.toLowerCase()));
    const expectations = expectationsFile !== undefined ? loadExpectations(expectationsFile) : null;
    const jsons = positionals.map(readReportJson);
    checkSchemaVersions(jsons);
    const merged = mergeReports(jsons.map((json) => ({ path: json.path, report: reportOf(json) })));
    const report = applyExpectations(merged, expectations, strict);
    const paths = await writeReports(report, values.out ?? "reports/merged");
    process.stdout.write(`${renderConsole(report, useColour(process.stdout, process.env))}\n`);
    process.stdout.write(`reports: ${paths.json}, ${paths.markdown}, ${paths.html}\n`);
    return report.exitCode;
  } catch (err) {
    if (err instanceof ReportInputError || err instanceof MergeError || err instanceof ConfigError) {
      process.stderr.write(`merge-reports: ${err.message}\nNothing was merged (exit 2).\n`);
      return 2;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`merge-reports failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
