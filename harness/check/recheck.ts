/**
 * Re-checking a recorded run (Jepsen's "check later"): the history is read from disk and checked
 * again by the oracles, against the records file written beside it (no call to the target), or,
 * with `--collect`, against records read again from the target the run file names (harness/check/recollect.ts).
 * Malformed lines are reported and skipped; everything else is kept.
 */
import { existsSync } from "node:fs";
import { checkRun, type RunResult } from "../../oracles/index.js";
import { type Invocation, type ObservedCall } from "../../history/observed-call.js";
import { oracleContext, RulesEditionSchema, type RulesEdition } from "../../oracles/context.js";
import { readRecordsFile, recordsFileBeside } from "../collect/records-file.js";
import { callPolicyOf, notCalledOf } from "../targets/call-policy.js";
import { ConfigError } from "../config.js";
import { SERVICE_IDS, type ServiceId } from "../../model/services.js";
import { harnessServices, type HarnessService } from "../services/index.js";
import { unverifiedRulesOf } from "../../oracles/index.js";
import { splitByService } from "./service-records.js";
import { readHistory } from "../execute/history.js";
import { incidentsOf } from "../report/incidents.js";
import { recollect, type RecollectSettings } from "./recollect.js";
import { buildReport, renderConsole, useColour, writeReports, type ConformanceReport } from "../report/index.js";
import type { CollectionStats, ReportInput } from "../report/build-report.js";
import { readRunFile, runFileBeside, type RunFile } from "../run/run-file.js";
import { targetProfile } from "../targets/target-profile.js";

/**
 * The flags of `npm run check`, as the user types them; the command-line parser is built from this
 * table and messages name flags by it.
 */
export const CHECK_OPTIONS = {
  records: { flag: "--records", type: "string" },
  reportsDir: { flag: "--reports-dir", type: "string" },
  rulesEdition: { flag: "--rules-edition", type: "string" },
  account: { flag: "--account", type: "string" },
  collect: { flag: "--collect", type: "boolean" },
  collectDeadlineMs: { flag: "--collect-deadline-ms", type: "string" },
  collectPollMs: { flag: "--collect-poll-ms", type: "string" },
  lookupRequestsPerSecond: { flag: "--lookup-rps", type: "string" },
  callTimeoutMs: { flag: "--call-timeout-ms", type: "string" },
  checkChunkCalls: { flag: "--check-chunk-calls", type: "string" },
} as const satisfies Record<string, { flag: `--${string}`; type: "string" | "boolean" }>;

