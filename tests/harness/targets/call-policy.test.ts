/**
 * The call policy: on a real account (aws) Inspector v2 is called by class, reads and self-contained
 * resources by default, the opt-in classes only when --allow names them, agent-only operations only
 * to fail; an emulator target calls anything. The generators never draw a plan the policy refuses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceCommands } from "../../../generators/commands.js";
import { identityArbitrary } from "../../../generators/identities.js";
import { resolveRunConfig } from "../../../harness/config.js";
import { callPolicyOf, planAllows } from "../../../harness/targets/call-policy.js";
import { INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { inspector2SafetyClassOf } from "../../../model/inspector2-operation-classes.js";

const aws = (allow?: string) => callPolicyOf(resolveRunConfig({ target: "aws", ...(allow !== undefined ? { allow } : {}) }, {}));

/** The operation and mode of each command of a sequence, read from its printed form (`Op as Kind(name) [mode ...]`). */
function drawn(seed: number, allows: ReturnType<typeof planAllows>): { operation: string; mode: string }[] {
  const [cmds] = fc.sample(serviceCommands("inspector2", { maxCommands: 20, identities: identityArbitrary(), allows }), { numRuns: 1, seed });
  return [...cmds!].map((c) => {
    const text = String(c);
    return { operation: text.split(" ")[0]!, mode: /\[(valid|boundary|invalid)/.exec(text)![1]! };
  });
}

describe("call policy", () => {
  it("on emulator targets refuses nothing", () => {
    for (const target of ["embedded", "endpoint"] as const) {
      const policy = callPolicyOf(resolveRunConfig({ target }, {}));
      for (const op of INSPECTOR2_OPERATIONS) expect(policy.refusal("inspector2", op, "success")).toBeUndefined();
    }
  });

  it("on aws: reads and self-contained resources by default; opt-in classes refused with the flag to set; agent-only only to fail", () => {
    const policy = aws();
    for (const op of INSPECTOR2_OPERATIONS) {
      const cls = inspector2SafetyClassOf(op)!;
      const success = policy.refusal("inspector2", op, "success");
      const failure = policy.refusal("inspector2", op, "failure");
      if (cls === "read" || cls === "self-contained") expect([success, failure], op).toEqual([undefined, undefined]);
      else if (cls === "agent-only") {
        expect(success, op).toMatch(/^agent-only: only the SSM agent/);
        expect(failure, op).toBeUndefined();
      } else {
        expect(success, op).toContain(`--allow ${cls} (CONFORMANCE_ALLOW)`);
        expect(failure, op).toBe(success);
      }
    }
    expect(policy.refusal("inspector2", "Enable", "success")).toMatch(/Enable starts billing/);
    expect(policy.refusal("inspector", "CreateResourceGroup", "success")).toBeUndefined();
  });

  it("--allow opts a class in, and only that class", () => {
    const policy = aws("account-state");
    expect(policy.refusal("inspector2", "Enable", "success")).toBeUndefined();
    expect(policy.refusal("inspector2", "AssociateMember", "success")).toContain("--allow organization");
    const all = aws("account-state,organization,external");
    expect(INSPECTOR2_OPERATIONS.filter((op) => all.refusal("inspector2", op, "success") !== undefined).sort()).toEqual(
      ["SendCisSessionHealth", "SendCisSessionTelemetry", "StartCisSession", "StopCisSession"],
    );
  });

  it("over 300 seeds, the generators draw no plan the aws policy refuses, and do draw the classes it allows", () => {
    const allows = planAllows(aws(), "inspector2");
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      for (const { operation, mode } of drawn(seed, allows)) {
        const cls = inspector2SafetyClassOf(operation)!;
        expect(["read", "self-contained", "agent-only"], `${operation} [${mode}] seed ${seed}`).toContain(cls);
        if (cls === "agent-only") expect(mode, `${operation} seed ${seed}`).toBe("invalid");
        seen.add(cls);
      }
    }
    expect([...seen].sort()).toEqual(["agent-only", "read", "self-contained"]);
    // With a class allowed, its operations are drawn.
    const withState = planAllows(aws("account-state"), "inspector2");
    const ops = new Set(Array.from({ length: 50 }, (_, seed) => drawn(seed, withState).map((d) => d.operation)).flat());
    expect([...ops].some((op) => inspector2SafetyClassOf(op) === "account-state")).toBe(true);
  });
});
