/**
 * Rule 2 (last bullet), error events: a failed call's record has errorCode = the error's type name,
 * errorMessage = its message, and responseElements null; a successful call's record has neither
 * (docs/rules.md, rule 2; the CloudTrail user guide, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html, and the UpdateTrail error example of "CloudTrail log file examples", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html).
 */
import { finding, type Finding } from "./finding.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { RecordObject } from "./record-input.js";

/** Checks errorCode, errorMessage and responseElements against the call's outcome. Unknown outcomes are not judged. */
export function checkErrorFields(call: ObservedCall, record: RecordObject): Finding[] {
  const code = record["errorCode"];
  const message = record["errorMessage"];
  if (call.outcome === "ok") {
    const out: Finding[] = [];
    if (code !== undefined) out.push(finding("error.unexpected_error_code", "errorCode", undefined, code));
    if (message !== undefined) out.push(finding("error.unexpected_error_code", "errorMessage", undefined, message));
    return out;
  }
  if (call.outcome !== "error" || call.error === undefined) return [];

  const out: Finding[] = [];
  if (code === undefined || code === null || code === "") out.push(finding("error.code_missing", "errorCode", call.error.code, code));
  else if (code !== call.error.code) out.push(finding("error.code_mismatch", "errorCode", call.error.code, code));
  if (message === undefined || message === null) out.push(finding("error.message_missing", "errorMessage", call.error.message, message));
  else if (!sameMessage(call.error.message, message)) out.push(finding("error.message_mismatch", "errorMessage", call.error.message, message));
  const response = record["responseElements"];
  if (response !== undefined && response !== null) out.push(finding("error.response_not_null", "responseElements", null, response));
  return out;
}

/**
 * CloudTrail caps errorMessage at 1 KB ("Maximum size is 1 KB", record-contents page, errorCode and
 * errorMessage rows): a longer message may be cut. So the record's message must equal the client's,
 * or, when the client's is over 1 KB, be a prefix of it at least 1 KB minus one character long
 * (the cut may fall inside a multi-byte character).
 */
export const ERROR_MESSAGE_LIMIT_BYTES = 1024;

function sameMessage(sent: string, recorded: unknown): boolean {
  if (recorded === sent) return true;
  if (typeof recorded !== "string" || Buffer.byteLength(sent) <= ERROR_MESSAGE_LIMIT_BYTES) return false;
  return sent.startsWith(recorded) && Buffer.byteLength(recorded) >= ERROR_MESSAGE_LIMIT_BYTES - 3 && Buffer.byteLength(recorded) <= ERROR_MESSAGE_LIMIT_BYTES;
}
