/**
 * The endpoint target against the reference emulator's loopback server: endpoint variables, base
 * credentials from the given environment, the four identity kinds, a call, the probe; and the
 * ConfigError for a missing or malformed endpoint URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator, type Emulator } from "../../../emulator/emulator.js";
import { startHttpServer, type RunningServer } from "../../../emulator/transports/http-server.js";
import { ConfigError } from "../../../harness/config.js";
import { HistoryExecutor, targetIdentities } from "../../../harness/execute/executor.js";
import { probeTarget } from "../../../harness/targets/probe.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import { createEndpointTarget } from "../../../harness/targets/endpoint.js";
import { endpointsFromEnv } from "../../../harness/targets/endpoint-env.js";
import { createTarget } from "../../../harness/targets/create-target.js";
import type { HarnessTarget } from "../../../harness/targets/harness-target.js";
import { testConfig } from "./helpers.js";

let emulator: Emulator;
let server: RunningServer;
let target: HarnessTarget;
const config = testConfig({ target: "endpoint" });

beforeAll(async () => {
  emulator = createEmulator();
  server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 });
  target = createTarget(config, {
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
    CONFORMANCE_ROOT_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
    CONFORMANCE_ROOT_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey,
  }) as HarnessTarget;
});
afterAll(async () => {
  await target.close();
  await server.close();
  await emulator.close();
});

describe("endpoint target on the loopback emulator", () => {
  it("names its endpoint and provides all four identity kinds", async () => {
    expect(target.name).toBe("endpoint");
    expect(target.endpoint).toBe(server.endpoint);
    const kinds = await Promise.all([
      target.provision("IAMUser"),
      target.provision("Root"),
      target.provision("AssumedRole", "ep-session"),
      target.provision("FederatedUser", "ep-fed"),
    ]);
    expect(kinds.map((k) => k.status)).toEqual(["available", "available", "available", "available"]);
    const root = kinds[1]!;
    if (root.status === "available") expect(root.identity.expected).toMatchObject({ callerArn: "arn:aws:iam::111122223333:root", callerUserId: "111122223333" });
  });

  it("runs a call whose record the emulator keeps under the same request id", async () => {
    const executor = new HistoryExecutor({ target, config, identities: targetIdentities(target) });
    const out = await executor.call({ kind: "AssumedRole", sessionName: "ep-session" }, "CreateResourceGroup", { resourceGroupTags: [{ key: "k" }] });
    expect(out.ok).toBe(true);
    const call = executor.calls()[0]!;
    const record = emulator.cloudtrail.records().find((r) => r.requestID === call.requestId);
    expect(record?.responseElements).toEqual(call.response);
    expect(record?.requestParameters).toEqual(call.request);
  });

  it("probes all three services ok", async () => {
    const base = await target.provision("IAMUser");
    if (base.status !== "available") throw new Error(base.reason);
    const probe = await probeTarget(target, base.identity, config, [inspectorService]);
    expect(probe).toMatchObject({ services: { inspector: { status: "ok" } }, lookupEvents: { status: "ok" }, sts: { status: "ok" } });
    // The probe's own Inspector call reaches the service: its request id is reported so the run can set its record aside.
    expect(probe.requestIds).toHaveLength(1);
  });

  it("says Root is na when no root credentials are configured", async () => {
    const t = createEndpointTarget(config, {
      AWS_ENDPOINT_URL: server.endpoint,
      AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
    });
    const root = await t.provision("Root");
    await t.close();
    expect(root).toMatchObject({ status: "na", reason: expect.stringContaining("CONFORMANCE_ROOT_ACCESS_KEY_ID") });
  });

  it("makes Root available and IAMUser na when the base credentials are root", async () => {
    const t = createEndpointTarget(config, {
      AWS_ENDPOINT_URL: server.endpoint,
      AWS_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey,
    });
    const [user, root, fed] = await Promise.all([t.provision("IAMUser"), t.provision("Root"), t.provision("FederatedUser", "root-fed")]);
    await t.close();
    expect(user).toMatchObject({ status: "na", reason: expect.stringContaining(":root, not an IAM user") });
    expect(root.status).toBe("available");
    expect(fed).toMatchObject({ status: "available", identity: { expected: { issuerKind: "Root", issuerArn: "arn:aws:iam::111122223333:root" } } });
  });
});

describe("endpoint configuration", () => {
  it("takes per-service overrides over AWS_ENDPOINT_URL", () => {
    expect(
      endpointsFromEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:4566/", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:5000" }),
    ).toEqual({ inspector: "http://127.0.0.1:4566", inspector2: "http://127.0.0.1:4566", cloudtrail: "http://127.0.0.1:4566", sts: "http://127.0.0.1:5000" });
  });

  it("fails with a ConfigError naming the variable when the URL is missing or malformed", () => {
    expect(() => createEndpointTarget(config, {})).toThrow(ConfigError);
    expect(() => createEndpointTarget(config, {})).toThrow(/AWS_ENDPOINT_URL \(or AWS_ENDPOINT_URL_INSPECTOR\): not set/);
    expect(() => endpointsFromEnv({ AWS_ENDPOINT_URL: "localhost:4566" })).toThrow(/AWS_ENDPOINT_URL: must be an http:\/\/ or https:\/\/ URL/);
    expect(() => endpointsFromEnv({ AWS_ENDPOINT_URL_INSPECTOR: "http://127.0.0.1:1" })).toThrow(/AWS_ENDPOINT_URL_CLOUDTRAIL\): not set/);
  });

  it("reports missing base credentials as na, not a crash", async () => {
    const t = createEndpointTarget(testConfig({ target: "endpoint", callTimeoutMs: 500 }), {
      AWS_ENDPOINT_URL: server.endpoint,
      AWS_PROFILE: "conformance-test-profile-that-does-not-exist",
      AWS_CONFIG_FILE: "/nonexistent/config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
    });
    const user = await t.provision("IAMUser");
    await t.close();
    expect(user.status).toBe("na");
  });
});
