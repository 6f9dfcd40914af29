/**
 * The embedded target end to end: the four identity kinds with expected identities equal to what
 * STS GetCallerIdentity says, the executor's history lines (valid ObservedCalls whose bodies equal
 * the wire bodies msw saw), the sentToService=false case, no secrets in the history file, the probe.
 */
import { readFileSync } from "node:fs";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROLE_ARN } from "../../../emulator/accounts/index.js";
import { HistoryExecutor, targetIdentities } from "../../../harness/execute/executor.js";
import { HistoryWriter, readHistory } from "../../../harness/execute/history.js";
import { probeTarget } from "../../../harness/targets/probe.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import type { ProvisionedIdentity } from "../../../harness/targets/target.js";
import { createEmbeddedTarget, type EmbeddedTarget } from "../../../harness/targets/embedded.js";
import { MSW_TRANSPORT } from "../../../harness/targets/embedded-msw.js";
import { ObservedCallSchema } from "../../../history/observed-call.js";
import { tempHistoryPath, testConfig } from "./helpers.js";

/** What msw saw on the wire, by x-amzn-RequestId: an independent view of each exchange (its bodies are read after the event). */
interface SeenExchange {
  target: string | null;
  requestBody: string;
  status: number;
  responseBody: string;
}

let target: EmbeddedTarget;
const wire = new Map<string, Promise<SeenExchange>>();

beforeAll(() => {
  // The msw transport: its events show each exchange as the AWS hostnames saw it.
  target = createEmbeddedTarget(testConfig({ rulesEdition: "2017" }), {}, { transport: MSW_TRANSPORT });
  const bodies = new Map<string, Promise<string>>();
  target.msw!.events.on("request:start", ({ request, requestId }) => {
    bodies.set(requestId, request.clone().text());
  });
  target.msw!.events.on("response:mocked", ({ request, requestId, response }) => {
    const awsRequestId = response.headers.get("x-amzn-requestid");
    if (awsRequestId === null) return;
    // Set at once: the SDK may have the answer before this listener has read the bodies.
    const body = response.clone().text();
    wire.set(
      awsRequestId,
      (async () => ({ target: request.headers.get("x-amz-target"), requestBody: (await bodies.get(requestId)) ?? "", status: response.status, responseBody: await body }))(),
    );
  });
});
afterAll(async () => {
  await target.close();
});

async function available(kind: ProvisionedIdentity["kind"], name?: string): Promise<ProvisionedIdentity> {
  const got = await target.provision(kind, name);
  if (got.status !== "available") throw new Error(`${kind} na: ${got.reason}`);
  return got.identity;
}

describe("embedded target identities", () => {
  it.each([
    ["IAMUser", undefined],
    ["Root", undefined],
    ["AssumedRole", "session-a"],
    ["FederatedUser", "fed-a"],
  ] as const)("%s: expected identity equals GetCallerIdentity with its credentials", async (kind, name) => {
    const identity = await available(kind, name);
    const caller = await target.sts(identity.credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.expected).toMatchObject({
      kind,
      accountId: caller.Account,
      callerArn: caller.Arn,
      callerUserId: caller.UserId,
      accessKeyId: identity.credentials.accessKeyId,
    });
    if (kind === "IAMUser") expect(identity.expected.userName).toBe(caller.Arn?.split("/").at(-1));
    if (kind === "AssumedRole") {
      expect(identity.expected).toMatchObject({ roleArn: DEFAULT_ROLE_ARN, roleName: "ConformanceRole", sessionName: name });
      expect(identity.credentials.accessKeyId).toMatch(/^ASIA/);
    }
    if (kind === "FederatedUser") {
      const user = await available("IAMUser");
      expect(identity.expected).toMatchObject({
        federatedName: name,
        issuerArn: user.expected.callerArn,
        issuerUserId: user.expected.callerUserId,
        issuerKind: "IAMUser",
      });
    }
  });

  it("caches by (kind, name) and gives a new session for a new name", async () => {
    const a1 = await available("AssumedRole", "session-a");
    const a2 = await available("AssumedRole", "session-a");
    const b = await available("AssumedRole", "session-b");
    expect(a2).toBe(a1);
    expect(b.credentials.accessKeyId).not.toBe(a1.credentials.accessKeyId);
    expect(b.expected.sessionName).toBe("session-b");
  });

  it("reports an STS refusal as na with the error code and message", async () => {
    const got = await target.provision("FederatedUser", "x"); // Name shorter than 2: STS ValidationError
    expect(got.status).toBe("na");
    if (got.status === "na") expect(got.reason).toMatch(/GetFederationToken\(x\) failed: ValidationError \(HTTP 400\): .+/);
  });
});

