/** Assessment templates: Create/Delete/Describe/ListAssessmentTemplates. */
import { templateArn } from "../../../model/arn.js";
import { batch, isArnOf, resolve } from "../arns.js";
import { deleteTemplate, runsInProgress } from "../cascade.js";
import { checkUniqueKeys } from "../checks.js";
import { assessmentRunInProgress, invalidInput, limitExceeded, noSuchEntity } from "../errors.js";
import { type DurationRange, anyOf, checkRange, inDuration, matchesPattern } from "../filters.js";
import { newResourceId } from "../ids.js";
import { listPage } from "../pagination.js";
import { rulesPackageByArn } from "../simulation/rules-packages.js";
import type { HandlerEnv, KeyValue, TemplateRecord } from "../state.js";
import { templateWire } from "../wire.js";
import { type Handler, type Paging, handler } from "./handler.js";

/** Rules packages must be ARNs of packages offered in the caller's region. */
export function checkRulesPackages(env: HandlerEnv, arns: readonly string[]): void {
  for (const arn of arns) {
    if (!isArnOf(arn, "rulespackage")) throw invalidInput("INVALID_RULES_PACKAGE_ARN", `'${arn}' is not a valid rules package ARN.`);
    if (rulesPackageByArn(env.region, arn) === undefined) {
      throw noSuchEntity("RULES_PACKAGE_DOES_NOT_EXIST", `The rules package '${arn}' does not exist in ${env.region}.`);
    }
  }
}

interface CreateTemplateInput {
  assessmentTargetArn: string;
  assessmentTemplateName: string;
  durationInSeconds: number;
  rulesPackageArns: string[];
  userAttributesForFindings?: KeyValue[] | null;
}

interface TemplateFilter {
  namePattern?: string | null;
  durationRange?: DurationRange | null;
  rulesPackageArns?: string[] | null;
}

/** Assessment template handlers by operation name. */
export const templateHandlers: Record<string, Handler> = {
  CreateAssessmentTemplate: handler<CreateTemplateInput>((input, env) => {
    const target = resolve(env.state.targets, input.assessmentTargetArn, "target");
    checkRulesPackages(env, input.rulesPackageArns);
    const userAttributes = input.userAttributesForFindings ?? [];
    checkUniqueKeys(userAttributes, "INVALID_USER_ATTRIBUTE");
    // "The names of the assessment templates that correspond to a particular assessment target must be unique."
    for (const t of env.state.templates.values()) {
      if (t.targetArn === target.arn && t.name === input.assessmentTemplateName) {
        throw invalidInput("ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN", `The assessment target already has a template named '${t.name}'.`);
      }
    }
    if (env.state.templates.size >= env.limits.assessmentTemplates) {
      throw limitExceeded("ASSESSMENT_TEMPLATE_LIMIT_EXCEEDED", `You can have at most ${env.limits.assessmentTemplates} assessment templates.`);
    }
    let arn: string;
    do arn = templateArn(target.arn, newResourceId());
    while (env.state.templates.has(arn));
    const template: TemplateRecord = {
      arn,
      name: input.assessmentTemplateName,
      targetArn: target.arn,
      durationInSeconds: input.durationInSeconds,
      rulesPackageArns: [...new Set(input.rulesPackageArns)],
      userAttributesForFindings: userAttributes.map((a) => ({ ...a })),
      createdAt: env.now,
      tags: [],
      assessmentRunCount: 0,
    };
    env.state.templates.set(arn, template);
    return { assessmentTemplateArn: arn };
  }),

  DeleteAssessmentTemplate: handler<{ assessmentTemplateArn: string }>((input, env) => {
    const template = resolve(env.state.templates, input.assessmentTemplateArn, "template");
    const busy = runsInProgress(env.state, (t) => t === template.arn);
    if (busy.length > 0) throw assessmentRunInProgress(busy, "The assessment template has assessment runs in progress.");
    deleteTemplate(env.state, template.arn);
    return {};
  }),

  DescribeAssessmentTemplates: handler<{ assessmentTemplateArns: string[] }>((input, env) => {
    const { found, failedItems } = batch(input.assessmentTemplateArns, env.state.templates, "template");
    return { assessmentTemplates: found.map(templateWire), failedItems };
  }),

  ListAssessmentTemplates: handler<Paging & { assessmentTargetArns?: string[] | null; filter?: TemplateFilter | null }>((input, env) => {
    const targets = input.assessmentTargetArns ?? [];
    for (const arn of targets) resolve(env.state.targets, arn, "target");
    const f = input.filter;
    checkRange(f?.durationRange?.minSeconds, f?.durationRange?.maxSeconds, "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE", "duration range");
    const arns = [...env.state.templates.values()]
      .filter(
        (t) =>
          anyOf(targets, t.targetArn) &&
          matchesPattern(f?.namePattern, t.name) &&
          inDuration(f?.durationRange, t.durationInSeconds) &&
          (f?.rulesPackageArns == null || f.rulesPackageArns.length === 0 || f.rulesPackageArns.some((p) => t.rulesPackageArns.includes(p))),
      )
      .map((t) => t.arn);
    return listPage("ListAssessmentTemplates", "assessmentTemplateArns", arns, input);
  }),
};
