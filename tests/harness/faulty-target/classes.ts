/**
 * The classes of target and transport faults (issue 9, point 7), each as a proxy behaviour with the
 * verdict a faithful target behind it must get and the CloudTrail fault that, present as well, must
 * still make the run fail with its code. `runThroughProxy` runs the suite on the endpoint target
 * against an in-process reference emulator (over loopback) behind the misbehaving proxy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { startHttpServer } from "../../../emulator/transports/http-server.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { startFaultyProxy, type ProxyClass, type RequestKind } from "./proxy.js";
import type { Incident } from "../../../harness/report/check-types.js";

/** One class of point 7. */
export interface FaultClass {
  name: string;
  proxy: ProxyClass;
  /** The verdict of a faithful emulator behind the proxy (never fail, but for a broken record). */
  faithful: "pass" | "unknown" | "fail";
  /** Incident kinds the faithful run's report must hold. */
  incidents: readonly Incident["kind"][];
  /** A CloudTrail fault of the emulator, and the required finding code it must still be caught by. */
  fault: { name: string; code: string };
  /** Extra run settings for the class. */
  flags?: Partial<Record<keyof RunConfig, unknown>>;
}

/** Every class, in the order of the issue. */
export const FAULT_CLASSES: readonly FaultClass[] = [
  {
    name: "connection refused from the 31st Inspector call on",
    proxy: { kind: "refuse-from", afterInspectorCalls: 30 },
    faithful: "unknown",
    incidents: ["target-down", "collector-failed"],
    fault: { name: "read-only-wrong", code: "correlated.read_only" },
  },
  {
    name: "LookupEvents never answers from its 3rd request on",
    proxy: { kind: "lookup-hangs-from", from: 3 },
    faithful: "unknown",
    incidents: ["target-down", "collector-failed"],
    fault: { name: "drop-eventTime", code: "shape.missing_field" },
  },
  {
    name: "reset before the request is forwarded (every 7th Inspector call)",
    proxy: { kind: "reset-before-forward", every: 7 },
    faithful: "pass",
    incidents: ["indeterminate-calls"],
    fault: { name: "failed-calls-not-recorded", code: "completeness.missing_record" },
  },
  {
    name: "reset after forwarding, with half the body sent (every 7th Inspector call)",
    proxy: { kind: "cut-body", every: 7 },
    faithful: "pass",
    incidents: ["indeterminate-calls"],
    fault: { name: "request-parameters-missing-member", code: "echo.request_mismatch" },
  },
  {
    name: "HTML 502 page on Inspector calls (every 7th)",
    proxy: { kind: "html-5xx-inspector", every: 7 },
    faithful: "pass",
    incidents: ["indeterminate-calls"],
    fault: { name: "extra-record-without-call", code: "completeness.extra_record" },
  },
  {
    name: "HTML 502 page on every LookupEvents request from the 4th on",
    proxy: { kind: "html-5xx-lookup", from: 4, every: 1 },
    faithful: "unknown",
    incidents: ["target-down", "collector-failed"],
    fault: { name: "error-code-missing", code: "error.code_missing" },
  },
  {
    name: "ThrottlingException on every 2nd LookupEvents request",
    proxy: { kind: "throttle-lookup", every: 2 },
    faithful: "pass",
    incidents: [],
    fault: { name: "lookup-drops-last-page", code: "completeness.lookup_incomplete" },
    // Each throttled request backs off 250-500 ms, then more: the endpoint profile's deadline, so a
    // faithful run reads everything. 40 sequences (the default): their later batches of records span
    // several pages, so a dropped last page holds records the check must see again.
    flags: { collectDeadlineMs: 5_000, runs: 40 },
  },
  {
    name: "slow answers (30 ms each; every 40th Inspector answer after the call's 1.5 s deadline)",
    proxy: { kind: "slow", delayMs: 30, stallEvery: 40, stallMs: 2_000 },
    faithful: "pass",
    incidents: ["indeterminate-calls"],
    fault: { name: "assumed-role-as-iam-user", code: "identity.type_mismatch" },
    flags: { callTimeoutMs: 1_500 },
  },
  {
    name: "a CloudTrailEvent that is not valid JSON (the first event of every 3rd LookupEvents page)",
    proxy: { kind: "broken-event-json", every: 3 },
    // CloudTrail delivered a broken record: that is a CloudTrail defect, so fail.
    faithful: "fail",
    incidents: [],
    fault: { name: "event-source-misspelled", code: "correlated.event_source" },
  },
];

/** What one run through the proxy gave. */
export interface ProxiedRun {
  run: ConformanceRun;
  seconds: number;
  /** Requests the proxy saw, per kind, and how many it misbehaved on. */
  counts: Record<RequestKind, number>;
  misbehaved: number;
  reportsDir: string;
}

/** Runs the suite (endpoint target, interactive, `runs` sequences) through the class's proxy; `fault`: an emulator fault as well. */
export async function runThroughProxy(cls: FaultClass, fault: string | undefined, runs = 10): Promise<ProxiedRun> {
  const emulator = createEmulator({ faults: fault === undefined ? [] : [fault] });
  const server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1 << 20 });
  const proxy = await startFaultyProxy(server.endpoint, cls.proxy);
  const reportsDir = mkdtempSync(join(tmpdir(), "faulty-target-"));
  const env = {
    AWS_ENDPOINT_URL: proxy.endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
    CONFORMANCE_ROOT_ACCESS_KEY_ID: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
    CONFORMANCE_ROOT_SECRET_ACCESS_KEY: DEFAULT_ROOT_ACCESS_KEY.secretAccessKey,
  };
  // The emulator behind the proxy records each call before it answers: a collection deadline of
  // 1.5 s (the endpoint profile's is 5 s, for emulators that deliver later) loses no record, and a
  // fault's missing records cost each checked sequence 1.5 s instead of 5 s.
  const config = resolveRunConfig({ target: "endpoint", services: ["inspector"], runs, reportsDir, collectDeadlineMs: 1_500, maxShrinks: 40, ...cls.flags }, {});
  const started = Date.now();
  try {
    const run = await runConformance(config, env, () => undefined);
    return { run, seconds: (Date.now() - started) / 1000, counts: { ...proxy.counts }, misbehaved: proxy.misbehaved, reportsDir };
  } finally {
    await proxy.close();
    await server.close();
    await emulator.close();
  }
}

/** Required finding codes of a run's failing checks. */
export function requiredCodes(run: ConformanceRun): Set<string> {
  const codes = new Set<string>();
  for (const c of run.report.checks) {
    if (c.status !== "fail") continue;
    for (const f of c.counterexample?.findings ?? []) if (f.severity === "required") codes.add(f.code);
    for (const m of c.message.matchAll(/([a-z]+\.[a-z_]+) ×\d+/g)) codes.add(m[1]!);
  }
  return codes;
}

/** Removes a run's reports folder. */
export function cleanUp(r: ProxiedRun): void {
  rmSync(r.reportsDir, { recursive: true, force: true });
}