describe("embedded target executor and history", () => {
  const historyPath = tempHistoryPath();
  let executor: HistoryExecutor;
  let writer: HistoryWriter;
  const secrets: string[] = [];

  beforeAll(async () => {
    writer = new HistoryWriter(historyPath);
    const config = testConfig({ rulesEdition: "2017" });
    executor = new HistoryExecutor({ target, config, history: writer, identities: targetIdentities(target) });
    const created = await executor.call({ kind: "IAMUser" }, "CreateResourceGroup", { resourceGroupTags: [{ key: "team", value: "x" }] });
    expect(created.ok).toBe(true);
    await executor.call({ kind: "AssumedRole", sessionName: "exec-session" }, "ListRulesPackages", { maxResults: 2 });
    await executor.call({ kind: "Root" }, "DescribeCrossAccountAccessRole", {});
    await executor.call({ kind: "FederatedUser", federatedName: "exec-fed" }, "CreateAssessmentTarget", {});
    // A string where the model has a timestamp: the SDK's serialiser throws before sending, so nothing reaches AWS to log.
    await executor.call({ kind: "IAMUser" }, "ListFindings", { filter: { creationTimeRange: { beginDate: "not-a-date" } } });
    writer.close();
    for (const req of [
      { kind: "IAMUser" },
      { kind: "Root" },
      { kind: "AssumedRole", sessionName: "exec-session" },
      { kind: "FederatedUser", federatedName: "exec-fed" },
    ] as const) {
      const id = await targetIdentities(target)(req);
      if ("unavailable" in id) throw new Error(id.unavailable);
      secrets.push(id.credentials.secretAccessKey, ...(id.credentials.sessionToken !== undefined ? [id.credentials.sessionToken] : []));
    }
  });

  it("writes one valid ObservedCall line per call, equal to the in-memory calls, each after its invocation line", () => {
    const { calls, problems, interrupted } = readHistory(historyPath);
    expect(problems).toEqual([]);
    expect(interrupted).toEqual([]);
    expect(calls).toEqual(executor.calls());
    expect(calls.map((c) => c.seq)).toEqual([0, 1, 2, 3, 4]);
    const lines = readFileSync(historyPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const invoked = lines.filter((l) => "invoked" in l).map((l) => (l["invoked"] as { seq: number }).seq);
    const done = lines.filter((l) => !("invoked" in l));
    for (const line of done) expect(ObservedCallSchema.safeParse(line).success).toBe(true);
    // Every call that was handed to the SDK has its invocation line first (the rejected one too: the SDK rejects it after).
    for (const call of done) expect(lines.findIndex((l) => (l["invoked"] as { seq?: number } | undefined)?.seq === call["seq"])).toBeLessThan(lines.indexOf(call));
    expect(invoked).toEqual([0, 1, 2, 3, 4]);
    for (const c of calls) expect(Date.parse(c.endedAt)).toBeGreaterThanOrEqual(Date.parse(c.startedAt));
  });

  it("records request and response bodies exactly as msw saw them on the wire", async () => {
    const sent = executor.calls().filter((c) => c.sentToService);
    expect(sent).toHaveLength(4);
    for (const call of sent) {
      const seen = await wire.get(call.requestId!);
      expect(seen, `wire exchange of ${call.operation}`).toBeDefined();
      expect(seen!.target).toBe(`InspectorService.${call.operation}`);
      if (call.operation === "DescribeCrossAccountAccessRole") expect(call.request).toBeNull();
      else expect(call.request).toEqual(JSON.parse(seen!.requestBody));
      if (call.outcome === "ok") expect(call.response).toEqual(JSON.parse(seen!.responseBody));
      else expect(call.response).toBeNull();
    }
  });

  it("classifies outcomes: ok, modelled error, rejected before sending", () => {
    const [created, listed, described, failed, rejected] = executor.calls();
    expect(created).toMatchObject({ outcome: "ok", identity: { kind: "IAMUser" }, region: "us-east-1" });
    expect(listed).toMatchObject({ outcome: "ok", request: { maxResults: 2 }, identity: { kind: "AssumedRole", sessionName: "exec-session" } });
    expect(described).toMatchObject({ outcome: "ok", request: null, identity: { kind: "Root" } });
    expect(failed).toMatchObject({
      outcome: "error",
      sentToService: true,
      error: { code: "InvalidInputException", httpStatus: 400 },
      identity: { kind: "FederatedUser", federatedName: "exec-fed" },
    });
    expect(failed!.error!.message).toContain("assessmentTargetName");
    expect(failed!.requestId).toBeDefined();
    expect(rejected).toMatchObject({ outcome: "error", sentToService: false, response: null, error: { code: "TypeError" } });
    expect(rejected!.requestId).toBeUndefined();
  });

  it("returns the parsed wire body as output and the error code on failure", async () => {
    const inMemory = new HistoryExecutor({ target, config: testConfig(), identities: targetIdentities(target), firstSeq: 100 });
    const out = await inMemory.call({ kind: "IAMUser" }, "ListAssessmentTargets", {});
    expect(out).toEqual({ ok: true, output: inMemory.calls().at(-1)!.response });
    expect(inMemory.calls()[0]!.seq).toBe(100);
    const bad = await inMemory.call({ kind: "IAMUser" }, "ListAssessmentTargets", { maxResults: 0 });
    expect(bad).toEqual({ ok: false, errorCode: "InvalidInputException" });
  });

  it("never writes a secret key or session token to the history", () => {
    const text = readFileSync(historyPath, "utf8");
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const s of secrets) expect(text.includes(s), "a secret in the history").toBe(false);
    expect(text).not.toMatch(/AWS4-HMAC-SHA256|Signature=|secretAccessKey|sessionToken/i);
    expect(writer.redactions).toBe(0);
  });

  it("refuses an operation that Inspector Classic does not have", async () => {
    await expect(executor.call({ kind: "IAMUser" }, "ListCoverage", {})).rejects.toThrow(/not an Inspector Classic operation/);
  });
});

