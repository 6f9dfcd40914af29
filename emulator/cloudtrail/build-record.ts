/**
 * Builds CloudTrail records: `buildEventRecord` turns what a service says about one call (an
 * ApiEvent) into a record, the emulator's reading of AWS's record-contents page
 * (reference/cloudtrail-and-inspector-facts.md sections 1.3, 2, 3, 6); `buildRecord` is the same for
 * an Inspector Classic call described by Classic's own rule table (classic-event.ts).
 */
import { randomUUID } from "node:crypto";
import type { ApiEvent } from "../core/api-event.js";
import type { CompletedCall } from "./completed-call.js";
import type { CloudTrailRecord } from "./record-types.js";
import type { RulesEdition } from "./logging-mode.js";
import { classicEvent } from "./classic-event.js";
import { userIdentityOf } from "./user-identity.js";
import { eventTimeOf, isoSeconds } from "./event-time.js";

export { INSPECTOR_API_VERSION, INSPECTOR_EVENT_SOURCE } from "./classic-event.js";

/**
 * "1.11": the current version per the record-contents page ("The current version is 1.11", facts
 * section 2), and what a real 2026 trail record carries (wazuh/wazuh#36209). Its only addition,
 * eventContext, exists solely in CloudTrail Lake, so records delivered to trails and LookupEvents
 * have no eventContext at 1.11 either.
 */
export const EVENT_VERSION = "1.11";

/** userAgent, errorCode and errorMessage are cut at 1 KB (record-contents page, facts section 2). */
const FIELD_LIMIT_BYTES = 1024;

function truncateBytes(text: string, limit = FIELD_LIMIT_BYTES): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  // Cut on a character boundary: drop a trailing partial UTF-8 sequence (U+FFFD from a cut).
  return bytes.subarray(0, limit).toString("utf8").replace(/\uFFFD+$/, "");
}

/** Options that change how a record is built. */
export interface BuildRecordOptions {
  rulesEdition: RulesEdition;
  /** Event id generator; a random UUID by default. */
  newEventId?: () => string;
}

/** The record of one call as its service described it. Values are copied, never shared with the event. */
export function buildEventRecord(event: ApiEvent, newEventId: () => string = randomUUID): CloudTrailRecord {
  const { ctx, error } = event;
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(ctx.principal),
    eventTime: isoSeconds(eventTimeOf(event.endedAt)),
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: ctx.region,
    sourceIPAddress: ctx.sourceIp,
    userAgent: truncateBytes(ctx.userAgent),
    ...(error !== undefined ? { errorCode: truncateBytes(error.type), errorMessage: truncateBytes(error.message) } : {}),
    requestParameters: structuredClone(event.requestParameters ?? null),
    // Failed calls log no response (record-contents page; facts 6.1), whatever the service said.
    responseElements: error === undefined && event.responseElements !== null ? structuredClone(event.responseElements) : null,
    requestID: ctx.requestId,
    eventID: newEventId(),
    readOnly: event.readOnly,
    eventType: "AwsApiCall",
    ...(event.apiVersion !== undefined ? { apiVersion: event.apiVersion } : {}),
    managementEvent: true,
    // No cross-account calls in the emulator: the recipient is the caller's own account.
    recipientAccountId: ctx.principal.accountId,
    eventCategory: "Management",
    // tlsDetails (Optional True) is left out: the emulator terminates no TLS, so it has no honest values.
  };
}

/**
 * The record for an Inspector Classic `call`. Throws a TypeError when `call.operation` is not an
 * Inspector Classic operation: CloudTrail records API calls of the service, and an unknown action is not one.
 */
export function buildRecord(call: CompletedCall, options: BuildRecordOptions): CloudTrailRecord {
  return buildEventRecord(classicEvent(call, options.rulesEdition), options.newEventId);
}
