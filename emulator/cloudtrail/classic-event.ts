/**
 * What CloudTrail is told about one Inspector Classic call, from Classic's rule table
 * (logging-mode.ts): eventSource, eventName, apiVersion, readOnly, requestParameters and
 * responseElements.
 */
import { inspectorModel, operationOf } from "../../model/service-model.js";
import type { ApiEvent } from "../core/api-event.js";
import type { CompletedCall } from "./completed-call.js";
import { loggingModeOf, type RulesEdition } from "./logging-mode.js";

/** `inspector.amazonaws.com`: eventSource of AWS's Inspector example records. */
export const INSPECTOR_EVENT_SOURCE = "inspector.amazonaws.com";

/**
 * apiVersion as AWS's Inspector example writes it: "v20160216" (awsdocs/amazon-inspector-user-guide
 * logging-using-cloudtrail.md, both editions), derived from the model's apiVersion "2016-02-16".
 */
export const INSPECTOR_API_VERSION = `v${inspectorModel.metadata.apiVersion.replaceAll("-", "")}`;

const isEmptyObject = (value: Record<string, unknown>): boolean => Object.keys(value).length === 0;

/** The event of a Classic call under `edition`; throws a TypeError for a name that is not a Classic operation. */
export function classicEvent(call: CompletedCall, edition: RulesEdition): ApiEvent {
  const mode = loggingModeOf(call.operation, edition);
  if (mode === undefined) {
    throw new TypeError(`[emulator/cloudtrail] ${call.operation} is not an Inspector Classic operation; only its calls are recorded.`);
  }
  const { result } = call;
  // Rule 3: the request as received; null for an operation with no input shape
  // (DescribeCrossAccountAccessRole), as the record-contents page implies for "no parameters".
  const hasInput = operationOf(inspectorModel, call.operation)?.input !== undefined;
  // Rule 2: response only for classes that log it, and null for an empty body ("If the action
  // doesn't return response elements, this field is null") and for failures (facts 6.1).
  const responseElements = result.ok && mode.logsResponse && !isEmptyObject(result.output) ? result.output : null;
  return {
    service: "inspector",
    ctx: call.ctx,
    eventSource: INSPECTOR_EVENT_SOURCE,
    eventName: call.operation,
    apiVersion: INSPECTOR_API_VERSION,
    readOnly: mode.readOnly,
    requestParameters: hasInput ? (call.request ?? null) : null,
    responseElements,
    ...(result.ok ? {} : { error: result.error }),
    endedAt: call.endedAt,
  };
}
