/**
 * A small builder of conforming (call, record) pairs for the oracle tests, written from AWS's
 * documents independently of the emulator (docs/architecture.md: the emulator and the oracles share nothing but neutral data), and fast-check arbitraries over it.
 */
import fc from "fast-check";
import { LOGGING_TABLE, expectedResponseElements, operationLogging } from "../../oracles/logging-mode.js";
import type { ExpectedIdentity, IdentityKind, ObservedCall } from "../../history/observed-call.js";
import type { OracleContext, RulesEdition } from "../../oracles/context.js";
import { oracleContext } from "../../oracles/context.js";
import { EXPECTED_API_VERSION } from "../../oracles/correlated-rule.js";
import { versionAtLeast } from "../../oracles/event-version.js";

/** The account every built call runs in. */
export const ACCOUNT = "111122223333";
/** Region of every built call. */
export const REGION = "us-west-2";

/** A stated identity of each kind, as the harness would know it from STS. */
export function identityOf(kind: IdentityKind, alias?: string): ExpectedIdentity {
  switch (kind) {
    case "IAMUser":
      return { kind, accountId: ACCOUNT, accessKeyId: "AKIAIOSFODNN7EXAMPLE", callerArn: `arn:aws:iam::${ACCOUNT}:user/Alice`, callerUserId: "AIDACKCEVSQ6C2EXAMPLE", userName: "Alice" };
    case "Root":
      return { kind, accountId: ACCOUNT, accessKeyId: "AKIAROOTROOTEXAMPLE0", callerArn: `arn:aws:iam::${ACCOUNT}:root`, callerUserId: ACCOUNT, ...(alias ? { accountAlias: alias } : {}) };
    case "AssumedRole":
      return {
        kind, accountId: ACCOUNT, accessKeyId: "ASIAQRSTUVWXYZEXAMPL",
        callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/run-42`, callerUserId: "AROAIN5ATK5U7KEXAMPLE:run-42",
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ops/Auditor`, roleName: "Auditor", sessionName: "run-42",
      };
    case "FederatedUser":
      return {
        kind, accountId: ACCOUNT, accessKeyId: "ASIAFEDFEDFEDEXAMPLE",
        callerArn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`, callerUserId: `${ACCOUNT}:bob`, federatedName: "bob",
        issuerArn: `arn:aws:iam::${ACCOUNT}:user/Alice`, issuerUserId: "AIDACKCEVSQ6C2EXAMPLE", issuerKind: "IAMUser",
      };
  }
}

/** The userIdentity CloudTrail documents for an identity (the userIdentity element page and its example records). */
export function userIdentityOf(id: ExpectedIdentity): Record<string, unknown> {
  const base = { type: id.kind, principalId: "", arn: id.callerArn, accountId: id.accountId, accessKeyId: id.accessKeyId };
  const attributes = { creationDate: "2026-05-01T11:59:00Z", mfaAuthenticated: "false" };
  switch (id.kind) {
    case "IAMUser":
      return { ...base, principalId: id.callerUserId, userName: id.userName };
    case "Root":
      return { ...base, principalId: id.accountId, ...(id.accountAlias ? { userName: id.accountAlias } : {}) };
    case "AssumedRole":
      return {
        ...base, principalId: id.callerUserId,
        sessionContext: {
          sessionIssuer: { type: "Role", principalId: id.callerUserId.split(":")[0], arn: id.roleArn, accountId: id.accountId, userName: id.roleName },
          webIdFederationData: {}, attributes,
        },
      };
    case "FederatedUser":
      return {
        ...base, principalId: `${id.accountId}:${id.federatedName}`,
        sessionContext: {
          sessionIssuer: { type: "IAMUser", principalId: id.issuerUserId, arn: id.issuerArn, accountId: id.accountId, userName: "Alice" },
          attributes,
        },
      };
  }
}

/** What a built pair varies. */
export interface PairSpec {
  kind: IdentityKind;
  operation: string;
  outcome: "ok" | "error";
  edition: RulesEdition;
  eventVersion: string;
  seq?: number;
  /** Request body (ignored for the no-input operation). */
  request?: Record<string, unknown>;
  /** Response body for a successful call with output. */
  response?: Record<string, unknown>;
  alias?: string;
}

/** A call, its conforming record and the context, all consistent with each other. */
export interface Pair {
  call: ObservedCall;
  record: Record<string, unknown>;
  ctx: OracleContext;
  spec: PairSpec;
}

/** Builds a conforming pair from a spec. */
export function buildPair(spec: PairSpec): Pair {
  const row = operationLogging(spec.operation);
  if (!row) throw new Error(`unknown operation ${spec.operation}`);
  const seq = spec.seq ?? 1;
  const identity = identityOf(spec.kind, spec.alias);
  const request = row.noInput ? null : (spec.request ?? { resourceArn: `arn:aws:inspector:${REGION}:${ACCOUNT}:target/0-ABcQzlXc` });
  const ok = spec.outcome === "ok";
  const response = ok ? (row.emptyOutput ? {} : (spec.response ?? { nextToken: "abc" })) : null;
  const requestId = `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`;
  const call: ObservedCall = {
    service: "inspector",
    seq, operation: spec.operation, identity, region: REGION, request, response,
    outcome: spec.outcome,
    ...(ok ? {} : { error: { code: "InvalidInputException", message: "Invalid ARN", httpStatus: 400 } }),
    requestId, sentToService: true,
    startedAt: "2026-05-01T12:00:00.250Z", endedAt: "2026-05-01T12:00:01.100Z",
  };
  const v = spec.eventVersion;
  const record: Record<string, unknown> = {
    eventVersion: v,
    userIdentity: userIdentityOf(identity),
    eventTime: "2026-05-01T12:00:01Z",
    eventSource: "inspector.amazonaws.com",
    eventName: spec.operation,
    awsRegion: REGION,
    sourceIPAddress: "192.0.2.10",
    userAgent: "aws-sdk-js/3.523.0 ua/2.0 os/linux",
    ...(ok ? {} : { errorCode: "InvalidInputException", errorMessage: "Invalid ARN" }),
    requestParameters: request,
    responseElements: ok && expectedResponseElements(row, spec.edition) === "response" ? response : null,
    requestID: requestId,
    eventID: `5f0c3a9e-1b2d-4c3e-9f4a-${String(seq).padStart(12, "0")}`,
    readOnly: row.readOnly,
    eventType: "AwsApiCall",
    apiVersion: EXPECTED_API_VERSION,
    ...(versionAtLeast(v, "1.06") ? { managementEvent: true } : {}),
    recipientAccountId: ACCOUNT,
    ...(versionAtLeast(v, "1.07") ? { eventCategory: "Management" } : {}),
  };
  return { call, record, ctx: oracleContext(ACCOUNT, { rulesEdition: spec.edition }), spec };
}

/** eventVersions the builder writes (1.03 is the Inspector example's; 1.11 is current). */
export const VERSIONS = ["1.03", "1.04", "1.05", "1.06", "1.07", "1.08", "1.09", "1.10", "1.11"] as const;

const jsonLeaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
const body = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 3 })), { minKeys: 1, maxKeys: 4 });

/** Arbitrary conforming pairs over every identity kind, operation, outcome, edition and version. */
export const pairArb: fc.Arbitrary<Pair> = fc
  .record({
    kind: fc.constantFrom<IdentityKind>("IAMUser", "Root", "AssumedRole", "FederatedUser"),
    operation: fc.constantFrom(...LOGGING_TABLE.map((r) => r.operation)),
    outcome: fc.constantFrom<"ok" | "error">("ok", "error"),
    edition: fc.constantFrom<RulesEdition>("2020", "2017"),
    eventVersion: fc.constantFrom(...VERSIONS),
    seq: fc.nat({ max: 10_000 }),
    request: body,
    response: body,
    alias: fc.option(fc.constantFrom("my-org-prod"), { nil: undefined }),
  })
  .map((spec) => buildPair(spec));
