/**
 * KnownRecords (harness/collect/known-records.ts): the collected records a later LookupEvents query must
 * return again are picked by eventTime, and forgotten a minute after they were collected.
 */
import { describe, expect, it } from "vitest";
import { KNOWN_RECORD_LIFETIME_MS, KnownRecords } from "../../../harness/collect/known-records.js";
import type { ObservedCall } from "../../../history/observed-call.js";

function call(seq: number, requestId: string | undefined): ObservedCall {
  return {
    service: "inspector",
    seq,
    operation: "ListRulesPackages",
    identity: { kind: "IAMUser", accountId: "111122223333", accessKeyId: "AKIAIOSFODNN7EXAMPLE", callerArn: "arn:aws:iam::111122223333:user/u", callerUserId: "AIDAEXAMPLE", userName: "u" },
    region: "us-east-1",
    request: {},
    response: null,
    outcome: "ok",
    sentToService: true,
    startedAt: "2026-11-25T10:00:00.000Z",
    endedAt: "2026-11-25T10:00:00.100Z",
    ...(requestId !== undefined ? { requestId } : {}),
  };
}

const record = (eventTime: unknown, requestID: string) => ({ eventTime, requestID, eventSource: "inspector.amazonaws.com" });
const window = (from: string, to: string) => ({ start: new Date(from), end: new Date(to) });

describe("KnownRecords", () => {
  it("returns the records whose eventTime is inside the window, edges included, and no other", () => {
    const known = new KnownRecords(() => 0);
    known.add(call(0, "r0"), record("2026-11-25T10:00:00Z", "r0"));
    known.add(call(1, "r1"), record("2026-11-25T10:00:05Z", "r1"));
    known.add(call(2, "r2"), JSON.stringify(record("2026-11-25T10:00:10Z", "r2")));
    const ids = (w: { start: Date; end: Date }) => known.within(w).map((k) => k.call.seq);
    expect(ids(window("2026-11-25T10:00:00Z", "2026-11-25T10:00:10Z"))).toEqual([0, 1, 2]);
    expect(ids(window("2026-11-25T10:00:01Z", "2026-11-25T10:00:09Z"))).toEqual([1]);
    expect(ids(window("2026-11-25T10:00:11Z", "2026-11-25T10:00:20Z"))).toEqual([]);
  });

  it("never returns a record without a readable eventTime, nor a call without a request id", () => {
    const known = new KnownRecords(() => 0);
    known.add(call(0, "r0"), record(undefined, "r0"));
    known.add(call(1, "r1"), record("yesterday-ish", "r1"));
    known.add(call(2, undefined), record("2026-11-25T10:00:00Z", "r2"));
    expect(known.within(window("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z"))).toEqual([]);
    expect(known.size).toBe(2);
  });

  it("keeps the latest record of a request id", () => {
    const known = new KnownRecords(() => 0);
    known.add(call(0, "r0"), record("2026-11-25T10:00:00Z", "r0"));
    known.add(call(0, "r0"), record("2026-11-25T10:00:03Z", "r0"));
    expect(known.within(window("2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z"))).toEqual([]);
    expect(known.within(window("2026-11-25T10:00:02Z", "2026-11-25T10:00:04Z"))).toHaveLength(1);
  });

  it("forgets records collected more than a minute ago, and only those", () => {
    let now = 0;
    const known = new KnownRecords(() => now);
    known.add(call(0, "old"), record("2026-11-25T10:00:00Z", "old"));
    now = 30_000;
    known.add(call(1, "new"), record("2026-11-25T10:00:30Z", "new"));
    now = KNOWN_RECORD_LIFETIME_MS + 1;
    const all = window("2026-11-25T09:00:00Z", "2026-11-25T11:00:00Z");
    expect(known.within(all).map((k) => k.call.seq)).toEqual([1]);
    expect(known.size).toBe(1);
    now = 30_000 + KNOWN_RECORD_LIFETIME_MS;
    expect(known.within(all).map((k) => k.call.seq)).toEqual([1]);
    now += 1;
    expect(known.within(all)).toEqual([]);
  });
});
