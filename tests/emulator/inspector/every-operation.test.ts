import { describe, expect, it } from "vitest";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { ACCOUNT, RP, completedRun, harness, setup } from "./helpers.js";

/** A world with one of everything, and per operation one succeeding and one failing call. */
function world() {
  const h = harness();
  const { group, target, template } = setup(h);
  const run = completedRun(h, template);
  const finding = (h.ok("ListFindings", { assessmentRunArns: [run] }).findingArns as string[])[0]!;
  const exclusion = (h.ok("ListExclusions", { assessmentRunArn: run }).exclusionArns as string[])[0]!;
  const token = h.ok("CreateExclusionsPreview", { assessmentTemplateArn: template }).previewToken as string;
  const topic = `arn:aws:sns:us-west-2:${ACCOUNT}:topic`;
  const busy = setup(h, "busy");
  const running = h.ok("StartAssessmentRun", { assessmentTemplateArn: busy.template }).assessmentRunArn as string;
  const ghostRun = `${run.slice(0, -8)}AAAAAAAA`;
  const ghostTemplate = `${template.slice(0, -8)}AAAAAAAA`;
  const ghostTarget = `${target.slice(0, -8)}AAAAAAAA`;
  type Case = { ok: Record<string, unknown>; fail: Record<string, unknown>; type: string };
  const cases: Record<string, Case> = {
    AddAttributesToFindings: { ok: { findingArns: [finding], attributes: [{ key: "k", value: "v" }] }, fail: { findingArns: [finding], attributes: "x" }, type: "InvalidInputException" },
    CreateAssessmentTarget: { ok: { assessmentTargetName: "new" }, fail: { assessmentTargetName: "t1" }, type: "InvalidInputException" },
    CreateAssessmentTemplate: {
      ok: { assessmentTargetArn: target, assessmentTemplateName: "new", durationInSeconds: 3600, rulesPackageArns: [RP.rba] },
      fail: { assessmentTargetArn: ghostTarget, assessmentTemplateName: "new2", durationInSeconds: 3600, rulesPackageArns: [RP.rba] },
      type: "NoSuchEntityException",
    },
    CreateExclusionsPreview: { ok: { assessmentTemplateArn: busy.template }, fail: { assessmentTemplateArn: template }, type: "PreviewGenerationInProgressException" },
    CreateResourceGroup: { ok: { resourceGroupTags: [{ key: "Name", value: "x" }] }, fail: { resourceGroupTags: [] }, type: "InvalidInputException" },
    DeleteAssessmentRun: { ok: { assessmentRunArn: run }, fail: { assessmentRunArn: running }, type: "AssessmentRunInProgressException" },
    DeleteAssessmentTarget: { ok: { assessmentTargetArn: target }, fail: { assessmentTargetArn: busy.target }, type: "AssessmentRunInProgressException" },
    DeleteAssessmentTemplate: { ok: { assessmentTemplateArn: template }, fail: { assessmentTemplateArn: busy.template }, type: "AssessmentRunInProgressException" },
    DescribeAssessmentRuns: { ok: { assessmentRunArns: [run] }, fail: { assessmentRunArns: [] }, type: "InvalidInputException" },
    DescribeAssessmentTargets: { ok: { assessmentTargetArns: [target] }, fail: { assessmentTargetArns: [] }, type: "InvalidInputException" },
    DescribeAssessmentTemplates: { ok: { assessmentTemplateArns: [template] }, fail: {}, type: "InvalidInputException" },
    DescribeCrossAccountAccessRole: { ok: {}, fail: [] as unknown as Record<string, unknown>, type: "SerializationException" },
    DescribeExclusions: { ok: { exclusionArns: [exclusion] }, fail: { exclusionArns: [exclusion], locale: "DE_DE" }, type: "InvalidInputException" },
    DescribeFindings: { ok: { findingArns: [finding] }, fail: { findingArns: [finding], locale: "x" }, type: "InvalidInputException" },
    DescribeResourceGroups: { ok: { resourceGroupArns: [group] }, fail: { resourceGroupArns: Array(11).fill(group) }, type: "InvalidInputException" },
    DescribeRulesPackages: { ok: { rulesPackageArns: [RP.cve] }, fail: { rulesPackageArns: [""] }, type: "InvalidInputException" },
    GetAssessmentReport: { ok: { assessmentRunArn: run, reportFileFormat: "HTML", reportType: "FINDING" }, fail: { assessmentRunArn: running, reportFileFormat: "HTML", reportType: "FINDING" }, type: "AssessmentRunInProgressException" },
    GetExclusionsPreview: { ok: { assessmentTemplateArn: template, previewToken: token }, fail: { assessmentTemplateArn: ghostTemplate, previewToken: token }, type: "NoSuchEntityException" },
    GetTelemetryMetadata: { ok: { assessmentRunArn: run }, fail: { assessmentRunArn: ghostRun }, type: "NoSuchEntityException" },
    ListAssessmentRunAgents: { ok: { assessmentRunArn: run }, fail: { assessmentRunArn: ghostRun }, type: "NoSuchEntityException" },
    ListAssessmentRuns: { ok: { assessmentTemplateArns: [template] }, fail: { assessmentTemplateArns: [ghostTemplate] }, type: "NoSuchEntityException" },
    ListAssessmentTargets: { ok: {}, fail: { maxResults: 501 }, type: "InvalidInputException" },
    ListAssessmentTemplates: { ok: { assessmentTargetArns: [target] }, fail: { assessmentTargetArns: [ghostTarget] }, type: "NoSuchEntityException" },
    ListEventSubscriptions: { ok: {}, fail: { resourceArn: ghostTemplate }, type: "NoSuchEntityException" },
    ListExclusions: { ok: { assessmentRunArn: run }, fail: { assessmentRunArn: "bad" }, type: "InvalidInputException" },
    ListFindings: { ok: { assessmentRunArns: [run] }, fail: { assessmentRunArns: [ghostRun] }, type: "NoSuchEntityException" },
    ListRulesPackages: { ok: {}, fail: { nextToken: "nope" }, type: "InvalidInputException" },
    ListTagsForResource: { ok: { resourceArn: template }, fail: { resourceArn: ghostTemplate }, type: "NoSuchEntityException" },
    PreviewAgents: { ok: { previewAgentsArn: target }, fail: { previewAgentsArn: ghostTarget }, type: "NoSuchEntityException" },
    RegisterCrossAccountAccessRole: { ok: { roleArn: `arn:aws:iam::${ACCOUNT}:role/r` }, fail: { roleArn: "arn:aws:iam::000000000001:role/r" }, type: "InvalidCrossAccountRoleException" },
    RemoveAttributesFromFindings: { ok: { findingArns: [finding], attributeKeys: ["k"] }, fail: { findingArns: [finding] }, type: "InvalidInputException" },
    SetTagsForResource: { ok: { resourceArn: template, tags: [{ key: "a", value: "b" }] }, fail: { resourceArn: ghostTemplate }, type: "NoSuchEntityException" },
    StartAssessmentRun: { ok: { assessmentTemplateArn: template }, fail: { assessmentTemplateArn: busy.template }, type: "AgentsAlreadyRunningAssessmentException" },
    StopAssessmentRun: { ok: { assessmentRunArn: running }, fail: { assessmentRunArn: run }, type: "InvalidInputException" },
    SubscribeToEvent: { ok: { resourceArn: template, event: "OTHER", topicArn: topic }, fail: { resourceArn: template, event: "OTHER" }, type: "InvalidInputException" },
    UnsubscribeFromEvent: { ok: { resourceArn: template, event: "OTHER", topicArn: topic }, fail: { resourceArn: ghostTemplate, event: "OTHER", topicArn: topic }, type: "NoSuchEntityException" },
    UpdateAssessmentTarget: { ok: { assessmentTargetArn: target, assessmentTargetName: "t1b" }, fail: { assessmentTargetArn: ghostTarget, assessmentTargetName: "z" }, type: "NoSuchEntityException" },
  };
  return { h, cases };
}

/** The model's output shape has no members for these: their output is `{}`. */
const EMPTY_OUTPUT = new Set([
  "DeleteAssessmentRun", "DeleteAssessmentTarget", "DeleteAssessmentTemplate", "RegisterCrossAccountAccessRole",
  "SetTagsForResource", "StopAssessmentRun", "SubscribeToEvent", "UnsubscribeFromEvent", "UpdateAssessmentTarget",
]);

describe("each of the 37 operations", () => {
  it("has a succeeding and a failing case", () => {
    expect(Object.keys(world().cases).sort()).toEqual([...INSPECTOR_OPERATIONS]);
  });

  for (const op of INSPECTOR_OPERATIONS) {
    it(`${op} succeeds and fails`, () => {
      const { h, cases } = world();
      const c = cases[op]!;
      const failure = h.fail(op, c.fail);
      expect(failure.type).toBe(c.type);
      expect(failure.status).toBe(400);
      expect(failure.message.length).toBeGreaterThan(0);
      const out = h.ok(op, c.ok);
      if (EMPTY_OUTPUT.has(op)) expect(out).toEqual({});
      else expect(Object.keys(out).length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    });
  }
});
