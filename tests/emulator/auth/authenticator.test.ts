import { describe, expect, it } from "vitest";
import { defaultAccountDirectory, DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { Authenticator, SessionStore, type AuthOutcome } from "../../../emulator/auth/index.js";
import type { AssumedRolePrincipal, WireRequest } from "../../../emulator/core/types.js";
import { inspectorRequest, presigned, signed } from "./signing.js";

const NOW = new Date("2026-05-01T12:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function setup(clock: () => Date = () => NOW) {
  const directory = defaultAccountDirectory();
  const sessions = new SessionStore();
  const auth = new Authenticator(directory, sessions, clock);
  const role = directory.findRole("arn:aws:iam::111122223333:role/ConformanceRole")!;
  const roleSession = sessions.issue(
    {
      kind: "AssumedRole",
      accountId: "111122223333",
      roleName: role.role.roleName,
      roleId: role.role.roleId,
      rolePath: role.role.path,
      sessionName: "conformance",
      issuedAt: NOW,
      mfaAuthenticated: false,
    },
    minutes(60),
  );
  const fedSession = sessions.issue(
    {
      kind: "FederatedUser",
      accountId: "111122223333",
      federatedName: "bob",
      issuer: { kind: "IAMUser", userName: "conformance-user", userId: "AIDACKCEVSQ6C2EXAMPLE", path: "/" },
      issuedAt: NOW,
      mfaAuthenticated: false,
    },
    minutes(60),
  );
  return { auth, sessions, roleSession, fedSession };
}

function expectError(outcome: AuthOutcome, type: string, status: number, message?: string | RegExp) {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error.type).toBe(type);
  expect(outcome.error.status).toBe(status);
  if (typeof message === "string") expect(outcome.error.message).toBe(message);
  else if (message) expect(outcome.error.message).toMatch(message);
}

describe("Authenticator: valid signatures", () => {
  it("accepts the root key, the IAM user key and both kinds of temporary key", async () => {
    const { auth, roleSession, fedSession } = setup();
    const cases = [
      { creds: DEFAULT_ROOT_ACCESS_KEY, kind: "Root" },
      { creds: DEFAULT_USER_ACCESS_KEY, kind: "IAMUser" },
      { creds: roleSession, kind: "AssumedRole" },
      { creds: fedSession, kind: "FederatedUser" },
    ] as const;
    for (const { creds, kind } of cases) {
      const outcome = await auth.authenticate(await signed(inspectorRequest(), creds, NOW));
      expect(outcome).toMatchObject({ ok: true, region: "us-west-2", service: "inspector", principal: { kind, accessKeyId: creds.accessKeyId } });
    }
  });

  it("returns the session's principal for a temporary key", async () => {
    const { auth, roleSession } = setup();
    const outcome = await auth.authenticate(await signed(inspectorRequest(), roleSession, NOW));
    expect(outcome.ok && (outcome.principal as AssumedRolePrincipal).sessionName).toBe("conformance");
  });

  it("accepts a request signed up to 5 minutes before or after the server clock", async () => {
    const { auth } = setup();
    for (const at of [minutes(-5), minutes(5)]) {
      expect((await auth.authenticate(await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, at))).ok).toBe(true);
    }
  });

  it("reports the credential scope's region and service", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest("eu-west-1"), DEFAULT_USER_ACCESS_KEY, NOW, "inspector", "eu-west-1");
    expect(await auth.authenticate(req)).toMatchObject({ ok: true, region: "eu-west-1", service: "inspector" });
  });

  it("accepts a request with a query string and a path", async () => {
    const { auth } = setup();
    const req = { ...inspectorRequest(), method: "GET", url: "https://inspector.us-west-2.amazonaws.com/a%20b/c?x=1&y=a%2Fb&x=2", body: "" };
    expect((await auth.authenticate(await signed(req, DEFAULT_USER_ACCESS_KEY, NOW))).ok).toBe(true);
  });

  it("accepts presigned (query-string) requests and rejects tampered or expired ones", async () => {
    const { auth, roleSession } = setup();
    const base = { ...inspectorRequest(), method: "GET", body: "", url: "https://inspector.us-west-2.amazonaws.com/?Action=Test" };
    const good = await presigned(base, DEFAULT_USER_ACCESS_KEY, NOW);
    expect(await auth.authenticate(good)).toMatchObject({ ok: true, principal: { kind: "IAMUser" } });
    const temp = await presigned(base, roleSession, NOW);
    expect(await auth.authenticate(temp)).toMatchObject({ ok: true, principal: { kind: "AssumedRole" } });
    expectError(await auth.authenticate({ ...good, url: good.url.replace("Action=Test", "Action=Tost") }), "InvalidSignatureException", 400);
    const { auth: later } = setup(() => minutes(6));
    expectError(await later.authenticate(good), "InvalidSignatureException", 400, "Request has expired");
  });
});

