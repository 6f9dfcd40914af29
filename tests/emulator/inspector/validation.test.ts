import { describe, expect, it } from "vitest";
import { ACCOUNT, RP, expectInvalid, harness, setup } from "./helpers.js";

describe("input validation from the model", () => {
  it("checks string length at both bounds (AssessmentTargetName 1..140)", () => {
    const h = harness();
    expectInvalid(h.fail("CreateAssessmentTarget", { assessmentTargetName: "" }), "INVALID_ASSESSMENT_TARGET_NAME");
    expectInvalid(h.fail("CreateAssessmentTarget", { assessmentTargetName: "x".repeat(141) }), "INVALID_ASSESSMENT_TARGET_NAME");
    expect(h.ok("CreateAssessmentTarget", { assessmentTargetName: "x" }).assessmentTargetArn).toMatch(/:target\/0-[A-Za-z0-9]{8}$/);
    expect(h.ok("CreateAssessmentTarget", { assessmentTargetName: "y".repeat(140) }).assessmentTargetArn).toBeTypeOf("string");
  });

  it("reports a missing required member and a type mismatch", () => {
    const h = harness();
    const missing = h.fail("CreateAssessmentTarget", {});
    expectInvalid(missing, "INVALID_ASSESSMENT_TARGET_NAME");
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'assessmentTargetName' failed to satisfy constraint: Member must not be null",
    );
    expectInvalid(h.fail("CreateAssessmentTarget", { assessmentTargetName: 7 }), "INVALID_ASSESSMENT_TARGET_NAME");
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: "Name=x" }), "INVALID_NUMBER_OF_RESOURCE_GROUP_TAGS");
  });

  it("checks list sizes at both bounds (ResourceGroupTags 1..10)", () => {
    const h = harness();
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: [] }), "INVALID_NUMBER_OF_RESOURCE_GROUP_TAGS");
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: tags(11) }), "INVALID_NUMBER_OF_RESOURCE_GROUP_TAGS");
    h.ok("CreateResourceGroup", { resourceGroupTags: tags(1) });
    h.ok("CreateResourceGroup", { resourceGroupTags: tags(10) });
  });

  it("checks nested members (tag key/value lengths, required key)", () => {
    const h = harness();
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: [{ key: "" }] }), "INVALID_RESOURCE_GROUP_TAG_KEY");
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: [{ key: "k", value: "v".repeat(257) }] }), "INVALID_RESOURCE_GROUP_TAG_VALUE");
    expectInvalid(h.fail("CreateResourceGroup", { resourceGroupTags: [{ value: "v" }] }), "INVALID_RESOURCE_GROUP_TAG_KEY");
    h.ok("CreateResourceGroup", { resourceGroupTags: [{ key: "k".repeat(128), value: "v".repeat(256) }] });
    h.ok("CreateResourceGroup", { resourceGroupTags: [{ key: "only-key" }] });
  });

  it("checks integer ranges (durationInSeconds 180..86400) and integrality", () => {
    const h = harness();
    const { target } = setup(h);
    const make = (durationInSeconds: unknown, name: string) => ({ assessmentTargetArn: target, assessmentTemplateName: name, durationInSeconds, rulesPackageArns: [RP.cve] });
    expectInvalid(h.fail("CreateAssessmentTemplate", make(179, "a")), "INVALID_ASSESSMENT_TEMPLATE_DURATION");
    expectInvalid(h.fail("CreateAssessmentTemplate", make(86401, "a")), "INVALID_ASSESSMENT_TEMPLATE_DURATION");
    expectInvalid(h.fail("CreateAssessmentTemplate", make(200.5, "a")), "INVALID_ASSESSMENT_TEMPLATE_DURATION");
    expectInvalid(h.fail("CreateAssessmentTemplate", make("180", "a")), "INVALID_ASSESSMENT_TEMPLATE_DURATION");
    h.ok("CreateAssessmentTemplate", make(180, "a"));
    h.ok("CreateAssessmentTemplate", make(86400, "b"));
  });

  it("checks maxResults against the documented range 1..500", () => {
    const h = harness();
    for (const bad of [0, -1, 501]) expectInvalid(h.fail("ListAssessmentTargets", { maxResults: bad }), "INVALID_MAX_RESULTS");
    expectInvalid(h.fail("GetExclusionsPreview", { assessmentTemplateArn: "a", previewToken: "00000000-0000-4000-8000-000000000000", maxResults: 501 }), "INVALID_MAX_RESULTS");
    h.ok("ListAssessmentTargets", { maxResults: 1 });
    h.ok("ListAssessmentTargets", { maxResults: 500 });
    h.ok("ListEventSubscriptions", { maxResults: 500 });
    expectInvalid(h.fail("PreviewAgents", { previewAgentsArn: "x", maxResults: 0 }), "INVALID_MAX_RESULTS");
  });

  it("checks enums and the previewToken pattern", () => {
    const h = harness();
    const { template } = setup(h);
    expectInvalid(h.fail("SubscribeToEvent", { resourceArn: template, event: "NOPE", topicArn: "arn:aws:sns:us-west-2:123456789012:t" }), "INVALID_EVENT");
    expectInvalid(h.fail("DescribeFindings", { findingArns: ["a"], locale: "FR_FR" }), "INVALID_LOCALE");
    expectInvalid(h.fail("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: "NOT-A-UUID" }), "INVALID_ASSESSMENT_TEMPLATE_ARN");
    expectInvalid(
      h.fail("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: "0000000A-0000-4000-8000-000000000000" }),
      "INVALID_ASSESSMENT_TEMPLATE_ARN",
    );
    expectInvalid(h.fail("ListAssessmentRuns", { filter: { states: ["RUNNING"] } }), "INVALID_ASSESSMENT_RUN_STATE");
    expectInvalid(h.fail("ListFindings", { filter: { severities: ["Critical"] } }), "INVALID_SEVERITY");
  });

  it("checks batch sizes (BatchDescribeArnList 1..10, BatchDescribeExclusionsArnList 1..100)", () => {
    const h = harness();
    const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:inspector:us-west-2:${ACCOUNT}:target/0-0000000${i % 10}`);
    expectInvalid(h.fail("DescribeAssessmentTargets", { assessmentTargetArns: [] }), "INVALID_NUMBER_OF_ASSESSMENT_TARGET_ARNS");
    expectInvalid(h.fail("DescribeAssessmentTargets", { assessmentTargetArns: arns(11) }), "INVALID_NUMBER_OF_ASSESSMENT_TARGET_ARNS");
    h.ok("DescribeAssessmentTargets", { assessmentTargetArns: arns(10) });
    expectInvalid(h.fail("DescribeExclusions", { exclusionArns: [] }), "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS");
    h.ok("DescribeExclusions", { exclusionArns: Array.from({ length: 100 }, (_, i) => `x${i}`) });
    expectInvalid(h.fail("DescribeExclusions", { exclusionArns: Array.from({ length: 101 }, (_, i) => `x${i}`) }), "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS");
    expectInvalid(h.fail("DescribeAssessmentTargets", { assessmentTargetArns: ["a".repeat(301)] }), "INVALID_ASSESSMENT_TARGET_ARN");
  });

  it("ignores unknown members and treats null optional members as absent", () => {
    const h = harness();
    h.ok("CreateAssessmentTarget", { assessmentTargetName: "t", resourceGroupArn: null, extra: { deep: [1] } });
    expect(h.ok("ListAssessmentTargets", { nextToken: null, maxResults: null, filter: null }).assessmentTargetArns).toHaveLength(1);
  });

  it("treats a missing body as {} and rejects a body that is not an object", () => {
    const h = harness();
    expect(h.ok("ListRulesPackages", undefined).rulesPackageArns).toHaveLength(4);
    expect(h.ok("ListRulesPackages", null).rulesPackageArns).toHaveLength(4);
    expect(h.fail("ListRulesPackages", [1, 2]).type).toBe("SerializationException");
    expect(h.fail("ListRulesPackages", "x").type).toBe("SerializationException");
    expect(h.fail("DescribeCrossAccountAccessRole", "anything").type).toBe("SerializationException");
    expect(h.ok("DescribeCrossAccountAccessRole", { ignored: 1 }).valid).toBe(true);
  });

  it("rejects inverted filter ranges with the range's code", () => {
    const h = harness();
    expectInvalid(h.fail("ListAssessmentRuns", { filter: { durationRange: { minSeconds: 600, maxSeconds: 300 } } }), "INVALID_ASSESSMENT_RUN_DURATION_RANGE");
    expectInvalid(h.fail("ListAssessmentTemplates", { filter: { durationRange: { minSeconds: 600, maxSeconds: 300 } } }), "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE");
    expectInvalid(h.fail("ListAssessmentRuns", { filter: { startTimeRange: { beginDate: 10, endDate: 5 } } }), "INVALID_ASSESSMENT_RUN_START_TIME_RANGE");
    expectInvalid(h.fail("ListAssessmentRuns", { filter: { durationRange: { minSeconds: 100 } } }), "INVALID_ASSESSMENT_RUN_DURATION_RANGE");
  });
});
