/**
 * The emulator's own rule table for the CloudTrail records of Inspector v2 calls, written from AWS's
 * documents (and never shared with oracles/, so the two readings check each other):
 * - "Logging Amazon Inspector API calls using AWS CloudTrail"
 *   (https://docs.aws.amazon.com/inspector/latest/user/logging-using-cloudtrail.html): every action
 *   is logged; the page has no request-only note for v2, so CloudTrail's general rule applies.
 * - "CloudTrail record contents" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
 *   responseElements are "the response element for actions that make changes (create, update, or
 *   delete actions)"; "If the action doesn't return response elements, this field is null".
 * - eventSource `inspector2.amazonaws.com`: the EventBridge events reference for Inspector
 *   (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-inspector2.html).
 * So: read operations (List, Get, Describe, BatchGet, Search) log the request only and are readOnly;
 * the others log the response body as sent (null for the operations without output) and are not
 * readOnly; requestParameters holds every input member by its member name, wherever the request
 * carried it (path, query string, header, body); null when the operation has no input members or the
 * request could not be read. UNVERIFIED for inspector2 (no real record is public): requestParameters
 * holding path and query members (AWS's documented records of other REST services do), header
 * members, the absence of apiVersion (the field is optional and rest-json records of other services
 * carry none), and sensitive members logged as sent rather than redacted.
 */
import { hasEmptyInput, hasEmptyOutput } from "../../model/http-bindings.js";
import { INSPECTOR2_OPERATIONS, inspector2Model } from "../../model/inspector2-model.js";
import type { ApiEvent } from "../core/api-event.js";
import type { CompletedRestCall } from "../core/rest-service.js";

/** eventSource of Inspector v2 records. */
export const INSPECTOR2_EVENT_SOURCE = "inspector2.amazonaws.com";

/** How an operation is classed for logging. */
export type Inspector2Class = "read" | "mutating";

/** Name prefixes of the read operations. */
const READ_PREFIXES = ["List", "Get", "Describe", "BatchGet", "Search"] as const;

/** The class of every inspector2 operation (39 read, 42 mutating). */
export const INSPECTOR2_CLASSES: ReadonlyMap<string, Inspector2Class> = new Map(
  INSPECTOR2_OPERATIONS.map((op) => [op, READ_PREFIXES.some((p) => op.startsWith(p)) ? "read" : "mutating"]),
);

/** The CloudTrail event of one completed inspector2 call. */
export function inspector2EventOf(call: CompletedRestCall): ApiEvent {
  const operationClass = INSPECTOR2_CLASSES.get(call.operation) ?? "mutating";
  const { result } = call;
  const logsResponse = operationClass === "mutating" && !hasEmptyOutput(inspector2Model, call.operation);
  const requestParameters = hasEmptyInput(inspector2Model, call.operation) || call.bound === undefined ? null : call.bound.input;
  return {
    service: "inspector2",
    ctx: call.ctx,
    eventSource: INSPECTOR2_EVENT_SOURCE,
    eventName: call.operation,
    readOnly: operationClass === "read",
    requestParameters,
    responseElements: result.ok && logsResponse && Object.keys(result.output).length > 0 ? result.output : null,
    ...(result.ok ? {} : { error: result.error }),
    endedAt: call.endedAt,
    exchange: call.exchange,
  };
}
