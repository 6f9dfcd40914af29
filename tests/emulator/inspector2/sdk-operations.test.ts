/**
 * Every Inspector v2 operation through @aws-sdk/client-inspector2, in-process (msw on
 * inspector2.<region>.amazonaws.com) and over the loopback server, succeeding and failing: each call
 * leaves exactly one record, read back through LookupEvents by EventSource, whose fields follow the
 * v2 rules (written again here, from docs/emulator-inspector2.md, not imported from the emulator):
 * eventSource inspector2.amazonaws.com, eventName the operation, readOnly true exactly for List, Get,
 * Describe, BatchGet and Search, responseElements null for reads, failures and empty outputs and
 * the response body otherwise, requestParameters every input member as sent (null without input
 * members), errorCode the error type and errorMessage its message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAccountDirectoryConfig, loadAccountDirectory } from "../../../emulator/accounts/index.js";
import { hasEmptyInput, hasEmptyOutput, inputBindingsOf } from "../../../model/http-bindings.js";
import { INSPECTOR2_OPERATIONS, inspector2Model } from "../../../model/inspector2-model.js";
import { shapeOf } from "../../../model/service-model.js";
import type { ParsedRecord } from "../e2e/read-back.js";
import { cloudTrailClient, credentialsFor, startEmulator, USER_CREDENTIALS, type Credentials, type EmulatorUnderTest, type TransportName } from "../e2e/transports.js";
import { FAILING, runScenario, type Caller } from "./scenario.js";
import { asRecorded, inspector2Client, lookupBySource, send, type SdkOutcome } from "./sdk.js";

const DENIED: Credentials = { accessKeyId: "AKIADENIEDUSER000001", secretAccessKey: "deniedUserSecretKey000000000000000000000" };

function directory() {
  const config = defaultAccountDirectoryConfig();
  const account = config.accounts[0]!;
  return loadAccountDirectory({
    ...config,
    accounts: [{ ...account, users: [...account.users, { userName: "denied-user", path: "/", userId: "AIDADENIEDUSER0000001", accessKeys: [DENIED], deny: ["inspector2:*"] }] }],
  });
}

const READ_PREFIXES = ["List", "Get", "Describe", "BatchGet", "Search"];
const isRead = (op: string): boolean => READ_PREFIXES.some((p) => op.startsWith(p));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One call the test made, with what it sent and got. */
interface Made {
  operation: string;
  input: Record<string, unknown>;
  outcome: SdkOutcome;
}

/** requestParameters as the rules expect them for `input`, taking idempotency tokens the SDK generated from the record. */
function expectedParameters(operation: string, input: Record<string, unknown>, record: ParsedRecord): unknown {
  if (hasEmptyInput(inspector2Model, operation)) return null;
  const recorded = (record["requestParameters"] ?? {}) as Record<string, unknown>;
  const expected = asRecorded(input, recorded) as Record<string, unknown>;
  const members = shapeOf(inspector2Model, inspector2Model.operations[operation]!.input!.shape).members ?? {};
  for (const b of inputBindingsOf(inspector2Model, operation)) {
    if (members[b.member]?.idempotencyToken && expected[b.member] === undefined && recorded[b.member] !== undefined) {
      expect(recorded[b.member]).toMatch(UUID);
      expected[b.member] = recorded[b.member];
    }
  }
  return expected;
}

function checkRecord(made: Made, record: ParsedRecord, region: string): void {
  const { operation, outcome } = made;
  expect(record).toMatchObject({ eventSource: "inspector2.amazonaws.com", eventName: operation, awsRegion: region, readOnly: isRead(operation), eventType: "AwsApiCall", recipientAccountId: "111122223333" });
  expect(record["requestParameters"]).toEqual(expectedParameters(operation, made.input, record));
  if (!outcome.ok) {
    expect(record["errorCode"]).toBe(outcome.name);
    expect(record["errorMessage"]).toBe(outcome.message);
    expect(record["responseElements"]).toBeNull();
  } else {
    expect(record["errorCode"]).toBeUndefined();
    if (isRead(operation) || hasEmptyOutput(inspector2Model, operation)) expect(record["responseElements"]).toBeNull();
    else expect(record["responseElements"]).toEqual(asRecorded(outcome.output, record["responseElements"]));
  }
}

