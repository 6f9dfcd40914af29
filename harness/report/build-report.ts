/**
 * Assembles conformance.json from a finished run: each service's checks, verdict and why, the run's
 * verdict, coverage per operation, collection figures and finding counts. Pure: the caller writes
 * it (write-reports.ts).
 */
import type { Finding, FindingCode } from "../../oracles/finding.js";
import { IdentityKindSchema, type IdentityKind, type ObservedCall } from "../../history/observed-call.js";
import { SERVICES, type ServiceId } from "../../model/services.js";
import { DEFAULT_CLOCK_SKEW_MS, type RulesEdition } from "../../oracles/context.js";
import type { CheckInput, IdentityStatus, Incident, Unsupported } from "./check-types.js";
import { buildChecks } from "./checks.js";
import type { TargetName } from "../targets/target.js";
import type { Counterexample } from "./counterexample.js";
import { ALL_OPERATIONS } from "./properties.js";
import { ConformanceReportSchema, REPORT_SCHEMA_VERSION, type ConformanceReport, type FindingTallyRow, type UnverifiedRule } from "./schema.js";
import { tallyFindings } from "./finding-tally.js";
import { problemsOf } from "./problems.js";
import { problemRefsOf } from "./render-common.js";
import { unsupportedOf } from "./unsupported.js";
import { exitCodeOf, explainVerdict, verdictOf, type Verdict } from "./verdict.js";

/** Collector figures; `missing` and `duplicatesCollapsed` default to what the findings show. */
export interface CollectionStats {
  requests: number;
  throttled: number;
  missing?: number;
  /** Calls whose records could not be read (default: what the findings' result says, else 0). */
  uncollected?: number;
  duplicatesCollapsed?: number;
  late?: number;
  pages?: number;
  pagesPerRecord?: number | null;
  deliveryLatencyMs?: { samples: number; p50: number; p95: number; max: number } | null;
}

/** What one service of the run made, collected and found. */
export interface ServicePart {
  service: ServiceId;
  calls: readonly ObservedCall[];
  /** The collected records of its calls (objects or CloudTrailEvent strings; a chunked check's has holes where no finding names one). */
  records: readonly unknown[];
  /** checkRun's result over its calls and records. */
  findings: ReportInput["findings"];
  counterexamples?: Counterexample[];
  /** Report rows; default: the service's operations (plus any other its history names). */
  operations?: readonly string[];
  /** Its operations no input can make fail. */
  cannotFail?: readonly string[];
  uncollected?: ReadonlySet<number>;
  /** Wall-clock seconds its part of the run took (execution and collection). */
  seconds?: number;
  /** Operations the target's call policy did not let the run call (to succeed), with why: cells with nothing observed are `na`. */
  notCalled?: ReadonlyMap<string, string>;
  /** Rules applied to it that AWS does not document for it. */
  unverified?: readonly Readonly<Omit<UnverifiedRule, "codes"> & { codes: readonly string[] }>[];
}

/**
 * Everything known at the end of a run. A run of several services gives `services`, one part each;
 * without it, `calls`, `records`, `findings` and the fields after `operations` are one Classic part.
 */
export interface ReportInput {
  target: TargetName;
  endpoint: string | undefined;
  region: string;
  seed: number;
  runs: number;
  rulesEdition: RulesEdition;
  mode: "interactive" | "deferred";
  startedAt: string;
  endedAt: string;
  clockSkewMs?: number;
  calls: readonly ObservedCall[];
  /** The collected records as read (objects or CloudTrailEvent strings). */
  records: readonly unknown[];
  /** checkRun's result (only `all`, `byCall` and `duplicatesCollapsed` are read). */
  findings: { all: Finding[]; byCall: Map<number, Finding[]>; duplicatesCollapsed?: number; uncollected?: readonly number[] };
  identities: IdentityStatus[];
  unsupported: Unsupported[];
  collection?: CollectionStats;
  replayCommand?: CheckInput["replayCommand"];
  counterexamples?: Counterexample[];
  /** What went wrong with the target or the transport (harness/report/incidents.ts); their messages come first. */
  incidents?: Incident[];
  /** Extra top-level explanations from the runner (e.g. Inspector Classic's end of support), shown first. */
  messages?: string[];
  historyFile?: string | null;
  recordsFile?: string | null;
  /** Report rows; defaults to the model's 37 operations (plus any other the history names). */
  operations?: readonly string[];
  /** Operations no input can make fail: their `error` cell is `na`. */
  cannotFail?: readonly string[];
  /** Seqs of calls whose records could not be read: cells with nothing else are unknown for that reason. */
  uncollected?: ReadonlySet<number>;
  /** The services of the run, each checked on its own. */
  services?: readonly ServicePart[];
}

