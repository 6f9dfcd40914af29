/**
 * Completeness across the two services: a record's eventSource tells its service, so a call never
 * claims a record of the other service (ListTagsForResource exists in both), by requestID or by
 * near match; a misspelled eventSource on a record that carries the call's requestID is the
 * correlated rule's finding, not a completeness one.
 */
import { describe, expect, it } from "vitest";
import { checkRun } from "../../oracles/check-call.js";
import { checkCompleteness } from "../../oracles/completeness.js";
import { oracleContext } from "../../oracles/context.js";
import type { Invocation, ObservedCall } from "../../history/observed-call.js";
import { ACCOUNT, buildPair } from "./record-builder.js";
import { buildV2Pair, V2_SOURCE } from "./inspector2-builder.js";

/** A Classic ListTagsForResource call and a v2 one, same caller, same second, distinct request ids. */
function twins() {
  const classic = buildPair({ kind: "IAMUser", operation: "ListTagsForResource", outcome: "ok", edition: "2020", eventVersion: "1.08", seq: 1 });
  const v2 = buildV2Pair({ operation: "ListTagsForResource", seq: 2 });
  return { classic, v2 };
}
const codesOf = (findings: readonly { code: string }[]): string[] => findings.map((f) => f.code).sort();
const withoutRequestId = (call: ObservedCall): ObservedCall => {
  const c = { ...call };
  delete c.requestId;
  return c;
};

describe("completeness across Classic and v2", () => {
  it("a mixed run of faithful pairs joins each call to its own record, under either service's context", () => {
    const { classic, v2 } = twins();
    for (const ctx of [oracleContext(ACCOUNT), v2.ctx]) {
      const result = checkRun([classic.call, v2.call], [v2.record, classic.record], ctx);
      expect(result.all).toEqual([]);
      expect(result.matched.get(1)!["eventSource"]).toBe("inspector.amazonaws.com");
      expect(result.matched.get(2)!["eventSource"]).toBe(V2_SOURCE);
    }
  });

  it("a Classic ListTagsForResource call without a request id does not near-match the v2 ListTagsForResource record", () => {
    const { classic, v2 } = twins();
    const result = checkCompleteness([withoutRequestId(classic.call)], [v2.record], oracleContext(ACCOUNT));
    expect(result.matched.size).toBe(0);
    expect(codesOf(result.findings)).toEqual(["completeness.missing_record"]);
    // The same call does near-match its own service's record.
    expect(checkCompleteness([withoutRequestId(classic.call)], [classic.record], oracleContext(ACCOUNT)).matched.get(1)).toBe(classic.record);
  });

  it("nor the reverse: a v2 call without a request id leaves the Classic record alone", () => {
    const { classic, v2 } = twins();
    const result = checkCompleteness([withoutRequestId(v2.call)], [classic.record], oracleContext(ACCOUNT));
    expect(result.matched.size).toBe(0);
    expect(codesOf(result.findings)).toEqual(["completeness.extra_record", "completeness.missing_record"]);
  });

  it("a Classic call whose record is missing does not take the v2 record of the same operation, caller and second", () => {
    const { classic, v2 } = twins();
    v2.record["requestID"] = "a-v2-request-no-call-made";
    const result = checkCompleteness([classic.call], [v2.record], oracleContext(ACCOUNT));
    expect(result.matched.size).toBe(0);
    expect(codesOf(result.findings)).toEqual(["completeness.missing_record"]);
    // Its own service's record with a wrong requestID would be joined (correlated.request_id).
    classic.record["requestID"] = "wrong";
    expect(codesOf(checkCompleteness([classic.call], [classic.record], oracleContext(ACCOUNT)).findings)).toEqual(["correlated.request_id"]);
  });

  it("a record with the call's requestID but the other service's eventSource is the call's record, with correlated.event_source", () => {
    const { v2 } = twins();
    v2.record["eventSource"] = "inspector.amazonaws.com";
    // A request id names one request, whatever service the record says it is of.
    for (const ctx of [oracleContext(ACCOUNT), oracleContext(ACCOUNT, { eventSource: V2_SOURCE }), v2.ctx]) {
      const result = checkRun([v2.call], [v2.record], ctx);
      expect(result.matched.get(v2.call.seq)).toBe(v2.record);
      expect(codesOf(result.all)).toEqual(["correlated.event_source"]);
    }
  });

  it("a near match never takes a record of the other service", () => {
    const { v2 } = twins();
    v2.record["eventSource"] = "inspector.amazonaws.com";
    v2.record["requestID"] = "00000000-0000-4000-8000-000000000000";
    const result = checkRun([v2.call], [v2.record], oracleContext(ACCOUNT, { eventSource: V2_SOURCE }));
    expect(result.matched.size).toBe(0);
    expect(codesOf(result.all)).toContain("completeness.missing_record");
  });

  it("a misspelled eventSource on a record with the call's requestID is correlated.event_source, not completeness", () => {
    const { v2 } = twins();
    v2.record["eventSource"] = "inspector2.amazonaws.co";
    const result = checkRun([v2.call], [v2.record], v2.ctx);
    expect(result.matched.get(2)).toBe(v2.record);
    expect(codesOf(result.all)).toEqual(["correlated.event_source"]);
  });

  it("an interrupted v2 call does not make a Classic record of the same name its own", () => {
    const { classic, v2 } = twins();
    const inFlight: Invocation = {
      seq: 9, service: "inspector2", operation: "ListTagsForResource", accessKeyId: v2.call.identity.accessKeyId,
      startedAt: v2.call.startedAt, deadlineAt: v2.call.endedAt,
    };
    const ctx = oracleContext(ACCOUNT, { interrupted: [inFlight], runAccessKeys: new Set([inFlight.accessKeyId]) });
    expect(codesOf(checkCompleteness([], [classic.record], ctx).findings)).toEqual(["completeness.extra_record"]);
    expect(codesOf(checkCompleteness([], [v2.record], { ...ctx, eventSource: V2_SOURCE }).findings)).toEqual(["completeness.record_of_unknown_call"]);
  });

  it("a v2 record of the run's caller that no call claims is an extra record once v2 calls are checked", () => {
    const { classic, v2 } = twins();
    const stray = { ...structuredClone(v2.record), requestID: "stray", eventID: "bbbbbbbb-0000-4000-8000-000000000001" };
    expect(codesOf(checkCompleteness([classic.call, v2.call], [classic.record, v2.record, stray], oracleContext(ACCOUNT)).findings))
      .toEqual(["completeness.extra_record"]);
    // Checking Classic calls alone under Classic's scope, v2 activity is someone else's to judge.
    const alone = checkCompleteness([classic.call], [classic.record, stray], oracleContext(ACCOUNT));
    expect(alone.findings).toEqual([]);
    expect(alone.ignored).toBe(1);
  });
});
