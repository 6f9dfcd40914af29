/**
 * Test fixtures for the collectors: a virtual clock shared by the collector and the emulator, a reference
 * emulator on loopback that stamps each CloudTrail request with that clock, and Inspector calls recorded
 * as ObservedCall history lines.
 */
import { ListRulesPackagesCommand, InspectorClient } from "@aws-sdk/client-inspector";
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { DEFAULT_ACCOUNT_ID, DEFAULT_USER_ACCESS_KEY, DEFAULT_USER_ID, DEFAULT_USER_NAME } from "../../../emulator/accounts/index.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../../emulator/emulator.js";
import { startHttpServer } from "../../../emulator/transports/http-server.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { createLookupClient } from "../../../harness/collect/lookup-client.js";

/** A clock that moves only when something sleeps on it. */
export interface VirtualClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  date: () => Date;
  /** Moves time forward by `ms` (as if work took that long). */
  advance: (ms: number) => void;
  /**
   * Keeps an SDK client's signing clock on virtual time (its `systemClockOffset`, which the SDK's signer
   * reads on every request), so the emulator's 5-minute signature skew check passes however far time moves.
   */
  attach: (client: { config: { systemClockOffset?: number } }) => void;
}

/** A virtual clock starting at the real time (signatures stay within the emulator's allowed skew). */
export function virtualClock(start = Date.now()): VirtualClock {
  let t = start;
  const clients: { config: { systemClockOffset?: number } }[] = [];
  const sync = (): void => {
    for (const client of clients) client.config.systemClockOffset = t - Date.now();
  };
  return {
    now: () => t,
    date: () => new Date(t),
    advance: (ms) => {
      t += ms;
      sync();
    },
    sleep: async (ms) => {
      t += Math.max(0, ms);
      sync();
      await new Promise((resolve) => setImmediate(resolve));
    },
    attach: (client) => {
      clients.push(client);
      sync();
    },
  };
}

/** A loopback emulator whose LookupEvents requests are counted and time-stamped. */
export interface StampedEmulator {
  emulator: Emulator;
  endpoint: string;
  /** Clock reading (ms) at each LookupEvents request the emulator received, and the status it answered. */
  lookups: { at: number; status: number }[];
  inspector(): InspectorClient;
  cloudtrail(): CloudTrailClient;
  close(): Promise<void>;
}

/** Starts the reference emulator on loopback; `clock` (default the real clock) is the emulator's clock and the stamps'. */
export async function startStampedEmulator(options: EmulatorOptions = {}, clock?: VirtualClock): Promise<StampedEmulator> {
  const emulator = createEmulator({ ...options, ...(clock !== undefined ? { clock: clock.date } : {}) });
  const now = clock?.now ?? Date.now;
  const lookups: { at: number; status: number }[] = [];
  const http = await startHttpServer(
    async (req) => {
      const at = now();
      const res = await emulator.handle(req);
      if ((req.headers["x-amz-target"] ?? "").endsWith(".LookupEvents")) lookups.push({ at, status: res.status });
      return res;
    },
    { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 },
  );
  const config = { region: "us-east-1", credentials: { ...DEFAULT_USER_ACCESS_KEY }, endpoint: http.endpoint, maxAttempts: 1 };
  return {
    emulator,
    endpoint: http.endpoint,
    lookups,
    inspector: () => {
      const client = new InspectorClient(config);
      clock?.attach(client);
      return client;
    },
    cloudtrail: () => {
      const client = createLookupClient(config, 5000);
      clock?.attach(client);
      return client;
    },
    close: async () => {
      await http.close();
      await emulator.close();
    },
  };
}

/** The default IAM user as the oracles expect it (the collectors read only seq, requestId and sentToService). */
const USER_IDENTITY: ObservedCall["identity"] = {
  kind: "IAMUser",
  accountId: DEFAULT_ACCOUNT_ID,
  accessKeyId: DEFAULT_USER_ACCESS_KEY.accessKeyId,
  callerArn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:user/${DEFAULT_USER_NAME}`,
  callerUserId: DEFAULT_USER_ID,
  userName: DEFAULT_USER_NAME,
};

/** Makes `n` ListRulesPackages calls and returns them as history lines, seq from `firstSeq`. */
export async function listCalls(client: InspectorClient, n: number, now: () => number = Date.now, firstSeq = 0): Promise<ObservedCall[]> {
  const calls: ObservedCall[] = [];
  for (let i = 0; i < n; i++) {
    const startedAt = new Date(now()).toISOString();
    const out = await client.send(new ListRulesPackagesCommand({}));
    const { $metadata, ...response } = out;
    calls.push({
      service: "inspector",
      seq: firstSeq + i,
      operation: "ListRulesPackages",
      identity: USER_IDENTITY,
      region: "us-east-1",
      request: {},
      response,
      outcome: "ok",
      requestId: $metadata.requestId!,
      sentToService: true,
      startedAt,
      endedAt: new Date(now()).toISOString(),
    });
  }
  return calls;
}

/** A call the SDK rejected before sending: no request id, no record expected. */
export function unsentCall(seq: number, now: () => number = Date.now): ObservedCall {
  const at = new Date(now()).toISOString();
  return {
    service: "inspector",
    seq,
    operation: "DescribeFindings",
    identity: USER_IDENTITY,
    region: "us-east-1",
    request: null,
    response: null,
    outcome: "error",
    error: { code: "ValidationError", message: "findingArns is required" },
    sentToService: false,
    startedAt: at,
    endedAt: at,
  };
}

/** The window of a run's calls. */
export function windowOf(calls: readonly ObservedCall[]): { start: Date; end: Date } {
  return { start: new Date(calls[0]!.startedAt), end: new Date(calls.at(-1)!.endedAt) };
}
