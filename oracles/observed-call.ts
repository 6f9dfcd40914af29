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
  /** ok: 2xx received; error: a service error received; unknown: no answer (timeout, connection lost). */
  outcome: z.enum(["ok", "error", "unknown"]),
  error: ObservedErrorSchema.optional(),
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
