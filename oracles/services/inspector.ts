/**
 * Inspector Classic's rules profile: its eventSource and apiVersion as AWS's example records write
 * them, and the logging table of oracles/logging-mode.ts (the 37 operations, two editions of the
 * Inspector logging note) behind the common profile.
 */
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";
import { INSPECTOR_EVENT_SOURCE, type RulesEdition } from "../context.js";
import { operationLogging } from "../logging-mode.js";
import type { OperationRules, ServiceRules, UnverifiedRule } from "./profile.js";

/** apiVersion as AWS's Inspector Classic example records write it ("v20160216"); advisory only. */
export const INSPECTOR_API_VERSION = "v20160216";

/** Classic's rules that rest on UNVERIFIED facts. */
export const INSPECTOR_UNVERIFIED: readonly UnverifiedRule[] = Object.freeze([
  {
    rule: "requestParameters of an operation without input (DescribeCrossAccountAccessRole): null",
    why: "no AWS record of this operation is published; null follows CloudTrail's general rule, so {} is advisory",
    codes: ["echo.no_input_not_null"],
  },
]);

/** The Classic row of `operation` under `edition`, from the written-out Classic table. */
function classicOperation(operation: string, edition: RulesEdition): OperationRules | undefined {
  const row = operationLogging(operation);
  if (row === undefined) return undefined;
  return {
    service: "inspector", operation, class: row.class, readOnly: row.readOnly,
    mode: row.mode[edition], emptyOutput: row.emptyOutput, noInput: row.noInput,
  };
}

/** Inspector Classic (`inspector`, JSON 1.1, 37 operations). */
export const INSPECTOR_RULES: ServiceRules = Object.freeze({
  service: "inspector",
  title: "Inspector Classic",
  eventSource: INSPECTOR_EVENT_SOURCE,
  apiVersion: INSPECTOR_API_VERSION,
  operations: INSPECTOR_OPERATIONS,
  hasEditions: true,
  operation: classicOperation,
  unverified: INSPECTOR_UNVERIFIED,
});
