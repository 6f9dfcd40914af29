/**
 * Caller identity *requests*: which kind of principal a call runs as, and the STS names that kind
 * needs. The harness turns a request into real credentials (IAM user key, root key, STS AssumeRole,
 * STS GetFederationToken); generators only say what to ask for.
 */
import fc from "fast-check";

/** A request for a caller identity; the harness obtains matching credentials. */
export type IdentityRequest =
  | { kind: "IAMUser" }
  | { kind: "Root" }
  | { kind: "AssumedRole"; sessionName: string }
  | { kind: "FederatedUser"; federatedName: string };

/** The identity kinds, in a stable order. */
export const IDENTITY_KINDS = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;

/** One identity kind. */
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * Characters STS accepts in RoleSessionName and in GetFederationToken's Name: `[\w+=,.@-]`.
 * Sources: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleSessionName)
 * and https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html (Name).
 */
export const STS_NAME_PATTERN = /^[\w+=,.@-]*$/;

const STS_NAME_CHARS = [
  ..."abcdefghijklmnopqrstuvwxyz",
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  ..."0123456789",
  ..."_+=,.@-",
];

/** Length limits of the STS names (same API reference pages as {@link STS_NAME_PATTERN}). */
export const STS_NAME_LIMITS = {
  /** AssumeRole RoleSessionName: 2..64. */
  roleSessionName: { min: 2, max: 64 },
  /** GetFederationToken Name: 2..32. */
  federatedName: { min: 2, max: 32 },
} as const;

/** A string over the STS name alphabet with a length in [min, max]. */
export function stsNameArbitrary(min: number, max: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...STS_NAME_CHARS), minLength: min, maxLength: max });
}

/** A valid AssumeRole RoleSessionName. */
export const roleSessionNameArbitrary: fc.Arbitrary<string> = stsNameArbitrary(
  STS_NAME_LIMITS.roleSessionName.min,
  STS_NAME_LIMITS.roleSessionName.max,
);

/** A valid GetFederationToken Name. */
export const federatedNameArbitrary: fc.Arbitrary<string> = stsNameArbitrary(
  STS_NAME_LIMITS.federatedName.min,
  STS_NAME_LIMITS.federatedName.max,
);

/** An identity request of exactly the given kind. */
export function identityOfKind(kind: IdentityKind): fc.Arbitrary<IdentityRequest> {
  switch (kind) {
    case "IAMUser":
      return fc.constant({ kind: "IAMUser" });
    case "Root":
      return fc.constant({ kind: "Root" });
    case "AssumedRole":
      return roleSessionNameArbitrary.map((sessionName) => ({ kind: "AssumedRole", sessionName }));
    case "FederatedUser":
      return federatedNameArbitrary.map((federatedName) => ({ kind: "FederatedUser", federatedName }));
  }
}

/** Any identity request, restricted to `kinds` (all four by default: a target may lack some). */
export function identityArbitrary(kinds: readonly IdentityKind[] = IDENTITY_KINDS): fc.Arbitrary<IdentityRequest> {
  if (kinds.length === 0) throw new Error("identityArbitrary needs at least one identity kind");
  return fc.oneof(...kinds.map((kind) => identityOfKind(kind)));
}

/** A short printable form: `AssumedRole(session-1)`, `Root`. */
export function describeIdentity(identity: IdentityRequest): string {
  switch (identity.kind) {
    case "AssumedRole":
      return `AssumedRole(${identity.sessionName})`;
    case "FederatedUser":
      return `FederatedUser(${identity.federatedName})`;
    default:
      return identity.kind;
  }
}