for (const transport of ["in-process", "loopback"] as TransportName[]) {
  describe(`all 81 Inspector v2 operations through the SDK (${transport})`, () => {
    let target: EmulatorUnderTest;
    let offsetMs = 0;
    const made: Made[] = [];
    let records: Map<string, ParsedRecord[]>;
    let resources: Map<string, { ResourceType?: string; ResourceName?: string }[]>;

    beforeAll(async () => {
      target = await startEmulator(transport, { accounts: directory(), clock: () => new Date(Date.now() + offsetMs) });
      const clients: Record<Caller, ReturnType<typeof inspector2Client>> = {
        user: inspector2Client(target, USER_CREDENTIALS),
        agent: inspector2Client(target, await credentialsFor(target, "AssumedRole", "i-0123456789abcdef0")),
        denied: inspector2Client(target, DENIED),
      };
      await runScenario(
        async (operation, input, as) => {
          const outcome = await send(clients[as], operation, input);
          made.push({ operation, input, outcome });
          return outcome.ok ? { ok: true, output: outcome.output } : { ok: false, error: outcome.name, message: outcome.message };
        },
        (ms) => (offsetMs += ms),
      );
      for (const operation of INSPECTOR2_OPERATIONS) {
        const failing = FAILING[operation]!;
        const input = failing.input({});
        made.push({ operation, input, outcome: await send(clients[failing.as ?? "user"], operation, input) });
      }
      const found = await lookupBySource(cloudTrailClient(target, USER_CREDENTIALS), "inspector2.amazonaws.com");
      records = new Map();
      resources = new Map();
      for (const { record, resources: r } of found) {
        const id = String(record.requestID);
        records.set(id, [...(records.get(id) ?? []), record]);
        resources.set(id, r);
      }
    });
    afterAll(async () => target.close());

    it.each(INSPECTOR2_OPERATIONS)("%s succeeds, with exactly one record that follows the rules", (operation) => {
      const calls = made.filter((m) => m.operation === operation && m.outcome.ok);
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) {
        const found = records.get(call.outcome.requestId) ?? [];
        expect(found).toHaveLength(1);
        checkRecord(call, found[0]!, "us-east-1");
      }
    });

    it.each(INSPECTOR2_OPERATIONS)("%s fails with its error, with exactly one record that carries it", (operation) => {
      const call = made.filter((m) => m.operation === operation).at(-1)!;
      expect(call.outcome.ok).toBe(false);
      if (call.outcome.ok) return;
      expect(call.outcome.name).toBe(FAILING[operation]!.error);
      expect(call.outcome.status).toBe(shapeOf(inspector2Model, call.outcome.name).error?.httpStatusCode);
      if (call.outcome.name === "ValidationException") expect(call.outcome.error["reason"]).toBeDefined();
      const found = records.get(call.outcome.requestId) ?? [];
      expect(found).toHaveLength(1);
      checkRecord(call, found[0]!, "us-east-1");
    });

    it("records nothing else: one record per call", () => {
      expect([...records.values()].flat()).toHaveLength(made.length);
    });

    it("lists the v2 ARNs of a record as LookupEvents Resources, with their CloudFormation types", () => {
      const create = made.find((m) => m.operation === "CreateFilter" && m.outcome.ok)!;
      const arn = (create.outcome as { output: Record<string, unknown> }).output["arn"];
      expect(resources.get(create.outcome.requestId)).toEqual([{ ResourceType: "AWS::InspectorV2::Filter", ResourceName: arn }]);
      const tag = made.find((m) => m.operation === "TagResource" && m.outcome.ok)!;
      expect(resources.get(tag.outcome.requestId)).toEqual([{ ResourceType: "AWS::InspectorV2::Filter", ResourceName: arn }]);
    });
  });
}
