/**
 * Runs the conformance suite (interactive, small budget) against the embedded reference emulator
 * with one named fault, and replays a counterexample's command. With --fail-fast: the random
 * sequences come before the coverage sweep, so a run that fails in them fails with the same shrunk
 * counterexample without the sweep, and one that does not makes the sweep as a whole run would.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveRunConfig, type RunConfig } from "../../harness/config.js";
import { runConformance, type ConformanceRun } from "../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../harness/targets/index.js";
import { FAULT_EXPECTATIONS } from "./fault-expectations.js";

/** The self-test budget: enough for every fault, small enough for `npm test`. */
export const SELF_TEST_BUDGET = { runs: 8, maxCommands: 8, maxShrinks: 40 } as const;

/** Runs the suite against an emulator with `fault`; extra flags (seed, path) for replays. */
export async function runWithFault(fault: string, flags: Partial<Record<keyof RunConfig, unknown>> = {}): Promise<ConformanceRun> {
  const expectation = FAULT_EXPECTATIONS[fault]!;
  const reportsDir = mkdtempSync(join(tmpdir(), `fault-${fault}-`));
  const trailDir = expectation.trail ? join(reportsDir, "trail") : undefined;
  const config = resolveRunConfig(
    { ...SELF_TEST_BUDGET, failFast: true, services: expectation.services ?? ["inspector"], region: expectation.region, trailDir, ...flags, reportsDir },
    {},
  );
  const target = createEmbeddedTarget(config, { faults: [fault], ...(trailDir ? { trailDir, trailIntervalMs: 60_000 } : {}) });
  return runConformance(config, {}, () => undefined, { target });
}

/** The seed, path and commands replay path of a printed replay command. */
export function replayFlags(replay: string): Partial<Record<keyof RunConfig, unknown>> {
  const seed = /--seed (\d+)/.exec(replay)?.[1];
  const path = /--path ([\d:]+)/.exec(replay)?.[1];
  const commands = /--commands-replay-path '([^']+)'/.exec(replay)?.[1];
  const services = /--services (\S+)/.exec(replay)?.[1];
  return {
    ...(seed ? { seed: Number(seed) } : {}),
    ...(path ? { replayPath: path } : {}),
    ...(commands ? { commandsReplayPath: commands } : {}),
    ...(services ? { services } : {}),
  };
}

/**
 * The expected code that a failing check of the run shows as a required finding, and that check:
 * of all such checks, the one with the smallest counterexample (a shrunk one, when there is one).
 */
export function caughtBy(run: ConformanceRun, codes: readonly string[]): { code: string; check: ConformanceRun["report"]["checks"][number] } | undefined {
  for (const code of codes) {
    const hits = run.report.checks.filter(
      (c) => c.status === "fail" && c.counterexample?.findings.some((f) => f.code === code && f.severity === "required"),
    );
    hits.sort((a, b) => a.counterexample!.calls.length - b.counterexample!.calls.length);
    if (hits[0] !== undefined) return { code, check: hits[0] };
  }
  return undefined;
}
