/** Pure helpers of the collectors: record keys, deduplication, join, page parsing, window, error classification. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dedupeRecords, PassRecords } from "../../../harness/collect/dedupe.js";
import { joinByRequestId } from "../../../harness/collect/join.js";
import { classifyLookupError } from "../../../harness/collect/lookup-errors.js";
import { recordsOfPage } from "../../../harness/collect/lookup-page.js";
import { lookupWindow, windowOfCalls } from "../../../harness/collect/lookup-window.js";
import { copyKeyOf, requestIdOf } from "../../../harness/collect/record-keys.js";
import { unsentCall } from "./helpers.js";
import type { ObservedCall } from "../../../history/observed-call.js";

const rec = (eventID: string, requestID: string, extra: Record<string, unknown> = {}) => ({ eventID, requestID, ...extra });
const sent = (seq: number, requestId: string | undefined): ObservedCall => {
  const { requestId: _unused, ...base } = unsentCall(seq);
  return { ...base, sentToService: true, outcome: "ok", ...(requestId !== undefined ? { requestId } : {}) };
};

describe("dedupe by eventID", () => {
  it("collapses copies of one event, keeps an eventID reused by another request, collapses identical records without eventID", () => {
    const out = dedupeRecords([rec("e1", "r1"), rec("e1", "r1", { late: true }), rec("e1", "r2"), { requestID: "r3" }, { requestID: "r3" }, { requestID: "r4" }, "raw", "raw", 5, 5]);
    expect(out.duplicatesCollapsed).toBe(3);
    expect(out.records).toEqual([rec("e1", "r1"), rec("e1", "r2"), { requestID: "r3" }, { requestID: "r4" }, "raw", 5, 5]);
  });

  test.prop([fc.array(fc.record({ eventID: fc.constantFrom("a", "b", "c"), requestID: fc.constantFrom("x", "y") }), { maxLength: 30 })])(
    "is idempotent and loses no distinct event",
    (records) => {
      const once = dedupeRecords(records);
      expect(dedupeRecords(once.records)).toEqual({ records: once.records, duplicatesCollapsed: 0 });
      expect(once.records.length + once.duplicatesCollapsed).toBe(records.length);
      expect(new Set(once.records.map(copyKeyOf))).toEqual(new Set(records.map(copyKeyOf)));
    },
  );

  it("counts re-reads in later passes as nothing, and copies within one pass as duplicates", () => {
    const passes = new PassRecords();
    passes.beginPass();
    passes.add(rec("e1", "r1"));
    passes.beginPass();
    passes.add(rec("e1", "r1"));
    passes.add(rec("e2", "r2"));
    passes.add(rec("e2", "r2"));
    passes.beginPass();
    passes.add(rec("e1", "r1"));
    passes.add(rec("e2", "r2"));
    passes.add({ requestID: "no-event-id" });
    passes.beginPass();
    passes.add({ requestID: "no-event-id" });
    expect(passes.records()).toEqual([rec("e1", "r1"), rec("e2", "r2"), { requestID: "no-event-id" }]);
    expect(passes.duplicatesCollapsed()).toBe(1);
  });
});

describe("join by requestID", () => {
  it("joins records to sent calls, lists the missing, and keeps the unmatched", () => {
    const calls = [sent(0, "r0"), sent(1, "r1"), sent(2, undefined), unsentCall(3)];
    const records = [rec("e0", "r0"), rec("e9", "r9"), "raw", rec("e0b", "r0")];
    const out = joinByRequestId(calls, records);
    expect(out.expected).toBe(2);
    expect(out.missing).toEqual([1]);
    expect(out.bySeq.get(0)).toEqual([rec("e0", "r0"), rec("e0b", "r0")]);
    expect(out.unmatched).toEqual([rec("e9", "r9"), "raw"]);
  });

  it("reads requestID only when it is a non-empty string", () => {
    expect([{ requestID: "a" }, { requestID: "" }, { requestID: 3 }, null, "x", ["a"]].map(requestIdOf)).toEqual(["a", undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("LookupEvents page", () => {
  it("parses CloudTrailEvent text, keeps malformed text raw, and names events without one", () => {
    const out = recordsOfPage([{ EventId: "e1", CloudTrailEvent: '{"eventID":"e1"}' }, { EventId: "e2", CloudTrailEvent: "nope" }, { EventId: "e3", CloudTrailEvent: "null" }, { EventId: "e4" }, 7]);
    expect(out.records).toEqual([{ eventID: "e1" }, "nope", "null"]);
    expect(out.withoutRecord).toEqual(["e4", "Events[4]"]);
  });
});

describe("lookup window", () => {
  it("widens by the margin on both sides and orders a reversed window", () => {
    const a = new Date("2026-05-01T12:00:00Z");
    const b = new Date("2026-05-01T12:10:00Z");
    expect(lookupWindow({ start: b, end: a }, 5000)).toEqual({ StartTime: new Date("2026-05-01T11:59:55Z"), EndTime: new Date("2026-05-01T12:10:05Z") });
    expect(() => lookupWindow({ start: new Date(Number.NaN), end: a })).toThrow(RangeError);
    expect(windowOfCalls([])).toBeUndefined();
    expect(windowOfCalls([{ startedAt: "2026-05-01T12:00:01Z", endedAt: "2026-05-01T12:00:02Z" }, { startedAt: "2026-05-01T12:00:00Z", endedAt: "2026-05-01T12:00:01Z" }])).toEqual({
      start: new Date("2026-05-01T12:00:00Z"),
      end: new Date("2026-05-01T12:00:02Z"),
    });
  });
});

describe("classifyLookupError", () => {
  const sdkError = (name: string, status?: number, message = "m") => Object.assign(new Error(message), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });
  it.each([
    [sdkError("ThrottlingException", 400), "throttled"],
    [sdkError("Unknown", 429), "throttled"],
    [sdkError("UnknownOperationException", 400), "unsupported"],
    [sdkError("UnsupportedOperationException", 400), "unsupported"],
    [sdkError("UnknownError", 404), "unsupported"],
    [sdkError("InternalFailure", 500, "The lookup_events action has not been implemented"), "unsupported"],
    [sdkError("AccessDeniedException", 400), "fatal"],
    [sdkError("UnrecognizedClientException", 400), "fatal"],
    [sdkError("InvalidTimeRangeException", 400), "fatal"],
    [sdkError("InternalFailure", 500), "transient"],
    [sdkError("SyntaxError", 502, "Unexpected token '<'"), "transient"],
    [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "transient"],
    [sdkError("TimeoutError"), "transient"],
  ])("%s -> %s", (error, kind) => {
    expect(classifyLookupError(error).kind).toBe(kind);
  });
});
