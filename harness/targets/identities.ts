/**
 * Turns an identity kind into credentials and the identity the oracles must expect, the way a user
 * would obtain them: the base (IAM user) key, a root key, STS AssumeRole, STS GetFederationToken.
 * Every expected field comes from how the credentials were obtained, from STS GetCallerIdentity
 * called with those credentials and, for Root, from the account alias the target reports (IAM
 * ListAccountAliases on a remote target); never from a record. Every STS call has a deadline, and an
 * STS failure makes the kind `na` with the error code and message. A target may be stricter than STS
 * (IdentityRestrictions: the aws target): what it refuses is `na` with its reason.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand, type STSClient } from "@aws-sdk/client-sts";
import type { ExpectedIdentity, IdentityKind } from "../../history/observed-call.js";
import type { Credentials, IdentityAvailability } from "./target.js";
import { withDeadline } from "./deadline.js";
import { describeSdkError, formatSdkFailure } from "./sdk-error.js";

/** Where a provisioner gets its credentials from; each target supplies one. */
export interface IdentitySources {
  /** An STS client signed with `credentials`. */
  sts(credentials: Credentials): STSClient;
  /** The base credentials (the run's IAM user); rejects with a readable error when there are none. */
  base(): Promise<Credentials>;
  /** Root credentials, or why there are none. */
  root(): Promise<Credentials | { na: string }>;
  /** Role assumed for AssumedRole (config.roleArn, or the emulator's DEFAULT_ROLE_ARN), or why there is none. */
  roleArn: string | { na: string };
  /** Deadline of every STS call, in ms. */
  callTimeoutMs: number;
  /**
   * The alias of `accountId` read with `credentials` (CloudTrail puts it in a Root record's userName:
   * "userName … the account alias if one is set", CloudTrail userIdentity element). Resolves
   * undefined when the account has none; rejects when it cannot be read, and the provisioner then
   * tries the base credentials, and else expects no alias.
   */
  accountAlias?(accountId: string, credentials: Credentials): Promise<string | undefined>;
  /** What this target refuses although STS would allow it; default none. */
  restrictions?: IdentityRestrictions;
}

/** A target's refusals beyond STS's own rules; each sentence is the `na` reason. */
export interface IdentityRestrictions {
  /** When set, base credentials of the root user do not stand for Root (Root comes from `root()` only). */
  baseRootIsNotRoot?: string;
  /** When set, FederatedUser is obtained only from base credentials of an IAM user, not of the root user. */
  federationFromIamUserOnly?: string;
}

/** Default RoleSessionName and federated user name when the caller gives none. */
export const DEFAULT_SESSION_NAME = "conformance-session";
/** Default GetFederationToken Name (2..32 characters, API_GetFederationToken.html). */
export const DEFAULT_FEDERATED_NAME = "conformance-federated";

/**
 * Session policy passed to GetFederationToken: without one the federated user has no permissions
 * ("You must pass an inline or managed session policy", https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html).
 * It allows both Inspectors (`inspector:*` for Classic, `inspector2:*` for v2, whose actions AWS's
 * service authorization reference lists under the prefix inspector2) and the collector's
 * LookupEvents; a session policy only narrows the IAM user's own permissions, it grants nothing the
 * user lacks ("The resulting session's permissions are the intersection of the user's identity-based
 * policy and the session policies", same page).
 */
export const FEDERATION_SESSION_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["inspector:*", "inspector2:*", "cloudtrail:LookupEvents"], Resource: "*" }],
});

/** GetCallerIdentity's answer. */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** The kind of principal an ARN from GetCallerIdentity names, or undefined for anything else. */
export function callerKindOf(arn: string): IdentityKind | undefined {
  if (/^arn:aws[a-z-]*:iam::\d{12}:root$/.test(arn)) return "Root";
  if (/^arn:aws[a-z-]*:iam::\d{12}:user\/.+/.test(arn)) return "IAMUser";
  if (/^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/.+\/.+/.test(arn)) return "AssumedRole";
  if (/^arn:aws[a-z-]*:sts::\d{12}:federated-user\/.+/.test(arn)) return "FederatedUser";
  return undefined;
}

/** Last path segment of an IAM ARN's resource: the user or role name without its path. */
function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

