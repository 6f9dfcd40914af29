/**
 * The LookupEvents collector against msw stubs of CloudTrail (in-process, real AWS hostname): targets
 * without LookupEvents, access denied, malformed CloudTrailEvent strings, duplicate deliveries, the
 * NextToken contract, and a target that never answers.
 */
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { collectLookupEvents } from "../../../harness/collect/lookup-events.js";
import { createLookupClient } from "../../../harness/collect/lookup-client.js";
import type { ObservedCall } from "../../../history/observed-call.js";

const ENDPOINT = "https://cloudtrail.us-east-1.amazonaws.com/";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () => createLookupClient({ region: "us-east-1", credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" } }, 5000);
const json = (body: unknown, status = 200) =>
  new HttpResponse(JSON.stringify(body), { status, headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "ct-req" } });
const jsonError = (type: string, message: string, status = 400) => json({ __type: `com.amazonaws.cloudtrail.v20131101#${type}`, message }, status);

const at = new Date("2026-05-01T12:00:00Z");
function call(seq: number, requestId: string): ObservedCall {
  return {
    service: "inspector",
    seq,
    operation: "ListRulesPackages",
    identity: { kind: "Root", accountId: "111122223333", accessKeyId: "AKIAI44QH8DHBEXAMPLE", callerArn: "arn:aws:iam::111122223333:root", callerUserId: "111122223333" },
    region: "us-east-1",
    request: {},
    response: { rulesPackageArns: [] },
    outcome: "ok",
    requestId,
    sentToService: true,
    startedAt: at.toISOString(),
    endedAt: at.toISOString(),
  };
}
function event(eventID: string, requestID: string, text?: string) {
  return {
    EventId: eventID,
    EventName: "ListRulesPackages",
    EventSource: "inspector.amazonaws.com",
    EventTime: at.getTime() / 1000,
    CloudTrailEvent: text ?? JSON.stringify({ eventVersion: "1.08", eventID, requestID, eventSource: "inspector.amazonaws.com" }),
  };
}
const base = { client: client(), window: { start: at, end: at }, requestsPerSecond: 0, pollIntervalMs: 10 };

describe("collectLookupEvents on stubbed targets", () => {
  it("reports a target that answers UnknownOperationException as unsupported, with its answer, at once", async () => {
    let hits = 0;
    server.use(
      http.post(ENDPOINT, () => {
        hits++;
        return jsonError("UnknownOperationException", "Operation LookupEvents is not supported");
      }),
    );
    const out = await collectLookupEvents({ ...base, calls: [call(0, "r0")], deadlineMs: 5000 });
    expect(out.unsupported).toContain("UnknownOperationException");
    expect(out.unsupported).toContain("Operation LookupEvents is not supported");
    expect(out).toMatchObject({ complete: false, missing: [0], requests: 1, passes: 1, errors: [] });
    expect(hits).toBe(1);
  });

  it("reports a target that answers 404 (no CloudTrail at all) as unsupported", async () => {
    server.use(http.post(ENDPOINT, () => new HttpResponse("<html><body>Not Found</body></html>", { status: 404, headers: { "content-type": "text/html" } })));
    const out = await collectLookupEvents({ ...base, calls: [call(0, "r0")], deadlineMs: 5000 });
    expect(out.unsupported).toMatch(/HTTP 404/);
    expect(out.complete).toBe(false);
  });

  it("reports a target answering HTTP 500 with an HTML page (moto's answer for an unimplemented action) as unsupported", async () => {
    server.use(
      http.post(ENDPOINT, () => new HttpResponse("<!doctype html><title>NotImplementedError</title>", { status: 500, headers: { "content-type": "text/html" } })),
    );
    const out = await collectLookupEvents({ ...base, calls: [call(0, "r0")], deadlineMs: 5000 });
    expect(out.unsupported).toMatch(/HTTP 500/);
    expect(out).toMatchObject({ requests: 1, errors: [] });
  });

  it("stops on access denied with an error that says what to do", async () => {
    server.use(http.post(ENDPOINT, () => jsonError("AccessDeniedException", "User is not authorized to perform: cloudtrail:LookupEvents")));
    const out = await collectLookupEvents({ ...base, calls: [call(0, "r0")], deadlineMs: 5000 });
    expect(out.unsupported).toBeUndefined();
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/AccessDeniedException.*grant it cloudtrail:LookupEvents/);
    expect(out).toMatchObject({ complete: false, missing: [0], requests: 1 });
  });

  it("keeps a malformed CloudTrailEvent as its raw string and still joins the good ones", async () => {
    server.use(http.post(ENDPOINT, () => json({ Events: [event("e1", "r1"), event("e2", "r2", "{not json"), event("e3", "r3", "[1,2]")] })));
    const out = await collectLookupEvents({ ...base, calls: [call(1, "r1")], deadlineMs: 5000 });
    expect(out.records).toEqual([{ eventVersion: "1.08", eventID: "e1", requestID: "r1", eventSource: "inspector.amazonaws.com" }, "{not json", "[1,2]"]);
    expect(out).toMatchObject({ complete: true, missing: [], errors: [] });
  });

  it("with onePass, decides a missing record after the first full pass; without it, polls until the deadline", async () => {
    let hits = 0;
    server.use(
      http.post(ENDPOINT, () => {
        hits++;
        return json({ Events: [event("e1", "r1")] });
      }),
    );
    const calls = [call(1, "r1"), call(2, "r2")];
    const once = await collectLookupEvents({ ...base, calls, deadlineMs: 400, onePass: true });
    expect(once).toMatchObject({ complete: false, missing: [2], passes: 1, requests: 1, readAll: true });
    expect(hits).toBe(1);
    hits = 0;
    const polled = await collectLookupEvents({ ...base, calls, deadlineMs: 400 });
    expect(polled).toMatchObject({ complete: false, missing: [2] });
    expect(polled.passes).toBeGreaterThan(1);
    expect(hits).toBe(polled.passes);
  });

  it("resends the same parameters with NextToken, and collapses an event returned twice in one pass", async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        if (body["NextToken"] === undefined) return json({ Events: [event("e1", "r1"), event("e2", "r2")], NextToken: "page-2" });
        // e2 again (a re-delivery), and e4 reusing e1's eventID for another request: kept for the oracles to report.
        return json({ Events: [event("e2", "r2"), event("e3", "r3"), event("e1", "r4")] });
      }),
    );
    const out = await collectLookupEvents({ ...base, calls: [call(1, "r1"), call(2, "r2"), call(3, "r3"), call(4, "r4")], deadlineMs: 5000 });
    expect(out).toMatchObject({ complete: true, duplicatesCollapsed: 1, requests: 2, passes: 1 });
    expect(out.records).toHaveLength(4);
    expect(bodies).toHaveLength(2);
    const { NextToken, ...second } = bodies[1]!;
    expect(NextToken).toBe("page-2");
    expect(second).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "inspector.amazonaws.com" }], MaxResults: 50 });
    // The window is widened by the 5 s margin on both sides (epoch seconds on the wire).
    expect(bodies[0]!["StartTime"]).toBe(at.getTime() / 1000 - 5);
    expect(bodies[0]!["EndTime"]).toBe(at.getTime() / 1000 + 5);
  });

  it("retries a page after a transient 503 and completes", async () => {
    let hits = 0;
    server.use(http.post(ENDPOINT, () => (++hits <= 2 ? jsonError("ServiceUnavailableException", "try later", 503) : json({ Events: [event("e1", "r1")] }))));
    const out = await collectLookupEvents({ ...base, calls: [call(1, "r1")], deadlineMs: 10_000, random: () => 0 });
    expect(out).toMatchObject({ complete: true, requests: 3, throttled: 0, errors: [] });
  });

  it("does not hang on a target that never answers: returns at the deadline", async () => {
    server.use(
      http.post(ENDPOINT, async () => {
        await delay("infinite");
        return json({});
      }),
    );
    const t0 = Date.now();
    const out = await collectLookupEvents({ ...base, calls: [call(0, "r0")], deadlineMs: 400 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(out).toMatchObject({ complete: false, missing: [0] });
  });

  it("warns when the client would retry behind the collector's back", async () => {
    server.use(http.post(ENDPOINT, () => json({ Events: [event("e1", "r1")] })));
    const { CloudTrailClient } = await import("@aws-sdk/client-cloudtrail");
    const retrying = new CloudTrailClient({ region: "us-east-1", credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" } });
    const out = await collectLookupEvents({ ...base, client: retrying, calls: [call(1, "r1")], deadlineMs: 5000 });
    expect(out.complete).toBe(true);
    expect(out.notes).toEqual([expect.stringMatching(/retries up to 3 times.*createLookupClient/)]);
    expect(out.errors).toEqual([]);
  });
});
