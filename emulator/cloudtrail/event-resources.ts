/**
 * Which resources LookupEvents lists for an Inspector record (`Event.Resources`).
 *
 * Decision: every Inspector ARN (Classic or v2) that appears in the logged requestParameters or
 * responseElements, in order of first appearance, without duplicates. ResourceType is the
 * CloudFormation type name where one exists: AWS::Inspector::AssessmentTarget, ::AssessmentTemplate,
 * ::ResourceGroup for Classic; AWS::InspectorV2::Filter, ::CisScanConfiguration,
 * ::CodeSecurityIntegration, ::CodeSecurityScanConfiguration for v2 (the CloudFormation template
 * reference's "Amazon Inspector" resource types,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_InspectorV2.html). For
 * the others (runs, findings, exclusions, rules packages, CIS scans, connectors, v2 findings) no type
 * exists and ResourceType is left out, as the CLI guide says "When the resource type cannot be
 * determined, null is returned" (view-cloudtrail-events-cli.md).
 * The record itself carries no `resources` field: AWS's Inspector example records have none (field is
 * Optional True), so there is nothing for this list to disagree with.
 */
import { inspectorResourceKind } from "../../model/arn.js";
import type { InspectorResourceKind } from "../../model/arn.js";
import { inspector2ResourceKind, type Inspector2ResourceKind } from "../../model/inspector2-arn.js";

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

const V2_RESOURCE_TYPES: Partial<Record<Inspector2ResourceKind, string>> = {
  filter: "AWS::InspectorV2::Filter",
  "cis-configuration": "AWS::InspectorV2::CisScanConfiguration",
  "codesecurity-integration": "AWS::InspectorV2::CodeSecurityIntegration",
  "codesecurity-configuration": "AWS::InspectorV2::CodeSecurityScanConfiguration",
};

/** The resource of an Inspector ARN, or undefined for any other string. */
function resourceOf(arn: string): LookupResource | undefined {
  const classic = inspectorResourceKind(arn);
  if (classic !== undefined) {
    const type = RESOURCE_TYPES[classic];
    return type === undefined ? { ResourceName: arn } : { ResourceType: type, ResourceName: arn };
  }
  const v2 = inspector2ResourceKind(arn);
  if (v2 === undefined) return undefined;
  const type = V2_RESOURCE_TYPES[v2];
  return type === undefined ? { ResourceName: arn } : { ResourceType: type, ResourceName: arn };
}

function collect(value: unknown, into: Map<string, LookupResource>): void {
  if (typeof value === "string") {
    if (!into.has(value)) {
      const resource = resourceOf(value);
      if (resource !== undefined) into.set(value, resource);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, into);
  } else if (value !== null && typeof value === "object") {
    // Map keys too: failedItems is keyed by ARN.
    for (const [k, v] of Object.entries(value)) {
      collect(k, into);
      collect(v, into);
    }
  }
}

/** The resources of a record, from its logged request parameters and response elements. */
export function resourcesOf(requestParameters: unknown, responseElements: unknown): LookupResource[] {
  const found = new Map<string, LookupResource>();
  collect(requestParameters, found);
  collect(responseElements, found);
  return [...found.values()];
}
