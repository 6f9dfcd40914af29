/** The v2 safety classes cover the 81 operations exactly once, and the read class is the read-named set. */
import { describe, expect, it } from "vitest";
import { INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { inspector2SafetyClassOf } from "../../model/inspector2-operation-classes.js";

const READ_NAMED = /^(List|Get|Describe|BatchGet|Search)[A-Z]/;

describe("Inspector v2 operation classes", () => {
  it("gives every one of the 81 operations a class, and nothing else one", () => {
    expect(INSPECTOR2_OPERATIONS).toHaveLength(81);
    const counts: Record<string, number> = {};
    for (const op of INSPECTOR2_OPERATIONS) {
      const cls = inspector2SafetyClassOf(op);
      expect(cls, op).toBeDefined();
      counts[cls!] = (counts[cls!] ?? 0) + 1;
    }
    expect(counts).toEqual({ read: 39, "self-contained": 11, "account-state": 6, organization: 7, external: 14, "agent-only": 4 });
    expect(inspector2SafetyClassOf("ListRulesPackages")).toBeUndefined();
  });

  it("reads are exactly the read-named operations", () => {
    for (const op of INSPECTOR2_OPERATIONS) expect(inspector2SafetyClassOf(op) === "read", op).toBe(READ_NAMED.test(op));
  });
});
