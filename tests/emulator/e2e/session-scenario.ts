/**
 * A realistic Inspector Classic session that calls each of the 37 operations successfully, in an
 * order where every call refers to resources that earlier calls created: resource group, target,
 * template, tags, subscriptions, previews, a run stopped into evaluation, findings, the report,
 * then deletes. It returns each call's request id so its CloudTrail record can be read back.
 */
import * as inspector from "@aws-sdk/client-inspector";
import type { InspectorClient } from "@aws-sdk/client-inspector";

/** One call the scenario made. */
export interface ScenarioCall {
  operation: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  requestId: string;
}

type CommandCtor = new (input: never) => unknown;

/** Runs the session; `advanceClock(ms)` moves the emulator's clock (runs complete by the clock). */
export async function runSessionScenario(
  client: InspectorClient,
  advanceClock: (ms: number) => void,
  uniq: string,
): Promise<ScenarioCall[]> {
  const calls: ScenarioCall[] = [];
  const call = async (operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const Command = (inspector as unknown as Record<string, CommandCtor>)[`${operation}Command`];
    if (Command === undefined) throw new Error(`no SDK command for ${operation}`);
    const output = (await client.send(new Command(input as never) as never)) as Record<string, unknown> & {
      $metadata: { requestId?: string };
    };
    calls.push({ operation, input, output, requestId: output.$metadata.requestId ?? "" });
    return output;
  };
  const str = (o: Record<string, unknown>, key: string): string => String(o[key]);
  const account = "111122223333";

  const rg = str(await call("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: `web-${uniq}` }] }), "resourceGroupArn");
  await call("DescribeResourceGroups", { resourceGroupArns: [rg] });
  const target = str(await call("CreateAssessmentTarget", { assessmentTargetName: `target-${uniq}`, resourceGroupArn: rg }), "assessmentTargetArn");
  await call("UpdateAssessmentTarget", { assessmentTargetArn: target, assessmentTargetName: `target2-${uniq}`, resourceGroupArn: rg });
  await call("ListAssessmentTargets", {});
  await call("DescribeAssessmentTargets", { assessmentTargetArns: [target] });
  const packages = (await call("ListRulesPackages", {}))["rulesPackageArns"] as string[];
  await call("DescribeRulesPackages", { rulesPackageArns: packages.slice(0, 2) });
  const template = str(
    await call("CreateAssessmentTemplate", {
      assessmentTargetArn: target,
      assessmentTemplateName: `template-${uniq}`,
      durationInSeconds: 180,
      rulesPackageArns: packages.slice(0, 1),
      userAttributesForFindings: [{ key: "team", value: "security" }],
    }),
    "assessmentTemplateArn",
  );
  await call("ListAssessmentTemplates", { assessmentTargetArns: [target] });
  await call("DescribeAssessmentTemplates", { assessmentTemplateArns: [template] });
  await call("SetTagsForResource", { resourceArn: template, tags: [{ key: "env", value: "test" }] });
  await call("ListTagsForResource", { resourceArn: template });
  const topic = `arn:aws:sns:us-east-1:${account}:inspector-${uniq}`;
  await call("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
  await call("ListEventSubscriptions", { resourceArn: template });
  await call("RegisterCrossAccountAccessRole", { roleArn: `arn:aws:iam::${account}:role/InspectorCrossAccount` });
  await call("DescribeCrossAccountAccessRole", {});
  await call("PreviewAgents", { previewAgentsArn: target });
  const previewToken = str(await call("CreateExclusionsPreview", { assessmentTemplateArn: template }), "previewToken");
  await call("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken });
  const run = str(await call("StartAssessmentRun", { assessmentTemplateArn: template, assessmentRunName: `run-${uniq}` }), "assessmentRunArn");
  await call("ListAssessmentRuns", { assessmentTemplateArns: [template] });
  await call("ListAssessmentRunAgents", { assessmentRunArn: run });
  await call("StopAssessmentRun", { assessmentRunArn: run, stopAction: "START_EVALUATION" });
  advanceClock(2_000);
  await call("DescribeAssessmentRuns", { assessmentRunArns: [run] });
  await call("GetTelemetryMetadata", { assessmentRunArn: run });
  const findings = (await call("ListFindings", { assessmentRunArns: [run] }))["findingArns"] as string[];
  if (findings.length === 0) throw new Error("the completed run produced no findings");
  await call("DescribeFindings", { findingArns: findings.slice(0, 1) });
  await call("AddAttributesToFindings", { findingArns: findings.slice(0, 1), attributes: [{ key: "triage", value: "open" }] });
  await call("RemoveAttributesFromFindings", { findingArns: findings.slice(0, 1), attributeKeys: ["triage"] });
  const exclusions = (await call("ListExclusions", { assessmentRunArn: run }))["exclusionArns"] as string[];
  await call("DescribeExclusions", { exclusionArns: exclusions.length > 0 ? exclusions.slice(0, 1) : [`${run}/exclusion/0-missing1`] });
  await call("GetAssessmentReport", { assessmentRunArn: run, reportFileFormat: "HTML", reportType: "FINDING" });
  await call("UnsubscribeFromEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
  await call("DeleteAssessmentRun", { assessmentRunArn: run });
  await call("DeleteAssessmentTemplate", { assessmentTemplateArn: template });
  await call("DeleteAssessmentTarget", { assessmentTargetArn: target });
  return calls;
}
