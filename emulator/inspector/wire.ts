/** Stored entities in their JSON 1.1 wire form (model output shapes; timestamps as epoch seconds). */
import type {
  ExclusionRecord,
  FindingRecord,
  KeyValue,
  ResourceGroupRecord,
  RunRecord,
  TargetRecord,
  TemplateRecord,
} from "./state.js";
import { epochSeconds } from "./time.js";

const kv = (list: readonly KeyValue[]): KeyValue[] => list.map((x) => ({ ...x }));

/** ResourceGroup shape. */
export const resourceGroupWire = (g: ResourceGroupRecord): Record<string, unknown> => ({
  arn: g.arn,
  tags: kv(g.tags),
  createdAt: epochSeconds(g.createdAt),
});

/** AssessmentTarget shape. */
export const targetWire = (t: TargetRecord): Record<string, unknown> => ({
  arn: t.arn,
  name: t.name,
  ...(t.resourceGroupArn !== undefined ? { resourceGroupArn: t.resourceGroupArn } : {}),
  createdAt: epochSeconds(t.createdAt),
  updatedAt: epochSeconds(t.updatedAt),
});

/** AssessmentTemplate shape. */
export const templateWire = (t: TemplateRecord): Record<string, unknown> => ({
  arn: t.arn,
  name: t.name,
  assessmentTargetArn: t.targetArn,
  durationInSeconds: t.durationInSeconds,
  rulesPackageArns: [...t.rulesPackageArns],
  userAttributesForFindings: kv(t.userAttributesForFindings),
  ...(t.lastAssessmentRunArn !== undefined ? { lastAssessmentRunArn: t.lastAssessmentRunArn } : {}),
  assessmentRunCount: t.assessmentRunCount,
  createdAt: epochSeconds(t.createdAt),
});

/** AssessmentRun shape; findingCounts counts the run's stored findings per severity. */
export function runWire(r: RunRecord, findings: Iterable<FindingRecord>): Record<string, unknown> {
  const findingCounts: Record<string, number> = { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };
  for (const f of findings) if (f.runArn === r.arn) findingCounts[f.severity] = (findingCounts[f.severity] ?? 0) + 1;
  const last = r.stateChanges[r.stateChanges.length - 1];
  return {
    arn: r.arn,
    name: r.name,
    assessmentTemplateArn: r.templateArn,
    state: r.state,
    durationInSeconds: r.durationInSeconds,
    rulesPackageArns: [...r.rulesPackageArns],
    userAttributesForFindings: kv(r.userAttributesForFindings),
    createdAt: epochSeconds(r.createdAt),
    ...(r.startedAt !== undefined ? { startedAt: epochSeconds(r.startedAt) } : {}),
    ...(r.completedAt !== undefined ? { completedAt: epochSeconds(r.completedAt) } : {}),
    stateChangedAt: epochSeconds(last?.at ?? r.createdAt),
    dataCollected: r.dataCollected,
    stateChanges: r.stateChanges.map((c) => ({ stateChangedAt: epochSeconds(c.at), state: c.state })),
    notifications: r.notifications.map((n) => ({
      date: epochSeconds(n.date),
      event: n.event,
      message: n.message,
      error: false,
      snsTopicArn: n.snsTopicArn,
      snsPublishStatusCode: "SUCCESS",
    })),
    findingCounts,
  };
}

/** Finding shape. */
export const findingWire = (f: FindingRecord): Record<string, unknown> => ({
  arn: f.arn,
  ...structuredClone(f.body),
  attributes: kv(f.attributes),
  userAttributes: kv(f.userAttributes),
  createdAt: epochSeconds(f.createdAt),
  updatedAt: epochSeconds(f.updatedAt),
});

/** Exclusion shape. */
export const exclusionWire = (e: ExclusionRecord): Record<string, unknown> => ({
  arn: e.arn,
  title: e.title,
  description: e.description,
  recommendation: e.recommendation,
  scopes: e.scopes.map((s) => ({ ...s })),
  attributes: kv(e.attributes),
});
