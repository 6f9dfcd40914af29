/**
 * Interactive mode executes its random sequences first and collects and checks them in batches (the
 * first sequence alone, then 2, 4, 8, ...): far fewer LookupEvents windows than sequences. A failing
 * batch's run is replayed by its path and shrunk; a failure the replay does not show again is
 * reported as first seen, with that run's path. The target is the embedded emulator behind an msw
 * handler that counts LookupEvents requests and can misreport the region of DeleteAssessmentTemplate
 * records (rule 5, awsRegion): all of them, or only the first one it returns; or add a copy of
 * each under another requestID (a record with no call: its finding names no run, so each run of
 * the batch is replayed). An error of the harness inside a sequence is raised, not taken for a
 * failing run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { afterAll, describe, expect, it } from "vitest";
import { toWireRequest, AWS_HOST_PATTERN } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";
import { MSW_TRANSPORT } from "../../../harness/targets/embedded-msw.js";
import { runInteractivePhase } from "../../../harness/run/interactive-phase.js";
import { EarlierBatches, type CollectSettings } from "../../../harness/check/batch-check.js";
import { KnownRecords } from "../../../harness/collect/known-records.js";
import { TargetHealth } from "../../../harness/execute/target-health.js";
import type { ServiceExecutor } from "../../../harness/execute/executor.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import { oracleContext } from "../../../oracles/context.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Corrupt = "none" | "all" | "first" | "extra";

/** Another UUID of the same form: its last hex digit changed. */
const otherId = (id: unknown): string => String(id).replace(/.$/, (c) => (c === "0" ? "1" : "0"));

/**
 * Runs Classic interactively; counts LookupEvents requests. `corrupt`: which DeleteAssessmentTemplate
 * records read eu-west-3 ("all", "first"), or ("extra") each comes with a copy under another
 * requestID and eventID, a record with no call.
 */
async function run(corrupt: Corrupt, flags: Partial<Record<keyof RunConfig, unknown>> = {}) {
  const reportsDir = mkdtempSync(join(tmpdir(), "batches-"));
  dirs.push(reportsDir);
  const config = resolveRunConfig({ services: ["inspector"], runs: 40, maxCommands: 10, seed: 7, ...flags, reportsDir }, {});
  const target = createEmbeddedTarget(config, {}, { transport: MSW_TRANSPORT });
  let lookups = 0;
  let corrupted: string | undefined;
  target.msw!.use(
    http.all(AWS_HOST_PATTERN, async ({ request }) => {
      const isLookup = (request.headers.get("x-amz-target") ?? "").endsWith(".LookupEvents");
      const res = await target.emulator.handle(await toWireRequest(request, "127.0.0.1"));
      let body = res.body;
      if (isLookup && res.status === 200) {
        lookups++;
        const out = JSON.parse(body) as { Events: { EventId?: string; CloudTrailEvent: string }[] };
        for (const e of [...out.Events]) {
          const record = JSON.parse(e.CloudTrailEvent) as Record<string, unknown>;
          if (record["eventName"] !== "DeleteAssessmentTemplate" || corrupt === "none") continue;
          if (corrupt === "extra") {
            const eventID = otherId(record["eventID"]);
            out.Events.push({ ...e, EventId: eventID, CloudTrailEvent: JSON.stringify({ ...record, eventID, requestID: otherId(record["requestID"]) }) });
            continue;
          }
          if (corrupt === "first") corrupted ??= String(record["requestID"]);
          if (corrupt === "all" || record["requestID"] === corrupted) e.CloudTrailEvent = JSON.stringify({ ...record, awsRegion: "eu-west-3" });
        }
        body = JSON.stringify(out);
      }
      // The body may have grown: its length is msw's to set.
      const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => k.toLowerCase() !== "content-length"));
      return new HttpResponse(body, { status: res.status, headers });
    }),
  );
  const lines: string[] = [];
  const r = await runConformance(config, {}, (line) => lines.push(line), { target });
  const check = r.report.checks.find((c) => c.id === "inspector:DeleteAssessmentTemplate/correlated");
  return { report: r.report, lines, lookups, check };
}