/** What to re-check. */
export interface RecheckInput {
  historyPath: string;
  /** Default: the records file beside the history (`<name>.records.jsonl`). */
  recordsPath?: string;
  reportsDir: string;
  rulesEdition?: string;
  /** The run's account; default: the run file's, else the account of the history's first identity. */
  accountId?: string;
  /** Read the records again from the target the run file names, instead of the records file. */
  collect?: boolean;
  /** Collection settings for `collect` (the same flags as a run). */
  settings?: RecollectSettings;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
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

const KINDS = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;

/** The sentences for a history whose run did not end, and for calls it left in flight. */
function unfinished(run: RunFile | undefined, calls: number, interrupted: readonly Invocation[]): string[] {
  const out: string[] = [];
  if (run !== undefined && !run.completed) {
    out.push(`The run that wrote this history did not end (it was killed, or is still running): the history is checked to its last complete line (${calls} calls).`);
  }
  if (interrupted.length > 0) {
    const seqs = interrupted.map((i) => `${i.seq} ${i.operation}`).slice(0, 5).join(", ");
    out.push(`${interrupted.length} call${interrupted.length === 1 ? " was" : "s were"} in flight when the history ended (${seqs}): each may have reached the service, so a record no call claims that one of them could have made is advisory.`);
  }
  return out;
}

/** Reads, checks and reports. @throws ConfigError when a file is missing, the edition is bad, or the history cannot be collected again. */
export async function recheckHistory(input: RecheckInput): Promise<Recheck> {
  const recordsPath = input.recordsPath ?? recordsFileBeside(input.historyPath);
  if (!existsSync(input.historyPath)) throw new ConfigError(`the history file ${input.historyPath} does not exist; give the history written by a run (reports/run/history.jsonl)`);
  const runPath = runFileBeside(input.historyPath);
  const runRead = existsSync(runPath) ? readRunFile(runPath) : undefined;
  if (runRead !== undefined && !runRead.ok) throw new ConfigError(`${runRead.reason}; it is written by npm run conformance beside its history`);
  const run = runRead?.ok ? runRead.run : undefined;
  const edition = RulesEditionSchema.safeParse(input.rulesEdition ?? run?.rulesEdition ?? "2020");
  if (!edition.success) throw new ConfigError(`--rules-edition must be 2020 or 2017, got ${JSON.stringify(input.rulesEdition)}`);

  if (input.collect) {
    if (run === undefined) {
      throw new ConfigError(`--collect needs the run file ${runPath}, which npm run conformance writes beside its history as soon as the target is probed; ${input.historyPath} has none (it was not written by a run of this version).`);
    }
    return collectAndReport(input, recordsPath, run, edition.data);
  }
  if (!existsSync(recordsPath)) {
    const how = run === undefined || !targetProfile(run.target).collectLater ? "" : ` Read them from the target with \`npm run check -- ${input.historyPath} --collect\`.`;
    throw new ConfigError(`the records file ${recordsPath} does not exist: the run stopped before it collected its records (killed?), or give it with --records.${how}`);
  }
  const history = readHistory(input.historyPath);
  const records = await readRecordsFile(recordsPath);
  const problems = [
    ...history.problems.map((p) => `${input.historyPath}:${p.line}: ${p.message} (line skipped)`),
    ...records.problems.map((p) => `${recordsPath}:${p.line}: ${p.message} (line skipped)`),
  ];
  const accountId = input.accountId ?? run?.accountId ?? history.calls[0]?.identity.accountId ?? "000000000000";
  const unchecked = new Set(run?.uncheckedRequestIds ?? []);
  const own = records.records.filter((r) => !unchecked.has(requestIdOf(r) ?? ""));
  const services = harnessServices(servicesIn(run, history.calls));
  const split = splitByService(own, history.calls, services);
  const parts = services.map((service) => {
    const calls = history.calls.filter((c) => c.service === service.id);
    const ctx = oracleContext(accountId, {
      rulesEdition: edition.data, eventSource: service.eventSource,
      interrupted: history.interrupted.filter((i) => i.service === service.id), ...(run !== undefined ? { clockSkewMs: run.clockSkewMs } : {}),
    });
    const mine = split.get(service.id) ?? [];
    return { service, calls, records: mine, result: checkRun(calls, mine, ctx) };
  });
  return report(input, {
    run, parts, edition: edition.data, problems,
    messages: [`Re-check of ${input.historyPath} (${history.calls.length} calls) against ${recordsPath} (${records.records.length} records); the target was not called.`, ...unfinished(run, history.calls.length, history.interrupted), ...problems],
  });
}

/** One service's calls, records and findings. */
interface CheckedPart {
  service: HarnessService;
  calls: readonly ObservedCall[];
  records: readonly unknown[];
  result: RunResult;
}

/** The services a history holds: its run file's, else those its calls name, else Classic. */
export function servicesIn(run: RunFile | undefined, calls: readonly ObservedCall[]): ServiceId[] {
  if (run !== undefined) return [...run.services];
  const named = new Set(calls.map((c) => c.service));
  const ids = SERVICE_IDS.filter((id) => named.has(id));
  return ids.length > 0 ? ids : ["inspector"];
}

function requestIdOf(record: unknown): string | undefined {
  const r = typeof record === "string" ? undefined : (record as Record<string, unknown> | null);
  return typeof r?.["requestID"] === "string" ? r["requestID"] : undefined;
}

async function collectAndReport(input: RecheckInput, recordsPath: string, run: RunFile, edition: RulesEdition): Promise<Recheck> {
  const got = await recollect(input.historyPath, recordsPath, run, input.settings ?? {}, input.env, input.log ?? (() => undefined));
  const problems = [
    ...got.index.problems.map((p) => `${input.historyPath}:${p.line}: ${p.message} (line skipped)`),
    ...(got.parts[0]?.checked.problems ?? []).filter((p) => !got.index.problems.some((q) => q.line === p.line)).map((p) => `${input.historyPath}:${p.line}: ${p.message} (line skipped)`),
  ];
  const incidents = incidentsOf(undefined, got.trouble, { where: got.where, calls: got.index.calls.length, historyFile: input.historyPath });
  const parts = got.parts.map((p) => ({ service: p.service, calls: got.index.calls.filter((c) => c.service === p.service.id), records: p.checked.records, result: p.checked.result }));
  const interrupted = got.parts.flatMap((p) => p.checked.interrupted);
  return report(input, {
    run, parts, edition, problems, incidents,
    collection: { ...got.collection.figures(), uncollected: parts.reduce((n, p) => n + p.result.uncollected.length, 0) },
    messages: [...got.messages, ...unfinished(run, got.index.calls.length, interrupted), ...problems],
  });
}

/** Builds and writes the report of a re-check. */
async function report(
  input: RecheckInput,
  r: {
    run: RunFile | undefined; parts: readonly CheckedPart[]; edition: RulesEdition;
    problems: string[]; messages: string[]; incidents?: ReportInput["incidents"]; collection?: CollectionStats;
  },
): Promise<Recheck> {
  const calls = r.parts.flatMap((p) => p.calls).sort((a, b) => a.seq - b.seq);
  const first = calls[0];
  const now = new Date().toISOString();
  const built = buildReport({
    target: r.run?.target ?? "endpoint",
    endpoint: r.run?.endpoints.inspector ?? r.run?.endpoints.inspector2 ?? `recorded: ${input.historyPath}`,
    region: r.run?.region ?? first?.region ?? "unknown",
    seed: r.run?.seed ?? 0,
    runs: r.run?.runs ?? 0,
    rulesEdition: r.edition,
    mode: "deferred",
    startedAt: r.run?.startedAt ?? first?.startedAt ?? now,
    endedAt: now,
    ...(r.run !== undefined ? { clockSkewMs: r.run.clockSkewMs } : {}),
    calls,
    records: [],
    findings: { all: [], byCall: new Map() },
    services: r.parts.map((p) => {
      // The run's call policy left operations out: na with the reason, as the run reported them.
      const notCalled = r.run !== undefined ? notCalledOf(callPolicyOf(r.run), p.service.id, p.service.facts.operations, p.calls) : new Map<string, string>();
      return {
        service: p.service.id, calls: p.calls, records: p.records, findings: p.result, cannotFail: p.service.sweep.cannotFail,
        uncollected: new Set(p.result.uncollected), unverified: unverifiedRulesOf(p.service.id),
        ...(notCalled.size > 0 ? { notCalled } : {}),
      };
    }),
    identities: KINDS.map((kind) =>
      calls.some((c) => c.identity.kind === kind) ? { kind, status: "available" as const } : { kind, status: "na" as const, reason: "no call of this kind in the history" },
    ),
    unsupported: [],
    ...(r.incidents !== undefined ? { incidents: r.incidents } : {}),
    ...(r.collection !== undefined ? { collection: r.collection } : {}),
    messages: r.messages,
    historyFile: input.historyPath,
    recordsFile: input.recordsPath ?? recordsFileBeside(input.historyPath),
  });
  const written = await writeReports(built, input.reportsDir);
  return {
    report: built,
    exitCode: built.exitCode as 0 | 1 | 2,
    paths: { json: written.json, md: written.markdown, html: written.html },
    summary: renderConsole(built, useColour(process.stdout, input.env)),
    problems: r.problems,
  };
}
