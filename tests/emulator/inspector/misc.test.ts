import { describe, expect, it } from "vitest";
import { ACCOUNT, RP, ctx, expectInvalid, expectNoSuchEntity, harness, setup } from "./helpers.js";

describe("rules packages", () => {
  it("lists and describes the region's catalogue", () => {
    const h = harness();
    expect(h.ok("ListRulesPackages").rulesPackageArns).toEqual([RP.cve, RP.cis, RP.sbp, RP.rba]);
    const out = h.ok("DescribeRulesPackages", { rulesPackageArns: [RP.sbp, "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-AAAAAAAA", "x"] });
    expect(out.rulesPackages).toEqual([
      {
        arn: RP.sbp,
        name: "Security Best Practices",
        version: "1.1",
        provider: "Amazon Web Services, Inc.",
        description: "The rules in this package help determine whether your systems are configured securely.",
      },
    ]);
    expect(out.failedItems).toEqual({
      "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-AAAAAAAA": { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false },
      x: { failureCode: "INVALID_ARN", retryable: false },
    });
    expectInvalid(h.fail("DescribeRulesPackages", { rulesPackageArns: [] }), "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS");
  });
});

describe("exclusions previews", () => {
  it("goes WORK_IN_PROGRESS -> COMPLETED and refuses a second preview meanwhile", () => {
    const h = harness();
    const { template } = setup(h);
    const token = h.ok("CreateExclusionsPreview", { assessmentTemplateArn: template }).previewToken as string;
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const busy = h.fail("CreateExclusionsPreview", { assessmentTemplateArn: template });
    expect(busy.type).toBe("PreviewGenerationInProgressException");
    expect(busy.fields).toEqual({});
    expect(h.ok("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: token })).toEqual({ previewStatus: "WORK_IN_PROGRESS" });
    h.clock.advance(1000);
    const done = h.ok("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: token });
    expect(done.previewStatus).toBe("COMPLETED");
    const previews = done.exclusionPreviews as Record<string, unknown>[];
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews[0]).toMatchObject({ title: expect.any(String), description: expect.any(String), recommendation: expect.any(String) });
    expect(previews[0]!.arn).toBeUndefined();
    h.ok("CreateExclusionsPreview", { assessmentTemplateArn: template });
    expectNoSuchEntity(
      h.fail("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: "00000000-0000-4000-8000-000000000000" }),
      "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
    );
    expectNoSuchEntity(h.fail("CreateExclusionsPreview", { assessmentTemplateArn: `${template.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
  });
});

describe("event subscriptions", () => {
  it("subscribes, lists grouped by topic, unsubscribes", () => {
    const h = harness();
    const { template } = setup(h);
    const topic = "arn:aws:sns:us-west-2:123456789012:exampletopic";
    h.ok("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
    h.clock.advance(1000);
    h.ok("SubscribeToEvent", { resourceArn: template, event: "FINDING_REPORTED", topicArn: topic });
    const t = h.clock.now().getTime() / 1000;
    expect(h.ok("ListEventSubscriptions", { resourceArn: template })).toEqual({
      subscriptions: [
        {
          resourceArn: template,
          topicArn: topic,
          eventSubscriptions: [
            { event: "ASSESSMENT_RUN_COMPLETED", subscribedAt: t - 1 },
            { event: "FINDING_REPORTED", subscribedAt: t },
          ],
        },
      ],
    });
    h.ok("UnsubscribeFromEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
    h.ok("UnsubscribeFromEvent", { resourceArn: template, event: "FINDING_REPORTED", topicArn: topic });
    expect(h.ok("ListEventSubscriptions", {}).subscriptions).toEqual([]);
    expectInvalid(h.fail("SubscribeToEvent", { resourceArn: template, event: "OTHER", topicArn: "arn:aws:sqs:us-west-2:123456789012:q" }), "INVALID_SNS_TOPIC_ARN");
    expectInvalid(h.fail("SubscribeToEvent", { resourceArn: "arn:aws:inspector:us-west-2:123456789012:target/0-AAAAAAAA", event: "OTHER", topicArn: topic }), "INVALID_RESOURCE_ARN");
    expectNoSuchEntity(h.fail("UnsubscribeFromEvent", { resourceArn: `${template.slice(0, -8)}AAAAAAAA`, event: "OTHER", topicArn: topic }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
    expectNoSuchEntity(h.fail("ListEventSubscriptions", { resourceArn: `${template.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
  });
});

describe("tags", () => {
  it("replaces the tag set of a template", () => {
    const h = harness();
    const { target, template } = setup(h);
    expect(h.ok("ListTagsForResource", { resourceArn: template })).toEqual({ tags: [] });
    h.ok("SetTagsForResource", { resourceArn: template, tags: [{ key: "Name", value: "Example" }, { key: "env" }] });
    h.ok("SetTagsForResource", { resourceArn: template, tags: [{ key: "Name", value: "Other" }] });
    expect(h.ok("ListTagsForResource", { resourceArn: template })).toEqual({ tags: [{ key: "Name", value: "Other" }] });
    h.ok("SetTagsForResource", { resourceArn: template });
    expect(h.ok("ListTagsForResource", { resourceArn: template })).toEqual({ tags: [] });
    expectInvalid(h.fail("SetTagsForResource", { resourceArn: target, tags: [] }), "INVALID_RESOURCE_ARN");
    expectInvalid(h.fail("SetTagsForResource", { resourceArn: template, tags: [{ key: "a" }, { key: "a" }] }), "INVALID_TAG_KEY");
    expectInvalid(h.fail("SetTagsForResource", { resourceArn: template, tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}` })) }), "INVALID_NUMBER_OF_TAGS");
    expectNoSuchEntity(h.fail("ListTagsForResource", { resourceArn: `${template.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
  });
});

describe("cross-account role", () => {
  it("describes the service-linked role until one is registered", () => {
    const h = harness();
    const first = h.clock.now().getTime() / 1000;
    h.clock.advance(5000);
    expect(h.ok("DescribeCrossAccountAccessRole")).toEqual({
      roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/inspector.amazonaws.com/AWSServiceRoleForAmazonInspector`,
      valid: true,
      registeredAt: first + 5,
    });
    h.ok("RegisterCrossAccountAccessRole", { roleArn: `arn:aws:iam::${ACCOUNT}:role/inspector` });
    expect(h.ok("DescribeCrossAccountAccessRole")).toEqual({ roleArn: `arn:aws:iam::${ACCOUNT}:role/inspector`, valid: true, registeredAt: first + 5 });
    expect(h.ok("DescribeCrossAccountAccessRole", {}, ctx(ACCOUNT, "eu-west-1")).roleArn).toContain("AWSServiceRoleForAmazonInspector");
    expectInvalid(h.fail("RegisterCrossAccountAccessRole", { roleArn: `arn:aws:iam::${ACCOUNT}:user/bob` }), "INVALID_IAM_ROLE_ARN");
    const other = h.fail("RegisterCrossAccountAccessRole", { roleArn: "arn:aws:iam::999999999999:role/inspector" });
    expect(other.type).toBe("InvalidCrossAccountRoleException");
    expect(other.fields).toEqual({ errorCode: "ROLE_DOES_NOT_EXIST_OR_INVALID_TRUST_RELATIONSHIP", canRetry: false });
  });
});

describe("agents preview", () => {
  it("previews the target's instances", () => {
    const h = harness();
    const { target } = setup(h);
    const agents = h.ok("PreviewAgents", { previewAgentsArn: target }).agentPreviews as Record<string, unknown>[];
    expect(agents.length).toBeGreaterThanOrEqual(1);
    expect(agents[0]).toMatchObject({ agentId: expect.stringMatching(/^i-[0-9a-f]{17}$/), agentHealth: "HEALTHY" });
    expectInvalid(h.fail("PreviewAgents", { previewAgentsArn: "arn:aws:inspector:us-west-2:123456789012:resourcegroup/0-AAAAAAAA" }), "INVALID_ASSESSMENT_TARGET_ARN");
    expectNoSuchEntity(h.fail("PreviewAgents", { previewAgentsArn: `${target.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_TARGET_DOES_NOT_EXIST");
  });
});
