/**
 * What an SDK call's failure says, as data: the error code (service error name, or the network
 * error code such as ECONNREFUSED), its message and the HTTP status, when there was one.
 */
import { DeadlineError } from "./deadline.js";

/** A failure reduced to what reports need. */
export interface SdkFailure {
  /** Service error name (`InvalidInputException`), `Deadline`, or a network code (`ECONNREFUSED`). */
  code: string;
  message: string;
  httpStatus: number | undefined;
  /** True when no answer at all came back (deadline, connection refused or reset). */
  noAnswer: boolean;
}

/** Network error codes that mean the request never reached a server. */
export const NOT_DELIVERED_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** Describes any error thrown by `client.send` (or by withDeadline). */
export function describeSdkError(err: unknown): SdkFailure {
  if (err instanceof DeadlineError) return { code: "Deadline", message: err.message, httpStatus: undefined, noAnswer: true };
  if (!(err instanceof Error)) return { code: "Error", message: String(err), httpStatus: undefined, noAnswer: false };
  const e = err as Error & { code?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number }; errors?: unknown };
  const httpStatus = e.$metadata?.httpStatusCode;
  // node's AggregateError (IPv4 + IPv6 attempts) carries the code on itself or on its parts.
  const networkCode =
    typeof e.code === "string"
      ? e.code
      : Array.isArray(e.errors)
        ? (e.errors as { code?: unknown }[]).map((x) => x.code).find((c): c is string => typeof c === "string")
        : undefined;
  if (httpStatus === undefined && networkCode !== undefined) {
    return { code: networkCode, message: e.message || networkCode, httpStatus: undefined, noAnswer: true };
  }
  const code = typeof e.Code === "string" ? e.Code : e.name;
  return { code, message: e.message, httpStatus, noAnswer: httpStatus === undefined && (e.name === "AbortError" || e.name === "TimeoutError") };
}

/** `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1` / `InvalidInputException (HTTP 400): …` */
export function formatSdkFailure(f: SdkFailure): string {
  return `${f.code}${f.httpStatus !== undefined ? ` (HTTP ${f.httpStatus})` : ""}: ${f.message}`;
}