describe("concurrent calls through one executor", () => {
  it("keep each call's own wire exchange: 24 calls at once, each records the request it sent and its own answer", async () => {
    const executor = new HistoryExecutor({ target, config: testConfig(), identities: targetIdentities(target) });
    const kinds = [{ kind: "IAMUser" }, { kind: "Root" }, { kind: "AssumedRole", sessionName: "concurrent" }] as const;
    const outcomes = await Promise.all(Array.from({ length: 24 }, (_, i) => executor.call(kinds[i % 3]!, "ListRulesPackages", { maxResults: i + 1 })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const calls = executor.calls();
    expect(calls).toHaveLength(24);
    expect(calls.map((c) => (c.request as { maxResults: number }).maxResults).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(calls.map((c) => c.requestId)).size).toBe(24);
    for (const c of calls) expect(c.answer?.headers["x-amzn-requestid"]).toBe(c.requestId);
  });
});

describe("probe of the embedded target", () => {
  it("reports Inspector, LookupEvents and STS ok", async () => {
    const base = await available("IAMUser");
    const probe = await probeTarget(target, base, testConfig(), [inspectorService]);
    expect(probe).toMatchObject({ services: { inspector: { status: "ok" } }, lookupEvents: { status: "ok" }, sts: { status: "ok" } });
    // The probe's own Inspector call reaches the service: its request id is reported so the run can set its record aside.
    expect(probe.requestIds).toHaveLength(1);
  });
});
