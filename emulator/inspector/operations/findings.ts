/** Findings: ListFindings, DescribeFindings, AddAttributesToFindings, RemoveAttributesFromFindings. */
import { batch, resolve } from "../arns.js";
import { checkUniqueKeys } from "../checks.js";
import { type TimestampRange, anyOf, checkRange, containsAll, inTimeRange } from "../filters.js";
import { listPage } from "../pagination.js";
import type { FindingRecord, KeyValue } from "../state.js";
import { findingWire } from "../wire.js";
import { type Handler, type Paging, handler } from "./handler.js";

interface FindingFilter {
  agentIds?: string[] | null;
  autoScalingGroups?: string[] | null;
  ruleNames?: string[] | null;
  severities?: string[] | null;
  rulesPackageArns?: string[] | null;
  attributes?: KeyValue[] | null;
  userAttributes?: KeyValue[] | null;
  creationTimeRange?: TimestampRange | null;
}

function matchesFinding(f: FindingFilter | null | undefined, x: FindingRecord): boolean {
  if (f == null) return true;
  return (
    anyOf(f.agentIds, x.agentId) &&
    (f.autoScalingGroups == null || f.autoScalingGroups.length === 0 || (x.autoScalingGroup !== undefined && f.autoScalingGroups.includes(x.autoScalingGroup))) &&
    anyOf(f.ruleNames, x.ruleName) &&
    anyOf(f.severities, x.severity) &&
    anyOf(f.rulesPackageArns, x.rulesPackageArn) &&
    containsAll(f.attributes, x.attributes) &&
    containsAll(f.userAttributes, x.userAttributes) &&
    inTimeRange(f.creationTimeRange, x.createdAt)
  );
}

/** A finding holds at most 10 user attributes (UserAttributeList max 10). */
const MAX_USER_ATTRIBUTES = 10;

/** Finding handlers by operation name. */
export const findingHandlers: Record<string, Handler> = {
  ListFindings: handler<Paging & { assessmentRunArns?: string[] | null; filter?: FindingFilter | null }>((input, env) => {
    const runs = input.assessmentRunArns ?? [];
    for (const arn of runs) resolve(env.state.runs, arn, "run");
    const range = input.filter?.creationTimeRange;
    // No code names the finding creation range; findings are created when their run completes.
    checkRange(range?.beginDate, range?.endDate, "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE", "creation time range");
    const arns = [...env.state.findings.values()]
      .filter((x) => anyOf(runs, x.runArn) && matchesFinding(input.filter, x))
      .map((x) => x.arn);
    return listPage("ListFindings", "findingArns", arns, input);
  }),

  DescribeFindings: handler<{ findingArns: string[]; locale?: string | null }>((input, env) => {
    const { found, failedItems } = batch(input.findingArns, env.state.findings, "finding");
    return { findings: found.map(findingWire), failedItems };
  }),

  AddAttributesToFindings: handler<{ findingArns: string[]; attributes: KeyValue[] }>((input, env) => {
    checkUniqueKeys(input.attributes, "INVALID_USER_ATTRIBUTE");
    const { found, failedItems } = batch(input.findingArns, env.state.findings, "finding");
    for (const finding of found) {
      const merged = new Map(finding.userAttributes.map((a) => [a.key, a]));
      for (const a of input.attributes) merged.set(a.key, { ...a });
      if (merged.size > MAX_USER_ATTRIBUTES) {
        failedItems[finding.arn] = { failureCode: "LIMIT_EXCEEDED", retryable: false };
        continue;
      }
      finding.userAttributes = [...merged.values()];
      finding.updatedAt = env.now; // "updatedAt: The time when AddAttributesToFindings is called."
    }
    return { failedItems };
  }),

  RemoveAttributesFromFindings: handler<{ findingArns: string[]; attributeKeys: string[] }>((input, env) => {
    const { found, failedItems } = batch(input.findingArns, env.state.findings, "finding");
    const keys = new Set(input.attributeKeys);
    for (const finding of found) {
      const kept = finding.userAttributes.filter((a) => !keys.has(a.key));
      if (kept.length !== finding.userAttributes.length) {
        finding.userAttributes = kept;
        finding.updatedAt = env.now;
      }
    }
    return { failedItems };
  }),
};
