/**
 * The oracle entry points: `checkCall` runs every per-record rule family on one call and its record;
 * `checkRun` joins a run's calls to its records (completeness) and checks each pair. Pure: no I/O.
 */
import { checkCompleteness, type CompletenessResult } from "./completeness.js";
import { checkCorrelated } from "./correlated-rule.js";
import { checkRequestEcho } from "./echo-rule.js";
import { checkErrorFields } from "./error-rule.js";
import { finding, type Finding } from "./finding.js";
import { checkIdentity } from "./identity-rule.js";
import { checkLoggingMode } from "./logging-rule.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { OracleContext } from "./context.js";
import { readRecord } from "./record-input.js";
import { checkShape } from "./shape-rule.js";

/**
 * All per-record findings for one call. `record` is an object or a LookupEvents CloudTrailEvent
 * string; undefined means no record was found (a finding when the call reached the service).
 */
export function checkCall(call: ObservedCall, record: unknown, ctx: OracleContext): Finding[] {
  if (record === undefined) {
    if (!call.sentToService) return [];
    if (ctx.uncollected?.has(call.seq)) return [];
    if (call.outcome === "unknown") return [finding("completeness.unknown_call_without_record", `calls[seq=${call.seq}]`, "a record if the call reached the service", `none (${call.unknownCause ?? "no answer"})`)];
    return [finding("completeness.missing_record", `calls[seq=${call.seq}]`, "one record", "none")];
  }
  const parsed = readRecord(record);
  if (!parsed.ok) return [parsed.finding];
  const r = parsed.record;
  return [
    ...checkShape(r),
    ...checkLoggingMode(call, r, ctx),
    ...checkErrorFields(call, r),
    ...checkRequestEcho(call, r),
    ...checkIdentity(call.identity, r),
    ...checkCorrelated(call, r, ctx),
  ];
}

/** Findings of a whole run, each per-record finding tagged with the call it belongs to. */
export interface RunResult extends CompletenessResult {
  /** Every finding: completeness first, then per call in seq order. */
  all: Finding[];
  /** Per-record findings by call seq (calls with a joined record only). */
  byCall: Map<number, Finding[]>;
}

/** Runs completeness over the run, then `checkCall` on every joined (call, record) pair. */
export function checkRun(calls: readonly ObservedCall[], records: readonly unknown[], ctx: OracleContext): RunResult {
  const completeness = checkCompleteness(calls, records, ctx);
  const byCall = new Map<number, Finding[]>();
  const all = [...completeness.findings];
  for (const call of [...calls].sort((a, b) => a.seq - b.seq)) {
    const record = completeness.matched.get(call.seq);
    if (record === undefined) continue;
    const found = checkCall(call, record, ctx);
    byCall.set(call.seq, found);
    all.push(...found);
  }
  return { ...completeness, all, byCall };
}
