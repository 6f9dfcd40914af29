/**
 * What an oracle sees of one call: a line of the run history, and the context the rules need.
 * The harness writes exactly `ObservedCall` (one JSON line per call); the oracles parse it with zod.
 * Identity facts come from how the credentials were obtained and from STS GetCallerIdentity,
 * never from a CloudTrail record (DESIGN.md "identities").
 */
import { z } from "zod";

/** Caller kinds the harness can produce (DESIGN.md "identities"). */
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
  /** Account alias of a Root caller, when one is set: CloudTrail then puts it in userName (facts §3.3). */
  accountAlias: z.string().min(1).optional(),
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

/** ISO-8601 instant with an explicit zone, e.g. `2026-05-01T12:00:00.123Z`. */
const IsoInstant = z.iso.datetime({ offset: true });

/**
 * One line of the run history: one Inspector call as the harness made it.
 * `request`/`response` are the JSON bodies as sent/received on the wire (not SDK objects).
 */
export const ObservedCallSchema = z.object({
  /** Position of the call in the run, unique within a run. */
  seq: z.number().int().nonnegative(),
  /** Inspector operation name, e.g. `CreateResourceGroup` (what eventName should say). */
  operation: z.string().min(1),
  identity: ExpectedIdentitySchema,
  /** Region the client was configured for (the SigV4 scope). */
  region: z.string().min(1),
  /** JSON request body as sent on the wire; null when the operation has no input shape. */
  request: z.unknown().nullable(),
  /** JSON response body as received on success; null on error or unknown outcome. */
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
  operation: z.string().min(1),
  /** Access key id the call is signed with (never the secret). */
  accessKeyId: z.string().min(1),
  startedAt: IsoInstant,
  /** When the call gives up waiting for an answer (its deadline): it cannot have been logged later than this, give or take the skew. */
  deadlineAt: IsoInstant,
});
/** A call about to be sent. */
export type Invocation = z.infer<typeof InvocationSchema>;

/** Which wording of the Inspector logging note applies (facts §1.3): 2020 (default) or 2017. */
export const RulesEditionSchema = z.enum(["2020", "2017"]);
/** Which wording of the Inspector logging note applies. */
export type RulesEdition = z.infer<typeof RulesEditionSchema>;

/** Tolerance on eventTime against the call window: 5 s, stated here and in every report. */
export const DEFAULT_CLOCK_SKEW_MS = 5000;

/** Inspector Classic's eventSource (facts §1.1, from the AWS example records). */
export const INSPECTOR_EVENT_SOURCE = "inspector.amazonaws.com";

/** Everything the rules need besides the call and the record. */
export interface OracleContext {
  rulesEdition: RulesEdition;
  /** Allowed clock difference between the harness and CloudTrail, in ms. */
  clockSkewMs: number;
  /** The account the calls were made in: the expected recipientAccountId. */
  accountId: string;
  /** Expected eventSource, `inspector.amazonaws.com` by default. */
  eventSource: string;
  /**
   * The EventSource lookup attribute the records were collected with (LookupEvents), if any: a
   * returned record of another source means the filter was ignored. Unset for trail files, which
   * hold every source.
   */
  lookupEventSource?: string;
  /**
   * Access keys of the whole run, when the calls checked are only a part of it (a chunk of a long
   * deferred run): a record of one of these keys that no call claims is an extra record even if no
   * call of this part used the key.
   */
  runAccessKeys?: ReadonlySet<string>;
  /**
   * Seqs of calls whose records could not be read because the collector failed (LookupEvents
   * refused, hanging, 5xx): a missing record of theirs is no finding; they are unknown, not missing.
   */
  uncollected?: ReadonlySet<number>;
  /**
   * Calls that were sent and never finished because the run was killed (an invocation line without
   * its call line): a record no call claims that one of them could have made is advisory.
   */
  interrupted?: readonly Invocation[];
}

/** An OracleContext with the stated defaults (edition 2020, 5 s skew, inspector.amazonaws.com). */
export function oracleContext(accountId: string, overrides: Partial<OracleContext> = {}): OracleContext {
  return {
    rulesEdition: "2020",
    clockSkewMs: DEFAULT_CLOCK_SKEW_MS,
    eventSource: INSPECTOR_EVENT_SOURCE,
    accountId,
    ...overrides,
  };
}
