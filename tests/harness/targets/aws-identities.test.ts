/**
 * The aws target's identities, offline: the reference emulator mounted through msw on AWS's own
 * hostnames (sts…, iam.amazonaws.com, inspector2…), its account 111122223333 aliased. Each kind is
 * available with the expectation the oracles need, or `na` with the reason: Root only from a named
 * profile (its alias read with IAM ListAccountAliases), never from keys in variables or from root
 * base credentials; FederatedUser only from an IAM user; AssumedRole only on CONFORMANCE_ROLE_ARN.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListFiltersCommand } from "@aws-sdk/client-inspector2";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AccountDirectory,
  DEFAULT_ROLE_ARN,
  DEFAULT_ROOT_ACCESS_KEY,
  DEFAULT_USER_ACCESS_KEY,
  defaultAccountDirectoryConfig,
} from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { iamErrorResponse } from "../../../emulator/iam/index.js";
import { mswHandlers, toWireRequest } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { createAwsTarget } from "../../../harness/targets/aws.js";
import type { HarnessTarget } from "../../../harness/targets/harness-target.js";
import { iamEndpointFromEnv } from "../../../harness/targets/iam-alias.js";
import { FEDERATION_SESSION_POLICY } from "../../../harness/targets/identities.js";
import type { ProvisionedIdentity } from "../../../harness/targets/target.js";
import { checkIdentity } from "../../../oracles/identity-rule.js";
import type { RecordObject } from "../../../oracles/record-input.js";

const ACCOUNT = "111122223333";
const ALIAS = "conformance-sandbox";
const IAM_HOST = "https://iam.amazonaws.com/";

const config = (flags: Partial<Record<keyof RunConfig, unknown>> = {}): RunConfig =>
  resolveRunConfig({ target: "aws", awsAccounts: ACCOUNT, callTimeoutMs: 2000, ...flags }, {});

const directory = defaultAccountDirectoryConfig();
directory.accounts[0]!.alias = ALIAS;
const emulator = createEmulator({ accounts: new AccountDirectory(directory) });
const server = setupServer(...mswHandlers(emulator.handle));

/** Hosts and access key ids of every request, in order ("iam AKIA…"). */
const requests: string[] = [];
const dir = mkdtempSync(join(tmpdir(), "aws-identities-"));
const credentialsFile = join(dir, "credentials");
const configFile = join(dir, "config");
writeFileSync(
  credentialsFile,
  `[sandbox-root]\naws_access_key_id = ${DEFAULT_ROOT_ACCESS_KEY.accessKeyId}\naws_secret_access_key = ${DEFAULT_ROOT_ACCESS_KEY.secretAccessKey}\n\n` +
    `[not-root]\naws_access_key_id = ${DEFAULT_USER_ACCESS_KEY.accessKeyId}\naws_secret_access_key = ${DEFAULT_USER_ACCESS_KEY.secretAccessKey}\n`,
);
writeFileSync(configFile, "");

const USER_ENV = { AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey };
const ROOT_BASE_ENV = { AWS_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey };
const PROFILE_ENV = { CONFORMANCE_ROOT_PROFILE: "sandbox-root", AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile };

const targets: HarnessTarget[] = [];
function target(env: NodeJS.ProcessEnv, flags: Partial<Record<keyof RunConfig, unknown>> = {}): HarnessTarget {
  const t = createAwsTarget(config(flags), env);
  targets.push(t);
  return t;
}

const keyOf = (request: Request): string => /Credential=([A-Z0-9]+)\//.exec(request.headers.get("authorization") ?? "")?.[1] ?? "unsigned";

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => void requests.push(`${new URL(request.url).hostname.split(".")[0]} ${keyOf(request)}`));
});
beforeEach(() => void (requests.length = 0));
afterEach(() => server.resetHandlers());
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
  server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The identity of an available kind, or a failure with its reason. */
function available(got: Awaited<ReturnType<HarnessTarget["provision"]>>): ProvisionedIdentity {
  if (got.status !== "available") throw new Error(`${got.kind} na: ${got.reason}`);
  return got.identity;
}

