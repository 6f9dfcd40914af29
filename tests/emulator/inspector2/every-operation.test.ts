/**
 * Each of the 81 Inspector v2 operations, on the service itself: the session of scenario.ts
 * succeeds for every operation with an output the model accepts, and each operation's failing call
 * gives its error with the model's HTTP status, as one of the errors the model lists for it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { INSPECTOR2_OPERATIONS, inspector2Model } from "../../../model/inspector2-model.js";
import { shapeOf } from "../../../model/service-model.js";
import { outputIssues, serviceHarness } from "./helpers.js";
import { FAILING, runScenario, SCENARIO } from "./scenario.js";

describe("the Inspector v2 session of scenario.ts", () => {
  const h = serviceHarness();
  let made: Awaited<ReturnType<typeof runScenario>> = [];

  beforeAll(async () => {
    made = await runScenario(
      async (operation, input, as) => {
        const r = h.call(operation, input, as);
        return r.ok ? { ok: true, output: r.output } : { ok: false, error: r.error.type, message: r.error.message };
      },
      (ms) => h.clock.advance(ms),
    );
  });

  it("calls every one of the 81 operations, and has a failing call for each", () => {
    expect(INSPECTOR2_OPERATIONS).toHaveLength(81);
    expect(new Set(SCENARIO.map((s) => s.operation))).toEqual(new Set(INSPECTOR2_OPERATIONS));
    expect(Object.keys(FAILING).sort()).toEqual([...INSPECTOR2_OPERATIONS]);
  });

  it.each(INSPECTOR2_OPERATIONS)("%s answers an output the model accepts", (operation) => {
    const calls = made.filter((m) => m.operation === operation);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(outputIssues(operation, call.output)).toEqual([]);
      expect(JSON.parse(JSON.stringify(call.output))).toEqual(call.output);
    }
  });

  it.each(INSPECTOR2_OPERATIONS.filter((op) => FAILING[op]!.as !== "denied"))("%s fails with its modelled error", (operation) => {
    const failing = FAILING[operation]!;
    const error = h.fail(operation, failing.input({}), failing.as ?? "user");
    expect(error.type).toBe(failing.error);
    expect(error.status).toBe(shapeOf(inspector2Model, error.type).error?.httpStatusCode);
    const modelled = (inspector2Model.operations[operation]!.errors ?? []).map((e) => e.shape);
    // AccessDeniedException is IAM's answer for any action; the others are the operation's own.
    if (error.type !== "AccessDeniedException") expect(modelled).toContain(error.type);
    expect(error.message.length).toBeGreaterThan(10);
    if (error.type === "ValidationException") expect(["CANNOT_PARSE", "FIELD_VALIDATION_FAILED", "OTHER"]).toContain(error.fields?.["reason"]);
  });
});