function zeroByKind(): Record<IdentityKind, number> {
  return Object.fromEntries(IdentityKindSchema.options.map((k) => [k, 0])) as Record<IdentityKind, number>;
}

/** Calls per operation by outcome and identity kind, for the rows of the matrix. */
export function coverageOf(calls: readonly ObservedCall[], operations: readonly string[], service: ServiceId = "inspector"): ConformanceReport["coverage"] {
  return operations.map((operation) => {
    const mine = calls.filter((c) => c.operation === operation);
    const sent = mine.filter((c) => c.sentToService);
    const byIdentity = zeroByKind();
    for (const c of mine) byIdentity[c.identity.kind]++;
    return {
      service,
      operation,
      calls: mine.length,
      ok: sent.filter((c) => c.outcome === "ok").length,
      error: sent.filter((c) => c.outcome === "error").length,
      unknown: sent.filter((c) => c.outcome === "unknown").length,
      unsent: mine.length - sent.length,
      byIdentity,
    };
  });
}

/** How many findings of each code the run produced (each finding of the list counted). */
export function findingsByCode(findings: readonly Finding[]): Partial<Record<FindingCode, number>> {
  const out: Partial<Record<FindingCode, number>> = {};
  for (const f of findings) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
}

/** Findings per code from a finding tally: one both collectors saw on a call counts once. */
export function findingsByCodeOfTally(tally: readonly FindingTallyRow[]): Partial<Record<FindingCode, number>> {
  const out: Partial<Record<FindingCode, number>> = {};
  for (const row of tally) out[row.code] = (out[row.code] ?? 0) + row.findings;
  return out;
}

/** fail if one service fails, else unknown if one is unknown, else pass. */
function runVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) return "fail";
  return verdicts.includes("unknown") ? "unknown" : "pass";
}

/** The parts of `input`: its services, or the one Classic part its top-level fields describe. */
function partsOf(input: ReportInput): readonly ServicePart[] {
  if (input.services !== undefined) return input.services;
  return [{
    service: "inspector", calls: input.calls, records: input.records, findings: input.findings,
    ...(input.counterexamples ? { counterexamples: input.counterexamples } : {}),
    ...(input.operations ? { operations: input.operations } : {}),
    ...(input.cannotFail ? { cannotFail: input.cannotFail } : {}),
    ...(input.uncollected ? { uncollected: input.uncollected } : {}),
  }];
}

