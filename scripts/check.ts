/**
 * `npm run check -- <history file> [--records FILE] [--reports-dir DIR] [--rules-edition 2020|2017]`:
 * re-checks a recorded run without calling the target again: the history (one ObservedCall per
 * line) and the records collected for it (`<history>.records.jsonl` by default) go through the
 * oracles, and the reports are written as for a run. Exit codes as `npm run conformance`.
 */
import { parseArgs } from "node:util";
import { ConfigError } from "../harness/config.js";
import { recheckHistory } from "../harness/recheck.js";

const USAGE = "Usage: npm run check -- <history.jsonl> [--records FILE] [--reports-dir DIR] [--rules-edition 2020|2017] [--account ID]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      records: { type: "string" },
      "reports-dir": { type: "string" },
      "rules-edition": { type: "string" },
      account: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigError(`give exactly one history file.\n${USAGE}`);
  const run = await recheckHistory({
    historyPath: positionals[0]!,
    ...(values.records !== undefined ? { recordsPath: values.records } : {}),
    reportsDir: values["reports-dir"] ?? "reports",
    ...(values["rules-edition"] !== undefined ? { rulesEdition: values["rules-edition"] } : {}),
    ...(values.account !== undefined ? { accountId: values.account } : {}),
    env: process.env,
  });
  for (const line of run.problems) process.stderr.write(`${line}\n`);
  process.stdout.write(`${run.summary}\nreports: ${run.paths.json}, ${run.paths.md}, ${run.paths.html}\n`);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${err instanceof ConfigError || (err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? message : `check failed: ${message}`}\n`);
    process.exit(2);
  },
);
