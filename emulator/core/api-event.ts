/**
 * The recorder's contract: what a service tells CloudTrail about one completed call. The service's
 * own rule table decides every field here; the recorder adds identity, time, ids and the envelope,
 * and knows nothing else about any service.
 */
import type { CallContext, ServiceError } from "./types.js";

/** The HTTP exchange of a call as it crossed the wire (read only by faults that misread it). */
export interface WireExchange {
  method: string;
  /** The request path as sent, percent-encoding kept. */
  path: string;
  /** HTTP status of the response. */
  status: number;
  /** The response body as sent, when the call succeeded. */
  output?: Record<string, unknown>;
  /** The input members the request carried in its path, query string or headers. */
  boundMembers: readonly string[];
}

/** One completed, authenticated API call, as a service describes it to the recorder. */
export interface ApiEvent {
  /** The emulator's name of the service (`inspector`, `inspector2`). */
  service: string;
  /** Caller, region, request id, source IP, user agent, start time. */
  ctx: CallContext;
  eventSource: string;
  eventName: string;
  /** `apiVersion` of the record; absent where the service's records carry none. */
  apiVersion?: string;
  readOnly: boolean;
  requestParameters: unknown;
  responseElements: Record<string, unknown> | null;
  /** The error the call ended with; gives errorCode and errorMessage. */
  error?: ServiceError;
  /** When the response was ready. */
  endedAt: Date;
  exchange?: WireExchange;
}
