/**
 * The history contract: one line of the run history per call (`ObservedCall`), and the invocation
 * line written before a call is sent. It belongs to neither side: the harness writes exactly these
 * shapes, the oracles read them, and both parse them with zod. Identity facts come from how the
 * credentials were obtained and from STS GetCallerIdentity, never from a CloudTrail record.
 */
import { z } from "zod";
import { SERVICE_IDS } from "../model/services.js";

/** The services the suite checks: Amazon Inspector Classic (`inspector`, 2016-02-16) and Amazon Inspector (`inspector2`, 2020-06-08). */
export const ServiceIdSchema = z.enum(SERVICE_IDS);
export type { ServiceId } from "../model/services.js";

/** Caller kinds the harness can produce (docs/targets.md: the identities). */
export const IdentityKindSchema = z.enum(["IAMUser", "Root", "AssumedRole", "FederatedUser"]);
/** Caller kinds the harness can produce. */
export type IdentityKind = z.infer<typeof IdentityKindSchema>;

/**
 * The expected caller, known before any record is read: from the credentials' origin and from
 * STS GetCallerIdentity (`Arn` -> callerArn, `UserId` -> callerUserId, `Account` -> accountId).
 */
export const ExpectedIdentitySchema = z.object({
  kind: IdentityKindSchema,
  /** 12-digit account that owns the principal (GetCallerIdentity Account). */
  accountId: z.string().regex(/^\d{12}$/),
  /** Access key id the call was signed with (AKIA… long-term, ASIA… temporary). Never the secret. */
  accessKeyId: z.string().min(1),
  /** GetCallerIdentity Arn: user, root, assumed-role or federated-user ARN. */
  callerArn: z.string().min(1),
  /** GetCallerIdentity UserId: AIDA… (user), account id (root), AROA…:session (role), account:name (federated). */
  callerUserId: z.string().min(1),
  /** IAM user name (IAMUser). */
  userName: z.string().min(1).optional(),
  /** Account alias of a Root caller, when one is set: CloudTrail then puts it in userName ("CloudTrail userIdentity element", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html). */
  accountAlias: z.string().min(1).optional(),
  /** True when the alias of a Root caller's account could not be read (IAM ListAccountAliases refused or failed): its userName is then not checked. */
  accountAliasUnknown: z.literal(true).optional(),
  /** IAM role ARN with its path, `arn:aws:iam::<acct>:role[/path]/<name>` (AssumedRole). */
  roleArn: z.string().min(1).optional(),
  /** IAM role name (AssumedRole). */
  roleName: z.string().min(1).optional(),
  /** RoleSessionName passed to AssumeRole (AssumedRole). */
  sessionName: z.string().min(1).optional(),
  /** Name passed to GetFederationToken (FederatedUser). */
  federatedName: z.string().min(1).optional(),
  /** ARN of the principal that called GetFederationToken (FederatedUser): a user ARN or the root ARN. */
  issuerArn: z.string().min(1).optional(),
  /** Unique id of that issuer: AIDA… for a user, the account id for root (FederatedUser). */
  issuerUserId: z.string().min(1).optional(),
  /** Kind of that issuer (FederatedUser). */
  issuerKind: z.enum(["IAMUser", "Root"]).optional(),
});
/** The expected caller of a call. */
export type ExpectedIdentity = z.infer<typeof ExpectedIdentitySchema>;

/** The call's error as the client received it. */
export const ObservedErrorSchema = z.object({
  /** Error type name, e.g. `InvalidInputException` (the JSON 1.1 `__type` without namespace). */
  code: z.string().min(1),
  message: z.string(),
  httpStatus: z.number().int().optional(),
});

/** Why a call's outcome is unknown: what happened instead of a complete answer of the service. */
export const UnknownCauseSchema = z.enum([
  /** The connection was refused: nothing reached any server (sentToService is false). */
  "refused",
  /** The connection was reset or closed before any answer arrived. */
  "reset",
  /** No complete answer before the call's deadline. */
  "timeout",
  /** Status and headers arrived, then the connection failed before the body's end. */
  "truncated",
  /** A complete answer that is not the service's: not a 2xx it could parse, nor an error in its error format (an HTML 5xx page from a gateway). */
  "foreign-answer",
  /** Any other failure without an answer. */
  "no-answer",
]);
/** Why a call's outcome is unknown. */
export type UnknownCause = z.infer<typeof UnknownCauseSchema>;

