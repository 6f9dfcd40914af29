/**
 * Exclusions: CreateExclusionsPreview, GetExclusionsPreview, ListExclusions, DescribeExclusions.
 * A preview is WORK_IN_PROGRESS for PREVIEW_DELAY_MS after it is created, then COMPLETED with its
 * exclusion previews; while one is in progress for a template, CreateExclusionsPreview answers
 * PreviewGenerationInProgressException. An unknown preview token for a known template is
 * NoSuchEntityException (errorCode ASSESSMENT_TEMPLATE_DOES_NOT_EXIST: the enum has no preview code).
 */
import { batch, resolve } from "../arns.js";
import { noSuchEntity, previewGenerationInProgress } from "../errors.js";
import { newPreviewToken } from "../ids.js";
import { listPage } from "../pagination.js";
import { agentsOfTarget } from "../simulation/agents.js";
import { exclusionsFor } from "../simulation/exclusions.js";
import { addMs } from "../time.js";
import { exclusionWire } from "../wire.js";
import { type Handler, type Paging, handler } from "./handler.js";

/** How long a preview stays WORK_IN_PROGRESS. */
export const PREVIEW_DELAY_MS = 1000;

/** Exclusion handlers by operation name. */
export const exclusionHandlers: Record<string, Handler> = {
  CreateExclusionsPreview: handler<{ assessmentTemplateArn: string }>((input, env) => {
    const template = resolve(env.state.templates, input.assessmentTemplateArn, "template");
    for (const p of env.state.previews.values()) {
      if (p.templateArn === template.arn && p.readyAt > env.now) {
        throw previewGenerationInProgress(`An exclusions preview is already being generated for '${template.arn}'.`);
      }
    }
    const target = resolve(env.state.targets, template.targetArn, "target");
    const token = newPreviewToken();
    env.state.previews.set(token, {
      token,
      templateArn: template.arn,
      readyAt: addMs(env.now, PREVIEW_DELAY_MS),
      previews: exclusionsFor(template.arn, agentsOfTarget(env.accountId, env.region, target), template.rulesPackageArns),
    });
    return { previewToken: token };
  }),

  GetExclusionsPreview: handler<Paging & { assessmentTemplateArn: string; previewToken: string; locale?: string | null }>((input, env) => {
    const template = resolve(env.state.templates, input.assessmentTemplateArn, "template");
    const preview = env.state.previews.get(input.previewToken);
    if (preview === undefined || preview.templateArn !== template.arn) {
      throw noSuchEntity("ASSESSMENT_TEMPLATE_DOES_NOT_EXIST", `No exclusions preview '${input.previewToken}' exists for '${template.arn}'.`);
    }
    if (preview.readyAt > env.now) return { previewStatus: "WORK_IN_PROGRESS" };
    // The API reference: maxResults "The default value is 100. The maximum value is 500."
    return { previewStatus: "COMPLETED", ...listPage("GetExclusionsPreview", "exclusionPreviews", preview.previews, input, 100) };
  }),

  ListExclusions: handler<Paging & { assessmentRunArn: string }>((input, env) => {
    const run = resolve(env.state.runs, input.assessmentRunArn, "run");
    const arns = [...env.state.exclusions.values()].filter((e) => e.runArn === run.arn).map((e) => e.arn);
    // The model: "The default value is 100. The maximum value is 500."
    return listPage("ListExclusions", "exclusionArns", arns, input, 100);
  }),

  DescribeExclusions: handler<{ exclusionArns: string[]; locale?: string | null }>((input, env) => {
    const { found, failedItems } = batch(input.exclusionArns, env.state.exclusions, "exclusion");
    return { exclusions: Object.fromEntries(found.map((e) => [e.arn, exclusionWire(e)])), failedItems };
  }),
};
