/**
 * The AWS Query protocol's XML for STS, as @aws-sdk/client-sts parses it:
 * `<XResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><XResult>…</XResult><ResponseMetadata><RequestId>…`
 * and `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`
 * (response examples of https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 */
import type { ServiceError, WireResponse } from "../core/types.js";

/** The STS XML namespace of API version 2011-06-15. */
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** An XML tree node: an element with text or child nodes. */
export type XmlNode = { name: string; text: string } | { name: string; children: readonly XmlNode[] };

/** Escapes text for XML element content. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Renders a node and its descendants. */
export function renderXml(node: XmlNode): string {
  if ("text" in node) return `<${node.name}>${escapeXml(node.text)}</${node.name}>`;
  return `<${node.name}>${node.children.map(renderXml).join("")}</${node.name}>`;
}

/** An element holding text. */
export const text = (name: string, value: string): XmlNode => ({ name, text: value });
/** An element holding children. */
export const element = (name: string, ...children: XmlNode[]): XmlNode => ({ name, children });

const headers = (requestId: string): Record<string, string> => ({ "content-type": "text/xml", "x-amzn-requestid": requestId });

/** The 200 response of `action` of the Query service of XML namespace `namespace`, whose `<actionResult>` holds `result`. */
export function queryResultResponse(namespace: string, action: string, result: readonly XmlNode[], requestId: string): WireResponse {
  const body =
    `<${action}Response xmlns="${namespace}">` +
    renderXml(element(`${action}Result`, ...result)) +
    renderXml(element("ResponseMetadata", text("RequestId", requestId))) +
    `</${action}Response>`;
  return { status: 200, headers: headers(requestId), body };
}

/** The error response of the Query service of XML namespace `namespace`: Type Sender for 4xx, Receiver for 5xx. */
export function queryErrorResponse(namespace: string, error: ServiceError, requestId: string): WireResponse {
  const body =
    `<ErrorResponse xmlns="${namespace}">` +
    renderXml(element("Error", text("Type", error.status >= 500 ? "Receiver" : "Sender"), text("Code", error.type), text("Message", error.message))) +
    renderXml(text("RequestId", requestId)) +
    `</ErrorResponse>`;
  return { status: error.status, headers: headers(requestId), body };
}

/** The 200 response of STS `action` whose `<actionResult>` holds `result`. */
export function stsResultResponse(action: string, result: readonly XmlNode[], requestId: string): WireResponse {
  return queryResultResponse(STS_NAMESPACE, action, result, requestId);
}

/** STS's error response. */
export function stsErrorResponse(error: ServiceError, requestId: string): WireResponse {
  return queryErrorResponse(STS_NAMESPACE, error, requestId);
}
