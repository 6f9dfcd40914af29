/**
 * The coverage sweep: a fixed, realistic Inspector Classic session that calls each of the 37
 * operations successfully, in an order where every call refers to resources earlier calls created
 * (resource group, target, template, tags, subscriptions, previews, a run stopped into evaluation,
 * findings, the report, deletes), and one deliberately failing call per operation. Random sequences
 * (generators/commands.ts) explore; the sweep guarantees that every operation is observed both ways
 * under every identity kind. ARNs come from observed outputs only.
 */
import type { CallOutcome } from "../../generators/executor.js";
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";
import type { SweepCall } from "../services/profile.js";
import { failingInputFor } from "./failing-input.js";

/** What the sweep needs to know about where it runs. */
export interface SweepOptions {
  /** Makes names unique across identities and runs: [A-Za-z0-9-]. */
  uniq: string;
  region: string;
  accountId: string;
  /** How long to wait for the stopped run to complete (AWS: minutes; the reference emulator: 1 s). */
  runCompletionTimeoutMs: number;
  pollIntervalMs: number;
  sleep: (ms: number) => Promise<void>;
}

const field = (outcome: CallOutcome, key: string): unknown =>
  outcome.ok && outcome.output !== null && typeof outcome.output === "object" ? (outcome.output as Record<string, unknown>)[key] : undefined;
const text = (outcome: CallOutcome, key: string, fallback: string): string => {
  const value = field(outcome, key);
  return typeof value === "string" ? value : fallback;
};
const list = (outcome: CallOutcome, key: string): string[] => {
  const value = field(outcome, key);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

/** Calls every operation with a valid input. A call that fails is recorded like any other; the sweep goes on. */
export async function successSweep(call: SweepCall, o: SweepOptions): Promise<void> {
  const unknown = (path: string) => `arn:aws:inspector:${o.region}:${o.accountId}:${path}`;
  const rg = text(await call("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: `web-${o.uniq}` }] }), "resourceGroupArn", unknown("resourcegroup/0-unknown1"));
  await call("DescribeResourceGroups", { resourceGroupArns: [rg] });
  const target = text(
    await call("CreateAssessmentTarget", { assessmentTargetName: `target-${o.uniq}`, resourceGroupArn: rg }),
    "assessmentTargetArn",
    unknown("target/0-unknown1"),
  );
  await call("UpdateAssessmentTarget", { assessmentTargetArn: target, assessmentTargetName: `target2-${o.uniq}`, resourceGroupArn: rg });
  await call("ListAssessmentTargets", {});
  await call("DescribeAssessmentTargets", { assessmentTargetArns: [target] });
  const packages = list(await call("ListRulesPackages", {}), "rulesPackageArns");
  await call("DescribeRulesPackages", { rulesPackageArns: packages.length > 0 ? packages.slice(0, 2) : [unknown("rulespackage/0-unknown1")] });
  const template = text(
    await call("CreateAssessmentTemplate", {
      assessmentTargetArn: target,
      assessmentTemplateName: `template-${o.uniq}`,
      durationInSeconds: 180,
      rulesPackageArns: packages.slice(0, 1),
      userAttributesForFindings: [{ key: "team", value: "security" }],
    }),
    "assessmentTemplateArn",
    `${target}/template/0-unknown1`,
  );
  await call("ListAssessmentTemplates", { assessmentTargetArns: [target] });
  await call("DescribeAssessmentTemplates", { assessmentTemplateArns: [template] });
  await call("SetTagsForResource", { resourceArn: template, tags: [{ key: "env", value: "conformance" }] });
  await call("ListTagsForResource", { resourceArn: template });
  const topic = `arn:aws:sns:${o.region}:${o.accountId}:conformance-${o.uniq}`;
  await call("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
  await call("ListEventSubscriptions", { resourceArn: template });
  await call("RegisterCrossAccountAccessRole", { roleArn: `arn:aws:iam::${o.accountId}:role/InspectorCrossAccount` });
  await call("DescribeCrossAccountAccessRole", {});
  await call("PreviewAgents", { previewAgentsArn: target });
  const previewToken = text(await call("CreateExclusionsPreview", { assessmentTemplateArn: template }), "previewToken", "00000000-0000-0000-0000-000000000000");
  await call("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken });
  const run = text(
    await call("StartAssessmentRun", { assessmentTemplateArn: template, assessmentRunName: `run-${o.uniq}` }),
    "assessmentRunArn",
    `${template}/run/0-unknown1`,
  );
  await call("ListAssessmentRuns", { assessmentTemplateArns: [template] });
  await call("ListAssessmentRunAgents", { assessmentRunArn: run });
  await call("StopAssessmentRun", { assessmentRunArn: run, stopAction: "START_EVALUATION" });
  await waitForRun(call, run, o);
  await call("GetTelemetryMetadata", { assessmentRunArn: run });
  const findings = list(await call("ListFindings", { assessmentRunArns: [run] }), "findingArns");
  const someFinding = findings.length > 0 ? findings.slice(0, 1) : [`${run}/finding/0-unknown1`];
  await call("DescribeFindings", { findingArns: someFinding });
  await call("AddAttributesToFindings", { findingArns: someFinding, attributes: [{ key: "triage", value: "open" }] });
  await call("RemoveAttributesFromFindings", { findingArns: someFinding, attributeKeys: ["triage"] });
  const exclusions = list(await call("ListExclusions", { assessmentRunArn: run }), "exclusionArns");
  await call("DescribeExclusions", { exclusionArns: exclusions.length > 0 ? exclusions.slice(0, 1) : [`${run}/exclusion/0-unknown1`] });
  await call("GetAssessmentReport", { assessmentRunArn: run, reportFileFormat: "HTML", reportType: "FINDING" });
  await call("UnsubscribeFromEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
  await call("DeleteAssessmentRun", { assessmentRunArn: run });
  await call("DeleteAssessmentTemplate", { assessmentTemplateArn: template });
  await call("DeleteAssessmentTarget", { assessmentTargetArn: target });
}

/** Polls DescribeAssessmentRuns until the run reaches a terminal state or the timeout passes. */
async function waitForRun(call: SweepCall, run: string, o: SweepOptions): Promise<void> {
  const terminal = new Set(["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "ERROR", "CANCELED"]);
  const deadline = Date.now() + o.runCompletionTimeoutMs;
  for (;;) {
    const described = await call("DescribeAssessmentRuns", { assessmentRunArns: [run] });
    const runs = field(described, "assessmentRuns");
    const state = Array.isArray(runs) ? (runs[0] as { state?: string } | undefined)?.state : undefined;
    if (state === undefined || terminal.has(state) || Date.now() >= deadline) return;
    await o.sleep(o.pollIntervalMs);
  }
}

/** Makes one deliberately failing call per operation that has a failing input. */
export async function failureSweep(call: SweepCall): Promise<void> {
  for (const operation of INSPECTOR_OPERATIONS) {
    const failing = failingInputFor(operation);
    if (failing !== undefined) await call(operation, failing.input);
  }
}
