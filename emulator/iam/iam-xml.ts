/**
 * The AWS Query protocol's XML for IAM, the same framing as STS's under IAM's own namespace:
 * `<XResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><XResult>…</XResult><ResponseMetadata><RequestId>…`
 * and `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`
 * (the response example of https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html;
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
 */
import type { ServiceError, WireResponse } from "../core/types.js";
import { queryErrorResponse, queryResultResponse, type XmlNode } from "../sts/sts-xml.js";

/** The IAM XML namespace of API version 2010-05-08. */
export const IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

/** The 200 response of IAM `action` whose `<actionResult>` holds `result`. */
export function iamResultResponse(action: string, result: readonly XmlNode[], requestId: string): WireResponse {
  return queryResultResponse(IAM_NAMESPACE, action, result, requestId);
}

/** IAM's error response. */
export function iamErrorResponse(error: ServiceError, requestId: string): WireResponse {
  return queryErrorResponse(IAM_NAMESPACE, error, requestId);
}
