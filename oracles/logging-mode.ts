/**
 * What CloudTrail logs for each Inspector Classic operation: request only, or request and response,
 * under the two wordings of the Inspector logging note ("Logging Amazon Inspector Classic API calls with AWS CloudTrail",
 * https://docs.aws.amazon.com/inspector/v1/userguide/logging-using-cloudtrail.html, 2017-12-07 and 2020-11-10 wordings;
 * docs/rules.md rule 2).
 * - List*, Describe*, ListTagsForResource: request only (both editions).
 * - Mutating (Create/Start/Stop/Delete/Update/Add/Remove/Set/Register/Subscribe/Unsubscribe): request and response.
 * - Other read-only (GetAssessmentReport, GetExclusionsPreview, GetTelemetryMetadata, PreviewAgents):
 *   edition 2020 "read-only operations: request only"; edition 2017 "all other APIs: request and response".
 * Operations without an output shape return an empty body: responseElements null ("CloudTrail record contents for management, data, and network activity events":
 * "If the action doesn't return response elements, this field is null").
 * This is Inspector Classic's table; the rules reach it through its service profile
 * (oracles/services/inspector.ts). Amazon Inspector v2's table is oracles/services/inspector2-table.ts.
 */
import { inspectorModel, operationOf } from "../model/service-model.js";
import type { RulesEdition } from "./context.js";

/** Whether the record carries the response. */
export type LoggingMode = "request-only" | "request-and-response";

/** The operation's class in the logging note. */
export type OperationClass = "list-describe" | "mutating" | "other-read";

/** The class of each of the 37 operations, written out (the IAM access levels of the Service Authorization Reference's Amazon Inspector page agree,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_inspector.html). */
export const OPERATION_CLASSES: Readonly<Record<string, OperationClass>> = Object.freeze({
  AddAttributesToFindings: "mutating",
  CreateAssessmentTarget: "mutating",
  CreateAssessmentTemplate: "mutating",
  CreateExclusionsPreview: "mutating",
  CreateResourceGroup: "mutating",
  DeleteAssessmentRun: "mutating",
  DeleteAssessmentTarget: "mutating",
  DeleteAssessmentTemplate: "mutating",
  DescribeAssessmentRuns: "list-describe",
  DescribeAssessmentTargets: "list-describe",
  DescribeAssessmentTemplates: "list-describe",
  DescribeCrossAccountAccessRole: "list-describe",
  DescribeExclusions: "list-describe",
  DescribeFindings: "list-describe",
  DescribeResourceGroups: "list-describe",
  DescribeRulesPackages: "list-describe",
  GetAssessmentReport: "other-read",
  GetExclusionsPreview: "other-read",
  GetTelemetryMetadata: "other-read",
  ListAssessmentRunAgents: "list-describe",
  ListAssessmentRuns: "list-describe",
  ListAssessmentTargets: "list-describe",
  ListAssessmentTemplates: "list-describe",
  ListEventSubscriptions: "list-describe",
  ListExclusions: "list-describe",
  ListFindings: "list-describe",
  ListRulesPackages: "list-describe",
  ListTagsForResource: "list-describe",
  PreviewAgents: "other-read",
  RegisterCrossAccountAccessRole: "mutating",
  RemoveAttributesFromFindings: "mutating",
  SetTagsForResource: "mutating",
  StartAssessmentRun: "mutating",
  StopAssessmentRun: "mutating",
  SubscribeToEvent: "mutating",
  UnsubscribeFromEvent: "mutating",
  UpdateAssessmentTarget: "mutating",
});

/** Everything the rules need to know about one operation. */
export interface OperationLogging {
  operation: string;
  class: OperationClass;
  /** readOnly in the record: true for every class but mutating. */
  readOnly: boolean;
  /** Logging mode under each edition. */
  mode: Record<RulesEdition, LoggingMode>;
  /** No output shape in the model: the response body is empty, responseElements null. */
  emptyOutput: boolean;
  /** No input shape in the model: requestParameters null. */
  noInput: boolean;
}

function modeOf(cls: OperationClass, edition: RulesEdition): LoggingMode {
  if (cls === "mutating") return "request-and-response";
  if (cls === "list-describe") return "request-only";
  return edition === "2017" ? "request-and-response" : "request-only";
}

/** The logging facts of `operation`, or undefined for a name Inspector Classic does not have. */
export function operationLogging(operation: string): OperationLogging | undefined {
  const cls = Object.hasOwn(OPERATION_CLASSES, operation) ? OPERATION_CLASSES[operation] : undefined;
  const op = operationOf(inspectorModel, operation);
  if (cls === undefined || op === undefined) return undefined;
  return {
    operation,
    class: cls,
    readOnly: cls !== "mutating",
    mode: { "2020": modeOf(cls, "2020"), "2017": modeOf(cls, "2017") },
    emptyOutput: op.output === undefined,
    noInput: op.input === undefined,
  };
}

/** The full table, one row per operation in OPERATION_CLASSES, sorted by name. */
export const LOGGING_TABLE: readonly OperationLogging[] = Object.freeze(
  Object.keys(OPERATION_CLASSES)
    .sort()
    .map((name) => operationLogging(name))
    .filter((row): row is OperationLogging => row !== undefined),
);

/** What the record must hold for a successful call of `operation` under `edition`: "null" or the response. */
export function expectedResponseElements(row: OperationLogging, edition: RulesEdition): "null" | "response" {
  return row.mode[edition] === "request-only" || row.emptyOutput ? "null" : "response";
}
