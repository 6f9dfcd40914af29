/** Assessment targets: Create/Update/Delete/Describe/ListAssessmentTargets and PreviewAgents. */
import { targetArn } from "../../../model/arn.js";
import { batch, resolve } from "../arns.js";
import { deleteTarget, runsInProgress } from "../cascade.js";
import { assessmentRunInProgress, invalidInput, limitExceeded } from "../errors.js";
import { matchesPattern } from "../filters.js";
import { newResourceId } from "../ids.js";
import { listPage } from "../pagination.js";
import { agentsOfTarget } from "../simulation/agents.js";
import type { HandlerEnv, TargetRecord } from "../state.js";
import { targetWire } from "../wire.js";
import { type Handler, type Paging, handler } from "./handler.js";

/** Names are unique per account (CreateAssessmentTarget doc: "The name must be unique within the AWS account"). */
function checkNameFree(env: HandlerEnv, name: string, except?: string): void {
  for (const t of env.state.targets.values()) {
    if (t.name === name && t.arn !== except) {
      throw invalidInput("ASSESSMENT_TARGET_NAME_ALREADY_TAKEN", `An assessment target named '${name}' already exists.`);
    }
  }
}

/** Assessment target handlers by operation name. */
export const targetHandlers: Record<string, Handler> = {
  CreateAssessmentTarget: handler<{ assessmentTargetName: string; resourceGroupArn?: string | null }>((input, env) => {
    if (input.resourceGroupArn != null) resolve(env.state.resourceGroups, input.resourceGroupArn, "resourcegroup");
    checkNameFree(env, input.assessmentTargetName);
    if (env.state.targets.size >= env.limits.assessmentTargets) {
      throw limitExceeded("ASSESSMENT_TARGET_LIMIT_EXCEEDED", `You can have at most ${env.limits.assessmentTargets} assessment targets.`);
    }
    let arn: string;
    do arn = targetArn(env.region, env.accountId, newResourceId());
    while (env.state.targets.has(arn));
    const target: TargetRecord = { arn, name: input.assessmentTargetName, createdAt: env.now, updatedAt: env.now };
    if (input.resourceGroupArn != null) target.resourceGroupArn = input.resourceGroupArn;
    env.state.targets.set(arn, target);
    return { assessmentTargetArn: arn };
  }),

  UpdateAssessmentTarget: handler<{ assessmentTargetArn: string; assessmentTargetName: string; resourceGroupArn?: string | null }>(
    (input, env) => {
      const target = resolve(env.state.targets, input.assessmentTargetArn, "target");
      if (input.resourceGroupArn != null) resolve(env.state.resourceGroups, input.resourceGroupArn, "resourcegroup");
      checkNameFree(env, input.assessmentTargetName, target.arn);
      target.name = input.assessmentTargetName;
      // "If resourceGroupArn is not specified, all EC2 instances in the current AWS account and region are included."
      if (input.resourceGroupArn != null) target.resourceGroupArn = input.resourceGroupArn;
      else delete target.resourceGroupArn;
      target.updatedAt = env.now;
      return {};
    },
  ),

  DeleteAssessmentTarget: handler<{ assessmentTargetArn: string }>((input, env) => {
    const target = resolve(env.state.targets, input.assessmentTargetArn, "target");
    const busy = runsInProgress(env.state, (_, t) => t === target.arn);
    if (busy.length > 0) throw assessmentRunInProgress(busy, "The assessment target has assessment runs in progress.");
    deleteTarget(env.state, target.arn);
    return {};
  }),

  DescribeAssessmentTargets: handler<{ assessmentTargetArns: string[] }>((input, env) => {
    const { found, failedItems } = batch(input.assessmentTargetArns, env.state.targets, "target");
    return { assessmentTargets: found.map(targetWire), failedItems };
  }),

  ListAssessmentTargets: handler<Paging & { filter?: { assessmentTargetNamePattern?: string | null } | null }>((input, env) => {
    const arns = [...env.state.targets.values()]
      .filter((t) => matchesPattern(input.filter?.assessmentTargetNamePattern, t.name))
      .map((t) => t.arn);
    return listPage("ListAssessmentTargets", "assessmentTargetArns", arns, input);
  }),

  PreviewAgents: handler<Paging & { previewAgentsArn: string }>((input, env) => {
    const target = resolve(env.state.targets, input.previewAgentsArn, "target");
    const previews = agentsOfTarget(env.accountId, env.region, target).map((a) => ({
      hostname: a.hostname,
      agentId: a.agentId,
      ...(a.autoScalingGroup !== undefined ? { autoScalingGroup: a.autoScalingGroup } : {}),
      agentHealth: "HEALTHY",
      agentVersion: a.agentVersion,
      operatingSystem: a.operatingSystem,
      kernelVersion: a.kernelVersion,
      ipv4Address: a.ipv4Address,
    }));
    return listPage("PreviewAgents", "agentPreviews", previews, input);
  }),
};
