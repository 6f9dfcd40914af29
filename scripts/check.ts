/**
 * `npm run check -- <history> [--records FILE] [--reports-dir DIR] [--rules-edition 2020|2017] [--account ID]
 * [--collect [--collect-deadline-ms N] [--collect-poll-ms N] [--lookup-rps N] [--call-timeout-ms N] [--check-chunk-calls N]]`:
 * re-checks a recorded run. Without --collect, against the records collected for it
 * (`<history>.records.jsonl`), without calling the target; with --collect, against records read again
 * from the target its run file names (endpoint or aws), for a run whose collection was cut short or
 * killed. The reports are written as for a run. Exit codes as `npm run conformance`.
 */
import { parseArgs } from "node:util";
import { ConfigError } from "../harness/config.js";
import { CHECK_OPTIONS, recheckHistory } from "../harness/check/recheck.js";

const USAGE = `Usage: npm run check -- <history.jsonl> [--records FILE] [--reports-dir DIR] [--rules-edition 2020|2017] [--account ID]
  [--collect [--collect-deadline-ms N] [--collect-poll-ms N] [--lookup-rps N] [--call-timeout-ms N] [--check-chunk-calls N]]
--collect reads the records again from the target the history was made against (the same variables as a run).`;

async function main(): Promise<number> {
  const options: Record<string, { type: "string" | "boolean" }> = Object.fromEntries(Object.values(CHECK_OPTIONS).map((o) => [o.flag.slice(2), { type: o.type }]));
  const { values, positionals }: { values: Record<string, string | boolean | undefined>; positionals: string[] } = parseArgs({ options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  const flag = (key: keyof typeof CHECK_OPTIONS): string | boolean | undefined => values[CHECK_OPTIONS[key].flag.slice(2)];
  const text = (key: keyof typeof CHECK_OPTIONS): string | undefined => {
    const v = flag(key);
    return typeof v === "string" ? v : undefined;
  };
  if (values["help"]) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigError(`give exactly one history file.\n${USAGE}`);
  const records = text("records");
  const rulesEdition = text("rulesEdition");
  const account = text("account");
  const run = await recheckHistory({
    historyPath: positionals[0]!,
    ...(records !== undefined ? { recordsPath: records } : {}),
    reportsDir: text("reportsDir") ?? "reports",
    ...(rulesEdition !== undefined ? { rulesEdition } : {}),
    ...(account !== undefined ? { accountId: account } : {}),
    collect: flag("collect") === true,
    settings: {
      ...(text("collectDeadlineMs") !== undefined ? { collectDeadlineMs: text("collectDeadlineMs") } : {}),
      ...(text("collectPollMs") !== undefined ? { collectPollMs: text("collectPollMs") } : {}),
      ...(text("lookupRequestsPerSecond") !== undefined ? { lookupRequestsPerSecond: text("lookupRequestsPerSecond") } : {}),
      ...(text("callTimeoutMs") !== undefined ? { callTimeoutMs: text("callTimeoutMs") } : {}),
      ...(text("checkChunkCalls") !== undefined ? { checkChunkCalls: text("checkChunkCalls") } : {}),
    },
    env: process.env,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const line of run.problems) process.stderr.write(`${line}\n`);
  process.stdout.write(`${run.summary}\nreports: ${run.paths.json}, ${run.paths.md}, ${run.paths.html}\n`);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const known = err instanceof ConfigError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true;
    process.stderr.write(known ? `check: ${message}\nNothing was checked (exit 2).\n` : `check failed: ${message}\n`);
    process.exit(2);
  },
);
