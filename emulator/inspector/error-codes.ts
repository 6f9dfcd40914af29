/**
 * Which InvalidInputErrorCode names a request member: the single table the validator reads.
 *
 * Keys are member paths as the validator reports them (`filter.durationRange.minSeconds`; a list's
 * elements are `name[]`). A key `Operation:path` overrides the plain path for one operation. A
 * violation on a list itself (too few, too many items, not a list) uses the list's key; a violation
 * on one element uses the `[]` key. Lookup falls back to the nearest ancestor path, then to the
 * operation's default (its primary ARN member).
 *
 * Codes come from the model's InvalidInputErrorCode enum. Where no code names the member, the
 * rule is: use the code of the resource the member describes, and the entry is marked "no code".
 */
import { inspectorModel, shapeOf } from "../../model/service-model.js";

/** Member path to InvalidInputErrorCode. */
export const MEMBER_ERROR_CODES: Readonly<Record<string, string>> = Object.freeze({
  // resource ARNs and their batches
  assessmentTargetArn: "INVALID_ASSESSMENT_TARGET_ARN",
  assessmentTargetArns: "INVALID_NUMBER_OF_ASSESSMENT_TARGET_ARNS",
  "assessmentTargetArns[]": "INVALID_ASSESSMENT_TARGET_ARN",
  assessmentTemplateArn: "INVALID_ASSESSMENT_TEMPLATE_ARN",
  assessmentTemplateArns: "INVALID_NUMBER_OF_ASSESSMENT_TEMPLATE_ARNS",
  "assessmentTemplateArns[]": "INVALID_ASSESSMENT_TEMPLATE_ARN",
  assessmentRunArn: "INVALID_ASSESSMENT_RUN_ARN",
  assessmentRunArns: "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS",
  "assessmentRunArns[]": "INVALID_ASSESSMENT_RUN_ARN",
  findingArns: "INVALID_NUMBER_OF_FINDING_ARNS",
  "findingArns[]": "INVALID_FINDING_ARN",
  resourceGroupArn: "INVALID_RESOURCE_GROUP_ARN",
  resourceGroupArns: "INVALID_NUMBER_OF_RESOURCE_GROUP_ARNS",
  "resourceGroupArns[]": "INVALID_RESOURCE_GROUP_ARN",
  rulesPackageArns: "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS",
  "rulesPackageArns[]": "INVALID_RULES_PACKAGE_ARN",
  // no code: exclusions belong to an assessment run
  exclusionArns: "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS",
  "exclusionArns[]": "INVALID_ASSESSMENT_RUN_ARN",
  previewAgentsArn: "INVALID_ASSESSMENT_TARGET_ARN",
  resourceArn: "INVALID_RESOURCE_ARN",
  topicArn: "INVALID_SNS_TOPIC_ARN",
  roleArn: "INVALID_IAM_ROLE_ARN",
  // names
  assessmentTargetName: "INVALID_ASSESSMENT_TARGET_NAME",
  assessmentTemplateName: "INVALID_ASSESSMENT_TEMPLATE_NAME",
  assessmentRunName: "INVALID_ASSESSMENT_RUN_ARN", // no code
  durationInSeconds: "INVALID_ASSESSMENT_TEMPLATE_DURATION",
  // tags and attributes
  resourceGroupTags: "INVALID_NUMBER_OF_RESOURCE_GROUP_TAGS",
  "resourceGroupTags[]": "INVALID_RESOURCE_GROUP_TAG_KEY",
  "resourceGroupTags[].key": "INVALID_RESOURCE_GROUP_TAG_KEY",
  "resourceGroupTags[].value": "INVALID_RESOURCE_GROUP_TAG_VALUE",
  tags: "INVALID_NUMBER_OF_TAGS",
  "tags[]": "INVALID_TAG",
  "tags[].key": "INVALID_TAG_KEY",
  "tags[].value": "INVALID_TAG_VALUE",
  attributes: "INVALID_NUMBER_OF_USER_ATTRIBUTES",
  "attributes[]": "INVALID_USER_ATTRIBUTE",
  "attributes[].key": "INVALID_USER_ATTRIBUTE_KEY",
  "attributes[].value": "INVALID_USER_ATTRIBUTE_VALUE",
  userAttributesForFindings: "INVALID_NUMBER_OF_USER_ATTRIBUTES",
  "userAttributesForFindings[]": "INVALID_USER_ATTRIBUTE",
  "userAttributesForFindings[].key": "INVALID_USER_ATTRIBUTE_KEY",
  "userAttributesForFindings[].value": "INVALID_USER_ATTRIBUTE_VALUE",
  attributeKeys: "INVALID_NUMBER_OF_USER_ATTRIBUTES",
  "attributeKeys[]": "INVALID_USER_ATTRIBUTE_KEY",
  // enums and paging
  event: "INVALID_EVENT",
  locale: "INVALID_LOCALE",
  nextToken: "INVALID_PAGINATION_TOKEN",
  maxResults: "INVALID_MAX_RESULTS",
  previewToken: "INVALID_ASSESSMENT_TEMPLATE_ARN", // no code: a preview belongs to a template
  stopAction: "INVALID_ASSESSMENT_RUN_STATE", // no code: the state the run is asked to move to
  reportFileFormat: "INVALID_ASSESSMENT_RUN_ARN", // no code: a report belongs to a run
  reportType: "INVALID_ASSESSMENT_RUN_ARN", // no code
  // filters
  "filter.assessmentTargetNamePattern": "INVALID_ASSESSMENT_TARGET_NAME_PATTERN",
  "filter.namePattern": "INVALID_ASSESSMENT_TEMPLATE_NAME_PATTERN", // runs: no code, runs are named after templates
  "filter.durationRange": "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE",
  "ListAssessmentRuns:filter.durationRange": "INVALID_ASSESSMENT_RUN_DURATION_RANGE",
  "filter.rulesPackageArns": "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS",
  "filter.rulesPackageArns[]": "INVALID_RULES_PACKAGE_ARN",
  "filter.states": "INVALID_NUMBER_OF_ASSESSMENT_RUN_STATES",
  "filter.states[]": "INVALID_ASSESSMENT_RUN_STATE",
  "filter.startTimeRange": "INVALID_ASSESSMENT_RUN_START_TIME_RANGE",
  "filter.completionTimeRange": "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE",
  "filter.stateChangeTimeRange": "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE",
  // no code: findings are created when their run completes
  "filter.creationTimeRange": "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE",
  "filter.agentIds": "INVALID_NUMBER_OF_AGENT_IDS",
  "filter.agentIds[]": "INVALID_AGENT_ID",
  "filter.autoScalingGroups": "INVALID_NUMBER_OF_AUTO_SCALING_GROUPS",
  "filter.autoScalingGroups[]": "INVALID_AUTO_SCALING_GROUP",
  "filter.ruleNames": "INVALID_NUMBER_OF_RULE_NAMES",
  "filter.ruleNames[]": "INVALID_RULE_NAME",
  "filter.severities": "INVALID_NUMBER_OF_SEVERITIES",
  "filter.severities[]": "INVALID_SEVERITY",
  "filter.attributes": "INVALID_NUMBER_OF_ATTRIBUTES",
  "filter.attributes[]": "INVALID_ATTRIBUTE",
  "filter.userAttributes": "INVALID_NUMBER_OF_USER_ATTRIBUTES",
  "filter.userAttributes[]": "INVALID_USER_ATTRIBUTE",
  "filter.userAttributes[].key": "INVALID_USER_ATTRIBUTE_KEY",
  "filter.userAttributes[].value": "INVALID_USER_ATTRIBUTE_VALUE",
  "filter.agentHealths": "INVALID_AGENT_ID", // no code: the filter selects agents
  "filter.agentHealthCodes": "INVALID_AGENT_ID", // no code
});

/** Operation's fallback code: the code of its primary ARN member, or of its first member. */
function operationDefault(operation: string): string {
  const input = inspectorModel.operations[operation]?.input;
  if (input === undefined) return "INVALID_RESOURCE_ARN";
  for (const member of Object.keys(shapeOf(inspectorModel, input.shape).members ?? {})) {
    const code = MEMBER_ERROR_CODES[member];
    if (code !== undefined) return code;
  }
  return "INVALID_RESOURCE_ARN";
}

/** The InvalidInputErrorCode for a violation at `path` (e.g. `tags[].key`) in `operation`'s input. */
export function errorCodeFor(operation: string, path: string): string {
  let p = path;
  while (p !== "") {
    const code = MEMBER_ERROR_CODES[`${operation}:${p}`] ?? MEMBER_ERROR_CODES[p];
    if (code !== undefined) return code;
    p = p.endsWith("[]") ? p.slice(0, -2) : p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
  }
  return operationDefault(operation);
}
