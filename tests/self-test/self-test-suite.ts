/**
 * The body of each self-test file: for every fault of a group, the suite run against the emulator
 * with that fault ends in verdict fail with a finding whose code names the broken rule; a single-call
 * fault's counterexample has at most 2 calls, shows expected against actual, and its replay command
 * reproduces it. The table of faults and the codes that caught them is printed at the end.
 */
import { afterAll, describe, expect, it } from "vitest";
import { FAULT_EXPECTATIONS } from "./fault-expectations.js";
import { caughtBy, replayFlags, runWithFault } from "./run-with-fault.js";

/** Declares the self-tests of `faults`. */
export function faultSelfTests(group: string, faults: readonly string[]): void {
  const caught: string[] = [];
  afterAll(() => {
    process.stdout.write(`\nself-test (${group}): fault -> finding code that caught it\n${caught.join("\n")}\n`);
  });

  describe(`self-test: ${group}`, () => {
    it.for(faults)("%s", { timeout: 180_000 }, async (fault) => {
      const expectation = FAULT_EXPECTATIONS[fault]!;
      const run = await runWithFault(fault);
      expect(run.report.verdict, `${fault}: ${run.report.messages.join("\n")}`).toBe("fail");
      const hit = caughtBy(run, expectation.codes);
      const failing = run.report.checks.filter((c) => c.status === "fail").map((c) => `${c.id}: ${c.message}`);
      expect(hit, `${fault} should be caught by ${expectation.codes.join(" or ")}; failing checks:\n${failing.join("\n")}`).toBeDefined();
      caught.push(`  ${fault.padEnd(38)} ${hit!.code.padEnd(42)} (${hit!.check.id}, ${run.report.calls} calls)`);

      if (!expectation.singleCall) return;
      const cx = hit!.check.counterexample!;
      expect(cx.calls.length, `${fault}: counterexample ${JSON.stringify(cx.calls.map((c) => c.operation))}`).toBeLessThanOrEqual(2);
      expect(cx.calls.length).toBeGreaterThan(0);
      const shown = cx.findings.find((f) => f.code === hit!.code)!;
      expect(shown).toHaveProperty("expected");
      expect(shown).toHaveProperty("actual");
      expect(cx.replay).toMatch(/^(\S+=\S+ )*npm run conformance -- --seed \d+/);
      const replayed = await runWithFault(fault, replayFlags(cx.replay!));
      const again = replayed.report.checks.find((c) => c.id === hit!.check.id)!;
      expect(again.status, `${fault}: replay of ${cx.replay}`).toBe("fail");
    });
  });
}
