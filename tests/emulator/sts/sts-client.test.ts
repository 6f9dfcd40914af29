/**
 * STS end to end: real @aws-sdk/client-sts clients sign and parse; the emulator's Authenticator and
 * StsService answer in process.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_ARN, DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { stsHarness, type Creds } from "./sts-harness.js";

const ACCOUNT = "111122223333";

function credsOf(out: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }): Creds {
  return { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
}

describe("GetCallerIdentity", () => {
  it("answers for the root user and the IAM user", async () => {
    const h = stsHarness();
    expect(await h.client(DEFAULT_ROOT_ACCESS_KEY).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:root`,
      UserId: ACCOUNT,
    });
    expect(await h.client(DEFAULT_USER_ACCESS_KEY).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/conformance-user`,
      UserId: "AIDACKCEVSQ6C2EXAMPLE",
    });
  });

  it("answers for an assumed-role session and a federated user", async () => {
    const h = stsHarness();
    const user = h.client(DEFAULT_USER_ACCESS_KEY);
    const role = await user.send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "conformance-run" }));
    expect(await h.client(credsOf(role)).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ConformanceRole/conformance-run`,
      UserId: "AROACKCEVSQ6C2EXAMPLE:conformance-run",
    });
    const fed = await user.send(new GetFederationTokenCommand({ Name: "bob" }));
    expect(await h.client(credsOf(fed)).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
      UserId: `${ACCOUNT}:bob`,
    });
  });

  it("renders the Query-protocol XML the SDK parsed", async () => {
    const h = stsHarness();
    await h.client(DEFAULT_USER_ACCESS_KEY).send(new GetCallerIdentityCommand({}));
    const res = await h.serve(h.seen[0]!);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/xml");
    expect(res.body).toMatch(/^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><Arn>/);
    expect(res.body).toContain(`<ResponseMetadata><RequestId>${res.headers["x-amzn-requestid"]}</RequestId></ResponseMetadata>`);
  });
});

describe("AssumeRole", () => {
  it("issues ASIA credentials that then authenticate, with the requested duration", async () => {
    const h = stsHarness();
    const before = Date.now();
    const out = await h.client(DEFAULT_USER_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s1", DurationSeconds: 7200 }));
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials!.SessionToken!.length).toBeGreaterThan(100);
    expect(out.Credentials!.Expiration).toBeInstanceOf(Date);
    const lifetime = out.Credentials!.Expiration!.getTime() - before;
    expect(lifetime).toBeGreaterThan(7200_000 - 2000);
    expect(lifetime).toBeLessThanOrEqual(7200_000);
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: "AROACKCEVSQ6C2EXAMPLE:s1", Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ConformanceRole/s1` });
    const session = h.sessions.get(out.Credentials!.AccessKeyId!)!;
    expect(session.principal).toMatchObject({ kind: "AssumedRole", roleName: "ConformanceRole", rolePath: "/", sessionName: "s1", mfaAuthenticated: false });
  });

  it("defaults to one hour and carries SourceIdentity through a role chain", async () => {
    const h = stsHarness();
    const first = await h.client(DEFAULT_USER_ACCESS_KEY).send(
      new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "first", SourceIdentity: "alice@example.com" }),
    );
    expect(first.SourceIdentity).toBe("alice@example.com");
    expect(first.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    const chained = await h.client(credsOf(first)).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "second", DurationSeconds: 3600 }));
    expect(chained.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ConformanceRole/second`);
    expect(chained.SourceIdentity).toBe("alice@example.com");
  });

  it("limits role chaining to one hour", async () => {
    const h = stsHarness();
    const first = await h.client(DEFAULT_USER_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "first" }));
    await expect(
      h.client(credsOf(first)).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "second", DurationSeconds: 3601 })),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("refuses root, federated users and unknown roles with AccessDenied", async () => {
    const h = stsHarness();
    await expect(h.client(DEFAULT_ROOT_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s" + "1" }))).rejects.toMatchObject({
      name: "AccessDenied",
      message: "Roles may not be assumed by root accounts.",
      $metadata: { httpStatusCode: 403 },
    });
    const user = h.client(DEFAULT_USER_ACCESS_KEY);
    const missing = `arn:aws:iam::${ACCOUNT}:role/NoSuchRole`;
    await expect(user.send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1" }))).rejects.toMatchObject({
      name: "AccessDenied",
      message: `User: arn:aws:iam::${ACCOUNT}:user/conformance-user is not authorized to perform: sts:AssumeRole on resource: ${missing}`,
    });
    const fed = await user.send(new GetFederationTokenCommand({ Name: "bob" }));
    await expect(h.client(credsOf(fed)).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s1" }))).rejects.toMatchObject({
      name: "AccessDenied",
      message: `User: arn:aws:sts::${ACCOUNT}:federated-user/bob is not authorized to perform: sts:AssumeRole on resource: ${DEFAULT_ROLE_ARN}`,
    });
  });

  it("answers ValidationError for bad parameters, listing every violation", async () => {
    const h = stsHarness();
    const user = h.client(DEFAULT_USER_ACCESS_KEY);
    await expect(user.send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "a b", DurationSeconds: 899 }))).rejects.toMatchObject({
      name: "ValidationError",
      message:
        "2 validation errors detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*; " +
        "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
    await expect(user.send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "x", DurationSeconds: 43201 }))).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringMatching(/^2 validation errors detected: .*length greater than or equal to 2.*less than or equal to 43200$/),
    });
    await expect(user.send(new AssumeRoleCommand({ RoleArn: "arn:aws:s3:::not-a-role-at-all", RoleSessionName: "s1" }))).rejects.toMatchObject({
      name: "ValidationError",
      message: "Request ARN is invalid",
    });
  });

  it("rejects a duration above the role's MaxSessionDuration", async () => {
    const h = stsHarness();
    h.directory.findRole(DEFAULT_ROLE_ARN)!.role.maxSessionDuration = 3600;
    await expect(
      h.client(DEFAULT_USER_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s1", DurationSeconds: 3601 })),
    ).rejects.toMatchObject({ name: "ValidationError", message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role." });
  });
});

describe("GetFederationToken", () => {
  it("issues credentials to an IAM user, 12 hours by default", async () => {
    const h = stsHarness();
    const out = await h.client(DEFAULT_USER_ACCESS_KEY).send(new GetFederationTokenCommand({ Name: "bob" }));
    expect(out.FederatedUser).toEqual({ FederatedUserId: `${ACCOUNT}:bob`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob` });
    expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(43200_000 - 5000);
    expect(h.sessions.get(out.Credentials!.AccessKeyId!)!.principal).toMatchObject({
      kind: "FederatedUser",
      federatedName: "bob",
      issuer: { kind: "IAMUser", userName: "conformance-user", userId: "AIDACKCEVSQ6C2EXAMPLE", path: "/" },
    });
  });

  it("caps root's federation sessions at one hour", async () => {
    const h = stsHarness();
    const out = await h.client(DEFAULT_ROOT_ACCESS_KEY).send(new GetFederationTokenCommand({ Name: "rootfed", DurationSeconds: 129600 }));
    expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(h.sessions.get(out.Credentials!.AccessKeyId!)!.principal).toMatchObject({ kind: "FederatedUser", issuer: { kind: "Root" } });
  });

  it("refuses session credentials", async () => {
    const h = stsHarness();
    const role = await h.client(DEFAULT_USER_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s1" }));
    await expect(h.client(credsOf(role)).send(new GetFederationTokenCommand({ Name: "bob" }))).rejects.toMatchObject({
      name: "AccessDenied",
      message: "Cannot call GetFederationToken with session credentials",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("validates Name, DurationSeconds and Policy", async () => {
    const h = stsHarness();
    const user = h.client(DEFAULT_USER_ACCESS_KEY);
    await expect(user.send(new GetFederationTokenCommand({ Name: "x".repeat(33), DurationSeconds: 129601 }))).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringMatching(/^2 validation errors detected: Value 'x{33}' at 'name' .*length less than or equal to 32; .*'durationSeconds'/),
    });
    await expect(user.send(new GetFederationTokenCommand({ Name: "bob", Policy: "not json" }))).rejects.toMatchObject({
      // The wire code MalformedPolicyDocument is the model's awsQueryError code of this modeled exception.
      name: "MalformedPolicyDocumentException",
      $metadata: { httpStatusCode: 400 },
    });
    const ok = await user.send(new GetFederationTokenCommand({ Name: "bob", Policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }));
    expect(ok.FederatedUser?.FederatedUserId).toBe(`${ACCOUNT}:bob`);
  });
});

describe("STS authentication errors", () => {
  it("renders them with Query-protocol codes", async () => {
    const h = stsHarness();
    await expect(h.client({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "q".repeat(40) }).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "InvalidClientTokenId",
      message: "The security token included in the request is invalid.",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(h.client({ ...DEFAULT_USER_ACCESS_KEY, secretAccessKey: "q".repeat(40) }).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("answers ExpiredToken once temporary credentials have expired", async () => {
    const h = stsHarness();
    const role = await h.client(DEFAULT_USER_ACCESS_KEY).send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "s1", DurationSeconds: 900 }));
    const session = h.client(credsOf(role));
    await expect(session.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining("assumed-role") });
    h.advance(901_000);
    await expect(session.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "ExpiredToken",
      message: "The security token included in the request is expired",
      $metadata: { httpStatusCode: 403 },
    });
  });
});
