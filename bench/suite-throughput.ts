/**
 * (b) End-to-end throughput of the suite on the reference emulator: report.calls / wall time of
 * runConformance (executed, collected and checked), per transport (embedded msw target; endpoint
 * target against an in-process loopback emulator) and mode, with a breakdown of where the wall time
 * went, measured from outside the suite:
 * - Inspector / STS calls in flight on the client side (an SDK initialize-step middleware on the
 *   target's clients: serialise, sign, transport, emulator, parse);
 * - requests in the emulator per service, on the server side (msw lifecycle events, or a wrapper
 *   around the loopback emulator's handler): LookupEvents there is the collection's service time;
 * - event-loop idle time (performance.eventLoopUtilization): waits on timers (polls, sleeps);
 * - checking and reporting, re-timed afterwards on the run's own history and records files
 *   (checkRun alone, then recheckHistory's build and write of the reports).
 */
import type { MiddlewareStack } from "@smithy/types";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../emulator/accounts/default-directory.js";
import type { WireRequest, WireResponse } from "../emulator/core/types.js";
import { createEmulator } from "../emulator/emulator.js";
import { startHttpServer } from "../emulator/transports/http-server.js";
import { readRecordsFile } from "../harness/collect/records-file.js";
import { resolveRunConfig, type RunConfig } from "../harness/config.js";
import { readHistory } from "../harness/execute/history.js";
import { recheckHistory } from "../harness/check/recheck.js";
import { runConformance, type ConformanceRun } from "../harness/run/run-conformance.js";
import { createEmbeddedTarget, createEndpointTarget, type HarnessTarget } from "../harness/targets/index.js";
import { checkRun } from "../oracles/index.js";
import { oracleContext } from "../oracles/context.js";
import { profiled, type ProfileSummary } from "./cpu-profile.js";
import { IntervalLog } from "./intervals.js";
import { capturingTarget, replayBare, type BareReplayResult, type CapturedCall } from "./bare-replay.js";

/** The transports of (b). */
export type SuiteTransport = "embedded" | "endpoint";

/** Where one run's wall time went, in ms (the parts overlap; each is a union of intervals). */
export interface SuiteBreakdown {
  inspectorClientMs: number;
  inspectorServerMs: number;
  lookupEventsServerMs: number;
  stsClientMs: number;
  /** Wall time with no Inspector, STS or LookupEvents request in flight. */
  outsideCallsMs: number;
  eventLoopIdleMs: number;
  /** checkRun over the whole history, re-timed on the run's files. */
  checkingMs: number;
  /** Reading the two files back (part of the re-check, not of the run). */
  readFilesMs: number;
  /** Building and writing the reports (recheckHistory minus its read and check). */
  reportingMs: number;
  inspectorCalls: number;
  lookupEventsRequests: number;
}

/** One measured conformance run. */
export interface SuiteResult {
  transport: SuiteTransport;
  mode: "interactive" | "deferred";
  runs: number;
  maxCommands: number;
  calls: number;
  records: number;
  verdict: string;
  wallMs: number;
  callsPerSecond: number;
  breakdown: SuiteBreakdown;
  /** Calls of the coverage sweeps of every service (from the run's log), for sizing other runs. */
  sweepCalls: number | undefined;
  /** The run's own Inspector calls sent again by plain SDK clients to the same emulator, right after (bare-replay.ts). */
  bareReplay: BareReplayResult;
  profile?: ProfileSummary;
}

/** How to run it. */
export interface SuiteOptions {
  transport: SuiteTransport;
  deferred: boolean;
  /** Default: the suite's default budget (40 runs of at most 12 commands). */
  runs?: number;
  maxCommands?: number;
  /** Write a .cpuprofile of the run to this file and summarise it. */
  profileFile?: string;
}

type AnyStack = MiddlewareStack<object, object>;
const instrumented = new WeakSet<object>();

/** Adds a timing middleware (initialize step: the whole call) to a client, once. */
function timeClient<C extends { middlewareStack: unknown }>(client: C, label: string, log: IntervalLog): C {
  if (instrumented.has(client)) return client;
  instrumented.add(client);
  (client.middlewareStack as AnyStack).add(
    (next) => async (args) => {
      const end = log.begin(label);
      try {
        return await next(args);
      } finally {
        end();
      }
    },
    { step: "initialize", name: "benchCallTimer", priority: "high" },
  );
  return client;
}

/** The same target with its Inspector and STS clients timed. */
function timedTarget(target: HarnessTarget, log: IntervalLog): HarnessTarget {
  return {
    ...target,
    client: (service, c) => timeClient(target.client(service, c), "inspector-client", log),
    sts: (c) => timeClient(target.sts(c), "sts-client", log),
  };
}

/** Which service a request is for: Classic by its X-Amz-Target, v2 (rest-json) by a path other than STS's `/`. */
function serverLabel(amzTarget: string | null | undefined, url: string): string {
  if (amzTarget?.startsWith("InspectorService.")) return "inspector-server";
  if (amzTarget?.includes("CloudTrail_20131101.")) return "lookup-server";
  if (new URL(url).pathname !== "/") return "inspector-server";
  return "sts-server";
}

/** Wraps an emulator handler so each request's service time is logged. */
function timedHandler(handle: (req: WireRequest) => Promise<WireResponse>, log: IntervalLog) {
  return async (req: WireRequest): Promise<WireResponse> => {
    const end = log.begin(serverLabel(req.headers["x-amz-target"], req.url));
    try {
      return await handle(req);
    } finally {
      end();
    }
  };
}

