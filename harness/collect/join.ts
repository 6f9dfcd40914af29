/**
 * The join of collected records to the run's calls, by the record's requestID (docs/rules.md, rule 5:
 * "requestID equal to the response's request id"). Pure.
 */
import type { ObservedCall } from "../../history/observed-call.js";
import { requestIdOf } from "./record-keys.js";

/** The calls that must have a record: sent to the service and answered with a request id. */
export function expectedCalls(calls: readonly ObservedCall[]): ObservedCall[] {
  return calls.filter((c) => c.sentToService && c.requestId !== undefined);
}

/** Records joined to calls. */
export interface RequestIdJoin {
  /** Records of each expected call, by call seq (present only for calls with at least one record). */
  bySeq: Map<number, unknown[]>;
  /** Seqs of expected calls without any record, ascending. */
  missing: number[];
  /** Number of expected calls. */
  expected: number;
  /** Records whose requestID names no expected call (kept by the collectors: the oracles report extras). */
  unmatched: unknown[];
}

/** Joins `records` to the expected calls among `calls` by requestID. */
export function joinByRequestId(calls: readonly ObservedCall[], records: readonly unknown[]): RequestIdJoin {
  const expected = expectedCalls(calls);
  const seqsByRequestId = new Map<string, number[]>();
  for (const call of expected) {
    const seqs = seqsByRequestId.get(call.requestId!) ?? [];
    seqs.push(call.seq);
    seqsByRequestId.set(call.requestId!, seqs);
  }
  const bySeq = new Map<number, unknown[]>();
  const unmatched: unknown[] = [];
  for (const record of records) {
    const id = requestIdOf(record);
    const seqs = id === undefined ? undefined : seqsByRequestId.get(id);
    if (seqs === undefined) {
      unmatched.push(record);
      continue;
    }
    for (const seq of seqs) {
      const list = bySeq.get(seq) ?? [];
      list.push(record);
      bySeq.set(seq, list);
    }
  }
  const missing = expected
    .map((c) => c.seq)
    .filter((seq) => !bySeq.has(seq))
    .sort((a, b) => a - b);
  return { bySeq, missing, expected: expected.length, unmatched };
}
