/**
 * `--shard i/n` / CONFORMANCE_SHARD: sequence k of the seed goes to shard (k mod n) + 1 and the
 * coverage sweep runs in shard 1 only, so shards 1/3, 2/3 and 3/3 of a run, merged, give the
 * checks the unsharded run gives (same seed, same emulator settings); a failure found in one shard
 * survives merging. A bad i/n is refused before anything runs.
 */
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { smallRun, tempDirs } from "../small-runs.js";
import { ConfigError, resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { mergeReports } from "../../../harness/report/merge.js";
import type { ConformanceReport } from "../../../harness/report/schema.js";
import { inShard, sweepsInShard } from "../../../harness/run/deferred-phase.js";
import { replayFlags } from "../../self-test/run-with-fault.js";

const tempDir = tempDirs("conformance-shard-");

/** A small embedded run (Inspector Classic, 6 sequences of at most 4 commands). */
const SMALL = { runs: 6, maxCommands: 4, services: ["inspector"] } as const;

async function run(flags: Partial<Record<keyof RunConfig, unknown>>, fault?: string): Promise<ConformanceReport> {
  return (await smallRun(SMALL, flags, tempDir(), fault)).report;
}

const statuses = (r: ConformanceReport): Record<string, string> => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

describe("--shard i/n", () => {
  it("accepts i/n with 1 ≤ i ≤ n, from the flag or CONFORMANCE_SHARD, and refuses anything else, naming the setting", () => {
    expect(resolveRunConfig({ shard: "2/3" }, {}).shard).toEqual({ index: 2, count: 3 });
    expect(resolveRunConfig({}, { CONFORMANCE_SHARD: "1/1" }).shard).toEqual({ index: 1, count: 1 });
    expect(resolveRunConfig({}, {}).shard).toBeUndefined();
    for (const bad of ["0/3", "4/3", "1/0", "3", "a/b", "-1/2", "1/2/3"]) {
      expect(() => resolveRunConfig({ shard: bad }, {}), bad).toThrow(ConfigError);
      expect(() => resolveRunConfig({}, { CONFORMANCE_SHARD: bad }), bad).toThrow(/--shard \/ CONFORMANCE_SHARD: must be i\/n/);
    }
  });

  it("gives every sequence to exactly one shard, sequence k to shard (k mod n) + 1; the sweep to shard 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(10_000), (count, k) => {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(k, { index, count }));
        expect(owners).toEqual([(k % count) + 1]);
        expect(inShard(k, undefined)).toBe(true);
      }),
    );
    expect(sweepsInShard({ index: 1, count: 3 })).toBe(true);
    expect(sweepsInShard({ index: 2, count: 3 })).toBe(false);
    expect(sweepsInShard(undefined)).toBe(true);
  });

  describe("three shards of a small embedded run", () => {
    let whole: ConformanceReport;
    let shards: ConformanceReport[];
    beforeAll(async () => {
      whole = await run({});
      shards = [await run({ shard: "1/3" }), await run({ shard: "2/3" }), await run({ shard: "3/3" })];
    }, 120_000);

    it("each report says its shard; only shard 1 makes the coverage sweep", () => {
      expect(whole.shard).toBeNull();
      expect(shards.map((s) => s.shard)).toEqual(["1/3", "2/3", "3/3"]);
      // The sweep calls every one of the 37 Classic operations; shards 2 and 3 make only their sequences.
      const operations = (r: ConformanceReport): number => r.coverage.filter((c) => c.calls > 0).length;
      expect(operations(shards[0]!)).toBe(37);
      for (const s of shards.slice(1)) {
        expect(operations(s)).toBeLessThan(37);
        expect(s.calls).toBeLessThanOrEqual(SMALL.runs * SMALL.maxCommands);
        expect(s.messages.some((m) => m.startsWith(`This report is shard ${s.shard} of the run`))).toBe(true);
      }
    });

    it("merged, they give the unsharded run's check statuses and verdict", () => {
      const merged = mergeReports(shards.map((report, i) => ({ path: `shard-${i + 1}.json`, report })));
      expect(whole.verdict).toBe("pass");
      expect(statuses(merged)).toEqual(statuses(whole));
      expect(merged.verdict).toBe(whole.verdict);
      expect(merged.exitCode).toBe(0);
      expect(merged.shard).toBeNull();
      expect(merged.calls).toBe(shards.reduce((n, s) => n + s.calls, 0));
      // A shard alone leaves operations unobserved: its own verdict is unknown.
      expect(shards.slice(1).map((s) => s.verdict)).toEqual(["unknown", "unknown"]);
    });

    it("a failure found against a faulty emulator in one shard survives merging with passing shards", async () => {
      const faulty = await run({ shard: "2/3" }, "read-only-wrong");
      expect(faulty.verdict).toBe("fail");
      const failing = faulty.checks.filter((c) => c.status === "fail").map((c) => c.id);
      expect(failing.length).toBeGreaterThan(0);
      // Shard 1 (the sweep) passed each of those checks on the faithful emulator.
      expect(failing.every((id) => statuses(shards[0]!)[id] === "pass")).toBe(true);
      const merged = mergeReports([shards[0]!, faulty, shards[2]!].map((report, i) => ({ path: `shard-${i + 1}.json`, report })));
      expect(merged.verdict).toBe("fail");
      expect(merged.exitCode).toBe(1);
      const mergedFailing = merged.checks.filter((c) => c.status === "fail");
      expect(mergedFailing.map((c) => c.id)).toEqual(failing);
      expect(mergedFailing.every((c) => c.counterexample !== null)).toBe(true);
      expect(merged.messages.join("\n")).toMatch(/distinct problems? fails? \d+ required checks?: P1 /);
      // The shrunk counterexample's replay command names the run's own sequence index: it replays without --shard.
      const shrunk = faulty.checks.find((c) => c.counterexample?.replay?.includes("--path") === true);
      expect(shrunk).toBeDefined();
      const replay = await run(replayFlags(shrunk!.counterexample!.replay!), "read-only-wrong");
      expect(replay.verdict).toBe("fail");
      expect(replay.checks.find((c) => c.id === shrunk!.id)?.status).toBe("fail");
    }, 60_000);
  });

  it("against a faulty emulator, the merged shards give the unsharded run's failing checks and distinct problems", async () => {
    const fault = "describe-logs-response";
    const whole = await run({}, fault);
    const shards = [await run({ shard: "1/3" }, fault), await run({ shard: "2/3" }, fault), await run({ shard: "3/3" }, fault)];
    const merged = mergeReports(shards.map((report, i) => ({ path: `f${i}.json`, report })));
    expect(whole.verdict).toBe("fail");
    expect([merged.verdict, merged.exitCode]).toEqual(["fail", 1]);
    expect(statuses(merged)).toEqual(statuses(whole));
    const problems = (r: ConformanceReport): string[] => (r.problems ?? []).filter((p) => p.severity === "required").map((p) => p.id).sort();
    expect(problems(whole).length).toBeGreaterThan(0);
    expect(problems(merged)).toEqual(problems(whole));
    expect(merged.findingsByCode).toEqual(Object.fromEntries(Object.keys(merged.findingsByCode).map((code) => [code, shards.reduce((n, s) => n + ((s.findingsByCode as Record<string, number>)[code] ?? 0), 0)])));
  }, 90_000);

  it("deferred mode shards by seed + k too: the shards together make the unsharded run's sequences", async () => {
    const deferred = { deferred: true };
    const whole = await run(deferred);
    const shards = [await run({ ...deferred, shard: "1/2" }), await run({ ...deferred, shard: "2/2" })];
    expect(shards[1]!.coverage.filter((c) => c.calls > 0).length).toBeLessThan(37);
    const merged = mergeReports(shards.map((report, i) => ({ path: `d${i}.json`, report })));
    expect(statuses(merged)).toEqual(statuses(whole));
    expect(merged.verdict).toBe("pass");
  }, 60_000);
});
