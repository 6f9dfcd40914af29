/**
 * When a missing record is missing and when it is unknown: a call lacks a record only if a pass that
 * read every page ran late enough before the deadline; if LookupEvents failed (5xx, refused, throttled
 * for good) before that, the call could not be checked. Both ways, on msw stubs with a virtual clock.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLookupClient } from "../../../harness/collect/lookup-client.js";
import { collectLookupEvents } from "../../../harness/collect/lookup-events.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { virtualClock } from "./helpers.js";

const ENDPOINT = "https://cloudtrail.us-east-1.amazonaws.com/";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const at = new Date("2026-05-01T12:00:00Z");
const call = (seq: number, requestId: string): ObservedCall => ({
  service: "inspector",
  seq, operation: "ListRulesPackages", region: "us-east-1", request: {}, response: {}, outcome: "ok", requestId, sentToService: true,
  identity: { kind: "Root", accountId: "111122223333", accessKeyId: "AKIAI44QH8DHBEXAMPLE", callerArn: "arn:aws:iam::111122223333:root", callerUserId: "111122223333" },
  startedAt: at.toISOString(), endedAt: at.toISOString(),
});
const page = () =>
  new HttpResponse(JSON.stringify({ Events: [{ EventId: "e0", CloudTrailEvent: JSON.stringify({ eventID: "e0", requestID: "r0" }) }] }), {
    status: 200, headers: { "content-type": "application/x-amz-json-1.1" },
  });
const html503 = () => new HttpResponse("<html><body>503 Service Unavailable</body></html>", { status: 503, headers: { "content-type": "text/html" } });
const throttled = () =>
  new HttpResponse(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }), { status: 400, headers: { "content-type": "application/x-amz-json-1.1" } });

function collect(deadlineMs: number, pollIntervalMs: number) {
  const clock = virtualClock();
  return collectLookupEvents({
    client: createLookupClient({ region: "us-east-1", credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "s" } }),
    calls: [call(0, "r0"), call(1, "r1")], window: { start: at, end: at }, requestsPerSecond: 0,
    deadlineMs, pollIntervalMs, now: clock.now, sleep: clock.sleep, random: () => 0.5,
  });
}

describe("readAll: missing or unknown", () => {
  it("every page answered until the deadline: the record is missing", async () => {
    server.use(http.post(ENDPOINT, page));
    const out = await collect(5_000, 250);
    expect(out).toMatchObject({ missing: [1], readAll: true, failures: { count: 0 } });
  });

  it("every request answered with an HTML 503: unknown, and the failures are counted with their code", async () => {
    server.use(http.post(ENDPOINT, html503));
    const out = await collect(5_000, 250);
    expect(out.readAll).toBe(false);
    expect(out.missing).toEqual([0, 1]);
    expect(out.failures.count).toBeGreaterThanOrEqual(1);
    expect(Object.keys(out.failures.byCode)).toEqual(["HTTP 503 (not an AWS answer)"]);
    expect(out.failures.firstAt).toBeDefined();
  });

  it("a complete pass at the start, then failures until a far deadline: the record is unknown (the last good look is stale)", async () => {
    let n = 0;
    server.use(http.post(ENDPOINT, () => (n++ === 0 ? page() : html503())));
    const out = await collect(60_000, 10_000);
    expect(out).toMatchObject({ missing: [1], readAll: false });
  });

  it("throttled on every other request, with passes until the deadline: the record is missing", async () => {
    let n = 0;
    server.use(http.post(ENDPOINT, () => (n++ % 2 === 1 ? throttled() : page())));
    const out = await collect(5_000, 250);
    expect(out.throttled).toBeGreaterThan(0);
    expect(out).toMatchObject({ missing: [1], readAll: true, failures: { count: 0 } });
  });
});
