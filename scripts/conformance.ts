/**
 * `npm run conformance`: the conformance suite against the configured target. Writes
 * reports/conformance.{json,md,html}, prints the summary table and the verdict, and exits
 * 0 (pass), 1 (fail: a required finding), 2 (unknown: target unreachable or unsupported, deadline passed).
 * Against `--expectations FILE` the exit code is the judged verdict's: 0 with only expected failures,
 * 1 on an unexpected failure, or on an unexpected pass with `--strict` (harness/report/expectations.ts).
 */
import { parseArgs } from "node:util";
import { ConfigError, flagsOf, parseArgsOptions, resolveRunConfig } from "../harness/config.js";
import { runConformance } from "../harness/run/run-conformance.js";

const USAGE = `Usage: npm run conformance -- [--target embedded|endpoint|aws] [--services inspector,inspector2]
  [--aws-accounts ID,...] [--allow account-state,organization,external] [--deferred] [--seed N] [--runs N]
  [--max-commands N] [--rules-edition 2020|2017] [--role-arn ARN] [--collect-deadline-ms N] [--collect-poll-ms N]
  [--lookup-rps N] [--call-timeout-ms N] [--reports-dir DIR] [--trail-dir DIR] [--check-chunk-calls N] [--path P --commands-replay-path R]
  [--expectations FILE [--strict]] [--update-expectations FILE] [--shard i/n]
Every flag also reads an environment variable (docs/configuration.md).
Exit 0: pass (against --expectations: every failure expected); 1: fail (an unexpected failure; with --strict,
also a check the expectations say fails that passed); 2: unknown, or bad configuration (nothing is run).`;

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ options: { ...parseArgsOptions(), help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (values["help"]) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = resolveRunConfig(flagsOf(values), process.env);
  // The first SIGINT or SIGTERM stops the run gracefully (it cleans up and writes its reports); a second one ends it at once.
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      process.stderr.write(`conformance: ${signal}: stopping (cleaning up, writing reports); ${signal} again to end at once\n`);
      stop.abort(signal);
      process.once(signal, () => process.exit(130));
    });
  }
  const run = await runConformance(config, process.env, (line) => process.stderr.write(`${line}\n`), { signal: stop.signal });
  process.stdout.write(`${run.summary}\n`);
  process.stdout.write(`reports: ${run.paths.json}, ${run.paths.md}, ${run.paths.html}\n`);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nNothing was run (exit 2).\n`);
      process.exit(2);
    }
    process.stderr.write(`conformance run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
