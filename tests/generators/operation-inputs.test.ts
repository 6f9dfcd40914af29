import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectorResourceKind } from "../../model/arn.js";
import { inspectorModel } from "../../model/service-model.js";
import { GENERATED_OPERATIONS, inputArbitraries, inputArbitrary, modesOf, callArbitrary } from "../../generators/operation-inputs.js";
import type { LabelledPlan } from "../../generators/operation-inputs.js";
import { ResourcePool } from "../../generators/resource-pool.js";
import { hasPath, valueAt, violations } from "./constraint-checker.js";

const scope = { region: "us-west-2", accountId: "123456789012" };

function filledPool(): ResourcePool {
  const pool = new ResourcePool(scope);
  const target = "arn:aws:inspector:us-west-2:123456789012:target/0-tgt00001";
  const template = `${target}/template/0-tpl00001`;
  const run = `${template}/run/0-run00001`;
  pool.add("resourcegroup", "arn:aws:inspector:us-west-2:123456789012:resourcegroup/0-rg000001");
  pool.add("target", target);
  pool.add("template", template);
  pool.add("run", run);
  pool.add("finding", `${run}/finding/0-fnd00001`);
  pool.add("exclusion", `${run}/exclusion/0-exc00001`);
  pool.add("rulespackage", "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p");
  pool.add("topic", "arn:aws:sns:us-west-2:123456789012:topic-1");
  pool.add("role", "arn:aws:iam::123456789012:role/inspector-role");
  pool.addPreview({ previewToken: "0c0f26a6-8ae9-4e2b-8b8a-1a2b3c4d5e6f", assessmentTemplateArn: template });
  return pool;
}

const pools = [new ResourcePool(scope), filledPool()];

function inputShape(operation: string): string | undefined {
  return inspectorModel.operations[operation]?.input?.shape;
}

function check(plan: LabelledPlan, pool: ResourcePool) {
  const { input } = plan.resolve(pool);
  const shape = inputShape(plan.operation);
  return { input, found: shape === undefined ? [] : violations(shape, input) };
}

function sizeOf(value: unknown): number {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (typeof value === "number") return value;
  throw new Error(`no size for ${String(value)}`);
}

describe("valid inputs satisfy every model constraint", () => {
  for (const operation of GENERATED_OPERATIONS) {
    it(operation, () => {
      fc.assert(
        fc.property(inputArbitrary(operation, "valid"), fc.constantFrom(...pools), (plan, pool) => {
          expect(plan.label).toEqual({ mode: "valid" });
          expect(check(plan, pool).found).toEqual([]);
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe("boundary inputs sit exactly on the limit they name and break nothing", () => {
  for (const operation of GENERATED_OPERATIONS.filter((op) => modesOf(op).includes("boundary"))) {
    it(operation, () => {
      for (const arb of inputArbitraries(operation, "boundary")) {
        fc.assert(
          fc.property(arb, fc.constantFrom(...pools), (plan, pool) => {
            if (plan.label.mode !== "boundary") throw new Error("not a boundary plan");
            const { input, found } = check(plan, pool);
            expect(found).toEqual([]);
            expect(sizeOf(valueAt(input, plan.label.path))).toBe(plan.label.limit);
          }),
          { numRuns: 4 },
        );
      }
    });
  }
});

describe("invalid inputs break exactly the one constraint their label names", () => {
  for (const operation of GENERATED_OPERATIONS.filter((op) => modesOf(op).includes("invalid"))) {
    it(operation, () => {
      for (const arb of inputArbitraries(operation, "invalid")) {
        fc.assert(
          fc.property(arb, fc.constantFrom(...pools), (plan, pool) => {
            if (plan.label.mode !== "invalid") throw new Error("not an invalid plan");
            const { input, found } = check(plan, pool);
            const { path, constraint } = plan.label;
            if (constraint === "unknownArn") {
              // Not a model constraint: the model is satisfied and the ARN is well formed but unknown.
              expect(found).toEqual([]);
              const arn = valueAt(input, path);
              expect(typeof arn).toBe("string");
              expect(pool.contains(arn as string)).toBe(false);
              expect(/^arn:aws:(inspector|sns|iam):/.test(arn as string)).toBe(true);
            } else {
              expect(found).toEqual([{ path, constraint }]);
              if (constraint === "missingRequired") expect(hasPath(input, path)).toBe(false);
            }
          }),
          { numRuns: 3 },
        );
      }
    });
  }
});

describe("coverage of the generator table", () => {
  it("every operation has valid plans; all but the input-less one have boundary and invalid plans", () => {
    for (const operation of GENERATED_OPERATIONS) {
      const expected = inputShape(operation) === undefined ? ["valid"] : ["valid", "boundary", "invalid"];
      expect(modesOf(operation), operation).toEqual(expected);
    }
    expect(() => inputArbitrary("DescribeCrossAccountAccessRole", "invalid")).toThrow(/no invalid inputs/);
  });

  it("every required member of every input can be left out, alone", () => {
    for (const operation of GENERATED_OPERATIONS) {
      const shape = inputShape(operation);
      const required = shape === undefined ? [] : (inspectorModel.shapes[shape]?.required ?? []);
      const labels = inputArbitraries(operation, "invalid").flatMap((arb) => fc.sample(arb, { numRuns: 1, seed: 1 }).map((p) => p.label));
      for (const member of required) {
        expect(labels, `${operation}.${member}`).toContainEqual({ mode: "invalid", path: member, constraint: "missingRequired" });
      }
    }
  });

  it("callArbitrary draws from many operations and all three modes", () => {
    const plans = fc.sample(callArbitrary(), { numRuns: 2000, seed: 42 });
    expect(new Set(plans.map((p) => p.operation)).size).toBeGreaterThan(30);
    expect(new Set(plans.map((p) => p.label.mode))).toEqual(new Set(["valid", "boundary", "invalid"]));
  });

  it("labels print the operation, the constraint and the path", () => {
    const plans = inputArbitraries("CreateAssessmentTemplate", "invalid").map((a) => fc.sample(a, { numRuns: 1, seed: 1 })[0]!);
    const plan = plans.find((p) => p.label.mode === "invalid" && p.label.constraint === "aboveMaximum");
    expect(String(plan)).toBe("CreateAssessmentTemplate[invalid aboveMaximum(>86400) at durationInSeconds]");
    expect(fc.stringify(plan)).toBe(String(plan));
    // the unknown ARNs built for a pool-less plan name the right kind of resource
    const valid = fc.sample(inputArbitrary("DescribeFindings", "valid"), { numRuns: 5, seed: 7 });
    for (const p of valid) for (const ref of p.resolve(new ResourcePool(scope)).references) expect(inspectorResourceKind(ref.value)).toBe("finding");
  });
});
