/**
 * Rule 3, request echo: requestParameters equals the request body as sent on the wire, and is null
 * for an operation without input (DESIGN.md rule 3; facts §1.2, DescribeCrossAccountAccessRole).
 */
import { finding, type Finding } from "./finding.js";
import { firstJsonDifference } from "./json-diff.js";
import { operationLogging } from "./logging-mode.js";
import type { ObservedCall } from "../history/observed-call.js";
import { hasField, type RecordObject } from "./record-input.js";

function isEmptyObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** Checks requestParameters against the request the call sent. */
export function checkRequestEcho(call: ObservedCall, record: RecordObject): Finding[] {
  if (!hasField(record, "requestParameters")) return [finding("echo.request_missing", "requestParameters", call.request, undefined)];
  const actual = record["requestParameters"];
  const noInput = operationLogging(call.operation)?.noInput ?? false;
  if (noInput) {
    if (actual === null) return [];
    // What CloudTrail writes for an operation without input is UNVERIFIED (facts §1.2): {} is advisory.
    return [finding(isEmptyObject(actual) ? "echo.no_input_not_null" : "echo.request_mismatch", "requestParameters", null, actual)];
  }
  const diff = firstJsonDifference(call.request, actual);
  return diff ? [finding("echo.request_mismatch", `requestParameters${diff.path}`, diff.expected, diff.actual)] : [];
}
