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

/**
 * The STS names a run's sequences draw from. Every distinct name costs the harness an AssumeRole or
 * GetFederationToken, a GetCallerIdentity and a new SDK client (about 3 requests' worth, measured in
 * `npm run bench`), so a run uses a few names per kind instead of a new one per call: both length
 * boundaries, a name with every special character STS allows, and `random` names drawn from the seed.
 */
export interface IdentityNamePool {
  sessionNames: readonly string[];
  federatedNames: readonly string[];
}

/** Names per kind drawn from the seed, besides the boundary names. */
export const RANDOM_NAMES_PER_KIND = 3;

/** Stretches `text` to exactly `length` characters by repeating it. */
function toLength(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** The name pool of a run with `seed` (the same seed gives the same names, so replays reuse them). */
export function identityNamePool(seed: number, random = RANDOM_NAMES_PER_KIND): IdentityNamePool {
  const specials = "conformance_+=,.@-";
  const draw = (arb: fc.Arbitrary<string>) => (random > 0 ? fc.sample(arb, { seed, numRuns: random }) : []);
  const pool = (limits: { min: number; max: number }, arb: fc.Arbitrary<string>) => [
    ...new Set([toLength("s1", limits.min), toLength(specials, limits.max), ...draw(arb)]),
  ];
  return {
    sessionNames: pool(STS_NAME_LIMITS.roleSessionName, roleSessionNameArbitrary),
    federatedNames: pool(STS_NAME_LIMITS.federatedName, federatedNameArbitrary),
  };
}

/**
 * An identity request of exactly the given kind: STS names from `names` when given (shrinking
 * towards the first), otherwise any valid name.
 */
export function identityOfKind(kind: IdentityKind, names?: IdentityNamePool): fc.Arbitrary<IdentityRequest> {
  switch (kind) {
    case "IAMUser":
      return fc.constant({ kind: "IAMUser" });
    case "Root":
      return fc.constant({ kind: "Root" });
    case "AssumedRole":
      return (names !== undefined ? fc.constantFrom(...names.sessionNames) : roleSessionNameArbitrary).map((sessionName) => ({ kind: "AssumedRole", sessionName }));
    case "FederatedUser":
      return (names !== undefined ? fc.constantFrom(...names.federatedNames) : federatedNameArbitrary).map((federatedName) => ({ kind: "FederatedUser", federatedName }));
  }
}

/** Any identity request, restricted to `kinds` (all four by default: a target may lack some); STS names from `names` when given. */
export function identityArbitrary(kinds: readonly IdentityKind[] = IDENTITY_KINDS, names?: IdentityNamePool): fc.Arbitrary<IdentityRequest> {
  if (kinds.length === 0) throw new Error("identityArbitrary needs at least one identity kind");
  return fc.oneof(...kinds.map((kind) => identityOfKind(kind, names)));
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
