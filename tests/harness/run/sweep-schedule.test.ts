/**
 * How sweepService schedules the identities' coverage sweeps: a sweep that changes account-wide
 * state (Inspector v2) makes one identity's success sweep at a time, with that identity's failing
 * calls (which change nothing) alongside it; any other (Classic) runs every identity at once.
 * Measured with an executor that answers after a timer, so calls that can overlap do.
 */
import { describe, expect, it } from "vitest";
import type { IdentityRequest } from "../../../generators/identities.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { resolveRunConfig } from "../../../harness/config.js";
import type { ServiceExecutor } from "../../../harness/execute/executor.js";
import { TargetHealth } from "../../../harness/execute/target-health.js";
import { sweepService } from "../../../harness/run/service-phase.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import { inspector2Service } from "../../../harness/services/inspector2.js";
import type { HarnessService } from "../../../harness/services/profile.js";

type Part = "success" | "failure";
interface Span {
  kind: string;
  part: Part;
  start: number;
  end: number;
}

/** Runs the sweep of `service` as `kinds` (every call answered ValidationException after 1 ms); returns when each identity's success and failure parts ran, counted in calls started. */
async function schedule(service: HarnessService, kinds: ("IAMUser" | "AssumedRole" | "Root")[]): Promise<Span[]> {
  let clock = 0;
  const spans = new Map<string, Span>();
  // The failure sweep's calls carry a marker, so the executor can tell the two parts apart.
  const traced: HarnessService = {
    ...service,
    sweep: { ...service.sweep, failure: (call, settings) => service.sweep.failure((operation, input) => call(operation, { ...input, __part: "failure" }), settings) },
  };
  const executor: ServiceExecutor = {
    service: traced,
    calls: () => [] as ObservedCall[],
    call: async (who: IdentityRequest, _operation, input) => {
      // The instance agent (an AssumedRole session named i-…) calls for whichever identity sweeps: not traced.
      const agent = who.kind === "AssumedRole" && who.sessionName?.startsWith("i-") === true;
      const which: Part = (input as { __part?: string }).__part === "failure" ? "failure" : "success";
      const key = `${who.kind}/${which}`;
      const span = agent ? undefined : (spans.get(key) ?? { kind: who.kind, part: which, start: clock, end: clock });
      if (span !== undefined) spans.set(key, span);
      clock++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (span !== undefined) span.end = clock;
      return { ok: false, errorCode: "ValidationException" };
    },
  };
  const config = resolveRunConfig({ target: "embedded" }, {});
  await sweepService(executor, kinds, { config, scope: { region: "us-east-1", accountId: "111122223333" }, health: new TargetHealth("test"), log: () => undefined });
  return [...spans.values()];
}

const overlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

describe("sweepService's schedule", () => {
  it("v2 (account-wide): the success sweeps one identity at a time, each with its failing calls beside it", async () => {
    expect(inspector2Service.sweep.accountWide).toBe(true);
    const spans = await schedule(inspector2Service, ["IAMUser", "AssumedRole", "Root"]);
    const successes = spans.filter((s) => s.part === "success");
    expect(successes.map((s) => s.kind).sort()).toEqual(["AssumedRole", "IAMUser", "Root"]);
    for (const a of successes) for (const b of successes) if (a !== b) expect(overlap(a, b), `${a.kind} and ${b.kind} success sweeps overlap`).toBe(false);
    for (const s of successes) {
      const failure = spans.find((f) => f.part === "failure" && f.kind === s.kind)!;
      expect(overlap(s, failure), `${s.kind}'s failing calls run beside its success sweep`).toBe(true);
      for (const other of successes) if (other !== s) expect(overlap(other, failure), `${s.kind}'s failing calls during ${other.kind}'s success sweep`).toBe(false);
    }
  });

  it("Classic (resources of its own per identity): every identity's sweep at once", async () => {
    expect(inspectorService.sweep.accountWide).toBe(false);
    const spans = await schedule(inspectorService, ["IAMUser", "AssumedRole"]);
    const [a, b] = spans.filter((s) => s.part === "success");
    expect(overlap(a!, b!)).toBe(true);
  });
});