/** The record of one Inspector v2 call made as `identity`. */
async function recordOf(t: HarnessTarget, identity: ProvisionedIdentity): Promise<RecordObject> {
  const out = await t.client("inspector2", identity.credentials).send(new ListFiltersCommand({}));
  const requestId = (out as { $metadata: { requestId?: string } }).$metadata.requestId;
  const record = emulator.records("inspector2").find((r) => r.requestID === requestId);
  if (record === undefined) throw new Error(`no record of request ${requestId}`);
  return record as unknown as RecordObject;
}

describe("Root on aws: only from a named profile", () => {
  it("is available from CONFORMANCE_ROOT_PROFILE in the env's AWS_SHARED_CREDENTIALS_FILE, with the alias ListAccountAliases reads", async () => {
    const t = target({ ...USER_ENV, ...PROFILE_ENV });
    const root = available(await t.provision("Root"));
    expect(root.credentials).toEqual({ ...DEFAULT_ROOT_ACCESS_KEY });
    expect(root.expected).toEqual({
      kind: "Root",
      accountId: ACCOUNT,
      accessKeyId: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
      callerArn: `arn:aws:iam::${ACCOUNT}:root`,
      callerUserId: ACCOUNT,
      accountAlias: ALIAS,
    });
    // The alias was read with the root user's own key, on IAM's global endpoint.
    expect(requests).toContain(`iam ${DEFAULT_ROOT_ACCESS_KEY.accessKeyId}`);
    // The expectation fits the emulator's Root record (userName = the alias); without the alias it would not.
    const record = await recordOf(t, root);
    expect(record["userIdentity"]).toMatchObject({ type: "Root", userName: ALIAS });
    expect(checkIdentity(root.expected, record)).toEqual([]);
    const { accountAlias: _, ...withoutAlias } = root.expected;
    expect(checkIdentity(withoutAlias, record).map((f) => f.code)).toEqual(["identity.user_name_rule"]);
  });

  it("is na when the profile is not the root user, or does not exist", async () => {
    const notRoot = await target({ ...USER_ENV, ...PROFILE_ENV, CONFORMANCE_ROOT_PROFILE: "not-root" }).provision("Root");
    expect(notRoot).toMatchObject({ status: "na", reason: `the root credentials given are arn:aws:iam::${ACCOUNT}:user/conformance-user, not an account's root user` });
    const missing = await target({ ...USER_ENV, ...PROFILE_ENV, CONFORMANCE_ROOT_PROFILE: "nowhere" }).provision("Root");
    expect(missing).toMatchObject({ status: "na", reason: expect.stringMatching(/^CONFORMANCE_ROOT_PROFILE=nowhere: /) });
  });

  it("refuses root keys in CONFORMANCE_ROOT_ACCESS_KEY_ID, saying to use a named profile", async () => {
    const t = target({
      ...USER_ENV,
      CONFORMANCE_ROOT_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
      CONFORMANCE_ROOT_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey,
    });
    const root = await t.provision("Root");
    expect(root.status).toBe("na");
    if (root.status === "na") {
      expect(root.reason).toContain("the aws target takes Root only from a named profile: set CONFORMANCE_ROOT_PROFILE");
      expect(root.reason).toContain("CONFORMANCE_ROOT_ACCESS_KEY_ID is not used on aws");
    }
    // The root key was never sent.
    expect(requests.filter((r) => r.endsWith(DEFAULT_ROOT_ACCESS_KEY.accessKeyId))).toEqual([]);
    // Without any root setting the reason is the profile sentence alone.
    expect(await target(USER_ENV).provision("Root")).toMatchObject({ status: "na", reason: expect.not.stringContaining("CONFORMANCE_ROOT_ACCESS_KEY_ID") });
  });

  it("does not use base credentials of the root user as Root (nor as IAMUser or FederatedUser)", async () => {
    const t = target(ROOT_BASE_ENV);
    const [user, root, fed] = await Promise.all([t.provision("IAMUser"), t.provision("Root"), t.provision("FederatedUser")]);
    expect(user).toMatchObject({ status: "na", reason: expect.stringContaining(":root, not an IAM user") });
    expect(root).toMatchObject({
      status: "na",
      reason: expect.stringContaining(`the base credentials are arn:aws:iam::${ACCOUNT}:root: base credentials of the root user are not used as Root on aws`),
    });
    expect(fed).toMatchObject({
      status: "na",
      reason: `the aws target calls GetFederationToken only with an IAM user's credentials (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE to an IAM user's access key); the base credentials are arn:aws:iam::${ACCOUNT}:root`,
    });
    // With the profile named too, Root comes from the profile.
    expect((await target({ ...ROOT_BASE_ENV, ...PROFILE_ENV }).provision("Root")).status).toBe("available");
  });
});

