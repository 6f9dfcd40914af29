/**
 * Deferred runs check their history in chunks (harness/check/chunked-check.ts): the verdict, the findings
 * and their attribution must not depend on the chunk size, including for faults whose evidence spans
 * two chunks (an eventID reused by the next call's record, a record with no call, a missing record).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveRunConfig } from "../../../harness/config.js";
import { readHistory } from "../../../harness/execute/history.js";
import { checkTrailFiles, checkTrailFilesInChunks } from "../../../harness/check/trail-check.js";
import { oracleContext } from "../../../oracles/context.js";
import type { Finding } from "../../../oracles/index.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";

const BUDGET = { runs: 6, maxCommands: 6, seed: 7 } as const;

async function deferredRun(checkChunkCalls: number, faults: string[] = []): Promise<{ run: ConformanceRun; log: string[] }> {
  const reportsDir = mkdtempSync(join(tmpdir(), "chunked-"));
  const config = resolveRunConfig({ ...BUDGET, services: ["inspector"], deferred: true, checkChunkCalls, reportsDir }, {});
  const target = createEmbeddedTarget(config, { faults });
  const log: string[] = [];
  const run = await runConformance(config, {}, (line) => log.push(line), { target });
  return { run, log };
}

/** Required finding codes of a run and the rule families that failed. */
function outcome(run: ConformanceRun) {
  return {
    verdict: run.report.verdict,
    codes: Object.keys(run.report.findingsByCode).sort(),
    families: [...new Set(run.report.checks.filter((c) => c.status === "fail").map((c) => c.property))].sort(),
  };
}

/** Findings counted by code and by the call they name (record indexes left out: they depend on the order of collection). */
function tally(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.code} ${/^calls\[seq=\d+\]/.exec(f.path)?.[0] ?? "record"}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe("deferred checking in chunks", () => {
  it("passes a faithful emulator in many chunks, with every record written to the records file", async () => {
    const { run, log } = await deferredRun(37);
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
    const chunks = Number(/checked in (\d+) chunk/.exec(log.join("\n"))?.[1]);
    expect(chunks).toBeGreaterThan(5);
    expect(run.report.records).toBe(run.report.calls);
    const lines = readFileSync(run.paths.records, "utf8").trim().split("\n");
    expect(lines).toHaveLength(run.report.records);
    expect(run.report.messages.some((m) => /Trail files under .*checked in \d+ chunks/.test(m))).toBe(true);
  }, 120_000);

  it("request-id-mismatch: chunks of 60 calls still name the broken rule (correlated.request_id)", async () => {
    // Every record has a wrong requestID, so which call a record is paired with is a guess (same
    // operation, key and time) in one chunk as in many; the rule it breaks is found either way.
    const { run } = await deferredRun(60, ["request-id-mismatch"]);
    expect(run.report.verdict).toBe("fail");
    expect(run.report.findingsByCode["correlated.request_id"]).toBeGreaterThan(run.report.calls / 2);
  }, 120_000);

  // Faults whose evidence crosses chunk boundaries: an eventID reused by the next record, a record
  // with no call (new requestID, and often a key no call of its chunk used), a missing record.
  for (const fault of ["duplicate-event-id", "extra-record-without-call", "drop-one-in-50"]) {
    it(`${fault}: chunks of 7 calls find what one chunk finds`, async () => {
      const whole = await deferredRun(100_000, [fault]);
      const chunked = await deferredRun(7, [fault]);
      expect(whole.run.report.verdict).toBe("fail");
      expect(outcome(chunked.run)).toEqual(outcome(whole.run));
      // The same run's trail files checked whole and in chunks: the same findings on the same calls.
      const trailDir = join(whole.run.paths.history, "..", "trail");
      const calls = readHistory(whole.run.paths.history).calls;
      const ctx = { ...oracleContext(calls[0]!.identity.accountId), lookupEventSource: undefined };
      const ids = new Set(calls.flatMap((c) => (c.requestId !== undefined ? [c.requestId] : [])));
      const keys = new Set(calls.map((c) => c.identity.accessKeyId));
      const one = await checkTrailFiles(trailDir, calls, ctx, 0, 10);
      const many = await checkTrailFilesInChunks(trailDir, whole.run.paths.history, ids, { ...ctx, runAccessKeys: keys }, 0, 10, new Set(), 7);
      expect(tally(one.result.all)).not.toEqual({});
      expect(tally(many.result.all)).toEqual(tally(one.result.all));
    }, 120_000);
  }
});
