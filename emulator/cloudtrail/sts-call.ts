/**
 * What the router hands the CloudTrail recorder once an STS (Query protocol) call has been answered.
 */
import type { CallContext, WireResponse } from "../core/types.js";

/** One authenticated STS call and the XML response it got. */
export interface StsCall {
  /** Caller, region (from the signature), request id, source IP, user agent and start time. */
  ctx: CallContext;
  /** The form body as received (`Action`, `Version` and the action's parameters). */
  form: URLSearchParams;
  /** The response as sent: `<XResponse>` on success, `<ErrorResponse>` on failure. */
  response: WireResponse;
  /** When the response was ready. */
  endedAt: Date;
}
