/**
 * The emulator's own reading of what CloudTrail logs for each Inspector Classic operation
 * (rule 2; the two editions: docs/decisions.md 1). Written here, not shared with oracles/, so the
 * two readings check each other.
 *
 * Sources (AWS's page "Logging Amazon Inspector API calls with AWS CloudTrail", in two editions):
 * - awsdocs/amazon-inspector-user-guide logging-using-cloudtrail.md @9e04649 (2017): "for the List* and
 *   Describe* APIs ... only the request information is logged; for the Create*, Start*, Stop*, and all
 *   other APIs ... both the request and response information is logged".
 * - same file @c0866d3 (2020): "CloudTrail logs only the request information of Amazon Inspector
 *   read-only operations. Both request and response information is logged for all other ... operations."
 * - Read-only = IAM access level Read or List (Service Authorization Reference, list_inspector).
 * - Current record-contents page: "If the action doesn't return response elements, this field is null."
 */
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";

/** Which rules edition decides the four read-only operations that are neither List* nor Describe*. */
export type RulesEdition = "2020" | "2017";

/** How an operation is classed for logging. */
export type OperationClass = "listDescribe" | "otherRead" | "mutating";

/** What a record holds for an operation: whether the response is logged and the readOnly flag. */
export interface LoggingMode {
  operationClass: OperationClass;
  /** True when a successful call's response body goes into responseElements. */
  logsResponse: boolean;
  readOnly: boolean;
}

/** Read-only operations that are neither List* nor Describe* (IAM access level Read; facts table 1.2). */
const OTHER_READ = new Set(["GetAssessmentReport", "GetExclusionsPreview", "GetTelemetryMetadata", "PreviewAgents"]);

/** Verb prefixes of the mutating operations (IAM access level Write or Tagging; facts table 1.2). */
const MUTATING_PREFIXES = [
  "Create", "Start", "Stop", "Delete", "Update", "Add", "Remove", "Set", "Register", "Subscribe", "Unsubscribe",
] as const;

function classify(operation: string): OperationClass | undefined {
  if (operation.startsWith("List") || operation.startsWith("Describe")) return "listDescribe";
  if (OTHER_READ.has(operation)) return "otherRead";
  if (MUTATING_PREFIXES.some((p) => operation.startsWith(p))) return "mutating";
  return undefined;
}

/** Class of every Inspector Classic operation in the service model; built once, checked complete. */
export const OPERATION_CLASSES: ReadonlyMap<string, OperationClass> = (() => {
  const table = new Map<string, OperationClass>();
  for (const op of INSPECTOR_OPERATIONS) {
    const c = classify(op);
    if (c === undefined) throw new Error(`[emulator/cloudtrail] operation ${op} fits no logging class; extend logging-mode.ts`);
    table.set(op, c);
  }
  return table;
})();

/** The logging mode of `operation` under `edition`; undefined for a name that is not an Inspector operation. */
export function loggingModeOf(operation: string, edition: RulesEdition): LoggingMode | undefined {
  const operationClass = OPERATION_CLASSES.get(operation);
  if (operationClass === undefined) return undefined;
  switch (operationClass) {
    case "listDescribe":
      return { operationClass, logsResponse: false, readOnly: true };
    case "otherRead":
      // 2017 wording: "all other APIs" log the response; 2020 wording: read-only operations log the request only.
      return { operationClass, logsResponse: edition === "2017", readOnly: true };
    case "mutating":
      return { operationClass, logsResponse: true, readOnly: false };
  }
}
