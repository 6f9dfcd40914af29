/**
 * What the router hands the CloudTrail recorder once an Inspector call has been answered.
 */
import type { CallContext, ServiceResult } from "../core/types.js";

/** One Inspector Classic call that passed authentication and was answered (successfully or not). */
export interface CompletedCall {
  /** Caller, region, request id, source IP, user agent and start time. */
  ctx: CallContext;
  /** Inspector operation name; becomes `eventName`. */
  operation: string;
  /** Parsed JSON request body as received; null when the body was empty/absent or unparseable. */
  request: unknown;
  /** Output body as sent, or the ServiceError. */
  result: ServiceResult;
  /** When the response was ready. */
  endedAt: Date;
}
