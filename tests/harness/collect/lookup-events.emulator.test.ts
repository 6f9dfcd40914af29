/**
 * The LookupEvents collector against the reference emulator on loopback: pagination, join, extras,
 * delivery delay, deadline, throttling and pacing. Timing tests share a virtual clock between the
 * collector and the emulator, so a 5-minute delivery delay runs in milliseconds and pacing is exact.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createLookupClient } from "../../../harness/collect/lookup-client.js";
import { collectLookupEvents, type LookupProgress } from "../../../harness/collect/lookup-events.js";
import { requestIdOf } from "../../../harness/collect/record-keys.js";
import { listCalls, startStampedEmulator, unsentCall, virtualClock, windowOf, type StampedEmulator } from "./helpers.js";

const running: StampedEmulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
});

async function start(...args: Parameters<typeof startStampedEmulator>): Promise<StampedEmulator> {
  const e = await startStampedEmulator(...args);
  running.push(e);
  return e;
}

describe("collectLookupEvents on the reference emulator", () => {
  it("pages through more than 50 records, joins them by requestID, keeps extras, expects nothing of unsent calls", async () => {
    const target = await start();
    const calls = await listCalls(target.inspector(), 120);
    const inRun = [...calls.slice(0, 110), unsentCall(500)]; // the last 10 records belong to no call of this run
    const progress: LookupProgress[] = [];
    const out = await collectLookupEvents({
      client: target.cloudtrail(),
      calls: inRun,
      window: windowOf(calls),
      requestsPerSecond: 0,
      deadlineMs: 20_000,
      onProgress: (p) => progress.push(p),
    });
    expect(out).toMatchObject({ complete: true, missing: [], passes: 1, requests: 3, throttled: 0, duplicatesCollapsed: 0, errors: [] });
    expect(out.unsupported).toBeUndefined();
    expect(out.records).toHaveLength(120);
    expect(out.records.map(requestIdOf).sort()).toEqual(calls.map((c) => c.requestId).sort());
    expect(progress).toMatchObject([{ pass: 1, found: 110, expected: 110, requests: 3, remainingMs: undefined }]);
    expect(progress[0]!.latency?.samples).toBe(110);
    expect(target.lookups).toHaveLength(3);
  });

  it("polls until records delivered 5 minutes late appear, without counting re-reads as duplicates", async () => {
    const clock = virtualClock();
    const target = await start({ deliveryDelayMs: 300_000 }, clock); // "about 5 minutes" (CloudTrail user guide: "within an average of about 5 minutes")
    const calls = await listCalls(target.inspector(), 60, clock.now);
    const out = await collectLookupEvents({
      client: target.cloudtrail(),
      calls,
      window: windowOf(calls),
      deadlineMs: 480_000,
      pollIntervalMs: 30_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(out.complete).toBe(true);
    expect(out.missing).toEqual([]);
    expect(out.records).toHaveLength(60);
    expect(out.duplicatesCollapsed).toBe(0);
    expect(out.passes).toBeGreaterThanOrEqual(11); // 0 s, 30 s, ... 300 s
    expect(out.elapsedMs).toBeGreaterThanOrEqual(300_000);
    expect(out.elapsedMs).toBeLessThan(480_000);
  });

  it("gives up at a deadline shorter than the delivery delay: the calls are missing, not complete, on time", async () => {
    const clock = virtualClock();
    const target = await start({ deliveryDelayMs: 300_000 }, clock);
    const calls = await listCalls(target.inspector(), 5, clock.now);
    const out = await collectLookupEvents({
      client: target.cloudtrail(),
      calls: [...calls, unsentCall(99, clock.now)],
      window: windowOf(calls),
      deadlineMs: 60_000,
      pollIntervalMs: 7_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(out).toMatchObject({ complete: false, missing: [0, 1, 2, 3, 4], records: [], errors: [] });
    expect(out.elapsedMs).toBeLessThanOrEqual(60_000);
    expect(out.passes).toBeGreaterThanOrEqual(8);
  });

  it("returns on time on the real clock when records arrive after the deadline, and finds them when they arrive before", async () => {
    const target = await start({ deliveryDelayMs: 700 });
    const calls = await listCalls(target.inspector(), 3);
    const t0 = Date.now();
    const late = await collectLookupEvents({ client: target.cloudtrail(), calls, window: windowOf(calls), requestsPerSecond: 0, deadlineMs: 250, pollIntervalMs: 50 });
    expect(Date.now() - t0).toBeLessThan(1500); // deadline 250 ms, generous for a loaded 2-core machine
    expect(late).toMatchObject({ complete: false, missing: [0, 1, 2] });

    const found = await collectLookupEvents({ client: target.cloudtrail(), calls, window: windowOf(calls), requestsPerSecond: 0, deadlineMs: 5000, pollIntervalMs: 100 });
    expect(found).toMatchObject({ complete: true, missing: [], duplicatesCollapsed: 0 });
    expect(found.records).toHaveLength(3);
    expect(found.passes).toBeGreaterThanOrEqual(2);
  });

  it("backs off on ThrottlingException, retries the same page, and still completes", async () => {
    const clock = virtualClock();
    const target = await start({ throttleLookupEvents: true }, clock);
    const calls = await listCalls(target.inspector(), 160, clock.now);
    const out = await collectLookupEvents({
      client: target.cloudtrail(),
      calls,
      window: windowOf(calls),
      requestsPerSecond: 0,
      deadlineMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    expect(out.throttled).toBeGreaterThan(0);
    expect(out).toMatchObject({ complete: true, missing: [], duplicatesCollapsed: 0, errors: [] });
    expect(out.records).toHaveLength(160);
    expect(target.lookups.filter((l) => l.status !== 200)).toHaveLength(out.throttled);
    expect(out.requests).toBe(4 + out.throttled);
  });

  it("paces requests to 2 per second: never 3 in one second, so a throttling target never throttles", async () => {
    const clock = virtualClock();
    const target = await start({ throttleLookupEvents: true, deliveryDelayMs: 2_000 }, clock);
    const calls = await listCalls(target.inspector(), 260, clock.now); // 6 pages a pass
    const out = await collectLookupEvents({
      client: target.cloudtrail(),
      calls,
      window: windowOf(calls),
      deadlineMs: 60_000,
      pollIntervalMs: 500,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(out).toMatchObject({ complete: true, throttled: 0 });
    expect(out.records).toHaveLength(260);
    const stamps = target.lookups.map((l) => l.at);
    expect(stamps.length).toBe(out.requests);
    expect(stamps.length).toBeGreaterThan(6);
    for (let i = 2; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 2]!).toBeGreaterThanOrEqual(1000);
    expect(target.lookups.every((l) => l.status === 200)).toBe(true);
  });

  it("reports an endpoint where nothing listens as an error with what to do, after a few retries, before the deadline", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createLookupClient({ region: "us-east-1", credentials: { ...DEFAULT_USER_ACCESS_KEY }, endpoint: `http://127.0.0.1:${port}` });
    const now = new Date();
    const out = await collectLookupEvents({ client, calls: [], window: { start: now, end: now }, requestsPerSecond: 0, deadlineMs: 20_000, random: () => 0 });
    expect(out.requests).toBe(4); // the first try and MAX_TRANSIENT_RETRIES retries
    expect(out.errors).toEqual([expect.stringMatching(/ECONNREFUSED.*check that it is reachable/)]);
    expect(out.unsupported).toBeUndefined();
    expect(out.elapsedMs).toBeLessThan(20_000);
  });
});