/** The full report, validated against ConformanceReportSchema (a bug here throws, never writes a bad file). */
export function buildReport(input: ReportInput): ConformanceReport {
  const incidents = input.incidents ?? [];
  const parts = partsOf(input);
  const several = parts.length > 1;
  const judged = parts.map((part) => {
    const unsupported = unsupportedOf(input.unsupported, part.service);
    const checks = buildChecks({
      service: part.service, calls: part.calls, findings: part.findings, identities: input.identities, unsupported, records: part.records,
      ...(input.replayCommand ? { replayCommand: input.replayCommand } : {}),
      ...(part.counterexamples ? { counterexamples: part.counterexamples } : {}),
      ...(part.operations ? { operations: part.operations } : {}),
      ...(part.cannotFail ? { cannotFail: part.cannotFail } : {}),
      ...(part.notCalled ? { notCalled: part.notCalled } : {}),
      ...(part.uncollected ? { uncollected: part.uncollected } : {}),
    });
    const verdict = verdictOf(checks, unsupported, incidents);
    const rows = [...new Set(checks.filter((c) => c.operation !== ALL_OPERATIONS).map((c) => c.operation))];
    const tally = tallyFindings({ service: part.service, calls: part.calls, findings: part.findings, records: part.records, checkIds: new Set(checks.map((c) => c.id)) });
    return { part, checks, verdict, rows, unsupported, tally };
  });
  const checks = judged.flatMap((j) => j.checks);
  const calls = parts.flatMap((p) => p.calls);
  const tally = judged.flatMap((j) => j.tally);
  const identities = IdentityKindSchema.options.map((kind) => {
    const given = input.identities.find((i) => i.kind === kind);
    const callCount = calls.filter((c) => c.identity.kind === kind).length;
    if (given === undefined) return { kind, status: "na" as const, reason: "not reported by the harness", callCount };
    return { kind, status: given.status, ...(given.reason !== undefined ? { reason: given.reason } : {}), callCount };
  });
  const coverage = judged.flatMap((j) => coverageOf(j.part.calls, j.rows, j.part.service));
  const problems = problemsOf({ checks, identities, coverage, findingTally: tally });
  const refs = problemRefsOf(problems);
  const messagesOf = new Map(judged.map((j) => [j.part.service, explainVerdict(j.checks, j.unsupported, incidents, refs)]));
  const verdict = runVerdict(judged.map((j) => j.verdict));
  const title = (service: ServiceId): string => SERVICES[service].title;
  // One service: its explanations as they are. Several: how each did, then each one's explanations under its name.
  const explanations = several
    ? [
        judged.map((j) => `${title(j.part.service)}: ${j.verdict} (${j.part.calls.length} calls, ${j.rows.length} operations).`).join(" "),
        ...judged.flatMap((j) => messagesOf.get(j.part.service)!.map((m) => `${title(j.part.service)}: ${m}`)),
      ]
    : messagesOf.get(judged[0]!.part.service)!;
  // A chunked check keeps only the records its findings name: its array has holes, so count by length.
  const records = parts.reduce((n, p) => n + p.records.length, 0);
  const byCode = findingsByCodeOfTally(tally);
  const missing = byCode["completeness.missing_record"] ?? 0;
  const report: ConformanceReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    target: input.target,
    endpoint: input.endpoint ?? null,
    region: input.region,
    seed: input.seed,
    runs: input.runs,
    rulesEdition: input.rulesEdition,
    mode: input.mode,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    clockSkewMs: input.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS,
    calls: calls.length,
    records,
    verdict,
    services: judged.map((j) => ({
      service: j.part.service,
      title: title(j.part.service),
      verdict: j.verdict,
      calls: j.part.calls.length,
      records: j.part.records.length,
      operations: j.rows.length,
      seconds: j.part.seconds ?? null,
      messages: messagesOf.get(j.part.service)!,
      unverified: (j.part.unverified ?? []).map((u) => ({ rule: u.rule, why: u.why, codes: [...u.codes] })),
    })),
    exitCode: exitCodeOf(verdict),
    messages: [...incidents.map((i) => i.message), ...(input.messages ?? []), ...explanations],
    incidents,
    checks,
    identities,
    coverage,
    collection: {
      requests: input.collection?.requests ?? 0,
      throttled: input.collection?.throttled ?? 0,
      missing: input.collection?.missing ?? missing,
      duplicatesCollapsed: input.collection?.duplicatesCollapsed ?? parts.reduce((n, p) => n + (p.findings.duplicatesCollapsed ?? 0), 0),
      uncollected: input.collection?.uncollected ?? parts.reduce((n, p) => n + (p.findings.uncollected?.length ?? 0), 0),
      late: input.collection?.late ?? 0,
      pages: input.collection?.pages ?? 0,
      pagesPerRecord: input.collection?.pagesPerRecord ?? null,
      deliveryLatencyMs: input.collection?.deliveryLatencyMs ?? null,
      unsupported: input.unsupported,
    },
    findingsByCode: byCode,
    problems,
    findingTally: tally,
    historyFile: input.historyFile ?? null,
    recordsFile: input.recordsFile ?? null,
  };
  return ConformanceReportSchema.parse(report);
}
