import { describe, expect, it } from "vitest";
import { ACCOUNT, RP, ctx, expectInvalid, expectNoSuchEntity, harness, setup } from "./helpers.js";

describe("resource groups and assessment targets", () => {
  it("creates, describes, updates and deletes", () => {
    const h = harness();
    const { group, target } = setup(h);
    const groups = h.ok("DescribeResourceGroups", { resourceGroupArns: [group] });
    expect(groups).toEqual({
      resourceGroups: [{ arn: group, tags: [{ key: "Name", value: "t1" }], createdAt: h.clock.now().getTime() / 1000 }],
      failedItems: {},
    });
    h.clock.advance(5000);
    h.ok("UpdateAssessmentTarget", { assessmentTargetArn: target, assessmentTargetName: "renamed" });
    const t = (h.ok("DescribeAssessmentTargets", { assessmentTargetArns: [target] }).assessmentTargets as Record<string, unknown>[])[0]!;
    expect(t.name).toBe("renamed");
    expect(t.resourceGroupArn).toBeUndefined();
    expect((t.updatedAt as number) - (t.createdAt as number)).toBe(5);
    h.ok("DeleteAssessmentTarget", { assessmentTargetArn: target });
    expectNoSuchEntity(h.fail("DeleteAssessmentTarget", { assessmentTargetArn: target }), "ASSESSMENT_TARGET_DOES_NOT_EXIST");
  });

  it("enforces unique target names per account", () => {
    const h = harness();
    h.ok("CreateAssessmentTarget", { assessmentTargetName: "same" });
    expectInvalid(h.fail("CreateAssessmentTarget", { assessmentTargetName: "same" }), "ASSESSMENT_TARGET_NAME_ALREADY_TAKEN");
    const other = h.ok("CreateAssessmentTarget", { assessmentTargetName: "other" }).assessmentTargetArn;
    expectInvalid(h.fail("UpdateAssessmentTarget", { assessmentTargetArn: other, assessmentTargetName: "same" }), "ASSESSMENT_TARGET_NAME_ALREADY_TAKEN");
    h.ok("UpdateAssessmentTarget", { assessmentTargetArn: other, assessmentTargetName: "other" });
    h.ok("CreateAssessmentTarget", { assessmentTargetName: "same" }, ctx("210987654321"));
  });

  it("distinguishes malformed from unknown ARNs", () => {
    const h = harness();
    expectInvalid(h.fail("CreateAssessmentTarget", { assessmentTargetName: "x", resourceGroupArn: "not-an-arn" }), "INVALID_RESOURCE_GROUP_ARN");
    expectNoSuchEntity(
      h.fail("CreateAssessmentTarget", { assessmentTargetName: "x", resourceGroupArn: `arn:aws:inspector:us-west-2:${ACCOUNT}:resourcegroup/0-AAAAAAAA` }),
      "RESOURCE_GROUP_DOES_NOT_EXIST",
    );
    expectInvalid(h.fail("UpdateAssessmentTarget", { assessmentTargetArn: "bogus", assessmentTargetName: "x" }), "INVALID_ASSESSMENT_TARGET_ARN");
  });

  it("partitions state by account and region", () => {
    const h = harness();
    const { target } = setup(h);
    expect(h.ok("ListAssessmentTargets", {}, ctx(ACCOUNT, "us-east-1")).assessmentTargetArns).toEqual([]);
    expect(h.ok("ListAssessmentTargets", {}, ctx("210987654321")).assessmentTargetArns).toEqual([]);
    const out = h.ok("DescribeAssessmentTargets", { assessmentTargetArns: [target] }, ctx("210987654321"));
    expect(out).toEqual({ assessmentTargets: [], failedItems: { [target]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false } } });
  });

  it("puts unknown and malformed ARNs of batch Describe* into failedItems", () => {
    const h = harness();
    const { group, target, template } = setup(h);
    const ghost = `${target}/template/0-ZZZZZZZZ`;
    const out = h.ok("DescribeAssessmentTemplates", { assessmentTemplateArns: [template, ghost, "garbage", template] });
    expect((out.assessmentTemplates as unknown[]).length).toBe(1);
    expect(out.failedItems).toEqual({
      [ghost]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false },
      garbage: { failureCode: "INVALID_ARN", retryable: false },
    });
    expect(h.ok("DescribeResourceGroups", { resourceGroupArns: [target] }).failedItems).toEqual({ [target]: { failureCode: "INVALID_ARN", retryable: false } });
    expect(h.ok("DescribeAssessmentTargets", { assessmentTargetArns: [group] }).failedItems).toEqual({ [group]: { failureCode: "INVALID_ARN", retryable: false } });
  });
});

