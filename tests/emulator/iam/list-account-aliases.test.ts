/**
 * The emulator's IAM ListAccountAliases: real @aws-sdk/client-iam clients sign and parse; the
 * emulator answers in process (its router, as on its port), through msw on iam.amazonaws.com, and on
 * its one loopback port, where the SigV4 signing name `iam` tells IAM from STS.
 */
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountDirectory,
  DEFAULT_ROOT_ACCESS_KEY,
  DEFAULT_USER_ACCESS_KEY,
  defaultAccountDirectoryConfig,
  type AccountDirectoryConfig,
} from "../../../emulator/accounts/index.js";
import type { WireRequest } from "../../../emulator/core/types.js";
import { createEmulator, type Emulator } from "../../../emulator/emulator.js";
import { IAM_API_VERSION } from "../../../emulator/iam/index.js";
import { startHttpServer, type RunningServer } from "../../../emulator/transports/http-server.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { inProcessHandler } from "../auth/in-process-handler.js";
import { signed, type TestCredentials } from "../auth/signing.js";

const ALIAS = "example-corp";
const IAM_URL = "https://iam.amazonaws.com/";

/** The default directory, its account aliased and its user denied `deny`. */
function directory(alias: string | undefined, deny: string[] = []): AccountDirectory {
  const config: AccountDirectoryConfig = defaultAccountDirectoryConfig();
  const account = config.accounts[0]!;
  if (alias !== undefined) account.alias = alias;
  account.users[0]!.deny = deny;
  return new AccountDirectory(config);
}

function iamClient(emulator: Emulator, credentials: TestCredentials, seen: WireRequest[] = []): IAMClient {
  return new IAMClient({ region: "us-east-1", credentials, maxAttempts: 1, requestHandler: inProcessHandler(emulator.handle, seen) });
}

/** A form-encoded IAM request to iam.amazonaws.com, unsigned. */
function iamRequest(form: Record<string, string>, url = IAM_URL): WireRequest {
  const body = new URLSearchParams(form).toString();
  const host = new URL(url).host;
  return {
    method: "POST",
    url,
    headers: { host, "content-type": "application/x-www-form-urlencoded; charset=utf-8", "content-length": String(Buffer.byteLength(body)) },
    body,
    sourceIp: "127.0.0.1",
  };
}

const signedIam = (form: Record<string, string>, creds: TestCredentials = DEFAULT_USER_ACCESS_KEY, service = "iam", url = IAM_URL) =>
  signed(iamRequest(form, url), creds, new Date(), service, "us-east-1");

