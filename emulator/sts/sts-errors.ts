/**
 * STS errors as data (Query protocol codes, no `Exception` suffix). Sources:
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html (InvalidAction 400,
 * MissingAction 400, InvalidClientTokenId 403, MissingAuthenticationToken 403, IncompleteSignature
 * 400, ValidationError 400) and the AssumeRole / GetFederationToken pages (MalformedPolicyDocument 400).
 * AccessDenied is 403 ("StatusCode: 403 … AccessDenied: Roles may not be assumed by root accounts."
 * in cloudposse/terraform-aws-vpc-peering-multi-account#106; "403 Forbidden" in double-break/spapi-php#45).
 * ExpiredToken 403 and SignatureDoesNotMatch 403: aws/aws-sdk-java-v2#1649, cfn-sphere/cfn-sphere#55.
 */
import type { ServiceError } from "../core/types.js";

/** The STS error for a caller that may not do what it asked. */
export const accessDenied = (message: string): ServiceError => ({ type: "AccessDenied", status: 403, message });

/** `User: <arn> is not authorized to perform: <action> on resource: <resource>` */
export const notAuthorized = (callerArn: string, action: string, resource: string): ServiceError =>
  accessDenied(`User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`);

/** Coral-style validation failure: `N validation error(s) detected: <a>; <b>`. */
export const validationErrors = (problems: readonly string[]): ServiceError => ({
  type: "ValidationError",
  status: 400,
  message: `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${problems.join("; ")}`,
});

/** A ValidationError with a sentence of its own (not a constraint list). */
export const validationError = (message: string): ServiceError => ({ type: "ValidationError", status: 400, message });

/** An unknown Action (or one unknown at this Version). */
export const invalidAction = (action: string, version: string): ServiceError => ({
  type: "InvalidAction",
  status: 400,
  message: `Could not find operation ${action} for version ${version}`,
});

/** No Action parameter. */
export const missingAction = (): ServiceError => ({ type: "MissingAction", status: 400, message: "Missing Action" });

/** A session policy that is not a JSON object. */
export const malformedPolicyDocument = (): ServiceError => ({
  type: "MalformedPolicyDocument",
  status: 400,
  message: "The policy is not in the valid JSON format.",
});

/** Query-protocol names of the SigV4 errors the authenticator reports in JSON-protocol form. */
const QUERY_AUTH_ERRORS: Readonly<Record<string, { type: string; status: number }>> = {
  MissingAuthenticationTokenException: { type: "MissingAuthenticationToken", status: 403 },
  IncompleteSignatureException: { type: "IncompleteSignature", status: 400 },
  UnrecognizedClientException: { type: "InvalidClientTokenId", status: 403 },
  InvalidSignatureException: { type: "SignatureDoesNotMatch", status: 403 },
  ExpiredTokenException: { type: "ExpiredToken", status: 403 },
};

/**
 * The STS form of an authentication error: STS is a Query-protocol service and names them
 * InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken, MissingAuthenticationToken and
 * IncompleteSignature. Other errors pass through unchanged.
 */
export function toStsAuthError(error: ServiceError): ServiceError {
  const mapped = QUERY_AUTH_ERRORS[error.type];
  return mapped ? { ...error, type: mapped.type, status: mapped.status } : error;
}
