/**
 * Which kind of resource each ARN-holding member refers to, which pool kinds each operation's output
 * produces, and how an observed call outcome updates the pool. Derived from the service model's member
 * names; the kinds come from the member documentation in fixtures/models/inspector-2016-02-16.service-2.json.
 */
import { z } from "zod";
import { inspectorModel, operationOf, shapeOf } from "../model/service-model.js";
import type { CallOutcome } from "./executor.js";
import type { ArnKind, PoolKind, ResourcePool } from "./resource-pool.js";

/**
 * Member name to the kind of ARN it holds. Names follow the model; where the name is generic the
 * model documentation decides: `resourceArn` is "the ARN of the assessment template" (ListTagsForResource,
 * SetTagsForResource, SubscribeToEvent, UnsubscribeFromEvent, ListEventSubscriptions), `previewAgentsArn`
 * is "the ARN of the assessment target whose agents you want to preview", `topicArn` is an SNS topic and
 * `roleArn` an IAM role (RegisterCrossAccountAccessRole).
 */
export const ARN_MEMBER_KINDS: Readonly<Record<string, ArnKind>> = Object.freeze({
  assessmentTargetArn: "target",
  assessmentTargetArns: "target",
  assessmentTemplateArn: "template",
  assessmentTemplateArns: "template",
  assessmentRunArn: "run",
  assessmentRunArns: "run",
  findingArns: "finding",
  exclusionArns: "exclusion",
  rulesPackageArns: "rulespackage",
  resourceGroupArn: "resourcegroup",
  resourceGroupArns: "resourcegroup",
  previewAgentsArn: "target",
  resourceArn: "template",
  topicArn: "topic",
  roleArn: "role",
});

/** The model's shape name for ARNs (string 1..300, no pattern). */
export const ARN_SHAPE = "Arn";

/** The member that carries an exclusions-preview token (shape `UUID`). */
export const PREVIEW_TOKEN_MEMBER = "previewToken";

/** Whether the shape named `shapeName` is an ARN or a list of ARNs. */
export function holdsArns(shapeName: string): boolean {
  if (shapeName === ARN_SHAPE) return true;
  const shape = shapeOf(inspectorModel, shapeName);
  return shape.type === "list" && shape.member?.shape === ARN_SHAPE;
}

/** The ARN kind of a member of shape `shapeName` named `memberName`; throws for an unmapped ARN member. */
export function arnKindOfMember(memberName: string, shapeName: string): ArnKind | undefined {
  if (!holdsArns(shapeName)) return undefined;
  const kind = ARN_MEMBER_KINDS[memberName];
  if (kind === undefined) throw new Error(`ARN member ${memberName} has no resource kind in ARN_MEMBER_KINDS`);
  return kind;
}

/** A top-level output member that feeds the pool. */
export interface ProducedMember {
  member: string;
  kind: PoolKind;
  list: boolean;
}

/** The output members of `operation` that name resources (e.g. CreateAssessmentTarget -> assessmentTargetArn: target). */
export function producedMembers(operation: string): ProducedMember[] {
  const op = operationOf(inspectorModel, operation);
  if (op === undefined) throw new Error(`unknown operation ${operation}`);
  if (op.output === undefined) return [];
  const out = shapeOf(inspectorModel, op.output.shape);
  const produced: ProducedMember[] = [];
  for (const [member, ref] of Object.entries(out.members ?? {})) {
    if (member === PREVIEW_TOKEN_MEMBER) {
      produced.push({ member, kind: "previewToken", list: false });
      continue;
    }
    const kind = arnKindOfMember(member, ref.shape);
    if (kind !== undefined) produced.push({ member, kind, list: ref.shape !== ARN_SHAPE });
  }
  return produced;
}

/** The pool kinds `operation`'s output can add. */
export function producedKinds(operation: string): PoolKind[] {
  return [...new Set(producedMembers(operation).map((p) => p.kind))];
}

/** The input members whose resource a successful call of `operation` deletes (the Delete* operations). */
export function deletedMembers(operation: string): string[] {
  if (!operation.startsWith("Delete")) return [];
  const op = operationOf(inspectorModel, operation);
  if (op?.input === undefined) return [];
  const input = shapeOf(inspectorModel, op.input.shape);
  return Object.entries(input.members ?? {})
    .filter(([, ref]) => ref.shape === ARN_SHAPE)
    .map(([member]) => member);
}

/** What an executor observed for one call. */
export type ObservedOutcome = CallOutcome;

/** What an observation changed in the pool. */
export interface PoolChange {
  added: { kind: PoolKind; value: string }[];
  removed: string[];
}

const arnOrList = z.union([z.string().min(1), z.array(z.string().min(1))]);

/**
 * Updates `pool` from an observed call: on success, adds every resource named by the output (parsed
 * with zod, unparseable members are ignored) and forgets what a Delete* call removed. Failed calls
 * change nothing. Children of a deleted resource stay: the pool never predicts cascades.
 */
export function observeOutcome(
  pool: ResourcePool,
  operation: string,
  input: Record<string, unknown>,
  outcome: ObservedOutcome,
): PoolChange {
  const change: PoolChange = { added: [], removed: [] };
  if (!outcome.ok) return change;
  const output = z.record(z.string(), z.unknown()).safeParse(outcome.output ?? {});
  const body = output.success ? output.data : {};
  for (const produced of producedMembers(operation)) {
    const parsed = arnOrList.safeParse(body[produced.member]);
    if (!parsed.success) continue;
    const values = typeof parsed.data === "string" ? [parsed.data] : parsed.data;
    for (const value of values) {
      if (produced.kind === "previewToken") {
        const template = z.string().min(1).safeParse(input["assessmentTemplateArn"]);
        if (!template.success) continue;
        pool.addPreview({ previewToken: value, assessmentTemplateArn: template.data });
      } else {
        pool.add(produced.kind, value);
      }
      change.added.push({ kind: produced.kind, value });
    }
  }
  for (const member of deletedMembers(operation)) {
    const arn = z.string().safeParse(input[member]);
    if (arn.success && pool.remove(arn.data)) change.removed.push(arn.data);
  }
  return change;
}