describe("IAM ListAccountAliases", () => {
  it("answers the caller's account alias to the root user and to an IAM user", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    for (const creds of [DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY]) {
      const out = await iamClient(emulator, creds).send(new ListAccountAliasesCommand({}));
      expect(out).toMatchObject({ AccountAliases: [ALIAS], IsTruncated: false });
    }
    await emulator.close();
  });

  it("answers an empty list for an account without an alias", async () => {
    const emulator = createEmulator();
    const out = await iamClient(emulator, DEFAULT_USER_ACCESS_KEY).send(new ListAccountAliasesCommand({ MaxItems: 10 }));
    expect(out.AccountAliases ?? []).toEqual([]);
    expect(out.IsTruncated).toBe(false);
    await emulator.close();
  });

  it("renders the Query-protocol XML of IAM's namespace", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    const res = await emulator.handle(await signedIam({ Action: "ListAccountAliases", Version: IAM_API_VERSION }));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/xml");
    const id = res.headers["x-amzn-requestid"];
    expect(res.body).toBe(
      `<ListAccountAliasesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListAccountAliasesResult>` +
        `<AccountAliases><member>${ALIAS}</member></AccountAliases><IsTruncated>false</IsTruncated></ListAccountAliasesResult>` +
        `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></ListAccountAliasesResponse>`,
    );
    await emulator.close();
  });

  it("checks the signature: a wrong secret is SignatureDoesNotMatch, an unknown key InvalidClientTokenId, none MissingAuthenticationToken", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    const form = { Action: "ListAccountAliases", Version: IAM_API_VERSION };
    const wrongSecret = await emulator.handle(await signedIam(form, { ...DEFAULT_USER_ACCESS_KEY, secretAccessKey: "x".repeat(40) }));
    expect(wrongSecret.status).toBe(403);
    expect(wrongSecret.body).toContain("<Code>SignatureDoesNotMatch</Code>");
    const unknownKey = await emulator.handle(await signedIam(form, { accessKeyId: "AKIAZZZZZZZZZZZZZZZZ", secretAccessKey: "x".repeat(40) }));
    expect(unknownKey.status).toBe(403);
    expect(unknownKey.body).toContain("<Code>InvalidClientTokenId</Code>");
    const unsigned = await emulator.handle(iamRequest(form));
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toContain("<Code>MissingAuthenticationToken</Code>");
    // The SDK says the same.
    const sdk = iamClient(emulator, { ...DEFAULT_USER_ACCESS_KEY, secretAccessKey: "x".repeat(40) });
    await expect(sdk.send(new ListAccountAliasesCommand({}))).rejects.toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
    await emulator.close();
  });

  it("refuses a request to iam.amazonaws.com signed for another service, and IAM's signing name on STS's host", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    const res = await emulator.handle(await signedIam({ Action: "ListAccountAliases", Version: IAM_API_VERSION }, DEFAULT_USER_ACCESS_KEY, "sts"));
    expect(res.status).toBe(403);
    expect(res.body).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(res.body).toContain("Credential should be scoped to correct service: &apos;iam&apos;");
    // And the other way round: IAM's signing name on STS's hostname is not IAM.
    const onSts = await emulator.handle(await signedIam({ Action: "ListAccountAliases", Version: IAM_API_VERSION }, DEFAULT_USER_ACCESS_KEY, "iam", "https://sts.us-east-1.amazonaws.com/"));
    expect(onSts.status).toBe(403);
    expect(onSts.body).toContain("Credential should be scoped to correct service: &apos;sts&apos;");
    await emulator.close();
  });

  it("answers an unknown action or version with InvalidAction and no action with MissingAction", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    const unknown = await emulator.handle(await signedIam({ Action: "CreateAccountAlias", AccountAlias: "x-y-z", Version: IAM_API_VERSION }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatch(/^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/);
    expect(unknown.body).toContain("Could not find operation CreateAccountAlias for version 2010-05-08");
    const version = await emulator.handle(await signedIam({ Action: "ListAccountAliases", Version: "2011-06-15" }));
    expect(version.body).toContain("<Code>InvalidAction</Code>");
    const missing = await emulator.handle(await signedIam({ Version: IAM_API_VERSION }));
    expect(missing.status).toBe(400);
    expect(missing.body).toContain("<Code>MissingAction</Code>");
    // The STS actions are not IAM's.
    const sts = await emulator.handle(await signedIam({ Action: "GetCallerIdentity", Version: IAM_API_VERSION }));
    expect(sts.body).toContain("<Code>InvalidAction</Code>");
    await emulator.close();
  });

  it("answers MaxItems out of 1..1000 with ValidationError", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    await expect(iamClient(emulator, DEFAULT_USER_ACCESS_KEY).send(new ListAccountAliasesCommand({ MaxItems: 0 }))).rejects.toMatchObject({
      name: "ValidationError",
      message: "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    expect((await iamClient(emulator, DEFAULT_USER_ACCESS_KEY).send(new ListAccountAliasesCommand({ MaxItems: 1000 }))).AccountAliases).toEqual([ALIAS]);
    await emulator.close();
  });

  it("denies a user whose deny list names it, and a federated user, with AccessDenied", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS, ["iam:List*"]) });
    await expect(iamClient(emulator, DEFAULT_USER_ACCESS_KEY).send(new ListAccountAliasesCommand({}))).rejects.toMatchObject({
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
      message: "User: arn:aws:iam::111122223333:user/conformance-user is not authorized to perform: iam:ListAccountAliases on resource: *",
    });
    // The root user is never denied.
    expect((await iamClient(emulator, DEFAULT_ROOT_ACCESS_KEY).send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([ALIAS]);
    const sts = new STSClient({ region: "us-east-1", credentials: DEFAULT_ROOT_ACCESS_KEY, maxAttempts: 1, requestHandler: inProcessHandler(emulator.handle) });
    const fed = await sts.send(new GetFederationTokenCommand({ Name: "alias-reader" }));
    const c = fed.Credentials!;
    const fedClient = iamClient(emulator, { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    await expect(fedClient.send(new ListAccountAliasesCommand({}))).rejects.toMatchObject({
      name: "AccessDenied",
      message: "User: arn:aws:sts::111122223333:federated-user/alias-reader is not authorized to perform: iam:ListAccountAliases on resource: *",
    });
    await emulator.close();
  });

  it("writes no record of an IAM call", async () => {
    const emulator = createEmulator({ accounts: directory(ALIAS) });
    await iamClient(emulator, DEFAULT_USER_ACCESS_KEY).send(new ListAccountAliasesCommand({}));
    const ct = new CloudTrailClient({ region: "us-east-1", credentials: DEFAULT_USER_ACCESS_KEY, maxAttempts: 1, requestHandler: inProcessHandler(emulator.handle) });
    const events = (await ct.send(new LookupEventsCommand({}))).Events ?? [];
    expect(events.filter((e) => e.EventSource === "iam.amazonaws.com" || e.EventName === "ListAccountAliases")).toEqual([]);
    expect(emulator.records()).toEqual([]);
    await emulator.close();
  });
});

describe("IAM on the emulator's one loopback port", () => {
  const emulator = createEmulator({ accounts: directory(ALIAS) });
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await server.close();
    await emulator.close();
  });

  it("answers IAM and STS at the same endpoint, told apart by the signing name", async () => {
    const iam = new IAMClient({ region: "us-east-1", endpoint: server.endpoint, credentials: DEFAULT_USER_ACCESS_KEY, maxAttempts: 1 });
    const sts = new STSClient({ region: "us-east-1", endpoint: server.endpoint, credentials: DEFAULT_USER_ACCESS_KEY, maxAttempts: 1 });
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([ALIAS]);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe("111122223333");
    iam.destroy();
    sts.destroy();
  });
});

describe("IAM through msw on iam.amazonaws.com", () => {
  const emulator = createEmulator({ accounts: directory(ALIAS) });
  const msw = setupServer(...mswHandlers(emulator.handle));
  beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
  afterAll(async () => {
    msw.close();
    await emulator.close();
  });

  it("answers with the client's own endpoint", async () => {
    const seen: string[] = [];
    const listener = ({ request }: { request: Request }) => void seen.push(new URL(request.url).host);
    msw.events.on("request:start", listener);
    const client = new IAMClient({ region: "us-east-1", credentials: DEFAULT_ROOT_ACCESS_KEY, maxAttempts: 1 });
    expect((await client.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([ALIAS]);
    msw.events.removeListener("request:start", listener);
    client.destroy();
    expect(seen).toEqual(["iam.amazonaws.com"]);
  });
});
