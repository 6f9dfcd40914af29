/**
 * The ServiceErrors the CloudTrail side of the emulator returns. Error names are the CloudTrail model's
 * error shapes (fixtures/models/cloudtrail-2013-11-01.service-2.json, LookupEvents.errors); messages
 * say what was wrong and what is accepted. All are client errors, HTTP 400.
 */
import type { ServiceError } from "../core/types.js";

/** Error codes this module can return. */
export type CloudTrailErrorCode =
  | "InvalidLookupAttributesException"
  | "InvalidTimeRangeException"
  | "InvalidMaxResultsException"
  | "InvalidNextTokenException"
  | "InvalidEventCategoryException"
  | "SerializationException"
  | "ThrottlingException"
  | "UnsupportedOperationException"
  | "UnknownOperationException";

/** A CloudTrail ServiceError with HTTP status 400. */
export function cloudTrailError(type: CloudTrailErrorCode, message: string): ServiceError {
  return { type, status: 400, message };
}

/**
 * LookupEvents throttling: "The rate of lookup requests is limited to two per second, per account, per
 * Region. If this limit is exceeded, a throttling error occurs" (model doc). The code ThrottlingException
 * and message "Rate exceeded" are the usual AWS JSON throttling error; the exact code is UNVERIFIED for
 * CloudTrail (facts section 5).
 */
export function throttlingError(): ServiceError {
  return cloudTrailError("ThrottlingException", "Rate exceeded");
}
