/**
 * A faithful target behind a misbehaving transport is never `fail` (but for a record CloudTrail
 * delivered broken): a target or transport fault is `unknown`, or `pass` when every record could
 * still be checked. Each class says so once, in one incident message, and ends within the deadlines.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parseHistory } from "../../../harness/execute/history.js";
import { cleanUp, FAULT_CLASSES, runThroughProxy, type ProxiedRun } from "./classes.js";

const done: ProxiedRun[] = [];
afterAll(() => done.forEach(cleanUp));

// The classes run side by side (vitest's maxConcurrency, 5): each has its emulator, proxy and
// reports folder, and most of a class's time is spent waiting on what its proxy does.
describe.concurrent("behind a misbehaving transport", () => {
  describe.each(FAULT_CLASSES)("a faithful emulator behind: $name", (cls) => {
    it(`is ${cls.faithful}, with ${cls.incidents.join(" and ") || "no blocking incident"}`, { timeout: 180_000 }, async ({ expect }) => {
      const r = await runThroughProxy(cls, undefined);
      done.push(r);
      const { report } = r.run;
      const why = `${r.seconds.toFixed(1)} s, proxy ${JSON.stringify(r.counts)} (${r.misbehaved} misbehaved)\n${report.messages.join("\n")}`;
      expect(r.misbehaved, why).toBeGreaterThan(0);
      expect(report.verdict, why).toBe(cls.faithful);
      expect(r.run.exitCode).toBe({ pass: 0, fail: 1, unknown: 2 }[cls.faithful]);
      // The blocking incidents are exactly the expected ones; a call cut in flight may add indeterminate calls.
      expect(report.incidents.map((i) => i.kind), why).toEqual(expect.arrayContaining([...cls.incidents]));
      expect(report.incidents.filter((i) => i.blocking).map((i) => i.kind).sort(), why).toEqual(cls.incidents.filter((k) => k !== "indeterminate-calls").sort());
      expect(new Set(report.incidents.map((i) => i.kind)).size, why).toBe(report.incidents.length);
      // Said once: no message twice, no per-request collector lines.
      expect(new Set(report.messages).size, why).toBe(report.messages.length);
      expect(report.messages.filter((m) => m.startsWith("collector:")), why).toEqual([]);
      if (cls.faithful !== "fail") {
        // No record read broke a rule, and no missing record was blamed on the target for a call without an answer.
        expect(report.checks.filter((c) => c.status === "fail").map((c) => c.id), why).toEqual([]);
      } else {
        expect(report.findingsByCode["shape.unparseable_record"], why).toBeGreaterThan(0);
      }
      const history = parseHistory(readFileSync(r.run.paths.history, "utf8"));
      expect(history.problems).toEqual([]);
      expect(history.interrupted).toEqual([]);
      // Every call the proxy cut after forwarding kept the request as sent and the request id of the headers that arrived.
      for (const call of history.calls.filter((c) => c.unknownCause === "truncated")) {
        expect(call.requestId, JSON.stringify(call)).toBeDefined();
        expect(call.answer?.complete).toBe(false);
        // The request as sent (null only for the operation without input).
        if (call.operation !== "DescribeCrossAccountAccessRole") expect(call.request, JSON.stringify(call)).not.toBeNull();
      }
    });
  });

  describe.each(FAULT_CLASSES.filter((c) => /refused|never answers|half the body/.test(c.name)))("deferred mode, a faithful emulator behind: $name", (cls) => {
    it(`is ${cls.faithful} too, the history complete to the last finished call`, { timeout: 180_000 }, async ({ expect }) => {
      const r = await runThroughProxy({ ...cls, flags: { ...cls.flags, deferred: true } }, undefined);
      done.push(r);
      const { report } = r.run;
      const why = `${r.seconds.toFixed(1)} s, proxy ${JSON.stringify(r.counts)}\n${report.messages.join("\n")}`;
      expect(report.mode).toBe("deferred");
      expect(report.verdict, why).toBe(cls.faithful);
      // Deferred runs collect once, after executing: a LookupEvents that stops answering ends no execution.
      const blocking = report.incidents.filter((i) => i.blocking).map((i) => i.kind);
      expect(blocking.every((k) => cls.incidents.includes(k)), why).toBe(true);
      expect(blocking.length > 0, why).toBe(cls.faithful === "unknown");
      const history = parseHistory(readFileSync(r.run.paths.history, "utf8"));
      expect(history.problems).toEqual([]);
      expect(history.calls).toHaveLength(report.calls);
    });
  });
});