describe("the account alias", () => {
  it("denied to the root user is read with the base user's credentials", async () => {
    server.use(
      http.post(IAM_HOST, async ({ request }) => {
        if (keyOf(request) !== DEFAULT_ROOT_ACCESS_KEY.accessKeyId) {
          const res = await emulator.handle(await toWireRequest(request, "127.0.0.1"));
          return new HttpResponse(res.body, { status: res.status, headers: res.headers });
        }
        const res = iamErrorResponse({ type: "AccessDenied", status: 403, message: "denied by a service control policy" }, "req-1");
        return new HttpResponse(res.body, { status: res.status, headers: res.headers });
      }),
    );
    const root = available(await target({ ...USER_ENV, ...PROFILE_ENV }).provision("Root"));
    expect(root.expected.accountAlias).toBe(ALIAS);
    expect(requests.filter((r) => r.startsWith("iam "))).toEqual([`iam ${DEFAULT_ROOT_ACCESS_KEY.accessKeyId}`, `iam ${DEFAULT_USER_ACCESS_KEY.accessKeyId}`]);
  });

  it("denied to both, failing, or not answering in time: Root is available without an alias", async () => {
    const denied = iamErrorResponse({ type: "AccessDenied", status: 403, message: "User is not authorized to perform: iam:ListAccountAliases" }, "req-2");
    const answers = [
      () => new HttpResponse(denied.body, { status: 403, headers: denied.headers }),
      () => HttpResponse.error(),
      () => new HttpResponse("<html>bad gateway</html>", { status: 502 }),
      async () => {
        await delay("infinite");
        return new HttpResponse(null);
      },
    ];
    for (const answer of answers) {
      server.use(http.post(IAM_HOST, answer));
      const started = Date.now();
      const root = available(await target({ ...USER_ENV, ...PROFILE_ENV }, { callTimeoutMs: 300 }).provision("Root"));
      expect(root.expected).toMatchObject({ kind: "Root", callerArn: `arn:aws:iam::${ACCOUNT}:root` });
      expect(root.expected).not.toHaveProperty("accountAlias");
      // Unknown, not absent: Root's userName is then not checked (the account may have an alias), but "root" is still wrong.
      expect(root.expected.accountAliasUnknown).toBe(true);
      const record = (userName?: string) => ({ userIdentity: { type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: DEFAULT_ROOT_ACCESS_KEY.accessKeyId, ...(userName !== undefined ? { userName } : {}) } });
      expect(checkIdentity(root.expected, record(ALIAS))).toEqual([]);
      expect(checkIdentity(root.expected, record())).toEqual([]);
      expect(checkIdentity(root.expected, record("root")).map((f) => f.code)).toEqual(["identity.user_name_rule"]);
      expect(Date.now() - started).toBeLessThan(2500);
      server.resetHandlers();
    }
  });

  it("is not read for an account CONFORMANCE_AWS_ACCOUNTS does not list (the run will call nothing there but STS)", async () => {
    const root = available(await target({ ...USER_ENV, ...PROFILE_ENV }, { awsAccounts: "999988887777" }).provision("Root"));
    expect(root.expected).not.toHaveProperty("accountAlias");
    expect(requests.some((r) => r.startsWith("iam "))).toBe(false);
  });

  it("is read at AWS_ENDPOINT_URL_IAM, then AWS_ENDPOINT_URL; an invalid URL leaves it unknown", async () => {
    expect(iamEndpointFromEnv({})).toBe("aws");
    expect(iamEndpointFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:4566/" })).toEqual({ url: "http://127.0.0.1:4566" });
    expect(iamEndpointFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:4566", AWS_ENDPOINT_URL_IAM: "http://127.0.0.1:4599" })).toEqual({ url: "http://127.0.0.1:4599" });
    expect(iamEndpointFromEnv({ AWS_ENDPOINT_URL_IAM: "  " })).toBe("aws");
    expect(iamEndpointFromEnv({ AWS_ENDPOINT_URL_IAM: "iam.local" })).toEqual({ problem: expect.stringContaining("AWS_ENDPOINT_URL_IAM is not an http:// or https:// URL") });
    const root = available(await target({ ...USER_ENV, ...PROFILE_ENV, AWS_ENDPOINT_URL_IAM: "iam.local" }).provision("Root"));
    expect(root.expected).not.toHaveProperty("accountAlias");
    expect(requests.some((r) => r.startsWith("iam "))).toBe(false);
  });
});

describe("FederatedUser and AssumedRole on aws", () => {
  it("FederatedUser comes from the base IAM user, under a session policy allowing both Inspectors and LookupEvents", async () => {
    const bodies: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      if (new URL(request.url).hostname.startsWith("sts")) void request.clone().text().then((b) => bodies.push(b));
    };
    server.events.on("request:start", listener);
    const t = target(USER_ENV);
    const fed = available(await t.provision("FederatedUser", "aws-fed"));
    server.events.removeListener("request:start", listener);
    expect(fed.expected).toEqual({
      kind: "FederatedUser",
      accountId: ACCOUNT,
      accessKeyId: fed.credentials.accessKeyId,
      callerArn: `arn:aws:sts::${ACCOUNT}:federated-user/aws-fed`,
      callerUserId: `${ACCOUNT}:aws-fed`,
      federatedName: "aws-fed",
      issuerArn: `arn:aws:iam::${ACCOUNT}:user/conformance-user`,
      issuerUserId: "AIDACKCEVSQ6C2EXAMPLE",
      issuerKind: "IAMUser",
    });
    const sent = bodies.map((b) => new URLSearchParams(b)).find((f) => f.get("Action") === "GetFederationToken");
    expect(JSON.parse(sent!.get("Policy")!)).toEqual(JSON.parse(FEDERATION_SESSION_POLICY));
    expect(JSON.parse(FEDERATION_SESSION_POLICY).Statement).toEqual([
      { Effect: "Allow", Action: ["inspector:*", "inspector2:*", "cloudtrail:LookupEvents"], Resource: "*" },
    ]);
    expect(checkIdentity(fed.expected, await recordOf(t, fed))).toEqual([]);
  });

  it("AssumedRole is na without CONFORMANCE_ROLE_ARN (no emulator default on aws), available with it", async () => {
    const without = await target(USER_ENV).provision("AssumedRole");
    expect(without).toMatchObject({ status: "na", reason: "set CONFORMANCE_ROLE_ARN to a role the base user may assume (the aws target has no default role)" });
    expect(requests.some((r) => r.startsWith("sts ") && r !== `sts ${DEFAULT_USER_ACCESS_KEY.accessKeyId}`)).toBe(false);
    const t = target(USER_ENV, { roleArn: DEFAULT_ROLE_ARN });
    const role = available(await t.provision("AssumedRole", "aws-session"));
    expect(role.expected).toMatchObject({ kind: "AssumedRole", roleArn: DEFAULT_ROLE_ARN, roleName: "ConformanceRole", sessionName: "aws-session" });
    expect(checkIdentity(role.expected, await recordOf(t, role))).toEqual([]);
  });

  it("IAMUser is the base user", async () => {
    const t = target(USER_ENV);
    const user = available(await t.provision("IAMUser"));
    expect(user.expected).toMatchObject({ kind: "IAMUser", userName: "conformance-user", callerArn: `arn:aws:iam::${ACCOUNT}:user/conformance-user` });
    expect(checkIdentity(user.expected, await recordOf(t, user))).toEqual([]);
  });
});
