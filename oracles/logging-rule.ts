/**
 * Rule 2, logging mode by operation class, for successful calls: responseElements is null for
 * request-only operations and for operations without output, and equals the response body as
 * received otherwise (docs/rules.md rule 2; the two wordings of "Logging Amazon Inspector Classic API calls with AWS CloudTrail";
 * null for request-only and empty outputs: "CloudTrail record contents for management, data, and network activity events";
 * where they disagree: docs/decisions.md). The class of each operation comes
 * from its service's table (oracles/services).
 */
import { finding, type Finding } from "./finding.js";
import { firstJsonDifference } from "./json-diff.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { OracleContext } from "./context.js";
import { hasField, type RecordObject } from "./record-input.js";
import { expectedResponseOf, rulesFor } from "./services/index.js";

/**
 * Checks responseElements of the record of a successful call, by the table of the call's service
 * (Classic under ctx.rulesEdition; v2 has no edition). Failed calls are judged by the error
 * rule. For a call whose outcome is unknown only what holds whatever its outcome is judged: an
 * operation that logs no response has responseElements null, succeeded or failed; the response
 * itself never arrived whole, so it cannot be compared.
 */
export function checkLoggingMode(call: ObservedCall, record: RecordObject, ctx: OracleContext): Finding[] {
  const rules = rulesFor(call.service);
  const row = rules.operation(call.operation, ctx.rulesEdition);
  if (row === undefined) return [finding("logging.unknown_operation", "eventName", `one of the ${rules.operations.length} ${rules.title} operations`, call.operation)];
  const nullCode = row.mode === "request-only" ? "logging.response_logged_for_read" : "logging.response_not_null_for_empty_output";
  if (call.outcome === "unknown") {
    const actual = record["responseElements"];
    if (expectedResponseOf(row) !== "null" || actual === undefined || actual === null) return [];
    return [finding(nullCode, "responseElements", null, actual)];
  }
  if (call.outcome !== "ok") return [];

  const present = hasField(record, "responseElements");
  const actual = record["responseElements"];
  if (expectedResponseOf(row) === "null") {
    if (!present) return [finding("logging.response_absent_not_null", "responseElements", null, undefined)];
    if (actual === null) return [];
    return [finding(nullCode, "responseElements", null, actual)];
  }
  if (actual === undefined || actual === null) return [finding("logging.response_missing", "responseElements", call.response, actual)];
  const diff = firstJsonDifference(call.response, actual);
  return diff ? [finding("logging.response_mismatch", `responseElements${diff.path}`, diff.expected, diff.actual)] : [];
}