describe("Authenticator: failures", () => {
  it("answers MissingAuthenticationTokenException without an Authorization header", async () => {
    const { auth } = setup();
    expectError(await auth.authenticate(inspectorRequest()), "MissingAuthenticationTokenException", 403, "Missing Authentication Token");
  });

  it("answers IncompleteSignatureException for a malformed header", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, NOW);
    const auth1 = req.headers["authorization"]!;
    const cases: [string, RegExp][] = [
      [auth1.replace(/, Signature=[0-9a-f]+/, ""), /Authorization header requires 'Signature' parameter\./],
      [auth1.replace(/SignedHeaders=[^,]+, /, ""), /requires 'SignedHeaders' parameter/],
      [auth1.replace("/aws4_request", ""), /Credential must have exactly 5 slash-delimited elements/],
      [auth1.replace("aws4_request", "aws5_request"), /valid terminator: 'aws4_request', not 'aws5_request'/],
      [auth1.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"), /Unsupported AWS 'algorithm'/],
    ];
    for (const [header, message] of cases) {
      expectError(await auth.authenticate({ ...req, headers: { ...req.headers, authorization: header } }), "IncompleteSignatureException", 400, message);
    }
    const noDate = { ...req.headers };
    delete noDate["x-amz-date"];
    expectError(await auth.authenticate({ ...req, headers: noDate }), "IncompleteSignatureException", 400, /'X-Amz-Date' or a 'Date' header/);
    expectError(
      await auth.authenticate({ ...req, headers: { ...req.headers, "x-amz-date": "2026-05-01T12:00:00Z" } }),
      "IncompleteSignatureException",
      400,
      /ISO-8601 'basic format'/,
    );
  });

  it("answers UnrecognizedClientException for an unknown access key", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest(), { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x".repeat(40) }, NOW);
    expectError(await auth.authenticate(req), "UnrecognizedClientException", 400, "The security token included in the request is invalid.");
  });

  it("answers InvalidSignatureException for a wrong secret", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest(), { ...DEFAULT_USER_ACCESS_KEY, secretAccessKey: "y".repeat(40) }, NOW);
    expectError(await auth.authenticate(req), "InvalidSignatureException", 400, /^The request signature we calculated does not match the signature you provided/);
  });

  it("answers InvalidSignatureException for a tampered body, header, target or region", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, NOW);
    const tampered: WireRequest[] = [
      { ...req, body: '{"maxResults":1}' },
      { ...req, headers: { ...req.headers, "x-amz-target": "InspectorService.DeleteAssessmentTarget" } },
      { ...req, headers: { ...req.headers, authorization: req.headers["authorization"]!.replace("us-west-2", "us-east-1") } },
      { ...req, url: "https://inspector.us-west-2.amazonaws.com/other" },
      { ...req, headers: { ...req.headers, "x-amz-content-sha256": "0".repeat(64) } },
    ];
    for (const t of tampered) expectError(await auth.authenticate(t), "InvalidSignatureException", 400);
    // Unsigned headers may change freely.
    expect((await auth.authenticate({ ...req, headers: { ...req.headers, "user-agent": "other" } })).ok).toBe(true);
  });

  it("answers InvalidSignatureException 'Signature expired' beyond 5 minutes of skew, both ways", async () => {
    const { auth } = setup();
    const old = await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, new Date(NOW.getTime() - 5 * 60_000 - 1000));
    expectError(
      await auth.authenticate(old),
      "InvalidSignatureException",
      400,
      "Signature expired: 20260501T115459Z is now earlier than 20260501T115500Z (20260501T120000Z - 5 min.)",
    );
    const future = await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, minutes(10));
    expectError(
      await auth.authenticate(future),
      "InvalidSignatureException",
      400,
      "Signature not yet current: 20260501T121000Z is still later than 20260501T120500Z (20260501T120000Z + 5 min.)",
    );
  });

  it("answers InvalidSignatureException when the scope date is not the X-Amz-Date day", async () => {
    const { auth } = setup();
    const req = await signed(inspectorRequest(), DEFAULT_USER_ACCESS_KEY, NOW);
    const header = req.headers["authorization"]!.replace("/20260501/", "/20260430/");
    expectError(await auth.authenticate({ ...req, headers: { ...req.headers, authorization: header } }), "InvalidSignatureException", 400, /^Date in Credential scope does not match/);
  });

  it("answers ExpiredTokenException for an expired session", async () => {
    const { roleSession, sessions } = setup();
    const later = new Authenticator(defaultAccountDirectory(), sessions, () => minutes(61));
    const req = await signed(inspectorRequest(), roleSession, minutes(61));
    expectError(await later.authenticate(req), "ExpiredTokenException", 400, "The security token included in the request is expired");
  });

  it("answers UnrecognizedClientException for a temporary key without, or with a wrong, session token", async () => {
    const { auth, roleSession, fedSession } = setup();
    const missing = await signed(inspectorRequest(), { accessKeyId: roleSession.accessKeyId, secretAccessKey: roleSession.secretAccessKey }, NOW);
    expectError(await auth.authenticate(missing), "UnrecognizedClientException", 400);
    const wrong = await signed(inspectorRequest(), { ...roleSession, sessionToken: fedSession.sessionToken }, NOW);
    expectError(await auth.authenticate(wrong), "UnrecognizedClientException", 400);
  });

  it("answers UnrecognizedClientException for a long-term key sent with a session token", async () => {
    const { auth, roleSession } = setup();
    const req = await signed(inspectorRequest(), { ...DEFAULT_USER_ACCESS_KEY, sessionToken: roleSession.sessionToken }, NOW);
    expectError(await auth.authenticate(req), "UnrecognizedClientException", 400);
  });
});
