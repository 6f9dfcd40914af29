/**
 * What a failed LookupEvents request means for the collector: throttled (back off and retry the page),
 * unsupported (the target has no LookupEvents: stop and say what it answered), transient (network,
 * timeout, 5xx: retry a few times), or fatal (access denied, bad request: stop, say what to do).
 * Codes from the CloudTrail model's LookupEvents errors (fixtures/models) and the usual AWS JSON error
 * names; the throttling code is UNVERIFIED for CloudTrail, probably ThrottlingException (the CloudTrail API reference, LookupEvents: "If this limit is exceeded, a throttling error occurs").
 */

/** How the collector reacts to an error. */
export type LookupErrorKind = "throttled" | "unsupported" | "transient" | "fatal";

/** A classified error: its kind, what the target said, and what to do. */
export interface LookupError {
  kind: LookupErrorKind;
  /** Error name (`__type` without namespace, or the SDK's error name). */
  code: string;
  httpStatus: number | undefined;
  message: string;
  /** One line a person can act on. */
  advice: string;
}

/** AWS's throttling error names (those the AWS SDK's retry strategy treats as throttling): the service is there, only busy. */
export const THROTTLING_ERRORS: ReadonlySet<string> = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
]);

const UNSUPPORTED = new Set([
  "UnknownOperationException",
  "UnsupportedOperationException",
  "UnsupportedOperation",
  "NotImplemented",
  "NotImplementedException",
  "InvalidAction",
]);

const ACCESS = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "ExpiredToken",
  "ExpiredTokenException",
  "OperationNotPermittedException",
]);

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

function fieldOf(e: unknown, key: string): unknown {
  return e !== null && typeof e === "object" ? (e as Record<string, unknown>)[key] : undefined;
}

function statusOf(e: unknown): number | undefined {
  const status = fieldOf(fieldOf(e, "$metadata"), "httpStatusCode") ?? fieldOf(fieldOf(e, "$response"), "statusCode");
  return typeof status === "number" ? status : undefined;
}

/**
 * HTTP 500 whose body is not JSON: CloudTrail's JSON 1.1 errors are JSON, so the endpoint does not speak
 * CloudTrail. moto 5.2.1 answers so (an HTML page for "NotImplementedError: The lookup_events action has
 * not been implemented"; observed by hand against moto_server). 502-504 pages from proxies stay transient.
 */
function notJsonServerError(name: string, httpStatus: number | undefined, message: string): boolean {
  return httpStatus === 500 && (name === "SyntaxError" || /Deserialization error/i.test(message));
}

/** Classifies an error thrown by `CloudTrailClient.send(LookupEventsCommand)`. */
export function classifyLookupError(e: unknown): LookupError {
  const name = String(fieldOf(e, "name") ?? fieldOf(e, "Code") ?? "Error");
  const sysCode = fieldOf(e, "code");
  const code = typeof sysCode === "string" && NETWORK_CODES.has(sysCode) ? sysCode : name;
  const message = e instanceof Error ? e.message : String(e);
  const httpStatus = statusOf(e);
  const base = { code, httpStatus, message };

  if (THROTTLING_ERRORS.has(name) || httpStatus === 429) {
    return { ...base, kind: "throttled", advice: "LookupEvents allows 2 requests per second per account and Region; the collector backs off and retries." };
  }
  if (UNSUPPORTED.has(name) || httpStatus === 404 || httpStatus === 501 || /not\s+(been\s+)?implemented|unknown operation/i.test(message) || notJsonServerError(name, httpStatus, message)) {
    return {
      ...base,
      kind: "unsupported",
      advice: "This target does not implement CloudTrail LookupEvents: collect from trail files instead (collectTrailFiles), or report the records as unknown.",
    };
  }
  if (ACCESS.has(name) || httpStatus === 401 || httpStatus === 403) {
    return {
      ...base,
      kind: "fatal",
      advice: "The collecting identity cannot call cloudtrail:LookupEvents: check its credentials and grant it cloudtrail:LookupEvents, then collect again.",
    };
  }
  if (
    NETWORK_CODES.has(code) ||
    name === "TimeoutError" ||
    name === "AbortError" ||
    (httpStatus !== undefined && httpStatus >= 500) ||
    (httpStatus === undefined && e instanceof TypeError)
  ) {
    return {
      ...base,
      kind: "transient",
      advice: "The CloudTrail endpoint did not answer properly (network, timeout or server error): check that it is reachable, then collect again; the history is kept.",
    };
  }
  return {
    ...base,
    kind: "fatal",
    advice: "LookupEvents rejected the request: see the message; the collector sends only LookupAttributes EventSource, StartTime, EndTime, MaxResults 50 and NextToken.",
  };
}

/** One line describing a classified error, for `errors` and `unsupported`. */
export function describeLookupError(error: LookupError): string {
  const status = error.httpStatus !== undefined ? ` (HTTP ${error.httpStatus})` : "";
  return `LookupEvents failed: ${error.code}${status}: ${error.message}. ${error.advice}`;
}
