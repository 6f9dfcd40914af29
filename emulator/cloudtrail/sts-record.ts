/**
 * Builds the CloudTrail record of an STS AssumeRole or GetFederationToken call, after the IAM user
 * guide's STS examples (iam-user-guide--cloudtrail-integration.md, "Example AWS STS API events";
 * fixtures/aws-examples iam-user-guide block03) and the user-identity page's responseElements snippet.
 */
import { randomUUID } from "node:crypto";
import type { StsCall } from "./sts-call.js";
import type { StsOutcome } from "./sts-response.js";
import type { CloudTrailRecord } from "./record-types.js";
import { stsRequestParameters } from "./sts-request-parameters.js";
import { userIdentityOf } from "./user-identity.js";
import { eventTimeOf, isoSeconds } from "./event-time.js";
import { EVENT_VERSION } from "./build-record.js";

/** `sts.amazonaws.com`: eventSource of every STS example record. */
export const STS_EVENT_SOURCE = "sts.amazonaws.com";

/**
 * The STS actions the emulator records. GetCallerIdentity is deliberately left out: none of the
 * sources we hold shows a GetCallerIdentity record, while the harness calls it around every identity
 * it provisions; recording it would add records the sources cannot tell us the shape of, to no rule's
 * benefit. (The IAM guide's sentence "CloudTrail logs all authenticated API requests … to IAM and AWS
 * STS API operations" suggests AWS does log it; a suite that filters by EventSource is unaffected.)
 */
export const RECORDED_STS_ACTIONS: ReadonlySet<string> = new Set(["AssumeRole", "GetFederationToken"]);

/** A resource named in an STS record (`resources`, as in the AssumeRole examples). */
export interface StsRecordResource {
  ARN: string;
  accountId: string;
  type: string;
}

/**
 * One CloudTrail record of an STS call: the fields of an Inspector record, with STS's eventSource,
 * its form parameters, the role as a resource, and no apiVersion (the IAM guide's examples have none).
 */
export interface StsRecord extends Omit<CloudTrailRecord, "eventSource" | "requestParameters" | "apiVersion"> {
  eventSource: "sts.amazonaws.com";
  requestParameters: Record<string, unknown>;
  resources?: StsRecordResource[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * `expiration` as STS records print it: `Jul 18, 2023, 4:07:39 PM` (IAM guide examples; 12-hour clock,
 * UTC: the example's eventTime 15:07:39Z with a one-hour session expires at 4:07:39 PM). Written by
 * hand because Intl's en-US output varies with the ICU version (U+202F before AM/PM in newer ones).
 */
export function stsExpirationText(date: Date): string {
  const h = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

function responseElementsOf(outcome: Extract<StsOutcome, { ok: true }>): Record<string, unknown> {
  const c = outcome.credentials;
  // Credentials without the secret access key, which AWS never logs (all examples).
  return {
    credentials: { accessKeyId: c.accessKeyId, sessionToken: c.sessionToken, expiration: stsExpirationText(c.expiration) },
    ...(outcome.assumedRoleUser ? { assumedRoleUser: { ...outcome.assumedRoleUser } } : {}),
    ...(outcome.federatedUser ? { federatedUser: { ...outcome.federatedUser } } : {}),
    ...(outcome.packedPolicySize !== undefined ? { packedPolicySize: outcome.packedPolicySize } : {}),
    ...(outcome.sourceIdentity !== undefined ? { sourceIdentity: outcome.sourceIdentity } : {}),
  };
}

/** The role of a successful AssumeRole, as the examples list it under `resources`. */
function roleResource(requestParameters: Record<string, unknown>): StsRecordResource[] | undefined {
  const arn = requestParameters["roleArn"];
  const account = typeof arn === "string" ? /^arn:aws[a-z-]*:iam::(\d{12}):role\/.+$/.exec(arn)?.[1] : undefined;
  return account !== undefined ? [{ ARN: arn as string, accountId: account, type: "AWS::IAM::Role" }] : undefined;
}

/** The record of `call` (action `action`, answered with `outcome`). */
export function buildStsRecord(call: StsCall, action: string, outcome: StsOutcome, newEventId: () => string = randomUUID): StsRecord {
  const { ctx } = call;
  const requestParameters = stsRequestParameters(call.form);
  const resources = outcome.ok && action === "AssumeRole" ? roleResource(requestParameters) : undefined;
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(ctx.principal),
    eventTime: isoSeconds(eventTimeOf(call.endedAt)),
    eventSource: STS_EVENT_SOURCE,
    eventName: action,
    awsRegion: ctx.region,
    sourceIPAddress: ctx.sourceIp,
    userAgent: ctx.userAgent,
    ...(outcome.ok ? {} : { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage }),
    requestParameters,
    // Failed calls: "responseElements" null (record-contents page; facts 6.1).
    responseElements: outcome.ok ? responseElementsOf(outcome) : null,
    // The STS response's RequestId (ResponseMetadata/RequestId, the same value as x-amzn-RequestId).
    requestID: ctx.requestId,
    eventID: newEventId(),
    // Both actions issue credentials: IAM access level Write, so not read-only.
    readOnly: false,
    ...(resources !== undefined ? { resources } : {}),
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ctx.principal.accountId,
    eventCategory: "Management",
  };
}
