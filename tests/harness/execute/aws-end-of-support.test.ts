/**
 * The aws target offline: msw stands in for AWS's own hostnames. Inspector Classic's endpoint fails
 * the way third parties report it after 2026-05-20 (wazuh/wazuh issues #36733, #37271, #38685: connection error, a connect that never completes, or
 * AccessDeniedException); CloudTrail and STS are the reference emulator. The probe must name the end
 * of support within its deadline; nothing reaches the network.
 */
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { probeTarget } from "../../../harness/targets/probe.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import { createAwsTarget, INSPECTOR_CLASSIC_EOL } from "../../../harness/targets/aws.js";
import type { HarnessTarget } from "../../../harness/targets/harness-target.js";
import { testConfig } from "./helpers.js";

const INSPECTOR_HOST = "https://inspector.us-east-1.amazonaws.com/";
const emulator = createEmulator();
const server = setupServer(...mswHandlers(emulator.handle));
const config = testConfig({ target: "aws", callTimeoutMs: 600 });
let target: HarnessTarget;

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  target = createAwsTarget(config, {
    AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
  });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  await target.close();
  server.close();
  await emulator.close();
});

async function base() {
  const got = await target.provision("IAMUser");
  if (got.status !== "available") throw new Error(got.reason);
  return got.identity;
}

describe("aws target after Inspector Classic's end of support", () => {
  it("uses AWS's own endpoints", () => {
    expect(target).toMatchObject({ name: "aws", endpoint: undefined, region: "us-east-1" });
  });

  it("a connection error: Inspector missing, named as end of support", async () => {
    server.use(http.post(INSPECTOR_HOST, () => HttpResponse.error()));
    const result = await probeTarget(target, await base(), config, [inspectorService]);
    expect(result.services.inspector!.status).toBe("missing");
    if (result.services.inspector!.status === "missing") {
      expect(result.services.inspector!.reason.startsWith(`${INSPECTOR_CLASSIC_EOL}; its endpoints no longer answer.`)).toBe(true);
      expect(result.services.inspector!.reason).toContain("inspector.us-east-1.amazonaws.com");
    }
    expect(result.lookupEvents).toEqual({ status: "ok" });
    expect(result.sts).toEqual({ status: "ok" });
  });

  it("an endpoint that never answers: missing within the deadline", async () => {
    server.use(
      http.post(INSPECTOR_HOST, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const started = Date.now();
    const result = await probeTarget(target, await base(), config, [inspectorService], { deadlineMs: 500 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.services.inspector!).toEqual({
      status: "missing",
      reason: `${INSPECTOR_CLASSIC_EOL}; its endpoints no longer answer. Inspector Classic ListRulesPackages at inspector.us-east-1.amazonaws.com: no answer within 500 ms. Its checks are unknown.`,
    });
  });

  it("AccessDeniedException for an account without Classic access: missing, end of support", async () => {
    server.use(
      http.post(INSPECTOR_HOST, () =>
        HttpResponse.json(
          { __type: "AccessDeniedException", message: "Amazon Inspector Classic is no longer available", errorCode: "ACCESS_DENIED_TO_RULES_PACKAGE", canRetry: false },
          { status: 400, headers: { "x-amzn-requestid": "eol-1", "content-type": "application/x-amz-json-1.1" } },
        ),
      ),
    );
    const result = await probeTarget(target, await base(), config, [inspectorService]);
    expect(result.services.inspector!.status).toBe("missing");
    if (result.services.inspector!.status === "missing") {
      expect(result.services.inspector!.reason).toContain(`${INSPECTOR_CLASSIC_EOL}; its endpoints refuse calls from accounts without Classic access`);
      expect(result.services.inspector!.reason).toContain("AccessDeniedException");
    }
  });

  it("a modelled Inspector answer other than AccessDenied still means Inspector answers", async () => {
    server.use(
      http.post(INSPECTOR_HOST, () =>
        HttpResponse.json({ __type: "InternalException", message: "try again", canRetry: true }, { status: 500, headers: { "x-amzn-requestid": "r-2" } }),
      ),
    );
    expect((await probeTarget(target, await base(), config, [inspectorService])).services.inspector).toEqual({ status: "ok" });
  });
});
