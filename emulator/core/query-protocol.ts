/**
 * AWS Query protocol framing (STS): form-encoded requests, XML error bodies in the
 * `<ErrorResponse>` form that `@aws-sdk/client-sts` parses.
 */
import type { ServiceError, WireResponse } from "./types.js";

/** Content type of Query protocol requests. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** Escapes text for an XML element body. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** An STS-style XML error response. `Sender` for 4xx, `Receiver` for 5xx. */
export function xmlError(error: ServiceError, requestId: string): WireResponse {
  const kind = error.status >= 500 ? "Receiver" : "Sender";
  const body =
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${kind}</Type>` +
    `<Code>${xmlEscape(error.type)}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
    `<RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`;
  return {
    status: error.status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId, "content-length": String(Buffer.byteLength(body)) },
    body,
  };
}
