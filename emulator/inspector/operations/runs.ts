/** Assessment runs: Start/Stop/Delete/Describe/ListAssessmentRuns, ListAssessmentRunAgents, GetTelemetryMetadata. */
import { exclusionArn, runArn } from "../../../model/arn.js";
import { batch, resolve } from "../arns.js";
import { deleteRun } from "../cascade.js";
import { agentsAlreadyRunning, assessmentRunInProgress, invalidInput, limitExceeded } from "../errors.js";
import { type DurationRange, type TimestampRange, anyOf, checkRange, inDuration, inTimeRange, matchesPattern } from "../filters.js";
import { derivedResourceId, newResourceId } from "../ids.js";
import { listPage } from "../pagination.js";
import { STOPPABLE_STATES, isInProgress } from "../run-lifecycle.js";
import { agentsOfTarget, telemetryFor } from "../simulation/agents.js";
import { exclusionsFor } from "../simulation/exclusions.js";
import type { RunRecord } from "../state.js";
import { addMs } from "../time.js";
import { runWire } from "../wire.js";
import { type Handler, type Paging, handler } from "./handler.js";

interface RunFilter {
  namePattern?: string | null;
  states?: string[] | null;
  durationRange?: DurationRange | null;
  rulesPackageArns?: string[] | null;
  startTimeRange?: TimestampRange | null;
  completionTimeRange?: TimestampRange | null;
  stateChangeTimeRange?: TimestampRange | null;
}

function checkRunFilter(f: RunFilter | null | undefined): void {
  if (f == null) return;
  checkRange(f.durationRange?.minSeconds, f.durationRange?.maxSeconds, "INVALID_ASSESSMENT_RUN_DURATION_RANGE", "duration range");
  checkRange(f.startTimeRange?.beginDate, f.startTimeRange?.endDate, "INVALID_ASSESSMENT_RUN_START_TIME_RANGE", "start time range");
  checkRange(f.completionTimeRange?.beginDate, f.completionTimeRange?.endDate, "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE", "completion time range");
  checkRange(f.stateChangeTimeRange?.beginDate, f.stateChangeTimeRange?.endDate, "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE", "state change time range");
}

function matchesRun(f: RunFilter | null | undefined, r: RunRecord): boolean {
  if (f == null) return true;
  return (
    matchesPattern(f.namePattern, r.name) &&
    anyOf(f.states, r.state) &&
    inDuration(f.durationRange, r.durationInSeconds) &&
    (f.rulesPackageArns == null || f.rulesPackageArns.length === 0 || f.rulesPackageArns.some((p) => r.rulesPackageArns.includes(p))) &&
    inTimeRange(f.startTimeRange, r.startedAt) &&
    inTimeRange(f.completionTimeRange, r.completedAt) &&
    inTimeRange(f.stateChangeTimeRange, r.stateChanges[r.stateChanges.length - 1]?.at)
  );
}

const COLLECTING: ReadonlySet<string> = new Set(["START_DATA_COLLECTION_IN_PROGRESS", "COLLECTING_DATA", "STOP_DATA_COLLECTION_PENDING"]);

