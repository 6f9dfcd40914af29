/**
 * Deferred checking on an AWS-like target, offline: the reference emulator on AWS's own hostnames
 * (msw), delivering each record 6 s after its call (scaled down from CloudTrail's minutes) and
 * throttling LookupEvents past 2 requests per second as AWS does. The aws target collects at no more
 * than 2 requests/s without being throttled, waits for the late records, prints its progress and
 * reports the delivery latency and pages per record; a collector told to go faster is throttled and
 * still collects everything; calls whose records have not come by the deadline are unknown (not
 * missing), and `npm run check --collect` picks them up later.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, it } from "vitest";
import { DEFAULT_ROLE_ARN, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { recheckHistory } from "../../../harness/check/recheck.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createAwsTarget } from "../../../harness/targets/aws.js";

const DELIVERY_DELAY_MS = 6_000;
const emulator = createEmulator({ inspector2Timing: { transitionMs: 0, reportMs: 0, scanMs: 0 }, deliveryDelayMs: DELIVERY_DELAY_MS, throttleLookupEvents: true });
const server = setupServer(...mswHandlers(emulator.handle));
const dirs: string[] = [];
/** When each LookupEvents request reached the target (ms), by region. */
const lookups = new Map<string, number[]>();

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    const host = /^cloudtrail\.([a-z0-9-]+)\.amazonaws\.com$/.exec(new URL(request.url).hostname);
    if (host !== null && request.headers.get("x-amz-target")?.endsWith("LookupEvents")) lookups.set(host[1]!, [...(lookups.get(host[1]!) ?? []), performance.now()]);
  });
});
afterAll(async () => {
  server.close();
  await emulator.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const ENV = { AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey };

/** A deferred run on the aws target; each test runs in a region of its own (`flags.region`). */
async function awsRun(flags: Partial<Record<keyof RunConfig, unknown>> & { region: string }) {
  const dir = mkdtempSync(join(tmpdir(), "aws-deferred-"));
  dirs.push(dir);
  const config = resolveRunConfig({ target: "aws", awsAccounts: "111122223333", roleArn: DEFAULT_ROLE_ARN, runs: 3, maxCommands: 4, collectPollMs: 1_000, reportsDir: dir, ...flags }, {});
  const lines: string[] = [];
  const run = await runConformance(config, ENV, (l) => lines.push(l), { target: createAwsTarget(config, ENV) });
  return { run, lines, dir };
}

// The tests run side by side, each in its own region: LookupEvents' 2 requests/s, as AWS's, are
// per account and region (emulator/cloudtrail), and so are the records each collection reads.
describe.concurrent("aws target: deferred collection of late records under LookupEvents' rate limit", () => {
  it("waits for records delivered late, at no more than 2 requests/s, and reports latency, pages per record and progress", { timeout: 180_000 }, async ({ expect }) => {
    const { run, lines } = await awsRun({ region: "us-east-1" });
    const { report } = run;
    const why = report.messages.join("\n");
    expect(report.verdict, why).toBe("pass");
    const c = report.collection;
    expect(c.throttled, why).toBe(0);
    expect(c.late).toBe(0);
    expect(c.missing).toBe(0);
    // 2 requests/s as paced (allowing the timers 50 ms of jitter: never 3 within 950 ms).
    const times = lookups.get("us-east-1") ?? [];
    expect(times.length).toBeGreaterThan(2);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(950);
    // No record was seen before the emulator made it visible; every expected call's record was timed.
    expect(c.deliveryLatencyMs).not.toBeNull();
    const l = c.deliveryLatencyMs!;
    expect(l.p50).toBeGreaterThanOrEqual(DELIVERY_DELAY_MS);
    expect(l.p50).toBeLessThanOrEqual(l.p95);
    expect(l.p95).toBeLessThanOrEqual(l.max);
    expect(l.samples).toBe(report.services[0]!.records);
    expect(c.pagesPerRecord).toBeGreaterThanOrEqual(1 / 50);
    expect(c.pages).toBeLessThanOrEqual(c.requests);
    // The progress line on stderr: found of expected, the latency seen, and the end.
    const progress = lines.filter((x) => x.startsWith("collecting: "));
    expect(progress.length, lines.join("\n")).toBeGreaterThan(0);
    expect(progress.some((x) => / of \d+ records, .* elapsed; /.test(x))).toBe(true);
    expect(progress[progress.length - 1]).toMatch(/all found$/);
    expect(report.messages.some((m) => m.includes("tagged conformance-run=ict-"))).toBe(true);
  });

  it("a collector going faster than LookupEvents allows is throttled, backs off and still collects every record", { timeout: 180_000 }, async ({ expect }) => {
    const { run } = await awsRun({ region: "eu-west-1", lookupRequestsPerSecond: 8 });
    expect(run.report.collection.throttled).toBeGreaterThan(0);
    expect(run.report.collection.late).toBe(0);
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
  });

  it("calls whose records have not come by the deadline are unknown, not missing; check --collect picks them up later", { timeout: 180_000 }, async ({ expect }) => {
    const { run } = await awsRun({ region: "us-west-2", collectDeadlineMs: 500 });
    const { report } = run;
    expect(report.collection.late, report.messages.join("\n")).toBeGreaterThan(0);
    expect(report.findingsByCode["completeness.missing_record"]).toBeUndefined();
    expect(report.verdict, report.checks.filter((c) => c.status === "fail").map((c) => `${c.id}: ${c.message}`).join("\n")).toBe("unknown");
    expect(report.exitCode).toBe(2);
    const late = report.incidents.find((i) => i.kind === "records-late");
    expect(late?.calls).toBe(report.collection.late);
    expect(late?.message).toContain(`npm run check -- ${run.paths.history} --collect`);
    // Later: every record has been delivered by now.
    await new Promise((r) => setTimeout(r, DELIVERY_DELAY_MS + 500));
    const again = await recheckHistory({ historyPath: run.paths.history, reportsDir: join(run.paths.history, "..", "..", "again"), collect: true, settings: { collectPollMs: "1000" }, env: ENV });
    expect(again.report.collection.late, again.report.messages.join("\n")).toBe(0);
    expect(again.report.verdict, again.report.messages.join("\n")).toBe("pass");
  });
});
