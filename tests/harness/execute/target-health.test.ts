/** The run's breaker: when the target counts as down, and the tally of calls without an answer. */
import { describe, expect, it } from "vitest";
import { TargetDownError, TargetHealth } from "../../../harness/execute/target-health.js";
import type { ObservedCall } from "../../../history/observed-call.js";

const call = (seq: number, outcome: ObservedCall["outcome"], cause?: ObservedCall["unknownCause"]): ObservedCall => ({
  service: "inspector",
  seq, operation: "ListFindings", region: "us-east-1", request: {}, response: null, outcome, sentToService: true,
  identity: { kind: "IAMUser", accountId: "111122223333", accessKeyId: "AKIA", callerArn: "arn:aws:iam::111122223333:user/u", callerUserId: "AIDA" },
  ...(cause !== undefined ? { unknownCause: cause, error: { code: "ECONNREFUSED", message: "connect ECONNREFUSED" } } : {}),
  startedAt: `2026-05-01T12:00:0${seq % 10}.000Z`, endedAt: `2026-05-01T12:00:0${seq % 10}.500Z`,
});

describe("TargetHealth", () => {
  it("is down after 5 calls in a row without an answer, not after 4 and an answer", () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    for (let i = 0; i < 4; i++) h.observe(call(i, "unknown", "reset"));
    h.observe(call(4, "error"));
    for (let i = 5; i < 9; i++) h.observe(call(i, "unknown", "refused"));
    expect(h.down).toBeUndefined();
    expect(() => h.assertUp()).not.toThrow();
    h.observe(call(9, "unknown", "refused"));
    expect(h.down?.reason).toMatch(/^Inspector at http:\/\/127\.0\.0\.1:1 gave no complete answer to 5 calls in a row \(the last: ListFindings, refused: connect ECONNREFUSED\)$/);
    expect(() => h.assertUp()).toThrow(TargetDownError);
    expect(h.indeterminate).toMatchObject({ count: 9, byCause: { reset: 4, refused: 5 }, firstAt: "2026-05-01T12:00:00.000Z", lastAt: "2026-05-01T12:00:09.500Z" });
  });

  it("is down after 2 failed collections in a row, not after one and a good one", () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    h.observeCollection(false, "ECONNREFUSED");
    h.observeCollection(true);
    h.observeCollection(false, "ECONNREFUSED");
    expect(h.down).toBeUndefined();
    h.observeCollection(false, "no answer in time");
    expect(h.down?.reason).toMatch(/LookupEvents at http:\/\/127\.0\.0\.1:1 failed 2 collections in a row \(no answer in time\)/);
  });

  it("is down at once when STS stops providing credentials, and keeps the first reason", () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    const err = h.stsFailed("AssumedRole(s1) could not be provisioned (ECONNRESET)");
    expect(err).toBeInstanceOf(TargetDownError);
    expect(err.message).toMatch(/^STS at http:\/\/127\.0\.0\.1:1 stopped providing credentials: AssumedRole\(s1\)/);
    h.observeCollection(false);
    h.observeCollection(false);
    expect(h.down?.reason).toBe(err.message);
  });

  it("surveying: answers that are not the service's (HTML 404) keep it up; calls without any answer still trip it", () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    for (let i = 0; i < 4; i++) h.observe(call(i, "unknown", "foreign-answer"));
    h.surveying();
    for (let i = 4; i < 20; i++) h.observe(call(i, "unknown", "foreign-answer"));
    expect(h.down).toBeUndefined();
    expect(h.indeterminate.byCause).toEqual({ "foreign-answer": 20 });
    for (let i = 20; i < 24; i++) h.observe(call(i, "unknown", "refused"));
    expect(h.down).toBeUndefined();
    h.observe(call(24, "unknown", "timeout"));
    expect(h.down?.reason).toMatch(/gave no complete answer to 5 calls in a row \(the last: ListFindings, timeout/);
  });

  it("without surveying, 5 answers in a row that are not the service's trip it", () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    for (let i = 0; i < 5; i++) h.observe(call(i, "unknown", "foreign-answer"));
    expect(h.down?.reason).toMatch(/5 calls in a row \(the last: ListFindings, foreign-answer/);
  });

  it("interrupted: execution halts and sleeps end at once, but the target is up for cleaning up", async () => {
    const h = new TargetHealth("http://127.0.0.1:1");
    expect(h.halted).toBeUndefined();
    const sleeping = h.sleep(60_000);
    h.interrupt("stopped by SIGINT");
    h.interrupt("stopped by SIGTERM");
    await sleeping;
    await h.sleep(60_000);
    expect(h.interrupted).toBe("stopped by SIGINT");
    expect(h.halted).toBe("stopped by SIGINT");
    expect(h.down).toBeUndefined();
    expect(() => h.assertUp()).not.toThrow();
  });
});
