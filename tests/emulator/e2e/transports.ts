/**
 * Test fixtures: a reference emulator reached in-process (msw intercepting the real AWS hostnames)
 * or over a loopback node:http server, with SDK clients for each identity.
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { InspectorClient } from "@aws-sdk/client-inspector";
import { AssumeRoleCommand, GetFederationTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { setupServer } from "msw/node";
import {
  DEFAULT_ROLE_ARN,
  DEFAULT_ROOT_ACCESS_KEY,
  DEFAULT_USER_ACCESS_KEY,
} from "../../../emulator/accounts/index.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../../emulator/emulator.js";
import { startHttpServer } from "../../../emulator/transports/http-server.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";

/** AWS credentials as the SDK takes them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** How a test reaches the emulator. */
export type TransportName = "in-process" | "loopback";

/** A running emulator and the way to reach it. */
export interface EmulatorUnderTest {
  transport: TransportName;
  emulator: Emulator;
  /** Endpoint URL for loopback; undefined in-process (clients use the real AWS hostnames). */
  endpoint: string | undefined;
  region: string;
  close(): Promise<void>;
}

/** The identity kinds a test can call as. */
export type IdentityKind = "IAMUser" | "Root" | "AssumedRole" | "FederatedUser";

/** Starts an emulator on the given transport. */
export async function startEmulator(
  transport: TransportName,
  options: EmulatorOptions = {},
  region = "us-east-1",
): Promise<EmulatorUnderTest> {
  const emulator = createEmulator(options);
  if (transport === "in-process") {
    const server = setupServer(...mswHandlers(emulator.handle));
    server.listen({ onUnhandledRequest: "error" });
    return {
      transport,
      emulator,
      endpoint: undefined,
      region,
      close: async () => {
        server.close();
        await emulator.close();
      },
    };
  }
  const http = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 });
  return {
    transport,
    emulator,
    endpoint: http.endpoint,
    region,
    close: async () => {
      await http.close();
      await emulator.close();
    },
  };
}

function clientConfig(target: EmulatorUnderTest, credentials: Credentials, region = target.region) {
  return {
    region,
    credentials,
    maxAttempts: 1,
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
  };
}

/** An Inspector Classic client signed with `credentials`. */
export const inspectorClient = (target: EmulatorUnderTest, credentials: Credentials, region?: string): InspectorClient =>
  new InspectorClient(clientConfig(target, credentials, region));

/** A CloudTrail client signed with `credentials`. */
export const cloudTrailClient = (target: EmulatorUnderTest, credentials: Credentials): CloudTrailClient =>
  new CloudTrailClient(clientConfig(target, credentials));

/** An STS client signed with `credentials`. */
export const stsClient = (target: EmulatorUnderTest, credentials: Credentials): STSClient =>
  new STSClient(clientConfig(target, credentials));

/** The default IAM user's long-term key. */
export const USER_CREDENTIALS: Credentials = { ...DEFAULT_USER_ACCESS_KEY };

/** The default account's root key. */
export const ROOT_CREDENTIALS: Credentials = { ...DEFAULT_ROOT_ACCESS_KEY };

/** Obtains credentials of the given kind the way a real user would: long-term keys or STS. */
export async function credentialsFor(target: EmulatorUnderTest, kind: IdentityKind, name = "conformance-session"): Promise<Credentials> {
  if (kind === "IAMUser") return USER_CREDENTIALS;
  if (kind === "Root") return ROOT_CREDENTIALS;
  const sts = stsClient(target, USER_CREDENTIALS);
  const out =
    kind === "AssumedRole"
      ? await sts.send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: name }))
      : await sts.send(new GetFederationTokenCommand({ Name: name.slice(0, 32) }));
  const c = out.Credentials;
  if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined) {
    throw new Error(`STS returned no credentials for ${kind}`);
  }
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
