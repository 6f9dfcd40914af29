/**
 * Amazon Inspector (v2)'s rules profile (`inspector2`, rest-json, 81 operations):
 * - eventSource `inspector2.amazonaws.com` (EventBridge reference, "Amazon Inspector events":
 *   CloudTrail-delivered events have source aws.inspector2 and eventSource inspector2.amazonaws.com);
 * - apiVersion "2020-06-08", the model's version: UNVERIFIED (no real inspector2 record is
 *   published), advisory;
 * - the class table of inspector2-table.ts: reads log the request only, the others the request and
 *   the response, except the 12 operations whose output has no members (responseElements null);
 * - no rules edition: the two editions of the Classic logging note do not concern v2.
 */
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { hasEmptyInput, hasEmptyOutput } from "../../model/http-bindings.js";
import { INSPECTOR2_OPERATION_CLASSES } from "./inspector2-table.js";
import type { OperationRules, ServiceRules, UnverifiedRule } from "./profile.js";

/** Amazon Inspector (v2)'s eventSource (EventBridge reference for Amazon Inspector events). */
export const INSPECTOR2_EVENT_SOURCE = "inspector2.amazonaws.com";

/** apiVersion expected in v2 records: the model's 2020-06-08. UNVERIFIED, advisory only. */
export const INSPECTOR2_API_VERSION = "2020-06-08";

/** v2's rules that rest on UNVERIFIED facts (no record of a real inspector2 call is published). */
export const INSPECTOR2_UNVERIFIED: readonly UnverifiedRule[] = Object.freeze([
  {
    rule: "apiVersion of rest-json records",
    why: `no inspector2 record is published; "${INSPECTOR2_API_VERSION}" is the model's version, and AWS's records of other rest-json services vary`,
    codes: ["correlated.api_version"],
  },
  {
    rule: "header-bound members in requestParameters",
    why: "AWS's documented REST records show path and query members in requestParameters, none shows a header member (no v2 input binds one today)",
    codes: ["echo.header_member_missing", "echo.header_member_mismatch"],
  },
  {
    rule: "requestParameters of an operation without input members: null",
    why: "no record of DescribeOrganizationConfiguration, GetDelegatedAdminAccount or GetEc2DeepInspectionConfiguration is published; {} is advisory",
    codes: ["echo.no_input_not_null"],
  },
]);

/** The v2 row of `operation` (the edition does not apply). */
function inspector2Operation(operation: string): OperationRules | undefined {
  const cls = Object.hasOwn(INSPECTOR2_OPERATION_CLASSES, operation) ? INSPECTOR2_OPERATION_CLASSES[operation] : undefined;
  if (cls === undefined || !Object.hasOwn(inspector2Model.operations, operation)) return undefined;
  return {
    service: "inspector2", operation, class: cls, readOnly: cls === "read",
    mode: cls === "read" ? "request-only" : "request-and-response",
    emptyOutput: hasEmptyOutput(inspector2Model, operation),
    noInput: hasEmptyInput(inspector2Model, operation),
  };
}

/** Amazon Inspector (v2) (`inspector2`, rest-json, 81 operations). */
export const INSPECTOR2_RULES: ServiceRules = Object.freeze({
  service: "inspector2",
  title: "Amazon Inspector (v2)",
  eventSource: INSPECTOR2_EVENT_SOURCE,
  apiVersion: INSPECTOR2_API_VERSION,
  operations: INSPECTOR2_OPERATIONS,
  hasEditions: false,
  operation: inspector2Operation,
  unverified: INSPECTOR2_UNVERIFIED,
});
