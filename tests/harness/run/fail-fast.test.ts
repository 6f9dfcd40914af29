/**
 * `--fail-fast`: an interactive run stops executing once its first failing sequence is shrunk (no
 * coverage sweep, no more calls of the other service, whose sweep may have begun), reports fail
 * with the same counterexample as the whole run of that seed, and says in a message why the rest
 * is unknown. A run that finds no failure is not cut short, and a deferred run (any run on the aws
 * target) refuses the flag.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, resolveRunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A run of both services, 8 sequences of at most 8 calls; `fault`: a Classic fault of the emulator. */
async function run(failFast: boolean, fault?: string) {
  const reportsDir = mkdtempSync(join(tmpdir(), "fail-fast-"));
  dirs.push(reportsDir);
  const config = resolveRunConfig({ runs: 8, maxCommands: 8, maxShrinks: 40, seed: 3, failFast, reportsDir }, {});
  const lines: string[] = [];
  const target = createEmbeddedTarget(config, { faults: fault === undefined ? [] : [fault] });
  const { report } = await runConformance(config, {}, (l) => lines.push(l), { target });
  return { report, lines, calls: Object.fromEntries(report.services.map((s) => [s.service, s.calls])) };
}

/** The calls a service's coverage sweep made, by its log line (0 without one). */
const sweepCalls = (lines: readonly string[], title: string): number =>
  Number(/coverage sweep made (\d+) calls/.exec(lines.find((l) => l.includes(`${title} coverage sweep made`)) ?? "")?.[1] ?? 0);

const stopped = (messages: readonly string[]) => messages.filter((m) => m.includes("--fail-fast"));

describe("--fail-fast", () => {
  it("stops at the first failure with the whole run's counterexample, and says why the rest is unknown", { timeout: 120_000 }, async () => {
    const whole = await run(false, "read-only-wrong");
    const fast = await run(true, "read-only-wrong");
    expect(whole.report.verdict).toBe("fail");
    expect(fast.report.verdict).toBe("fail");
    // The random sequences come first: the same failure, shrunk the same way, to the same replay.
    const counterexample = (r: typeof whole) => r.report.checks.find((c) => c.counterexample?.replay?.includes("--path"))?.counterexample;
    expect(counterexample(fast)).toBeDefined();
    expect(counterexample(fast)?.replay).toBe(counterexample(whole)?.replay);
    expect(counterexample(fast)?.calls.map((c) => c.operation)).toEqual(counterexample(whole)?.calls.map((c) => c.operation));
    // No coverage sweep after it; the other service (no fault) may have begun its sweep while
    // Classic's batch was checked and shrunk, and stops there.
    expect(whole.lines.filter((l) => l.includes("coverage sweep made"))).toHaveLength(2);
    expect(fast.lines.filter((l) => l.includes("Inspector Classic coverage sweep made"))).toEqual([]);
    expect(sweepCalls(fast.lines, "Amazon Inspector (v2)")).toBeLessThan(sweepCalls(whole.lines, "Amazon Inspector (v2)") / 2);
    expect(fast.calls["inspector"]).toBeLessThan(whole.calls["inspector"]! / 2);
    expect(fast.calls["inspector2"]).toBeLessThan(whole.calls["inspector2"]! / 2);
    expect(stopped(fast.report.messages)).toEqual([expect.stringMatching(/^The run stopped at its first failure \(--fail-fast: Inspector Classic failed \(\d-call counterexample\)\)/)]);
    expect(stopped(whole.report.messages)).toEqual([]);
    // What was not reached is unknown, not pass.
    expect(fast.report.checks.some((c) => c.service === "inspector2" && c.status === "unknown")).toBe(true);
    expect(fast.report.checks.filter((c) => c.status === "pass").length).toBeLessThan(whole.report.checks.filter((c) => c.status === "pass").length);
  });

  it("does not cut short a run that finds no failure", { timeout: 120_000 }, async () => {
    const fast = await run(true);
    expect(fast.report.verdict, fast.report.messages.join("\n")).toBe("pass");
    expect(fast.lines.filter((l) => l.includes("coverage sweep made"))).toHaveLength(2);
    expect(stopped(fast.report.messages)).toEqual([]);
  });

  it("is refused with --deferred, naming both settings, and on the aws target, which always runs deferred", () => {
    expect(() => resolveRunConfig({ failFast: true, deferred: true }, {})).toThrow(ConfigError);
    expect(() => resolveRunConfig({}, { CONFORMANCE_FAIL_FAST: "1", CONFORMANCE_DEFERRED: "1" })).toThrow(
      /--fail-fast \/ CONFORMANCE_FAIL_FAST: stops an interactive run; a deferred run checks only after it has executed everything \(got --deferred \/ CONFORMANCE_DEFERRED too\)/,
    );
    expect(() => resolveRunConfig({ failFast: true, target: "aws" }, {})).toThrow(/\(the aws target always runs deferred\)/);
    expect(resolveRunConfig({ failFast: true, target: "endpoint" }, {}).failFast).toBe(true);
  });
});
