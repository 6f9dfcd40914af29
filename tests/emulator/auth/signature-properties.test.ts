/**
 * Properties of SigV4 verification over arbitrary requests: what the SDK signer signs, the
 * Authenticator accepts; any change to a signed part (body, path, query, signed header) is refused.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY, defaultAccountDirectory } from "../../../emulator/accounts/index.js";
import { Authenticator, seededRandom, SessionStore } from "../../../emulator/auth/index.js";
import type { WireRequest } from "../../../emulator/core/types.js";
import { signed } from "./signing.js";

const NOW = new Date("2026-05-01T12:00:00Z");
const auth = new Authenticator(defaultAccountDirectory(), new SessionStore(), () => NOW);

const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const requestArb = fc.record({
  region: fc.constantFrom("us-east-1", "us-west-2", "eu-west-1", "ap-northeast-2"),
  path: fc.array(segment, { maxLength: 3 }).map((s) => `/${s.join("/")}`),
  query: fc.array(fc.tuple(segment, fc.string({ maxLength: 8 })), { maxLength: 3 }),
  body: fc.string({ maxLength: 200 }),
  target: segment,
  skewSeconds: fc.integer({ min: -300, max: 300 }),
});

function build(r: { region: string; path: string; query: [string, string][]; body: string; target: string }): WireRequest {
  const q = new URLSearchParams(r.query).toString();
  return {
    method: "POST",
    url: `https://inspector.${r.region}.amazonaws.com${r.path}${q ? `?${q}` : ""}`,
    headers: { host: `inspector.${r.region}.amazonaws.com`, "content-type": "application/x-amz-json-1.1", "x-amz-target": `InspectorService.${r.target}` },
    body: r.body,
    sourceIp: "127.0.0.1",
  };
}

describe("SigV4 verification properties", () => {
  // The example is a counterexample fast-check found: a query key named like an Object.prototype member.
  const prototypeKey = { region: "us-east-1" as const, path: "/", query: [["valueOf", ""]] as [string, string][], body: "", target: ".", skewSeconds: 0 };
  test.prop([requestArb], { numRuns: 60, examples: [[prototypeKey]] })("accepts every request the SDK signer signed within the skew window", async (r) => {
    const req = await signed(build(r), DEFAULT_USER_ACCESS_KEY, new Date(NOW.getTime() + r.skewSeconds * 1000), "inspector", r.region);
    const outcome = await auth.authenticate(req);
    expect(outcome).toMatchObject({ ok: true, region: r.region, service: "inspector" });
  });

  test.prop([requestArb, fc.string({ minLength: 1, maxLength: 20 })], { numRuns: 60 })(
    "refuses the request once its body, path, query or target changes",
    async (r, extra) => {
      const req = await signed(build(r), DEFAULT_USER_ACCESS_KEY, NOW, "inspector", r.region);
      const url = new URL(req.url);
      const variants: WireRequest[] = [
        { ...req, body: req.body + extra },
        { ...req, url: `${url.origin}${url.pathname === "/" ? "/x" : `${url.pathname}x`}${url.search}` },
        { ...req, url: `${url.origin}${url.pathname}?${new URLSearchParams([...url.searchParams, ["zz", extra]]).toString()}` },
        // SigV4 trims a header value's leading and trailing spaces before signing, so a change that only
        // adds trailing whitespace is no change: end it with a visible character.
        { ...req, headers: { ...req.headers, "x-amz-target": `${req.headers["x-amz-target"]}${extra}z` } },
      ];
      for (const v of variants) {
        const outcome = await auth.authenticate(v);
        expect(outcome.ok ? "accepted" : outcome.error.type).toBe("InvalidSignatureException");
      }
    },
  );
});

describe("seededRandom", () => {
  it("issues the same keys for the same seed and different ones for another", () => {
    const draft = { kind: "FederatedUser", accountId: "111122223333", federatedName: "bob", issuer: { kind: "Root" }, issuedAt: NOW, mfaAuthenticated: false } as const;
    const a = new SessionStore({ random: seededRandom(42) }).issue(draft, NOW);
    const b = new SessionStore({ random: seededRandom(42) }).issue(draft, NOW);
    const c = new SessionStore({ random: seededRandom(43) }).issue(draft, NOW);
    expect([a.accessKeyId, a.secretAccessKey, a.sessionToken]).toEqual([b.accessKeyId, b.secretAccessKey, b.sessionToken]);
    expect(c.accessKeyId).not.toBe(a.accessKeyId);
    expect(a.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
  });
});
