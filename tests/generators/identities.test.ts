import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeIdentity, identityArbitrary, identityNamePool, identityOfKind, IDENTITY_KINDS, STS_NAME_LIMITS } from "../../generators/identities.js";

const STS_NAME = /^[\w+=,.@-]+$/;

describe("identity requests", () => {
  it("carry STS names within the documented charset and lengths", () => {
    fc.assert(
      fc.property(identityArbitrary(), (identity) => {
        if (identity.kind === "AssumedRole") {
          expect(identity.sessionName).toMatch(STS_NAME);
          expect(identity.sessionName.length).toBeGreaterThanOrEqual(2);
          expect(identity.sessionName.length).toBeLessThanOrEqual(64);
        } else if (identity.kind === "FederatedUser") {
          expect(identity.federatedName).toMatch(STS_NAME);
          expect(identity.federatedName.length).toBeGreaterThanOrEqual(2);
          expect(identity.federatedName.length).toBeLessThanOrEqual(32);
        } else {
          expect(Object.keys(identity)).toEqual(["kind"]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("cover all four kinds, and only the requested ones", () => {
    const kinds = new Set(fc.sample(identityArbitrary(), { numRuns: 200, seed: 1 }).map((i) => i.kind));
    expect(kinds).toEqual(new Set(IDENTITY_KINDS));
    const some = new Set(fc.sample(identityArbitrary(["Root", "IAMUser"]), { numRuns: 100, seed: 1 }).map((i) => i.kind));
    expect(some).toEqual(new Set(["Root", "IAMUser"]));
    expect(() => identityArbitrary([])).toThrow();
  });

  it("reach the length limits", () => {
    const lengths = fc.sample(identityOfKind("FederatedUser"), { numRuns: 2000, seed: 3 }).map((i) => (i.kind === "FederatedUser" ? i.federatedName.length : 0));
    expect(Math.min(...lengths)).toBe(2);
    expect(describeIdentity({ kind: "AssumedRole", sessionName: "s-1" })).toBe("AssumedRole(s-1)");
  });

  it("draw STS names from a run's pool: both length boundaries, every special character, seeded names", () => {
    const pool = identityNamePool(42);
    for (const [names, limits] of [[pool.sessionNames, STS_NAME_LIMITS.roleSessionName], [pool.federatedNames, STS_NAME_LIMITS.federatedName]] as const) {
      for (const name of names) expect(name).toMatch(STS_NAME);
      const lengths = names.map((n) => n.length);
      expect(Math.min(...lengths)).toBe(limits.min);
      expect(Math.max(...lengths)).toBe(limits.max);
      expect(names.some((n) => [..."_+=,.@-"].every((c) => n.includes(c)))).toBe(true);
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(names.length).toBeLessThanOrEqual(5);
    }
    expect(identityNamePool(42)).toEqual(pool);
    expect(identityNamePool(43).sessionNames).not.toEqual(pool.sessionNames);
    const drawn = fc.sample(identityArbitrary(IDENTITY_KINDS, pool), { numRuns: 500, seed: 5 });
    const sessions = new Set(drawn.flatMap((i) => (i.kind === "AssumedRole" ? [i.sessionName] : [])));
    const federated = new Set(drawn.flatMap((i) => (i.kind === "FederatedUser" ? [i.federatedName] : [])));
    expect(sessions).toEqual(new Set(pool.sessionNames));
    expect(federated).toEqual(new Set(pool.federatedNames));
  });
});