/** The run's target, timed on both sides; where a bare client reaches the same emulator; how to stop what was started here. */
async function buildTarget(config: RunConfig, transport: SuiteTransport, log: IntervalLog): Promise<{ target: HarnessTarget; bareEndpoint: () => Promise<{ endpoint: string; stop: () => Promise<void> }>; stop: () => Promise<void> }> {
  if (transport === "embedded") {
    const target = createEmbeddedTarget(config, {}, { wrap: (handle) => timedHandler(async (req) => handle(req), log) });
    // The embedded emulator listens on a loopback port of its own; the bare client gets another on the same instance.
    const bareEndpoint = async () => {
      const server = await startHttpServer((req) => target.emulator!.handle(req), { host: "127.0.0.1", port: 0, maxBodyBytes: 1_048_576 });
      return { endpoint: server.endpoint, stop: () => server.close() };
    };
    return { target: timedTarget(target, log), bareEndpoint, stop: async () => undefined };
  }
  const emulator = createEmulator({ rulesEdition: config.rulesEdition });
  const server = await startHttpServer(timedHandler((req) => emulator.handle(req), log), { host: "127.0.0.1", port: 0, maxBodyBytes: 1_048_576 });
  const env = {
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
    AWS_REGION: config.region,
    CONFORMANCE_ROOT_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
    CONFORMANCE_ROOT_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey,
  };
  return {
    target: timedTarget(createEndpointTarget(config, env), log),
    bareEndpoint: async () => ({ endpoint: server.endpoint, stop: async () => undefined }),
    stop: async () => {
      await server.close();
      await emulator.close();
    },
  };
}

/** Re-times checking and reporting on the run's own files. */
async function retimeCheckAndReport(run: ConformanceRun, config: RunConfig): Promise<Pick<SuiteBreakdown, "checkingMs" | "readFilesMs" | "reportingMs">> {
  const t0 = performance.now();
  const history = readHistory(run.paths.history);
  const records = await readRecordsFile(run.paths.records);
  const readFilesMs = performance.now() - t0;
  const ctx = oracleContext(history.calls[0]?.identity.accountId ?? "000000000000", { rulesEdition: config.rulesEdition });
  const dir = mkdtempSync(join(tmpdir(), "bench-recheck-"));
  try {
    // Best of two, so both figures are taken warm and the subtraction below is fair.
    let checkingMs = Number.POSITIVE_INFINITY;
    let recheckMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 2; i++) {
      const t1 = performance.now();
      checkRun(history.calls, records.records, ctx);
      checkingMs = Math.min(checkingMs, performance.now() - t1);
      const t2 = performance.now();
      await recheckHistory({ historyPath: run.paths.history, recordsPath: run.paths.records, reportsDir: dir, rulesEdition: config.rulesEdition, env: {} });
      recheckMs = Math.min(recheckMs, performance.now() - t2);
    }
    return { checkingMs, readFilesMs, reportingMs: Math.max(0, recheckMs - readFilesMs - checkingMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the suite once on a fresh emulator and measures it. */
export async function measureSuite(options: SuiteOptions): Promise<SuiteResult> {
  const reportsDir = mkdtempSync(join(tmpdir(), "bench-suite-"));
  const config = resolveRunConfig(
    { target: options.transport, deferred: options.deferred, reportsDir, ...(options.runs !== undefined ? { runs: options.runs } : {}), ...(options.maxCommands !== undefined ? { maxCommands: options.maxCommands } : {}) },
    {},
  );
  const log = new IntervalLog();
  const built = await buildTarget(config, options.transport, log);
  const captured: CapturedCall[] = [];
  const target = capturingTarget(built.target, captured);
  let sweepCalls: number | undefined;
  const onLog = (line: string): void => {
    // One line per service: the sweep's calls are their sum.
    const m = /coverage sweep made (\d+) calls/.exec(line);
    if (m?.[1] !== undefined) sweepCalls = (sweepCalls ?? 0) + Number(m[1]);
  };
  try {
    const elu0 = performance.eventLoopUtilization();
    const started = performance.now();
    const go = () => runConformance(config, {}, onLog, { target });
    const { result: run, summary } = options.profileFile !== undefined ? await profiled(options.profileFile, go) : { result: await go(), summary: undefined };
    const wallMs = performance.now() - started;
    const elu = performance.eventLoopUtilization(elu0);
    const bare = await built.bareEndpoint();
    const bareReplay = await replayBare(captured, bare.endpoint, config.region).finally(() => bare.stop());
    const retimed = await retimeCheckAndReport(run, config);
    return {
      transport: options.transport,
      mode: options.deferred ? "deferred" : "interactive",
      runs: config.runs,
      maxCommands: config.maxCommands,
      calls: run.report.calls,
      records: run.report.records,
      verdict: run.report.verdict,
      wallMs,
      callsPerSecond: run.report.calls / (wallMs / 1000),
      sweepCalls,
      bareReplay,
      breakdown: {
        inspectorClientMs: log.unionMs("inspector-client"),
        inspectorServerMs: log.unionMs("inspector-server"),
        lookupEventsServerMs: log.unionMs("lookup-server"),
        stsClientMs: log.unionMs("sts-client"),
        outsideCallsMs: Math.max(0, wallMs - log.unionMs("inspector-client", "sts-client", "lookup-server")),
        eventLoopIdleMs: elu.idle,
        ...retimed,
        inspectorCalls: log.count("inspector-client"),
        lookupEventsRequests: log.count("lookup-server"),
      },
      ...(summary !== undefined ? { profile: summary } : {}),
    };
  } finally {
    await target.close();
    await built.stop();
    rmSync(reportsDir, { recursive: true, force: true });
  }
}
