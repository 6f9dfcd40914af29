/**
 * Calls without an answer: a loopback server that accepts the request and never answers gives
 * outcome `unknown` (sent, no request id) within the call deadline; a port nobody listens on gives
 * `unknown` with sentToService false (connection refused: nothing reached a service).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_ID, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { HistoryExecutor } from "../../../harness/execute/executor.js";
import type { ProvisionedIdentity } from "../../../harness/targets/target.js";
import { createEndpointTarget } from "../../../harness/targets/endpoint.js";
import { ObservedCallSchema } from "../../../history/observed-call.js";
import { closedPort, silentServer, testConfig } from "./helpers.js";

const identity: ProvisionedIdentity = {
  kind: "IAMUser",
  credentials: { ...DEFAULT_USER_ACCESS_KEY },
  expected: {
    kind: "IAMUser",
    accountId: DEFAULT_ACCOUNT_ID,
    accessKeyId: DEFAULT_USER_ACCESS_KEY.accessKeyId,
    callerArn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:user/conformance-user`,
    callerUserId: "AIDACKCEVSQ6C2EXAMPLE",
    userName: "conformance-user",
  },
};

let silent: Awaited<ReturnType<typeof silentServer>>;
beforeAll(async () => {
  silent = await silentServer();
});
afterAll(async () => {
  await silent.close();
});

describe("calls that get no answer", () => {
  it("a hanging server: outcome unknown, sent, ended near the deadline", async () => {
    const config = testConfig({ target: "endpoint", callTimeoutMs: 400 });
    const target = createEndpointTarget(config, { AWS_ENDPOINT_URL: silent.endpoint });
    const executor = new HistoryExecutor({ target, config, identities: async () => identity });
    const started = Date.now();
    const outcome = await executor.call({ kind: "IAMUser" }, "CreateResourceGroup", { resourceGroupTags: [{ key: "a" }] });
    const elapsed = Date.now() - started;
    await target.close();
    expect(outcome.ok).toBe(false);
    expect(elapsed).toBeLessThan(3000);
    const [call] = executor.calls();
    expect(ObservedCallSchema.parse(call)).toEqual(call);
    expect(call).toMatchObject({ outcome: "unknown", sentToService: true, response: null, request: { resourceGroupTags: [{ key: "a" }] } });
    expect(call!.requestId).toBeUndefined();
    expect(call!.error?.message).toMatch(/no answer within 400 ms/);
    expect(silent.requests()).toBeGreaterThanOrEqual(1);
  });

  it("connection refused: outcome unknown, not sent to any service", async () => {
    const config = testConfig({ target: "endpoint", callTimeoutMs: 2000 });
    const target = createEndpointTarget(config, { AWS_ENDPOINT_URL: `http://127.0.0.1:${await closedPort()}` });
    const executor = new HistoryExecutor({ target, config, identities: async () => identity });
    await executor.call({ kind: "IAMUser" }, "ListRulesPackages", {});
    await target.close();
    expect(executor.calls()[0]).toMatchObject({ outcome: "unknown", sentToService: false, error: { code: "ECONNREFUSED" } });
  });
});