class NotAvailable extends Error {}

/** The account alias could not be read (ListAccountAliases refused or failed). */
const UNREAD = Symbol("alias unread");

/** Provisions identities for one target, caching each by (kind, name). */
export class IdentityProvisioner {
  private readonly cache = new Map<string, Promise<IdentityAvailability>>();
  private baseCaller: Promise<{ credentials: Credentials; caller: CallerIdentity }> | undefined;

  constructor(private readonly sources: IdentitySources) {}

  /** Provisions `kind` (name: RoleSessionName or federated user name), or says why it is `na`. */
  provision(kind: IdentityKind, name?: string): Promise<IdentityAvailability> {
    const key = `${kind}\u0000${name ?? ""}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = this.obtain(kind, name).catch((err: unknown) => ({ kind, status: "na" as const, reason: err instanceof NotAvailable ? err.message : `${kind}: ${String(err)}` }));
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** GetCallerIdentity with `credentials`, under the STS deadline. */
  async callerIdentity(credentials: Credentials): Promise<CallerIdentity> {
    const out = await this.sts(`GetCallerIdentity`, (signal) => this.sources.sts(credentials).send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
    if (out.Account === undefined || out.Arn === undefined || out.UserId === undefined) {
      throw new NotAvailable(`STS GetCallerIdentity answered without Account, Arn or UserId: ${JSON.stringify({ Account: out.Account, Arn: out.Arn, UserId: out.UserId })}`);
    }
    return { account: out.Account, arn: out.Arn, userId: out.UserId };
  }

  private async sts<T>(what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(this.sources.callTimeoutMs, `STS ${what}`, fn);
    } catch (err) {
      throw new NotAvailable(`STS ${what} failed: ${formatSdkFailure(describeSdkError(err))}`);
    }
  }

  private base(): Promise<{ credentials: Credentials; caller: CallerIdentity }> {
    this.baseCaller ??= (async () => {
      let credentials: Credentials;
      try {
        credentials = await this.sources.base();
      } catch (err) {
        throw new NotAvailable(`no base credentials: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { credentials, caller: await this.callerIdentity(credentials) };
    })();
    // A failed lookup is not cached for ever: the next provision tries again.
    this.baseCaller.catch(() => (this.baseCaller = undefined));
    return this.baseCaller;
  }

  private async obtain(kind: IdentityKind, name: string | undefined): Promise<IdentityAvailability> {
    switch (kind) {
      case "IAMUser":
        return this.iamUser();
      case "Root":
        return this.root();
      case "AssumedRole":
        return this.assumedRole(name ?? DEFAULT_SESSION_NAME);
      case "FederatedUser":
        return this.federatedUser(name ?? DEFAULT_FEDERATED_NAME);
    }
  }

  private async iamUser(): Promise<IdentityAvailability> {
    const { credentials, caller } = await this.base();
    if (callerKindOf(caller.arn) !== "IAMUser") {
      return { kind: "IAMUser", status: "na", reason: `the base credentials are ${caller.arn}, not an IAM user (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE to an IAM user's access key)` };
    }
    const expected: ExpectedIdentity = {
      kind: "IAMUser",
      accountId: caller.account,
      accessKeyId: credentials.accessKeyId,
      callerArn: caller.arn,
      callerUserId: caller.userId,
      userName: lastSegment(caller.arn),
    };
    return { kind: "IAMUser", status: "available", identity: { kind: "IAMUser", credentials, expected } };
  }

  private async root(): Promise<IdentityAvailability> {
    let credentials: Credentials;
    let caller: CallerIdentity;
    const base = await this.base().catch(() => undefined);
    const baseIsRoot = base !== undefined && callerKindOf(base.caller.arn) === "Root";
    const refusal = this.sources.restrictions?.baseRootIsNotRoot;
    if (baseIsRoot && refusal === undefined) {
      ({ credentials, caller } = base);
    } else {
      const root = await this.sources.root();
      if ("na" in root) {
        return { kind: "Root", status: "na", reason: baseIsRoot ? `${root.na}; the base credentials are ${base.caller.arn}: ${refusal}` : root.na };
      }
      credentials = root;
      caller = await this.callerIdentity(credentials);
      if (callerKindOf(caller.arn) !== "Root") {
        return { kind: "Root", status: "na", reason: `the root credentials given are ${caller.arn}, not an account's root user` };
      }
    }
    const alias = await this.accountAlias(caller.account, credentials);
    const expected: ExpectedIdentity = {
      kind: "Root",
      accountId: caller.account,
      accessKeyId: credentials.accessKeyId,
      callerArn: caller.arn,
      callerUserId: caller.userId,
      ...(alias === UNREAD ? { accountAliasUnknown: true as const } : alias !== undefined ? { accountAlias: alias } : {}),
    };
    return { kind: "Root", status: "available", identity: { kind: "Root", credentials, expected } };
  }

  /**
   * The account alias read with the root credentials, else with the base credentials of the same
   * account; undefined when the account has none (or the target cannot say), UNREAD when neither
   * could read it (Root's userName is then not checked).
   */
  private async accountAlias(accountId: string, rootCredentials: Credentials): Promise<string | undefined | typeof UNREAD> {
    const read = this.sources.accountAlias;
    if (read === undefined) return undefined;
    try {
      return await read(accountId, rootCredentials);
    } catch {
      const base = await this.base().catch(() => undefined);
      if (base === undefined || base.caller.account !== accountId || base.credentials.accessKeyId === rootCredentials.accessKeyId) return UNREAD;
      return read(accountId, base.credentials).catch(() => UNREAD);
    }
  }

  private async assumedRole(sessionName: string): Promise<IdentityAvailability> {
    const roleArn = this.sources.roleArn;
    if (typeof roleArn !== "string") return { kind: "AssumedRole", status: "na", reason: roleArn.na };
    const { credentials: base } = await this.base();
    const out = await this.sts(`AssumeRole(${roleArn}, ${sessionName})`, (signal) =>
      this.sources.sts(base).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }), { abortSignal: signal }),
    );
    const credentials = temporary(out.Credentials, "AssumeRole");
    const caller = await this.callerIdentity(credentials);
    const expected: ExpectedIdentity = {
      kind: "AssumedRole",
      accountId: caller.account,
      accessKeyId: credentials.accessKeyId,
      callerArn: caller.arn,
      callerUserId: caller.userId,
      roleArn,
      roleName: lastSegment(roleArn),
      sessionName,
    };
    return { kind: "AssumedRole", status: "available", identity: { kind: "AssumedRole", credentials, expected } };
  }

  private async federatedUser(federatedName: string): Promise<IdentityAvailability> {
    const { credentials: base, caller: issuer } = await this.base();
    const issuerKind = callerKindOf(issuer.arn);
    if (issuerKind !== "IAMUser" && issuerKind !== "Root") {
      return { kind: "FederatedUser", status: "na", reason: `GetFederationToken must be called by an IAM user or root; the base credentials are ${issuer.arn}` };
    }
    const iamUserOnly = this.sources.restrictions?.federationFromIamUserOnly;
    if (issuerKind === "Root" && iamUserOnly !== undefined) {
      return { kind: "FederatedUser", status: "na", reason: `${iamUserOnly}; the base credentials are ${issuer.arn}` };
    }
    const out = await this.sts(`GetFederationToken(${federatedName})`, (signal) =>
      this.sources.sts(base).send(new GetFederationTokenCommand({ Name: federatedName, Policy: FEDERATION_SESSION_POLICY }), { abortSignal: signal }),
    );
    const credentials = temporary(out.Credentials, "GetFederationToken");
    const caller = await this.callerIdentity(credentials);
    const expected: ExpectedIdentity = {
      kind: "FederatedUser",
      accountId: caller.account,
      accessKeyId: credentials.accessKeyId,
      callerArn: caller.arn,
      callerUserId: caller.userId,
      federatedName,
      issuerArn: issuer.arn,
      issuerUserId: issuer.userId,
      issuerKind,
    };
    return { kind: "FederatedUser", status: "available", identity: { kind: "FederatedUser", credentials, expected } };
  }
}

function temporary(
  c: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined,
  operation: string,
): Credentials {
  if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined) {
    throw new NotAvailable(`STS ${operation} answered without complete Credentials`);
  }
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
