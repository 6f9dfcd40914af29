/**
 * Builds the CloudTrail record of one completed Inspector Classic call: the emulator's reading of
 * AWS's record-contents page (reference/cloudtrail-and-inspector-facts.md sections 1.3, 2, 3, 6).
 */
import { randomUUID } from "node:crypto";
import { inspectorModel, operationOf } from "../../model/service-model.js";
import type { CompletedCall } from "./completed-call.js";
import type { CloudTrailRecord } from "./record-types.js";
import { loggingModeOf } from "./logging-mode.js";
import type { RulesEdition } from "./logging-mode.js";
import { userIdentityOf } from "./user-identity.js";
import { eventTimeOf, isoSeconds } from "./event-time.js";

/**
 * "1.11": the current version per the record-contents page ("The current version is 1.11", facts
 * section 2), and what a real 2026 trail record carries (wazuh/wazuh#36209). Its only addition,
 * eventContext, exists solely in CloudTrail Lake, so records delivered to trails and LookupEvents
 * have no eventContext at 1.11 either.
 */
export const EVENT_VERSION = "1.11";

/** `inspector.amazonaws.com`: eventSource of AWS's Inspector example records. */
export const INSPECTOR_EVENT_SOURCE = "inspector.amazonaws.com";

/**
 * apiVersion as AWS's Inspector example writes it: "v20160216" (awsdocs/amazon-inspector-user-guide
 * logging-using-cloudtrail.md, both editions), derived from the model's apiVersion "2016-02-16".
 */
export const INSPECTOR_API_VERSION = `v${inspectorModel.metadata.apiVersion.replaceAll("-", "")}`;

/** userAgent, errorCode and errorMessage are cut at 1 KB (record-contents page, facts section 2). */
const FIELD_LIMIT_BYTES = 1024;

function truncateBytes(text: string, limit = FIELD_LIMIT_BYTES): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  // Cut on a character boundary: drop a trailing partial UTF-8 sequence (U+FFFD from a cut).
  return bytes.subarray(0, limit).toString("utf8").replace(/\uFFFD+$/, "");
}

function isEmptyObject(value: Record<string, unknown>): boolean {
  return Object.keys(value).length === 0;
}

/** Options that change how a record is built. */
export interface BuildRecordOptions {
  rulesEdition: RulesEdition;
  /** Event id generator; a random UUID by default. */
  newEventId?: () => string;
}

/**
 * The record for `call`. Throws a TypeError when `call.operation` is not an Inspector Classic operation:
 * CloudTrail records API calls of the service, and an unknown action is not one.
 */
export function buildRecord(call: CompletedCall, options: BuildRecordOptions): CloudTrailRecord {
  const mode = loggingModeOf(call.operation, options.rulesEdition);
  if (mode === undefined) {
    throw new TypeError(`[emulator/cloudtrail] ${call.operation} is not an Inspector Classic operation; only its calls are recorded.`);
  }
  const { ctx, result } = call;
  // Rule 3: the request as received; null for an operation with no input shape
  // (DescribeCrossAccountAccessRole), as the record-contents page implies for "no parameters".
  const hasInput = operationOf(inspectorModel, call.operation)?.input !== undefined;
  const requestParameters = hasInput ? structuredClone(call.request ?? null) : null;
  // Rule 2: response only for classes that log it, and null for an empty body ("If the action
  // doesn't return response elements, this field is null") and for failures (facts 6.1).
  const responseElements =
    result.ok && mode.logsResponse && !isEmptyObject(result.output) ? structuredClone(result.output) : null;
  const error = result.ok ? undefined : result.error;
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(ctx.principal),
    eventTime: isoSeconds(eventTimeOf(call.endedAt)),
    eventSource: INSPECTOR_EVENT_SOURCE,
    eventName: call.operation,
    awsRegion: ctx.region,
    sourceIPAddress: ctx.sourceIp,
    userAgent: truncateBytes(ctx.userAgent),
    ...(error !== undefined ? { errorCode: truncateBytes(error.type), errorMessage: truncateBytes(error.message) } : {}),
    requestParameters,
    responseElements,
    requestID: ctx.requestId,
    eventID: (options.newEventId ?? randomUUID)(),
    readOnly: mode.readOnly,
    eventType: "AwsApiCall",
    apiVersion: INSPECTOR_API_VERSION,
    managementEvent: true,
    // No cross-account calls in the emulator: the recipient is the caller's own account.
    recipientAccountId: ctx.principal.accountId,
    eventCategory: "Management",
    // tlsDetails (Optional True) is left out: the emulator terminates no TLS, so it has no honest values.
  };
}
