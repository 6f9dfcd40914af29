/**
 * The Inspector v2 coverage sweep against the reference emulator in-process (an Inspector2Client of
 * @aws-sdk/client-inspector2 over msw): every one of the 81 operations succeeds at least once in
 * the success sweep, with the instance agent making the CIS session operations, and each failing
 * call gives ValidationException. The emulator runs on the real clock: the sweep waits by polling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallOutcome } from "../../../generators/executor.js";
import { INSPECTOR2_AGENT_OPERATIONS, inspector2FailureSweep, inspector2SuccessSweep, stableUuid } from "../../../harness/run/inspector2-sweep.js";
import { inspector2FailingInputFor, INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT } from "../../../harness/run/inspector2-failing-input.js";
import { inspector2Sweep } from "../../../harness/services/inspector2-generated.js";
import { INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { credentialsFor, startEmulator, USER_CREDENTIALS, type EmulatorUnderTest } from "../../emulator/e2e/transports.js";
import { inspector2Client, send } from "../../emulator/inspector2/sdk.js";

interface Made {
  operation: string;
  as: "user" | "agent";
  input: Record<string, unknown>;
  outcome: CallOutcome;
}

const SETTINGS = { allowed: () => true, uniq: "t1", region: "us-east-1", accountId: "111122223333", completionTimeoutMs: 10_000, pollIntervalMs: 50, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

describe("the Inspector v2 coverage sweep against the reference emulator (in-process)", () => {
  let target: EmulatorUnderTest;
  const success: Made[] = [];
  const failure: Made[] = [];
  let sweepMs = 0;

  beforeAll(async () => {
    target = await startEmulator("in-process");
    const user = inspector2Client(target, USER_CREDENTIALS);
    const agentClient = inspector2Client(target, await credentialsFor(target, "AssumedRole", "i-0c0f1c0ffee000001"));
    const caller = (client: typeof user, as: Made["as"], into: Made[]) => async (operation: string, input: Record<string, unknown>): Promise<CallOutcome> => {
      const r = await send(client, operation, input);
      const outcome: CallOutcome = r.ok ? { ok: true, output: r.output } : { ok: false, errorCode: r.name };
      into.push({ operation, as, input, outcome });
      return outcome;
    };
    const started = Date.now();
    await inspector2SuccessSweep(caller(user, "user", success), SETTINGS, caller(agentClient, "agent", success));
    sweepMs = Date.now() - started;
    await inspector2FailureSweep(caller(user, "user", failure));
  }, 60_000);
  afterAll(async () => target?.close());

  it.each(INSPECTOR2_OPERATIONS)("%s succeeds in the success sweep", (operation) => {
    const calls = success.filter((m) => m.operation === operation);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((m) => !m.outcome.ok).map((m) => `${m.outcome.errorCode}`)).toEqual([]);
  });

  it("makes the CIS session operations, and only those, as the instance agent", () => {
    expect([...new Set(success.filter((m) => m.as === "agent").map((m) => m.operation))].sort()).toEqual([...INSPECTOR2_AGENT_OPERATIONS].sort());
  });

  it("finds what it needs in earlier outputs: the filter it tags is the one CreateFilter answered", () => {
    const created = success.find((m) => m.operation === "CreateFilter")!.outcome.output as { arn: string };
    expect(success.find((m) => m.operation === "TagResource")!.input["resourceArn"]).toBe(created.arn);
    expect(success.find((m) => m.operation === "DeleteFilter")!.input["arn"]).toBe(created.arn);
  });

  it("records how long the success sweep takes (waiting on the emulator's real clock)", () => {
    console.log(`inspector2 success sweep: ${success.length} calls in ${sweepMs} ms`);
    expect(sweepMs).toBeLessThan(30_000);
  });

  it.each(INSPECTOR2_OPERATIONS.filter((op) => !INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT.includes(op)))("%s fails with its expected error", (operation) => {
    const calls = failure.filter((m) => m.operation === operation);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.outcome.errorCode).toBe(inspector2FailingInputFor(operation)!.expectedError);
  });

  it("says which operations no input can make fail: exactly those without input members", () => {
    expect(INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT).toEqual(["DescribeOrganizationConfiguration", "GetDelegatedAdminAccount", "GetEc2DeepInspectionConfiguration"]);
    expect(inspector2Sweep.cannotFail).toEqual(INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT);
    expect(failure.map((m) => m.operation).filter((op) => INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT.includes(op))).toEqual([]);
  });

  it("derives the agent's ids from uniq: the same run sends the same ids", () => {
    expect(stableUuid("a")).toBe(stableUuid("a"));
    expect(stableUuid("a")).not.toBe(stableUuid("b"));
    expect(stableUuid("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
