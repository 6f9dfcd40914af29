/**
 * rest-json response framing: outputs as JSON bodies, errors with the `x-amzn-ErrorType` header and a
 * `{"message": …}` body plus the error's other body members, the request id in `x-amzn-RequestId`.
 * Source: the Smithy restJson1 protocol (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html):
 * "the error type is the value of the X-Amzn-Errortype header … or the code or __type member".
 */
import type { ServiceError, WireResponse } from "./types.js";

/** Content type of rest-json bodies. */
export const REST_JSON_CONTENT_TYPE = "application/json";

function headers(requestId: string, body: string): Record<string, string> {
  return { "content-type": REST_JSON_CONTENT_TYPE, "x-amzn-requestid": requestId, "content-length": String(Buffer.byteLength(body)) };
}

/** A successful rest-json response: `output` as the body, with the operation's HTTP status. */
export function restJsonOutput(output: Record<string, unknown>, requestId: string, status = 200): WireResponse {
  const body = JSON.stringify(output);
  return { status, headers: headers(requestId, body), body };
}

/** A rest-json error: its status, `x-amzn-errortype`, its header members, and `{message, ...fields}`. */
export function restJsonError(error: ServiceError, requestId: string): WireResponse {
  const body = JSON.stringify({ message: error.message, ...error.fields });
  return { status: error.status, headers: { ...headers(requestId, body), ...error.headers, "x-amzn-errortype": error.type }, body };
}
