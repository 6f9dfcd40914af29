/** Completeness and checkRun: joining calls to records by requestID, duplicates, extras, unsent calls. */
import { describe, expect, it } from "vitest";
import { checkRun } from "../../oracles/check-call.js";
import { checkCompleteness } from "../../oracles/completeness.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { buildPair } from "./record-builder.js";

const pairs = [1, 2, 3].map((seq) =>
  buildPair({ kind: seq === 2 ? "AssumedRole" : "IAMUser", operation: seq === 3 ? "ListFindings" : "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.08", seq }),
);
const ctx = pairs[0]!.ctx;
const calls = pairs.map((p) => p.call);
const records = pairs.map((p) => p.record);

describe("checkCompleteness", () => {
  it("joins each call to its record by requestID, whatever the order and form (object or CloudTrailEvent string)", () => {
    const result = checkCompleteness(calls, [JSON.stringify(records[2]), records[0], records[1]], ctx);
    expect(result.findings).toEqual([]);
    expect([...result.matched.keys()].sort()).toEqual([1, 2, 3]);
    expect(result.matched.get(3)!["eventName"]).toBe("ListFindings");
  });

  it("collapses re-deliveries (same eventID) and counts them", () => {
    const result = checkCompleteness(calls, [...records, structuredClone(records[0]), structuredClone(records[0])], ctx);
    expect(result.duplicatesCollapsed).toBe(2);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([
      ["completeness.duplicate_delivery", "advisory"], ["completeness.duplicate_delivery", "advisory"],
    ]);
  });

  it("ignores records of other principals or other services; flags extra records of the run's principals", () => {
    const foreign = { ...structuredClone(records[0]!), requestID: "foreign", eventID: "aaaaaaaa-0000-4000-8000-000000000001", userIdentity: { type: "IAMUser", accessKeyId: "AKIAOTHER" } };
    const otherService = { ...structuredClone(records[0]!), requestID: "s3", eventID: "aaaaaaaa-0000-4000-8000-000000000002", eventSource: "s3.amazonaws.com" };
    const extra = { ...structuredClone(records[1]!), requestID: "no-such-call", eventID: "aaaaaaaa-0000-4000-8000-000000000003" };
    const result = checkCompleteness(calls, [...records, foreign, otherService, extra], ctx);
    expect(result.ignored).toBe(2);
    expect(result.findings).toEqual([expect.objectContaining({ code: "completeness.extra_record", path: "records[5]", actual: "no-such-call" })]);
  });

  it("a call with unknown outcome and no record is advisory; with a request id but no record it is required for ok/error", () => {
    const unknown: ObservedCall = { ...calls[0]!, seq: 9, outcome: "unknown", response: null };
    delete unknown.requestId;
    const result = checkCompleteness([unknown, calls[1]!], [], ctx);
    expect(result.findings.map((f) => [f.code, f.path, f.severity])).toEqual([
      ["completeness.missing_record", "calls[seq=2]", "required"],
      ["completeness.unknown_call_without_record", "calls[seq=9]", "advisory"],
    ]);
  });

  it("a call whose record could not be read (ctx.uncollected) gets no finding and is listed as uncollected", () => {
    const result = checkCompleteness(calls, [records[0]], { ...ctx, uncollected: new Set([2, 3]) });
    expect(result.findings).toEqual([]);
    expect(result.uncollected.sort()).toEqual([2, 3]);
    // Read records are still judged: a call that was collected and has no record is missing.
    expect(checkCompleteness(calls, [records[0]], { ...ctx, uncollected: new Set([3]) }).findings.map((f) => [f.code, f.path])).toEqual([
      ["completeness.missing_record", "calls[seq=2]"],
    ]);
  });

  it("an unknown call with the request id of its headers is joined by it; without, by the near match, preferring the record of its own request", () => {
    const twin = buildPair({ kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.08", seq: 4 });
    const first: ObservedCall = { ...calls[0]!, outcome: "unknown", unknownCause: "reset", response: null, request: { assessmentTargetName: "first" } };
    const second: ObservedCall = { ...twin.call, outcome: "unknown", unknownCause: "reset", response: null, request: { assessmentTargetName: "second" } };
    delete first.requestId;
    delete second.requestId;
    const recordOf = (r: Record<string, unknown>, name: string, id: string, eventId: string) => ({ ...structuredClone(r), requestParameters: { assessmentTargetName: name }, requestID: id, eventID: eventId });
    const a = recordOf(records[0]!, "first", "r-first", "aaaaaaaa-0000-4000-8000-00000000000a");
    const b = recordOf(twin.record, "second", "r-second", "aaaaaaaa-0000-4000-8000-00000000000b");
    // The records come in the other order: the near match must still pair each call with its own request.
    const result = checkCompleteness([first, second], [b, a], ctx);
    expect(result.findings).toEqual([]);
    expect(result.matched.get(first.seq)).toBe(a);
    expect(result.matched.get(second.seq)).toBe(b);
  });

  it("a record no call claims is advisory when an unknown call of the same operation and caller could have made it, required otherwise", () => {
    const lost: ObservedCall = { ...calls[1]!, seq: 7, outcome: "unknown", unknownCause: "timeout", response: null };
    delete lost.requestId;
    const retried = { ...structuredClone(records[1]!), requestID: "retried", eventID: "aaaaaaaa-0000-4000-8000-000000000009" };
    const withLost = checkCompleteness([calls[0]!, lost], [records[0], records[1], retried], ctx);
    expect(withLost.findings.map((f) => [f.code, f.severity])).toEqual([["completeness.record_of_unknown_call", "advisory"]]);
    // Another caller's unknown call could not have made it.
    const otherCaller: ObservedCall = { ...lost, identity: calls[0]!.identity };
    const without = checkCompleteness([calls[0]!, calls[1]!, otherCaller], [records[0], records[1], retried], ctx);
    expect(without.findings.map((f) => [f.code, f.severity])).toEqual([
      ["completeness.unknown_call_without_record", "advisory"],
      ["completeness.extra_record", "required"],
    ]);
  });

  it("a call without request id is joined by eventName, access key and time window", () => {
    const unknown: ObservedCall = { ...calls[0]!, outcome: "unknown", response: null };
    delete unknown.requestId;
    const result = checkCompleteness([unknown], [records[0]], ctx);
    expect(result.findings).toEqual([]);
    expect(result.matched.get(1)).toBe(records[0]);
  });

  it("a call the SDK never sent must have no record (joined by request id or by name, key and window)", () => {
    const unsent: ObservedCall = { ...calls[0]!, sentToService: false, outcome: "error", response: null };
    delete unsent.requestId;
    expect(checkCompleteness([unsent], [records[0]], ctx).findings.map((f) => f.code)).toEqual(["completeness.record_for_unsent_call"]);
    expect(checkCompleteness([unsent], [], ctx).findings).toEqual([]);
    expect(checkCompleteness([{ ...unsent, requestId: calls[0]!.requestId! }], [records[0]], ctx).findings.map((f) => f.code)).toEqual([
      "completeness.record_for_unsent_call",
    ]);
  });

  it("an unparseable CloudTrailEvent string is a finding, not a throw", () => {
    const result = checkCompleteness(calls, [...records, "{not json"], ctx);
    expect(result.findings).toEqual([expect.objectContaining({ code: "shape.unparseable_record", path: "records[3]" })]);
  });
});

describe("checkRun", () => {
  it("passes a conforming run and tags per-call findings", () => {
    const result = checkRun(calls, records, ctx);
    expect(result.all).toEqual([]);
    expect([...result.byCall.keys()]).toEqual([1, 2, 3]);
  });

  it("reports completeness and per-record findings together", () => {
    const broken = { ...structuredClone(records[1]!), awsRegion: "eu-west-1" };
    const result = checkRun(calls, [records[0], broken], ctx);
    expect(result.all.map((f) => f.code)).toEqual(["completeness.missing_record", "correlated.aws_region"]);
    expect(result.byCall.get(2)!.map((f) => f.code)).toEqual(["correlated.aws_region"]);
  });
});
