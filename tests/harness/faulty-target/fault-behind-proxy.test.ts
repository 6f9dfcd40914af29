/**
 * The same misbehaving transport does not hide a real CloudTrail fault: with an emulator fault
 * present as well, every class still ends in `fail`, with the code of the rule the fault breaks.
 */
import { afterAll, describe, it } from "vitest";
import { cleanUp, FAULT_CLASSES, requiredCodes, runThroughProxy, type ProxiedRun } from "./classes.js";

const done: ProxiedRun[] = [];
afterAll(() => done.forEach(cleanUp));

// The classes run side by side (vitest's maxConcurrency, 5): each has its emulator, proxy and
// reports folder, and most of a class's time is spent waiting on what its proxy does.
describe.concurrent("behind a misbehaving transport", () => {
  describe.each(FAULT_CLASSES)("an emulator with a CloudTrail fault behind: $name", (cls) => {
    it(`fails with ${cls.fault.code} (${cls.fault.name})`, { timeout: 180_000 }, async ({ expect }) => {
      const r = await runThroughProxy(cls, cls.fault.name);
      done.push(r);
      const why = `${r.seconds.toFixed(1)} s, proxy ${JSON.stringify(r.counts)} (${r.misbehaved} misbehaved)\n${r.run.report.messages.join("\n")}`;
      expect(r.misbehaved, why).toBeGreaterThan(0);
      expect(r.run.report.verdict, why).toBe("fail");
      expect([...requiredCodes(r.run)], why).toContain(cls.fault.code);
    });
  });
});