describe("interactive mode checks its random sequences in batches", () => {
  it("reads far fewer LookupEvents pages than it runs sequences, and still passes a faithful target", async () => {
    const r = await run("none");
    expect(r.report.verdict, r.report.messages.join("\n")).toBe("pass");
    expect(r.lines.join("\n")).toContain("40 random sequences, no counterexample");
    // 40 sequences in 6 batches (1, 2, 4, 8, 16, 9), the sweep's collection and the probe, each a few pages.
    expect(r.lookups).toBeLessThan(30);
  }, 60_000);

  it("replays and shrinks the failing run of a batch to a replayable counterexample", async () => {
    const r = await run("all");
    expect(r.report.verdict).toBe("fail");
    const shrunk = r.check!.counterexample!;
    expect(shrunk.calls.length).toBeLessThanOrEqual(2);
    expect(shrunk.calls.at(-1)!.operation).toBe("DeleteAssessmentTemplate");
    // Shrunk: the path goes past the failing run's index.
    expect(shrunk.replay).toMatch(/--path \d+:[\d:]+/);
    const seed = Number(/--seed (\d+)/.exec(shrunk.replay!)![1]);
    const path = /--path ([\d:]+)/.exec(shrunk.replay!)![1]!;
    const commandsReplayPath = /--commands-replay-path '([^']+)'/.exec(shrunk.replay!)?.[1];
    const again = await run("all", { seed, replayPath: path, ...(commandsReplayPath ? { commandsReplayPath } : {}) });
    expect(again.check!.status).toBe("fail");
    expect(again.check!.counterexample!.calls.map((c) => c.operation)).toEqual(shrunk.calls.map((c) => c.operation));
  }, 120_000);

  it("reports a failure its replay does not show again as first seen, by that run's path", async () => {
    const r = await run("first");
    expect(r.report.verdict).toBe("fail");
    expect(r.check!.status).toBe("fail");
    const seen = r.check!.counterexample!;
    // Not shrunk: the path is the failing run's index alone, and the sequence ends at the failing call.
    expect(seen.replay).toMatch(/--path \d+( |$)/);
    expect(seen.calls.at(-1)!.operation).toBe("DeleteAssessmentTemplate");
    expect(seen.findings).toContainEqual(expect.objectContaining({ code: "correlated.aws_region", expected: "us-east-1", actual: "eu-west-3" }));
    expect(r.report.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["inspector:DeleteAssessmentTemplate/correlated"]);
  }, 60_000);

  it("replays the runs of a batch whose finding names no call, and shrinks the one that fails again", async () => {
    const r = await run("extra");
    expect(r.report.verdict, r.report.messages.join("\n")).toBe("fail");
    const failing = r.report.checks.filter((c) => c.status === "fail");
    // Nothing but the record with no call is blamed, on completeness checks only.
    expect(new Set(failing.map((c) => c.id.split("/")[1]))).toEqual(new Set(["completeness"]));
    expect(Object.keys(r.report.findingsByCode)).toEqual(["completeness.extra_record"]);
    // The replayed run that showed it again is shrunk (its path goes past the run's index) to a
    // sequence of at most 2 calls with a DeleteAssessmentTemplate, whose record has the copy.
    const shrunk = failing.map((c) => c.counterexample).find((x) => x?.replay?.includes("--path"))!;
    expect(shrunk.replay).toMatch(/--path \d+:[\d:]+/);
    expect(shrunk.calls.length).toBeLessThanOrEqual(2);
    expect(shrunk.calls.map((c) => c.operation)).toContain("DeleteAssessmentTemplate");
    expect(shrunk.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["completeness.extra_record"]));
  }, 120_000);

  it("raises an error of the harness in a sequence at once, without shrinking it", async () => {
    const config = resolveRunConfig({ services: ["inspector"], runs: 10, maxCommands: 5 }, {});
    let calls = 0;
    const executor: ServiceExecutor = {
      service: inspectorService,
      call: () => {
        calls++;
        return Promise.reject(new Error("boom in the executor"));
      },
      calls: () => [],
    };
    const phase = runInteractivePhase({
      config,
      executor,
      kinds: ["IAMUser"],
      scope: { region: config.region, accountId: "111122223333" },
      // Never read: no sequence gets as far as its collection.
      collect: {} as CollectSettings,
      ctx: oracleContext("111122223333"),
      earlier: new EarlierBatches(),
      health: new TargetHealth("test"),
      known: new KnownRecords(),
      onBatch: () => undefined,
    });
    await expect(phase).rejects.toThrow("boom in the executor");
    expect(calls).toBe(1);
  });
});