describe("assessment templates", () => {
  it("stores the template as created", () => {
    const h = harness();
    const { target, template } = setup(h);
    const t = (h.ok("DescribeAssessmentTemplates", { assessmentTemplateArns: [template] }).assessmentTemplates as Record<string, unknown>[])[0];
    expect(t).toEqual({
      arn: template,
      name: "t1-tpl",
      assessmentTargetArn: target,
      durationInSeconds: 180,
      rulesPackageArns: [RP.cve, RP.sbp],
      userAttributesForFindings: [{ key: "team", value: "blue" }],
      assessmentRunCount: 0,
      createdAt: h.clock.now().getTime() / 1000,
    });
    expect(template.startsWith(`${target}/template/0-`)).toBe(true);
  });

  it("requires rules packages of the region and unique names per target", () => {
    const h = harness();
    const { target } = setup(h);
    const base = { assessmentTargetArn: target, assessmentTemplateName: "n", durationInSeconds: 3600 };
    expectNoSuchEntity(h.fail("CreateAssessmentTemplate", { ...base, rulesPackageArns: ["arn:aws:inspector:us-west-2:758058086616:rulespackage/0-XXXXXXXX"] }), "RULES_PACKAGE_DOES_NOT_EXIST");
    expectInvalid(h.fail("CreateAssessmentTemplate", { ...base, rulesPackageArns: ["rp"] }), "INVALID_RULES_PACKAGE_ARN");
    expectInvalid(h.fail("CreateAssessmentTemplate", { ...base, rulesPackageArns: [RP.cve], userAttributesForFindings: [{ key: "a" }, { key: "a" }] }), "INVALID_USER_ATTRIBUTE");
    expectInvalid(h.fail("CreateAssessmentTemplate", { ...base, rulesPackageArns: Array(51).fill(RP.cve) }), "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS");
    h.ok("CreateAssessmentTemplate", { ...base, rulesPackageArns: [RP.cve] });
    expectInvalid(h.fail("CreateAssessmentTemplate", { ...base, rulesPackageArns: [RP.cve] }), "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN");
    expectNoSuchEntity(h.fail("CreateAssessmentTemplate", { ...base, assessmentTargetArn: `${target.slice(0, -8)}AAAAAAAA`, rulesPackageArns: [RP.cve] }), "ASSESSMENT_TARGET_DOES_NOT_EXIST");
    // another region offers other (synthetic) packages
    const east = h.ok("ListRulesPackages", {}, ctx(ACCOUNT, "us-east-1")).rulesPackageArns as string[];
    expect(east.every((a) => a.startsWith("arn:aws:inspector:us-east-1:000000000000:rulespackage/0-"))).toBe(true);
    expectNoSuchEntity(h.fail("CreateAssessmentTemplate", { ...base, assessmentTemplateName: "m", rulesPackageArns: [east[0]] }), "RULES_PACKAGE_DOES_NOT_EXIST");
  });

  it("lists templates by target and filter", () => {
    const h = harness();
    const a = setup(h, "a");
    const b = setup(h, "b", undefined, [RP.cis]);
    expect(h.ok("ListAssessmentTemplates", { assessmentTargetArns: [a.target] }).assessmentTemplateArns).toEqual([a.template]);
    expect(h.ok("ListAssessmentTemplates", { filter: { namePattern: "b*" } }).assessmentTemplateArns).toEqual([b.template]);
    expect(h.ok("ListAssessmentTemplates", { filter: { rulesPackageArns: [RP.cis] } }).assessmentTemplateArns).toEqual([b.template]);
    expect(h.ok("ListAssessmentTemplates", { filter: { durationRange: { minSeconds: 181 } } }).assessmentTemplateArns).toEqual([]);
    expectNoSuchEntity(h.fail("ListAssessmentTemplates", { assessmentTargetArns: [`${a.target.slice(0, -8)}AAAAAAAA`] }), "ASSESSMENT_TARGET_DOES_NOT_EXIST");
    expect(h.ok("ListAssessmentTargets", { filter: { assessmentTargetNamePattern: "?" } }).assessmentTargetArns).toEqual([a.target, b.target]);
  });

  it("deletes a template with its runs", () => {
    const h = harness();
    const { template } = setup(h);
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    h.ok("StopAssessmentRun", { assessmentRunArn: run, stopAction: "SKIP_EVALUATION" });
    h.ok("DeleteAssessmentTemplate", { assessmentTemplateArn: template });
    expect(h.ok("DescribeAssessmentRuns", { assessmentRunArns: [run] }).failedItems).toEqual({ [run]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false } });
    expectNoSuchEntity(h.fail("DeleteAssessmentTemplate", { assessmentTemplateArn: template }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
  });
});

describe("limits", () => {
  it("raises LimitExceededException at the configured limits", () => {
    const h = harness({ limits: { assessmentTargets: 2, resourceGroups: 1, assessmentTemplates: 1, assessmentRuns: 1, eventSubscriptions: 1 } });
    const { target, template } = setup(h);
    const limit = (e: { type: string; fields?: Record<string, unknown> }, code: string) => {
      expect(e.type).toBe("LimitExceededException");
      expect(e.fields).toEqual({ errorCode: code, canRetry: false });
    };
    limit(h.fail("CreateResourceGroup", { resourceGroupTags: [{ key: "k" }] }), "RESOURCE_GROUP_LIMIT_EXCEEDED");
    h.ok("CreateAssessmentTarget", { assessmentTargetName: "second" });
    limit(h.fail("CreateAssessmentTarget", { assessmentTargetName: "third" }), "ASSESSMENT_TARGET_LIMIT_EXCEEDED");
    limit(
      h.fail("CreateAssessmentTemplate", { assessmentTargetArn: target, assessmentTemplateName: "x", durationInSeconds: 180, rulesPackageArns: [RP.cve] }),
      "ASSESSMENT_TEMPLATE_LIMIT_EXCEEDED",
    );
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    h.ok("StopAssessmentRun", { assessmentRunArn: run, stopAction: "SKIP_EVALUATION" });
    limit(h.fail("StartAssessmentRun", { assessmentTemplateArn: template }), "ASSESSMENT_RUN_LIMIT_EXCEEDED");
    const topic = "arn:aws:sns:us-west-2:123456789012:t";
    h.ok("SubscribeToEvent", { resourceArn: template, event: "OTHER", topicArn: topic });
    h.ok("SubscribeToEvent", { resourceArn: template, event: "OTHER", topicArn: topic }); // idempotent
    limit(h.fail("SubscribeToEvent", { resourceArn: template, event: "FINDING_REPORTED", topicArn: topic }), "EVENT_SUBSCRIPTION_LIMIT_EXCEEDED");
  });

  it("defaults to the documented limits (50 targets)", () => {
    const h = harness();
    for (let i = 0; i < 50; i++) h.ok("CreateAssessmentTarget", { assessmentTargetName: `t${i}` });
    expect(h.fail("CreateAssessmentTarget", { assessmentTargetName: "t50" }).type).toBe("LimitExceededException");
  });
});
