/**
 * Assembles conformance.json from a finished run: the checks, the verdict and why, coverage per
 * operation, collection figures and finding counts. Pure: the caller writes it (write-reports.ts).
 */
import type { Finding, FindingCode } from "../../oracles/finding.js";
import { IdentityKindSchema, type IdentityKind, type ObservedCall } from "../../history/observed-call.js";
import { DEFAULT_CLOCK_SKEW_MS, type RulesEdition } from "../../oracles/context.js";
import type { CheckInput, IdentityStatus, Incident, Unsupported } from "./check-types.js";
import { buildChecks } from "./checks.js";
import type { Counterexample } from "./counterexample.js";
import { ALL_OPERATIONS } from "./properties.js";
import { ConformanceReportSchema, REPORT_SCHEMA_VERSION, type ConformanceReport } from "./schema.js";
import { exitCodeOf, explainVerdict, verdictOf } from "./verdict.js";

/** Collector figures; `missing` and `duplicatesCollapsed` default to what the findings show. */
export interface CollectionStats {
  requests: number;
  throttled: number;
  missing?: number;
  /** Calls whose records could not be read (default: what the findings' result says, else 0). */
  uncollected?: number;
  duplicatesCollapsed?: number;
}

/** Everything known at the end of a run. */
export interface ReportInput {
  target: "embedded" | "endpoint" | "aws";
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
}

function zeroByKind(): Record<IdentityKind, number> {
  return Object.fromEntries(IdentityKindSchema.options.map((k) => [k, 0])) as Record<IdentityKind, number>;
}

/** Calls per operation by outcome and identity kind, for the rows of the matrix. */
export function coverageOf(calls: readonly ObservedCall[], operations: readonly string[]): ConformanceReport["coverage"] {
  return operations.map((operation) => {
    const mine = calls.filter((c) => c.operation === operation);
    const sent = mine.filter((c) => c.sentToService);
    const byIdentity = zeroByKind();
    for (const c of mine) byIdentity[c.identity.kind]++;
    return {
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

/** How many findings of each code the run produced. */
export function findingsByCode(findings: readonly Finding[]): Partial<Record<FindingCode, number>> {
  const out: Partial<Record<FindingCode, number>> = {};
  for (const f of findings) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
}

/** The full report, validated against ConformanceReportSchema (a bug here throws, never writes a bad file). */
export function buildReport(input: ReportInput): ConformanceReport {
  const checks = buildChecks({
    calls: input.calls, findings: input.findings, identities: input.identities, unsupported: input.unsupported, records: input.records,
    ...(input.replayCommand ? { replayCommand: input.replayCommand } : {}),
    ...(input.counterexamples ? { counterexamples: input.counterexamples } : {}),
    ...(input.operations ? { operations: input.operations } : {}),
    ...(input.cannotFail ? { cannotFail: input.cannotFail } : {}),
    ...(input.uncollected ? { uncollected: input.uncollected } : {}),
  });
  const incidents = input.incidents ?? [];
  const verdict = verdictOf(checks, input.unsupported, incidents);
  const rows = [...new Set(checks.filter((c) => c.operation !== ALL_OPERATIONS).map((c) => c.operation))];
  const missing = input.findings.all.filter((f) => f.code === "completeness.missing_record").length;
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
    calls: input.calls.length,
    records: input.records.length,
    verdict,
    exitCode: exitCodeOf(verdict),
    messages: [...incidents.map((i) => i.message), ...(input.messages ?? []), ...explainVerdict(checks, input.unsupported, incidents)],
    incidents,
    checks,
    identities: IdentityKindSchema.options.map((kind) => {
      const given = input.identities.find((i) => i.kind === kind);
      const callCount = input.calls.filter((c) => c.identity.kind === kind).length;
      if (given === undefined) return { kind, status: "na" as const, reason: "not reported by the harness", callCount };
      return { kind, status: given.status, ...(given.reason !== undefined ? { reason: given.reason } : {}), callCount };
    }),
    coverage: coverageOf(input.calls, rows),
    collection: {
      requests: input.collection?.requests ?? 0,
      throttled: input.collection?.throttled ?? 0,
      missing: input.collection?.missing ?? missing,
      duplicatesCollapsed: input.collection?.duplicatesCollapsed ?? input.findings.duplicatesCollapsed ?? 0,
      uncollected: input.collection?.uncollected ?? input.findings.uncollected?.length ?? 0,
      unsupported: input.unsupported,
    },
    findingsByCode: findingsByCode(input.findings.all),
    historyFile: input.historyFile ?? null,
    recordsFile: input.recordsFile ?? null,
  };
  return ConformanceReportSchema.parse(report);
}
