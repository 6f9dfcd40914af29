/**
 * Each of the 37 operations called through @aws-sdk/client-inspector, succeeding and failing,
 * in-process (msw) and over the loopback server, with its record read back through
 * @aws-sdk/client-cloudtrail LookupEvents: exactly one record per call, carrying the call's
 * request id, eventName, request and (for failures) its error.
 */
import * as inspector from "@aws-sdk/client-inspector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAccountDirectoryConfig, loadAccountDirectory } from "../../../emulator/accounts/index.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { successSweep } from "../../../harness/run/coverage-sweep.js";
import { failingInputFor } from "../../../harness/run/failing-input.js";
import { recordsForRequest } from "./read-back.js";
import {
  cloudTrailClient,
  inspectorClient,
  startEmulator,
  USER_CREDENTIALS,
  type Credentials,
  type EmulatorUnderTest,
  type TransportName,
} from "./transports.js";

/** A user whom IAM denies every Inspector action (to make DescribeCrossAccountAccessRole fail). */
const DENIED: Credentials = { accessKeyId: "AKIADENIEDUSER000001", secretAccessKey: "deniedUserSecretKey000000000000000000000" };

function directoryWithDeniedUser() {
  const config = defaultAccountDirectoryConfig();
  const account = config.accounts[0]!;
  return loadAccountDirectory({
    accounts: [
      {
        ...account,
        users: [
          ...account.users,
          { userName: "denied-user", path: "/", userId: "AIDADENIEDUSER0000001", accessKeys: [DENIED], deny: ["inspector:*"] },
        ],
      },
    ],
  });
}

type CommandCtor = new (input: never) => unknown;
const commandFor = (operation: string) => (inspector as unknown as Record<string, CommandCtor>)[`${operation}Command`]!;

/** One call the session made through the SDK. */
interface MadeCall {
  operation: string;
  input: Record<string, unknown>;
  requestId: string;
}

/** Runs the harness's coverage sweep (a realistic session over all 37 operations) through a bare SDK client. */
async function runSession(client: inspector.InspectorClient, advanceClock: (ms: number) => void, uniq: string): Promise<MadeCall[]> {
  const made: MadeCall[] = [];
  await successSweep(
    async (operation, input) => {
      const out = (await client.send(new (commandFor(operation))(input as never) as never)) as { $metadata: { requestId?: string } };
      made.push({ operation, input, requestId: out.$metadata.requestId ?? "" });
      const { $metadata: _, ...output } = out;
      return { ok: true, output };
    },
    { uniq, region: "us-east-1", accountId: "111122223333", runCompletionTimeoutMs: 5_000, pollIntervalMs: 0, sleep: async () => advanceClock(1_000) },
  );
  return made;
}

for (const transport of ["in-process", "loopback"] as TransportName[]) {
  describe(`all 37 operations (${transport})`, () => {
    let target: EmulatorUnderTest;
    let offsetMs = 0;
    let succeeded: MadeCall[] = [];

    beforeAll(async () => {
      target = await startEmulator(transport, { accounts: directoryWithDeniedUser(), clock: () => new Date(Date.now() + offsetMs) });
      succeeded = await runSession(inspectorClient(target, USER_CREDENTIALS), (ms) => (offsetMs += ms), transport);
    });
    afterAll(async () => target.close());

    it("the session scenario calls every operation successfully", () => {
      expect(new Set(succeeded.map((c) => c.operation))).toEqual(new Set(INSPECTOR_OPERATIONS));
    });

    it.each(INSPECTOR_OPERATIONS)("%s succeeds and its record reads back through LookupEvents", async (operation) => {
      const ct = cloudTrailClient(target, USER_CREDENTIALS);
      for (const made of succeeded.filter((c) => c.operation === operation)) {
        const records = await recordsForRequest(ct, operation, made.requestId);
        expect(records).toHaveLength(1);
        const record = records[0]!;
        expect(record).toMatchObject({ eventName: operation, eventSource: "inspector.amazonaws.com", awsRegion: "us-east-1" });
        expect(record["errorCode"]).toBeUndefined();
        expect(record["requestParameters"]).toEqual(operation === "DescribeCrossAccountAccessRole" ? null : made.input);
      }
    });

    it.each(INSPECTOR_OPERATIONS)("%s fails and its record carries the error", async (operation) => {
      // Every operation with input fails on a broken input; the one without (DescribeCrossAccountAccessRole)
      // is made to fail by IAM: its caller is denied every Inspector action.
      const failing = failingInputFor(operation) ?? { input: {}, expectedError: "AccessDeniedException" };
      const client = inspectorClient(target, failingInputFor(operation) === undefined ? DENIED : USER_CREDENTIALS);
      const error = (await client.send(new (commandFor(operation))(failing.input as never) as never).then(
        () => undefined,
        (e: unknown) => e,
      )) as (Error & { $metadata: { requestId?: string } }) | undefined;
      expect(error?.name).toBe(failing.expectedError);
      const records = await recordsForRequest(cloudTrailClient(target, USER_CREDENTIALS), operation, error!.$metadata.requestId!);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ eventName: operation, errorCode: failing.expectedError, errorMessage: error!.message, responseElements: null });
    });
  });
}
