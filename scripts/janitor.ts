/**
 * `npm run janitor -- [--older-than 2h] [--yes] [--region R]`: lists what earlier conformance runs
 * left in the configured account (harness/janitor/) and, with --yes, deletes it. The target is the
 * run's (CONFORMANCE_TARGET aws or endpoint, AWS_ENDPOINT_URL, CONFORMANCE_AWS_ACCOUNTS, …). Exits 0
 * (done, or a dry run), 1 (something could not be deleted), 2 (bad flags or configuration, an
 * account not listed, an unreachable target, a kind that could not be listed).
 */
import { parseArgs } from "node:util";
import { CONFIG_OPTIONS, ConfigError, resolveRunConfig } from "../harness/config.js";
import { runJanitor } from "../harness/janitor/janitor.js";
import { DEFAULT_OLDER_THAN, olderThanSchema } from "../harness/janitor/older-than.js";

const USAGE = `Usage: npm run janitor -- [--older-than ${DEFAULT_OLDER_THAN}] [--yes] [--region R]
  [--target aws|endpoint] [--aws-accounts ID,...] [--call-timeout-ms N]
Lists the filters, CIS scan configurations, code-security scan configurations and integrations that
conformance runs stamped (tag conformance-run, or a name starting with the run id) and that are older
than --older-than (e.g. 90m, 2h, 1d, 0); --yes deletes them. The target is the run's: CONFORMANCE_TARGET,
AWS_ENDPOINT_URL, CONFORMANCE_AWS_ACCOUNTS, AWS_REGION (docs/configuration.md).`;

/** The run settings the janitor takes as flags too. */
const RUN_FLAGS = ["target", "awsAccounts", "region", "callTimeoutMs"] as const;

function usageError(message: string): number {
  process.stderr.write(`janitor: ${message}\n${USAGE}\n`);
  return 2;
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    const runOptions = Object.fromEntries(RUN_FLAGS.map((key) => [CONFIG_OPTIONS[key].flag.slice(2), { type: "string" as const }]));
    ({ values } = parseArgs({ options: { ...runOptions, "older-than": { type: "string" }, yes: { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (values["help"] === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const olderThanText = typeof values["older-than"] === "string" ? values["older-than"] : DEFAULT_OLDER_THAN;
  const olderThan = olderThanSchema.safeParse(olderThanText);
  if (!olderThan.success) return usageError(`--older-than ${olderThan.error.issues[0]?.message ?? "is not a duration"} (got ${JSON.stringify(olderThanText)})`);
  const flags = Object.fromEntries(RUN_FLAGS.map((key) => [key, values[CONFIG_OPTIONS[key].flag.slice(2)]]));
  let config;
  try {
    config = resolveRunConfig(flags, process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`janitor: ${err.message}\nNothing was listed or deleted (exit 2).\n`);
    return 2;
  }
  const result = await runJanitor({
    config,
    olderThan: { text: olderThanText, ms: olderThan.data },
    yes: values["yes"] === true,
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`janitor failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
