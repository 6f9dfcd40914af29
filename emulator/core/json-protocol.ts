/**
 * AWS JSON 1.1 protocol framing: how the emulator reads `X-Amz-Target` and renders bodies and errors
 * the way `@aws-sdk/client-*` parses them (source: the botocore models' `metadata.protocol: "json"`,
 * `jsonVersion: "1.1"`; the Smithy awsJson1_1 protocol: errors carry `__type` in the body and the
 * request id in `x-amzn-RequestId`).
 */
import type { ServiceError, WireResponse } from "./types.js";

/** Content type of JSON 1.1 requests and responses. */
export const JSON_11_CONTENT_TYPE = "application/x-amz-json-1.1";

/** Splits `X-Amz-Target: <prefix>.<Operation>` at its last dot. */
export function splitTarget(target: string): { prefix: string; operation: string } | undefined {
  const dot = target.lastIndexOf(".");
  if (dot <= 0 || dot === target.length - 1) return undefined;
  return { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

function jsonHeaders(requestId: string, body: string): Record<string, string> {
  return {
    "content-type": JSON_11_CONTENT_TYPE,
    "x-amzn-requestid": requestId,
    "content-length": String(Buffer.byteLength(body)),
  };
}

/** A 200 response whose body is `output` serialised as JSON. */
export function jsonOutput(output: Record<string, unknown>, requestId: string): WireResponse {
  const body = JSON.stringify(output);
  return { status: 200, headers: jsonHeaders(requestId, body), body };
}

/** An error response: `{"__type": type, "message": message, ...fields}` with the error's HTTP status. */
export function jsonError(error: ServiceError, requestId: string): WireResponse {
  const body = JSON.stringify({ __type: error.type, message: error.message, ...error.fields });
  return { status: error.status, headers: { ...jsonHeaders(requestId, body), "x-amzn-errortype": error.type }, body };
}
