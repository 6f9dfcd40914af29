/**
 * `npm run conformance`: the conformance suite against the configured target. Writes
 * reports/conformance.{json,md,html}, prints the summary table and the verdict, and exits
 * 0 (pass), 1 (fail: a required finding), 2 (unknown: target unreachable or unsupported, deadline passed).
 */
import { parseArgs } from "node:util";
import { ConfigError, resolveRunConfig } from "../harness/config.js";
import { runConformance } from "../harness/run-conformance.js";

const USAGE = `Usage: npm run conformance -- [--target embedded|endpoint|aws] [--deferred] [--seed N] [--runs N]
  [--max-commands N] [--rules-edition 2020|2017] [--role-arn ARN] [--collect-deadline-ms N]
  [--lookup-rps N] [--call-timeout-ms N] [--reports-dir DIR] [--trail-dir DIR] [--check-chunk-calls N] [--path P --commands-replay-path R]
Every flag also reads an environment variable (README, "Configuration").`;

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        target: { type: "string" },
        region: { type: "string" },
        deferred: { type: "boolean" },
        seed: { type: "string" },
        runs: { type: "string" },
        "max-commands": { type: "string" },
        "rules-edition": { type: "string" },
        "role-arn": { type: "string" },
        "collect-deadline-ms": { type: "string" },
        "lookup-rps": { type: "string" },
        "call-timeout-ms": { type: "string" },
        "reports-dir": { type: "string" },
        "trail-dir": { type: "string" },
        "check-chunk-calls": { type: "string" },
        path: { type: "string" },
        "commands-replay-path": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (values["help"]) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = resolveRunConfig(
    {
      target: values["target"],
      region: values["region"],
      deferred: values["deferred"],
      seed: values["seed"],
      runs: values["runs"],
      maxCommands: values["max-commands"],
      rulesEdition: values["rules-edition"],
      roleArn: values["role-arn"],
      collectDeadlineMs: values["collect-deadline-ms"],
      lookupRequestsPerSecond: values["lookup-rps"],
      callTimeoutMs: values["call-timeout-ms"],
      reportsDir: values["reports-dir"],
      trailDir: values["trail-dir"],
      checkChunkCalls: values["check-chunk-calls"],
      replayPath: values["path"],
      commandsReplayPath: values["commands-replay-path"],
    },
    process.env,
  );
  const run = await runConformance(config, process.env, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${run.summary}\n`);
  process.stdout.write(`reports: ${run.paths.json}, ${run.paths.md}, ${run.paths.html}\n`);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`conformance run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
