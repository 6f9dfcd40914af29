import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectorResourceKind } from "../../model/arn.js";
import { GENERATED_OPERATIONS, inputArbitrary } from "../../generators/operation-inputs.js";
import { observeOutcome } from "../../generators/resource-kinds.js";
import { ARN_KINDS, ResourcePool } from "../../generators/resource-pool.js";
import type { ArnKind } from "../../generators/resource-pool.js";

const scope = { region: "eu-west-1", accountId: "210987654321" };

function wellFormed(kind: ArnKind, arn: string): boolean {
  if (kind === "topic") return /^arn:aws:sns:eu-west-1:210987654321:[\w-]{1,256}$/.test(arn);
  if (kind === "role") return /^arn:aws:iam::210987654321:role\/[\w+=,.@-]{1,64}$/.test(arn);
  return arn.startsWith("arn:aws:inspector:eu-west-1:210987654321:") && inspectorResourceKind(arn) === kind;
}

function poolWithOneOfEach(): ResourcePool {
  const pool = new ResourcePool(scope);
  const target = "arn:aws:inspector:eu-west-1:210987654321:target/0-AAAAAAAA";
  const template = `${target}/template/0-BBBBBBBB`;
  const run = `${template}/run/0-CCCCCCCC`;
  const arns: Record<ArnKind, string> = {
    resourcegroup: "arn:aws:inspector:eu-west-1:210987654321:resourcegroup/0-DDDDDDDD",
    target,
    template,
    run,
    finding: `${run}/finding/0-EEEEEEEE`,
    exclusion: `${run}/exclusion/0-FFFFFFFF`,
    rulespackage: "arn:aws:inspector:eu-west-1:210987654321:rulespackage/0-GGGGGGGG",
    topic: "arn:aws:sns:eu-west-1:210987654321:my-topic",
    role: "arn:aws:iam::210987654321:role/my-role",
  };
  for (const kind of ARN_KINDS) pool.add(kind, arns[kind]);
  return pool;
}

describe("plans resolve ARNs from the pool at run time", () => {
  it("use observed ARNs of the right kind when the pool has them", () => {
    const pool = poolWithOneOfEach();
    pool.add("template", "arn:aws:inspector:eu-west-1:210987654321:target/0-AAAAAAAA/template/0-HHHHHHHH");
    for (const operation of GENERATED_OPERATIONS) {
      fc.assert(
        fc.property(inputArbitrary(operation, "valid"), (plan) => {
          for (const ref of plan.resolve(pool).references) {
            if (ref.kind === "previewToken") continue;
            expect(ref.source, `${operation} ${ref.path}`).toBe("pool");
            expect(pool.list(ref.kind)).toContain(ref.value);
          }
        }),
        { numRuns: 20 },
      );
    }
  });

  it("use well-formed unknown ARNs, labelled as unknown, when the pool lacks the kind", () => {
    const empty = new ResourcePool(scope);
    let seen = 0;
    for (const operation of GENERATED_OPERATIONS) {
      fc.assert(
        fc.property(inputArbitrary(operation, "valid"), (plan) => {
          for (const ref of plan.resolve(empty).references) {
            seen++;
            expect(ref.source).toBe("unknown");
            if (ref.kind === "previewToken") expect(ref.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
            else expect(wellFormed(ref.kind, ref.value), ref.value).toBe(true);
          }
        }),
        { numRuns: 20 },
      );
    }
    expect(seen).toBeGreaterThan(100);
  });

  it("resolve the same plan differently as the pool grows: the pool, not the plan, holds ARNs", () => {
    const [plan] = fc.sample(inputArbitrary("DeleteAssessmentTarget", "valid"), { numRuns: 1, seed: 5 });
    const pool = new ResourcePool(scope);
    const before = plan!.resolve(pool);
    expect(before.references[0]!.source).toBe("unknown");
    pool.add("target", "arn:aws:inspector:eu-west-1:210987654321:target/0-NEWONE00");
    const after = plan!.resolve(pool);
    expect(after.input).toEqual({ assessmentTargetArn: "arn:aws:inspector:eu-west-1:210987654321:target/0-NEWONE00" });
    expect(after.references[0]!.source).toBe("pool");
  });

  it("pair GetExclusionsPreview's token with the template it was created for", () => {
    const pool = poolWithOneOfEach();
    const otherTemplate = "arn:aws:inspector:eu-west-1:210987654321:target/0-AAAAAAAA/template/0-PREVIEW0";
    pool.add("template", otherTemplate);
    observeOutcome(pool, "CreateExclusionsPreview", { assessmentTemplateArn: otherTemplate }, { ok: true, output: { previewToken: "11111111-2222-4333-8444-555555555555" } });
    fc.assert(
      fc.property(inputArbitrary("GetExclusionsPreview", "valid"), (plan) => {
        const { input } = plan.resolve(pool);
        expect(input["previewToken"]).toBe("11111111-2222-4333-8444-555555555555");
        expect(input["assessmentTemplateArn"]).toBe(otherTemplate);
      }),
    );
  });

  it("never resolve an unknownArn plan to a pool ARN", () => {
    const pool = poolWithOneOfEach();
    fc.assert(
      fc.property(inputArbitrary("StartAssessmentRun", "invalid"), (plan) => {
        if (plan.label.mode !== "invalid" || plan.label.constraint !== "unknownArn") return;
        const ref = plan.resolve(pool).references.find((r) => r.path === (plan.label as { path: string }).path)!;
        expect(ref.source).toBe("unknown");
        expect(pool.contains(ref.value)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("observed outcomes feed the pool", () => {
  it("adds created and listed resources, ignores failures and junk, forgets deleted ones", () => {
    const pool = new ResourcePool(scope);
    const target = "arn:aws:inspector:eu-west-1:210987654321:target/0-T0000001";
    expect(observeOutcome(pool, "CreateAssessmentTarget", { assessmentTargetName: "t" }, { ok: true, output: { assessmentTargetArn: target } }).added).toEqual([
      { kind: "target", value: target },
    ]);
    observeOutcome(pool, "CreateAssessmentTarget", { assessmentTargetName: "u" }, { ok: false, errorCode: "InvalidInputException" });
    observeOutcome(pool, "CreateResourceGroup", {}, { ok: true, output: { resourceGroupArn: 42 } });
    observeOutcome(pool, "ListRulesPackages", {}, { ok: true, output: { rulesPackageArns: ["arn:aws:inspector:eu-west-1:210987654321:rulespackage/0-R1", "arn:aws:inspector:eu-west-1:210987654321:rulespackage/0-R2"] } });
    expect(pool.list("target")).toEqual([target]);
    expect(pool.list("resourcegroup")).toEqual([]);
    expect(pool.list("rulespackage")).toHaveLength(2);
    observeOutcome(pool, "DeleteAssessmentTarget", { assessmentTargetArn: target }, { ok: false, errorCode: "AssessmentRunInProgressException" });
    expect(pool.has("target")).toBe(true);
    expect(observeOutcome(pool, "DeleteAssessmentTarget", { assessmentTargetArn: target }, { ok: true }).removed).toEqual([target]);
    expect(pool.has("target")).toBe(false);
    expect(pool.toString()).toBe("ResourcePool{rulespackage:2}");
  });
});