/** What arrived of the response, whatever the outcome: status and headers, and whether the body came whole. */
export const ObservedAnswerSchema = z.object({
  status: z.number().int(),
  /** Response headers as received, names lower-cased. */
  headers: z.record(z.string(), z.string()),
  /** False when the connection failed before the body's end. */
  complete: z.boolean(),
  /** Body bytes received (UTF-8). */
  bodyBytes: z.number().int().nonnegative(),
  /** For an unknown outcome: the start of the body that came instead of the service's answer (at most 512 characters). */
  received: z.string().optional(),
});
/** What arrived of a call's response. */
export type ObservedAnswer = z.infer<typeof ObservedAnswerSchema>;

/**
 * The HTTP request line of a rest-json call as sent (evidence for reports; the rules read `request`):
 * method, path with its percent-encoding, and the query string's values by key.
 */
export const ObservedHttpSchema = z.object({
  method: z.string().min(1),
  path: z.string().min(1),
  query: z.record(z.string(), z.array(z.string())),
  /** The request headers as sent, lower-cased, without `authorization` and `x-amz-security-token`. */
  headers: z.record(z.string(), z.string()).optional(),
  /** The request body as sent, as text ("" for none). */
  body: z.string().optional(),
});
/** The HTTP request of a rest-json call as sent: method, path, query string, headers and body. */
export type ObservedHttp = z.infer<typeof ObservedHttpSchema>;

/** ISO-8601 instant with an explicit zone, e.g. `2026-05-01T12:00:00.123Z`. */
const IsoInstant = z.iso.datetime({ offset: true });

/**
 * One line of the run history: one Inspector call as the harness made it.
 * `request`/`response` are the JSON bodies as sent/received on the wire (not SDK objects).
 */
export const ObservedCallSchema = z.object({
  /** Position of the call in the run, unique within a run. */
  seq: z.number().int().nonnegative(),
  /** The service called (histories written before there were two: Classic). */
  service: ServiceIdSchema.default("inspector"),
  /** Operation name, e.g. `CreateResourceGroup` (what eventName should say). */
  operation: z.string().min(1),
  identity: ExpectedIdentitySchema,
  /** Region the client was configured for (the SigV4 scope). */
  region: z.string().min(1),
  /**
   * What was sent, as the rules compare it with requestParameters. JSON 1.1 (Classic): the request
   * body as sent; null when the operation has no input shape. rest-json (v2): the input members by
   * member name, decoded from the path, query string, headers and body as sent, each in its model
   * type; null when the input has no members.
   */
  request: z.unknown().nullable(),
  /** The request line of a rest-json call, as sent. */
  http: ObservedHttpSchema.optional(),
  /** JSON response body as received on success (`{}` for a rest-json output without members); null on error or unknown outcome. */
  response: z.unknown().nullable(),
  /**
   * ok: a complete 2xx answer the SDK could read. error: an error answer in the service's error format
   * (a modelled error or any well-formed AWS error), or the SDK's refusal to send (sentToService false).
   * unknown: no complete answer of the service (refused, reset, timeout, truncated body, an answer that
   * is not the service's such as an HTML 5xx): the call may or may not have reached the service.
   */
  outcome: z.enum(["ok", "error", "unknown"]),
  error: ObservedErrorSchema.optional(),
  /** Why the outcome is unknown (only when it is). */
  unknownCause: UnknownCauseSchema.optional(),
  /** Status and headers of the response, when they arrived (for every outcome). */
  answer: ObservedAnswerSchema.optional(),
  /** `x-amzn-RequestId` of the response, when one was received. */
  requestId: z.string().min(1).optional(),
  /** False when the SDK rejected the call before sending anything. */
  sentToService: z.boolean(),
  /** When the SDK call started and ended (ISO). The record's eventTime must fall in between, give or take the skew. */
  startedAt: IsoInstant,
  endedAt: IsoInstant,
});
/** One line of the run history. */
export type ObservedCall = z.infer<typeof ObservedCallSchema>;

/**
 * A call as it is about to be sent: written to the history before the request goes out, so that a
 * run killed while a call was in flight still says which calls may have reached the service.
 */
export const InvocationSchema = z.object({
  seq: z.number().int().nonnegative(),
  service: ServiceIdSchema.default("inspector"),
  operation: z.string().min(1),
  /** Access key id the call is signed with (never the secret). */
  accessKeyId: z.string().min(1),
  startedAt: IsoInstant,
  /** When the call gives up waiting for an answer (its deadline): it cannot have been logged later than this, give or take the skew. */
  deadlineAt: IsoInstant,
});
/** A call about to be sent. */
export type Invocation = z.infer<typeof InvocationSchema>;
