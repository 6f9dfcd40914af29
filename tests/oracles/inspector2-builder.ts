/**
 * A small builder of faithful Amazon Inspector (v2) (call, record) pairs for the oracle tests,
 * written from AWS's documents (CloudTrail's general rules for a rest-json service) and not from the
 * oracles' own table: the read class is computed here from the operation's name, so the tests
 * cross-check the oracles' written-out table.
 */
import fc from "fast-check";
import { hasEmptyInput, hasEmptyOutput } from "../../model/http-bindings.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import type { IdentityKind, ObservedCall } from "../../history/observed-call.js";
import { oracleContext, type OracleContext } from "../../oracles/context.js";
import { versionAtLeast } from "../../oracles/event-version.js";
import { ACCOUNT, identityOf, REGION, userIdentityOf } from "./record-builder.js";

/** v2 records' eventSource (EventBridge reference for Amazon Inspector events). */
export const V2_SOURCE = "inspector2.amazonaws.com";
/** apiVersion a v2 record is expected to carry (the model's; UNVERIFIED). */
export const V2_API_VERSION = "2020-06-08";
/** A v2 filter ARN of the test account. */
export const FILTER_ARN = `arn:aws:inspector2:${REGION}:${ACCOUNT}:owner/${ACCOUNT}/filter/abc123`;

/** The read class by name (facts: List, Get, Describe, BatchGet, Search). */
export const isReadByName = (operation: string): boolean => /^(List|Get|Describe|BatchGet|Search)/.test(operation);

/** Requests as the harness records them (input members by member name) for the operations the tests name. */
const REQUESTS: Readonly<Record<string, Record<string, unknown>>> = {
  TagResource: { resourceArn: FILTER_ARN, tags: { team: "red" } },
  UntagResource: { resourceArn: FILTER_ARN, tagKeys: ["team", "owner"] },
  ListTagsForResource: { resourceArn: FILTER_ARN },
  GetEncryptionKey: { scanType: "PACKAGE", resourceType: "AWS_EC2_INSTANCE" },
  CreateFilter: { action: "SUPPRESS", name: "quiet", filterCriteria: { severity: [{ comparison: "EQUALS", value: "LOW" }] } },
  ListFindings: { maxResults: 10 },
  ListCodeSecurityIntegrations: { maxResults: 5, nextToken: "t1" },
};

/** Responses as received for the operations the tests name (others get a generic body). */
const RESPONSES: Readonly<Record<string, Record<string, unknown>>> = {
  ListTagsForResource: { tags: { team: "red" } },
  CreateFilter: { arn: FILTER_ARN },
  ListFindings: { findings: [] },
  GetEncryptionKey: { kmsKeyId: "arn:aws:kms:us-west-2:111122223333:key/1234" },
};

/** What a built v2 pair varies. */
export interface V2Spec {
  operation: string;
  outcome?: "ok" | "error";
  kind?: IdentityKind;
  eventVersion?: string;
  seq?: number;
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  error?: { code: string; message: string; httpStatus: number };
}

/** A v2 call, its faithful record and a v2-scoped context (as the harness builds for its v2 part). */
export interface V2Pair {
  call: ObservedCall;
  record: Record<string, unknown>;
  ctx: OracleContext;
}

/** Builds a faithful v2 pair. */
export function buildV2Pair(spec: V2Spec): V2Pair {
  const { operation } = spec;
  const seq = spec.seq ?? 1;
  const ok = (spec.outcome ?? "ok") === "ok";
  const identity = identityOf(spec.kind ?? "IAMUser");
  const request = hasEmptyInput(inspector2Model, operation) ? null : (spec.request ?? REQUESTS[operation] ?? { maxResults: 10 });
  const emptyOutput = hasEmptyOutput(inspector2Model, operation);
  const response = ok ? (emptyOutput ? {} : (spec.response ?? RESPONSES[operation] ?? { nextToken: "n1" })) : null;
  const error = spec.error ?? { code: "ValidationException", message: "1 validation error detected", httpStatus: 400 };
  const requestId = `11111111-0000-4000-8000-${String(seq).padStart(12, "0")}`;
  const call: ObservedCall = {
    service: "inspector2", seq, operation, identity, region: REGION, request, response,
    outcome: ok ? "ok" : "error", ...(ok ? {} : { error }),
    requestId, sentToService: true,
    startedAt: "2026-05-01T12:00:00.250Z", endedAt: "2026-05-01T12:00:01.100Z",
  };
  const v = spec.eventVersion ?? "1.11";
  const read = isReadByName(operation);
  const record: Record<string, unknown> = {
    eventVersion: v,
    userIdentity: userIdentityOf(identity),
    eventTime: "2026-05-01T12:00:01Z",
    eventSource: V2_SOURCE,
    eventName: operation,
    awsRegion: REGION,
    sourceIPAddress: "192.0.2.10",
    userAgent: "aws-sdk-js/3.1085.0 ua/2.1 os/linux",
    ...(ok ? {} : { errorCode: error.code, errorMessage: error.message }),
    // Copies: an edit of the record must not reach the call.
    requestParameters: structuredClone(request),
    responseElements: ok && !read && !emptyOutput ? structuredClone(response) : null,
    requestID: requestId,
    eventID: `6a1b2c3d-1b2d-4c3e-9f4a-${String(seq).padStart(12, "0")}`,
    readOnly: read,
    eventType: "AwsApiCall",
    apiVersion: V2_API_VERSION,
    ...(versionAtLeast(v, "1.06") ? { managementEvent: true } : {}),
    recipientAccountId: ACCOUNT,
    ...(versionAtLeast(v, "1.07") ? { eventCategory: "Management" } : {}),
  };
  return { call, record, ctx: oracleContext(ACCOUNT, { eventSource: V2_SOURCE, lookupEventSource: V2_SOURCE }) };
}

/** Arbitrary faithful v2 pairs over every operation, outcome, identity kind and eventVersion. */
export const v2PairArb: fc.Arbitrary<V2Pair> = fc
  .record({
    operation: fc.constantFrom(...INSPECTOR2_OPERATIONS),
    outcome: fc.constantFrom<"ok" | "error">("ok", "error"),
    kind: fc.constantFrom<IdentityKind>("IAMUser", "Root", "AssumedRole", "FederatedUser"),
    eventVersion: fc.constantFrom("1.05", "1.08", "1.09", "1.10", "1.11"),
    seq: fc.nat({ max: 10_000 }),
    error: fc.record({
      code: fc.constantFrom("AccessDeniedException", "ValidationException", "ResourceNotFoundException", "ServiceQuotaExceededException"),
      message: fc.string({ maxLength: 40 }),
      httpStatus: fc.constantFrom(400, 402, 403, 404),
    }),
  })
  .map((spec) => buildV2Pair(spec));
