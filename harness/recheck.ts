/**
 * Re-checking a recorded run (Jepsen's "check later"): the history and the collected records are
 * read from disk and checked again by the oracles, with no call to the target. Malformed lines are
 * reported and skipped; everything else is kept.
 */
import { existsSync } from "node:fs";
import { checkRun } from "../oracles/index.js";
import { oracleContext, RulesEditionSchema } from "../oracles/observed-call.js";
import { readRecordsFile, recordsFileBeside } from "./collectors/records-file.js";
import { ConfigError } from "./config.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "./failing-input.js";
import { readHistory } from "./history.js";
import { buildReport, renderConsole, useColour, writeReports, type ConformanceReport } from "./report/index.js";

/** What to re-check. */
export interface RecheckInput {
  historyPath: string;
  /** Default: the records file beside the history (`<name>.records.jsonl`). */
  recordsPath?: string;
  reportsDir: string;
  rulesEdition?: string;
  /** The run's account; default: the account of the history's first identity. */
  accountId?: string;
  env: NodeJS.ProcessEnv;
}

/** The outcome of a re-check. */
export interface Recheck {
  report: ConformanceReport;
  exitCode: 0 | 1 | 2;
  paths: { json: string; md: string; html: string };
  summary: string;
  /** Lines of the files that could not be read, with their line numbers. */
  problems: string[];
}

/** Reads, checks and reports. @throws ConfigError when a file is missing or the edition is bad. */
export async function recheckHistory(input: RecheckInput): Promise<Recheck> {
  const recordsPath = input.recordsPath ?? recordsFileBeside(input.historyPath);
  for (const [what, path] of [["history", input.historyPath], ["records", recordsPath]] as const) {
    if (!existsSync(path)) throw new ConfigError(`the ${what} file ${path} does not exist; give the history written by a run (reports/run/history.jsonl)${what === "records" ? " and its records file (--records)" : ""}`);
  }
  const edition = RulesEditionSchema.safeParse(input.rulesEdition ?? "2020");
  if (!edition.success) throw new ConfigError(`--rules-edition must be 2020 or 2017, got ${JSON.stringify(input.rulesEdition)}`);
  const history = readHistory(input.historyPath);
  const records = await readRecordsFile(recordsPath);
  const problems = [
    ...history.problems.map((p) => `${input.historyPath}:${p.line}: ${p.message} (line skipped)`),
    ...records.problems.map((p) => `${recordsPath}:${p.line}: ${p.message} (line skipped)`),
  ];
  const first = history.calls[0];
  const accountId = input.accountId ?? first?.identity.accountId ?? "000000000000";
  const ctx = oracleContext(accountId, { rulesEdition: edition.data });
  const result = checkRun(history.calls, records.records, ctx);
  const now = new Date().toISOString();
  const report = buildReport({
    target: "endpoint",
    endpoint: `recorded: ${input.historyPath}`,
    region: first?.region ?? "unknown",
    seed: 0,
    runs: 0,
    rulesEdition: edition.data,
    mode: "deferred",
    startedAt: first?.startedAt ?? now,
    endedAt: now,
    calls: history.calls,
    records: records.records,
    findings: result,
    identities: (["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const).map((kind) =>
      history.calls.some((c) => c.identity.kind === kind) ? { kind, status: "available" as const } : { kind, status: "na" as const, reason: "no call of this kind in the history" },
    ),
    unsupported: [],
    messages: [`Re-check of ${input.historyPath} (${history.calls.length} calls) against ${recordsPath} (${records.records.length} records); the target was not called.`, ...problems],
    historyFile: input.historyPath,
    recordsFile: recordsPath,
    cannotFail: OPERATIONS_WITHOUT_FAILING_INPUT,
  });
  const written = await writeReports(report, input.reportsDir);
  return {
    report,
    exitCode: report.exitCode as 0 | 1 | 2,
    paths: { json: written.json, md: written.markdown, html: written.html },
    summary: renderConsole(report, useColour(process.stdout, input.env)),
    problems,
  };
}
