/**
 * `npm run compare -- old.json new.json [--json]`: two conformance reports compared check by check
 * (harness/report/compare.ts). Exits 1 on a regression (a check that was pass or na and is now
 * fail), 0 otherwise, 2 when an input cannot be read or the arguments are wrong.
 */
import { parseArgs } from "node:util";
import { compareReports, comparisonExitCode, readReport, renderComparison, ReportInputError } from "../harness/report/compare.js";

const USAGE = `Usage: npm run compare -- old.json new.json [--json]
  Prints regressions (pass or na -> fail), fixes (fail -> pass), other status changes, new and vanished checks.
  Exit 1 on a regression, 0 otherwise, 2 when a report cannot be read.`;

const OPTIONS = { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`compare: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    process.stderr.write(`compare: give two reports (got ${parsed.positionals.length})\n${USAGE}\n`);
    return 2;
  }
  const [oldPath, newPath] = parsed.positionals as [string, string];
  try {
    const comparison = compareReports(readReport(oldPath), readReport(newPath));
    process.stdout.write(parsed.values.json === true ? `${JSON.stringify(comparison, null, 2)}\n` : `${renderComparison(comparison, { old: oldPath, new: newPath })}\n`);
    return comparisonExitCode(comparison);
  } catch (err) {
    if (!(err instanceof ReportInputError)) throw err;
    process.stderr.write(`compare: ${err.message}\n`);
    return 2;
  }
}

process.exitCode = main();
