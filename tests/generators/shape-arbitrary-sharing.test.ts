/**
 * The valid subtrees that plans share: shapeArbitrary builds each unfocused (all valid) arbitrary
 * once per profile, shape, member and deciding option, and every target of an operation reuses it.
 * The sharing must not change a value: the options that decide one are in the key, and a target's
 * values do not depend on which targets were built before it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArbitraries } from "../../generators/operation-inputs.js";
import type { PlanNode } from "../../generators/plan-value.js";
import { shapeArbitrary } from "../../generators/shape-arbitrary.js";
import { INSPECTOR2_PROFILE, type GeneratorProfile } from "../../generators/service-profile.js";

const v2 = { profile: INSPECTOR2_PROFILE, operation: "ListFindings" };

describe("shapeArbitrary's shared valid subtrees", () => {
  it("builds an unfocused arbitrary once, and a focused one each time", () => {
    expect(shapeArbitrary("FilterCriteria", "filterCriteria", v2)).toBe(shapeArbitrary("FilterCriteria", "filterCriteria", { ...v2 }));
    const focus = { path: ["findingArn"], replacement: fc.constant<PlanNode>([]) };
    expect(shapeArbitrary("FilterCriteria", "filterCriteria", { ...v2, focus })).not.toBe(shapeArbitrary("FilterCriteria", "filterCriteria", { ...v2, focus }));
  });

  it("keeps apart what the options decide: operation, member name, maxListLength, includeNextToken, profile", () => {
    const base = shapeArbitrary("StringFilterList", "findingArn", v2);
    expect(shapeArbitrary("StringFilterList", "findingArn", { ...v2, operation: "CreateFilter" })).not.toBe(base);
    expect(shapeArbitrary("StringFilterList", "title", v2)).not.toBe(base);
    expect(shapeArbitrary("StringFilterList", "findingArn", { ...v2, profile: { ...INSPECTOR2_PROFILE } })).not.toBe(base);

    // Built after the default, a shorter maxListLength still bounds the lists (StringFilterList allows 1..10).
    const lengths = (a: fc.Arbitrary<unknown>) => fc.sample(a, { seed: 3, numRuns: 200 }).map((v) => (v as unknown[]).length);
    expect(Math.max(...lengths(base))).toBeGreaterThan(1);
    expect(Math.max(...lengths(shapeArbitrary("StringFilterList", "findingArn", { ...v2, maxListLength: 1 })))).toBe(1);

    // nextToken is generated only when asked for, whichever was built first.
    const tokens = (a: fc.Arbitrary<unknown>) => fc.sample(a, { seed: 5, numRuns: 200 }).filter((v) => (v as Record<string, unknown>)["nextToken"] !== undefined).length;
    expect(tokens(shapeArbitrary("ListFindingsRequest", "", v2))).toBe(0);
    expect(tokens(shapeArbitrary("ListFindingsRequest", "", { ...v2, includeNextToken: true }))).toBeGreaterThan(0);
  });

  it("gives each target the same values whatever was built before it", () => {
    const samples = (profile: GeneratorProfile, order: "forward" | "reverse") => {
      const arms = inputArbitraries("CreateFilter", "invalid", {}, profile);
      const picked = arms.map((arm, i) => [i, arm] as const).filter(([i]) => i % 9 === 0);
      if (order === "reverse") picked.reverse();
      const out = new Map(picked.map(([i, arm]) => [i, JSON.stringify(fc.sample(arm, { seed: i, numRuns: 3 }).map((p) => p.value))]));
      return [...out].sort(([a], [b]) => a - b);
    };
    // A copy of the profile starts with nothing shared; it builds the targets in the other order.
    const forward = samples(INSPECTOR2_PROFILE, "forward");
    expect(forward.length).toBeGreaterThan(50);
    expect(samples({ ...INSPECTOR2_PROFILE }, "reverse")).toEqual(forward);
  });
});