/** Assessment run handlers by operation name. */
export const runHandlers: Record<string, Handler> = {
  StartAssessmentRun: handler<{ assessmentTemplateArn: string; assessmentRunName?: string | null }>((input, env) => {
    const template = resolve(env.state.templates, input.assessmentTemplateArn, "template");
    const target = resolve(env.state.targets, template.targetArn, "target");
    if (template.rulesPackageArns.length === 0) {
      // AssessmentRun.rulesPackageArns has min 1 in the model, so a run needs at least one package.
      throw invalidInput("INVALID_NUMBER_OF_RULES_PACKAGE_ARNS", "The assessment template has no rules packages.");
    }
    if (env.state.runs.size >= env.limits.assessmentRuns) {
      throw limitExceeded("ASSESSMENT_RUN_LIMIT_EXCEEDED", `You can have at most ${env.limits.assessmentRuns} assessment runs.`);
    }
    const agents = agentsOfTarget(env.accountId, env.region, target);
    const busy: { agentId: string; assessmentRunArn: string }[] = [];
    for (const other of env.state.runs.values()) {
      if (!isInProgress(other)) continue;
      for (const a of other.agents) if (agents.some((b) => b.agentId === a.agentId)) busy.push({ agentId: a.agentId, assessmentRunArn: other.arn });
    }
    if (busy.length > 0) throw agentsAlreadyRunning(busy);
    let arn: string;
    do arn = runArn(template.arn, newResourceId());
    while (env.state.runs.has(arn));
    const run: RunRecord = {
      arn,
      name: input.assessmentRunName ?? `Run ${template.assessmentRunCount + 1} for ${template.name}`,
      templateArn: template.arn,
      targetArn: target.arn,
      durationInSeconds: template.durationInSeconds,
      rulesPackageArns: [...template.rulesPackageArns],
      userAttributesForFindings: template.userAttributesForFindings.map((a) => ({ ...a })),
      agents,
      createdAt: env.now,
      collectionEndsAt: addMs(env.now, template.durationInSeconds * 1000),
      skipEvaluation: false,
      state: "CREATED",
      stateChanges: [],
      notifications: [],
      dataCollected: false,
    };
    env.state.runs.set(arn, run);
    exclusionsFor(arn, agents, run.rulesPackageArns).forEach((content, i) => {
      const eArn = exclusionArn(arn, derivedResourceId(`${arn}|exclusion|${i}`));
      env.state.exclusions.set(eArn, { ...content, arn: eArn, runArn: arn });
    });
    template.lastAssessmentRunArn = arn;
    template.assessmentRunCount += 1;
    return { assessmentRunArn: arn };
  }),

  StopAssessmentRun: handler<{ assessmentRunArn: string; stopAction?: string | null }>((input, env) => {
    const run = resolve(env.state.runs, input.assessmentRunArn, "run");
    if (!STOPPABLE_STATES.has(run.state)) {
      throw invalidInput("INVALID_ASSESSMENT_RUN_STATE", `The assessment run is in state ${run.state} and can no longer be stopped.`);
    }
    // "START_EVALUATION (the default value), stops the AWS agent from collecting data and begins the
    // results evaluation ... SKIP_EVALUATION cancels the assessment run immediately" (model doc).
    run.skipEvaluation = input.stopAction === "SKIP_EVALUATION";
    if (env.now < run.collectionEndsAt) run.collectionEndsAt = env.now;
    return {};
  }),

  DeleteAssessmentRun: handler<{ assessmentRunArn: string }>((input, env) => {
    const run = resolve(env.state.runs, input.assessmentRunArn, "run");
    if (isInProgress(run)) throw assessmentRunInProgress([run.arn], "The assessment run is in progress; stop it or wait for it to complete.");
    deleteRun(env.state, run.arn);
    return {};
  }),

  DescribeAssessmentRuns: handler<{ assessmentRunArns: string[] }>((input, env) => {
    const { found, failedItems } = batch(input.assessmentRunArns, env.state.runs, "run");
    return { assessmentRuns: found.map((r) => runWire(r, env.state.findings.values())), failedItems };
  }),

  ListAssessmentRuns: handler<Paging & { assessmentTemplateArns?: string[] | null; filter?: RunFilter | null }>((input, env) => {
    const templates = input.assessmentTemplateArns ?? [];
    for (const arn of templates) resolve(env.state.templates, arn, "template");
    checkRunFilter(input.filter);
    const arns = [...env.state.runs.values()]
      .filter((r) => anyOf(templates, r.templateArn) && matchesRun(input.filter, r))
      .map((r) => r.arn);
    return listPage("ListAssessmentRuns", "assessmentRunArns", arns, input);
  }),

  ListAssessmentRunAgents: handler<Paging & { assessmentRunArn: string; filter?: { agentHealths: string[]; agentHealthCodes: string[] } | null }>(
    (input, env) => {
      const run = resolve(env.state.runs, input.assessmentRunArn, "run");
      const agents = run.agents
        .map((a) => ({
          agentId: a.agentId,
          assessmentRunArn: run.arn,
          agentHealth: "HEALTHY",
          agentHealthCode: COLLECTING.has(run.state) ? "RUNNING" : "IDLE",
          ...(a.autoScalingGroup !== undefined ? { autoScalingGroup: a.autoScalingGroup } : {}),
          telemetryMetadata: run.startedAt === undefined ? [] : telemetryFor(`${run.arn}|${a.agentId}`),
        }))
        .filter((a) => anyOf(input.filter?.agentHealths, a.agentHealth) && anyOf(input.filter?.agentHealthCodes, a.agentHealthCode));
      return listPage("ListAssessmentRunAgents", "assessmentRunAgents", agents, input);
    },
  ),

  GetTelemetryMetadata: handler<{ assessmentRunArn: string }>((input, env) => {
    const run = resolve(env.state.runs, input.assessmentRunArn, "run");
    return { telemetryMetadata: run.startedAt === undefined ? [] : telemetryFor(run.arn) };
  }),
};
