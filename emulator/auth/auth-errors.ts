/**
 * The authentication errors of an AWS JSON 1.1 service (Inspector Classic), as data. Names and
 * messages are the ones AWS returns; HTTP statuses were checked against sources:
 * - MissingAuthenticationToken 403, IncompleteSignature 400: AWS "Common Errors" pages
 *   (e.g. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html).
 * - UnrecognizedClientException 400 on JSON-protocol services: DynamoDB (boto/boto3#509,
 *   yegor256/s3auth#244: "Status Code: 400 … UnrecognizedClientException"), Cognito User Pools
 *   (aws/aws-sdk-php#2444: "400 Bad Request … UnrecognizedClientException"), ECS
 *   (aws-azure-login/aws-azure-login#37: "status code: 400"). Only REST services (Lambda) answer 403.
 * - InvalidSignatureException 400 on JSON-protocol services: ECS (teralytics/prometheus-ecs-discovery#7,
 *   "status code: 400"); "Signature expired" also 400 (aws/aws-sdk-js#254, remind101/logspout-kinesis#21,
 *   Kinesis). API Gateway (REST) answers 403.
 * - ExpiredTokenException 400 on JSON-protocol services (aws/aws-sdk-php#1307, DynamoDB: "expired
 *   (400 bad request)"); the Query-protocol `ExpiredToken` of IAM/STS is 403.
 * The 5-minute skew and the wording of "Signature expired"/"not yet current" follow the messages quoted
 * in aws/aws-sdk-js#254, hassy/artillery-dino#2 and serverless/enterprise#11.
 */
import type { ServiceError } from "../core/types.js";
import { formatAmzDate } from "./amz-date.js";

/** The closed set of authentication failure codes. */
export type AuthErrorType =
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "UnrecognizedClientException"
  | "InvalidSignatureException"
  | "ExpiredTokenException";

/** HTTP status of each authentication error on a JSON 1.1 service (sources above). */
export const AUTH_ERROR_STATUS: Readonly<Record<AuthErrorType, number>> = {
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 400,
  UnrecognizedClientException: 400,
  InvalidSignatureException: 400,
  ExpiredTokenException: 400,
};

/** How far the request date may be from the server clock, in milliseconds (5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const error = (type: AuthErrorType, message: string): ServiceError => ({ type, status: AUTH_ERROR_STATUS[type], message });

/** No Authorization header and no presigned query. */
export const missingAuthenticationToken = (): ServiceError =>
  error("MissingAuthenticationTokenException", "Missing Authentication Token");

/** The Authorization header (or presigned query) is malformed; `problems` are AWS-style sentences. */
export const incompleteSignature = (problems: readonly string[], authorization: string): ServiceError =>
  error("IncompleteSignatureException", `${problems.join(" ")} Authorization=${authorization}`);

/** Unknown access key, or a session token that is missing, wrong or sent with a long-term key. */
export const unrecognizedClient = (): ServiceError =>
  error("UnrecognizedClientException", "The security token included in the request is invalid.");

/** The signature does not match. */
export const signatureMismatch = (): ServiceError =>
  error(
    "InvalidSignatureException",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  );

/** The credential scope's date is not the date of X-Amz-Date. */
export const scopeDateMismatch = (scopeDate: string, amzDate: string): ServiceError =>
  error(
    "InvalidSignatureException",
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  );

/** The request was signed more than 5 minutes before `now`, or more than 5 minutes after it. */
export const signatureOutOfWindow = (signedAt: Date, now: Date): ServiceError => {
  const signed = formatAmzDate(signedAt);
  if (signedAt.getTime() < now.getTime()) {
    const earliest = formatAmzDate(new Date(now.getTime() - MAX_CLOCK_SKEW_MS));
    return error("InvalidSignatureException", `Signature expired: ${signed} is now earlier than ${earliest} (${formatAmzDate(now)} - 5 min.)`);
  }
  const latest = formatAmzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS));
  return error("InvalidSignatureException", `Signature not yet current: ${signed} is still later than ${latest} (${formatAmzDate(now)} + 5 min.)`);
};

/** The temporary credentials have expired. */
export const expiredToken = (): ServiceError =>
  error("ExpiredTokenException", "The security token included in the request is expired");
