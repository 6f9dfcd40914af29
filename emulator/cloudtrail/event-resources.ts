/**
 * Which resources LookupEvents lists for an Inspector record (`Event.Resources`).
 *
 * Decision: every Inspector Classic ARN that appears in the logged requestParameters or
 * responseElements, in order of first appearance, without duplicates. ResourceType is the
 * CloudFormation type name where one exists (AWS::Inspector::AssessmentTarget, ::AssessmentTemplate,
 * ::ResourceGroup: the resource types CloudFormation defines for Inspector Classic); for runs, findings,
 * exclusions and rules packages no type exists and ResourceType is left out, as the CLI guide says
 * "When the resource type cannot be determined, null is returned" (view-cloudtrail-events-cli.md).
 * The record itself carries no `resources` field: AWS's Inspector example records have none (field is
 * Optional True), so there is nothing for this list to disagree with.
 */
import { inspectorResourceKind } from "../../model/arn.js";
import type { InspectorResourceKind } from "../../model/arn.js";

/** A LookupEvents `Resource`: ResourceType is omitted when it cannot be determined. */
export interface LookupResource {
  ResourceType?: string;
  ResourceName: string;
}

const RESOURCE_TYPES: Partial<Record<InspectorResourceKind, string>> = {
  target: "AWS::Inspector::AssessmentTarget",
  template: "AWS::Inspector::AssessmentTemplate",
  resourcegroup: "AWS::Inspector::ResourceGroup",
};

function collectArns(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (inspectorResourceKind(value) !== undefined) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectArns(v, into);
  } else if (value !== null && typeof value === "object") {
    // Map keys too: failedItems is keyed by ARN.
    for (const [k, v] of Object.entries(value)) {
      collectArns(k, into);
      collectArns(v, into);
    }
  }
}

/** The resources of a record, from its logged request parameters and response elements. */
export function resourcesOf(requestParameters: unknown, responseElements: unknown): LookupResource[] {
  const arns = new Set<string>();
  collectArns(requestParameters, arns);
  collectArns(responseElements, arns);
  return [...arns].map((arn) => {
    const type = RESOURCE_TYPES[inspectorResourceKind(arn)!];
    return type === undefined ? { ResourceName: arn } : { ResourceType: type, ResourceName: arn };
  });
}
