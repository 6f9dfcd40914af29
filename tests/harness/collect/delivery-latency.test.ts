/**
 * Delivery latency and the progress line: quantiles by nearest rank, the estimate of how long the
 * missing records should take, the line a long collection prints; and the collector's own figures
 * (latency per record, pages) against a stubbed CloudTrail that delivers late, on a simulated clock.
 */
import fc from "fast-check";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { duration, latencySummary, progressLine, progressReporter, remainingEstimateMs } from "../../../harness/collect/delivery-latency.js";
import { collectLookupEvents, type LookupProgress } from "../../../harness/collect/lookup-events.js";
import { createLookupClient } from "../../../harness/collect/lookup-client.js";
import type { ObservedCall } from "../../../history/observed-call.js";

describe("latencySummary", () => {
  it("gives nearest-rank p50 and p95 and the max, within the samples", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000_000), { minLength: 1, maxLength: 300 }), (samples) => {
        const s = latencySummary(samples)!;
        const sorted = [...samples].sort((a, b) => a - b);
        expect(s.samples).toBe(samples.length);
        expect(s.max).toBe(sorted[sorted.length - 1]);
        expect(s.p50).toBe(sorted[Math.ceil(0.5 * sorted.length) - 1]);
        expect(s.p95).toBe(sorted[Math.ceil(0.95 * sorted.length) - 1]);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        // At least 95% of the samples are at or below p95.
        expect(sorted.filter((x) => x <= s.p95).length / sorted.length).toBeGreaterThanOrEqual(0.95);
      }),
    );
    expect(latencySummary([])).toBeNull();
    expect(latencySummary([3, 1, 2, 4])).toEqual({ samples: 4, p50: 2, p95: 4, max: 4 });
  });
});

describe("remainingEstimateMs and the progress line", () => {
  const seen = { samples: 10, p50: 200_000, p95: 300_000, max: 320_000 };
  it("waits for the latest missing call's end plus p95, and never less than 0", () => {
    expect(remainingEstimateMs([1_000_000, 1_100_000], seen, 1_200_000)).toBe(200_000);
    expect(remainingEstimateMs([0], seen, 1_000_000)).toBe(0);
    expect(remainingEstimateMs([0], null, 0)).toBeUndefined();
    expect(remainingEstimateMs([], seen, 0)).toBeUndefined();
  });

  it("says found of expected, elapsed, the latency and the estimate", () => {
    expect(progressLine({ found: 412, expected: 508, elapsedMs: 192_000, deadlineInMs: 1_008_000, latency: seen, remainingMs: 65_000 })).toBe(
      "collecting: 412 of 508 records, 3m12s elapsed; latency so far p50 3m20s, p95 5m00s; the rest in about 1m05s; giving up in 16m48s",
    );
    expect(progressLine({ found: 0, expected: 5, elapsedMs: 30_000, deadlineInMs: 60_000, latency: null, remainingMs: undefined })).toMatch(/0 of 5 records, 30s elapsed; no record yet/);
    expect(progressLine({ found: 5, expected: 5, elapsedMs: 1_500, deadlineInMs: 0, latency: seen, remainingMs: undefined })).toBe("collecting: 5 of 5 records, 1.5s elapsed, all found");
    expect(duration(59_400)).toBe("59s");
  });

  it("prints nothing for a collection that finds everything at once, and otherwise at most every 5 s and once at the end", () => {
    let t = 0;
    const lines: string[] = [];
    const p = (found: number) => ({ found, expected: 3, elapsedMs: t, deadlineInMs: 10_000, latency: null, remainingMs: undefined });
    const quiet = progressReporter((l) => lines.push(l), () => t);
    quiet(p(3));
    expect(lines).toEqual([]);
    const report = progressReporter((l) => lines.push(l), () => t);
    report(p(0));
    t = 2_000;
    report(p(1));
    t = 6_000;
    report(p(2));
    t = 6_500;
    report(p(3));
    expect(lines.map((l) => l.split(",")[0])).toEqual(["collecting: 0 of 3 records", "collecting: 2 of 3 records", "collecting: 3 of 3 records"]);
  });
});

describe("the collector's latency and pages against a CloudTrail that delivers late", () => {
  const ENDPOINT = "https://cloudtrail.us-east-1.amazonaws.com/";
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const T0 = Date.parse("2026-12-01T10:00:00Z");
  const calls: ObservedCall[] = Array.from({ length: 60 }, (_, seq) => ({
    service: "inspector2",
    seq,
    operation: "ListFilters",
    identity: { kind: "IAMUser", accountId: "111122223333", accessKeyId: "AKIAIOSFODNN7EXAMPLE", callerArn: "arn:aws:iam::111122223333:user/u", callerUserId: "AIDAEXAMPLE", userName: "u" },
    region: "us-east-1",
    request: {},
    response: {},
    outcome: "ok",
    requestId: `req-${seq}`,
    sentToService: true,
    startedAt: new Date(T0).toISOString(),
    endedAt: new Date(T0).toISOString(),
  }));

  it("measures each record from its call's end to the page that first returned it, and counts the pages", async () => {
    let now = T0;
    // Half the records are visible 40 s after the calls, the rest 100 s after.
    const visible = (seq: number) => T0 + (seq % 2 === 0 ? 40_000 : 100_000);
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = (await request.json()) as { NextToken?: string };
        const shown = calls.filter((c) => visible(c.seq) <= now);
        const from = body.NextToken !== undefined ? Number(body.NextToken) : 0;
        const page = shown.slice(from, from + 50);
        const next = from + 50 < shown.length ? { NextToken: String(from + 50) } : {};
        return HttpResponse.json(
          { Events: page.map((c) => ({ EventId: `ev-${c.seq}`, CloudTrailEvent: JSON.stringify({ eventID: `ev-${c.seq}`, requestID: c.requestId }) })), ...next },
          { headers: { "content-type": "application/x-amz-json-1.1" } },
        );
      }),
    );
    const progress: LookupProgress[] = [];
    const got = await collectLookupEvents({
      client: createLookupClient({ region: "us-east-1", credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "s" } }, 5000),
      calls,
      window: { start: new Date(T0), end: new Date(T0) },
      requestsPerSecond: 2,
      deadlineMs: 20 * 60_000,
      pollIntervalMs: 30_000,
      now: () => now,
      sleep: async (ms) => void (now += ms),
      onProgress: (p) => progress.push(p),
    });
    expect(got.complete).toBe(true);
    expect(got.latenciesMs).toHaveLength(60);
    // Passes start at 0, 30 s, 60 s, 90 s, 120 s (plus the pacing of 2 requests/s).
    const early = got.latenciesMs.filter((ms) => ms < 70_000);
    expect(early).toHaveLength(30);
    for (const ms of early) expect(ms).toBeGreaterThanOrEqual(40_000);
    for (const ms of got.latenciesMs.filter((x) => x >= 70_000)) expect(ms).toBeGreaterThanOrEqual(100_000);
    expect(Math.max(...got.latenciesMs)).toBeLessThan(100_000 + 30_000 + 2_000);
    expect(got.pages).toBe(got.requests);
    expect(got.pages).toBeGreaterThanOrEqual(2 + got.passes - 1);
    // The estimate appears once a latency has been seen, and the last pass finds all.
    const firstSeen = progress.find((p) => p.latency !== null)!;
    expect(firstSeen.found).toBe(30);
    expect(firstSeen.remainingMs).toBeGreaterThanOrEqual(0);
    expect(progress[progress.length - 1]!.found).toBe(60);
  });
});
