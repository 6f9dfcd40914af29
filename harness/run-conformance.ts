/**
 * One conformance run, end to end: provision identities, probe the target, execute (the coverage
 * sweep, then random model-based sequences), collect the CloudTrail records, check them with the
 * oracles, and write the reports. Interactive mode checks each sequence at once and shrinks a
 * failure; deferred mode (default on AWS) executes everything and collects once at the end.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { IdentityKind, IdentityRequest } from "../generators/identities.js";
import type { PoolScope, ResourcePool } from "../generators/resource-pool.js";
import { checkRun } from "../oracles/index.js";
import { oracleContext, type OracleContext } from "../oracles/observed-call.js";
import { collectAndCheck, type CheckedBatch, type CollectSettings } from "./batch-check.js";
import { createLookupClient } from "./collectors/lookup-client.js";
import { recordsFileBeside, writeRecordsFile } from "./collectors/records-file.js";
import type { RunConfig } from "./config.js";
import { failureSweep, successSweep } from "./coverage-sweep.js";
import { runDeferredPhase } from "./deferred-phase.js";
import { HistoryExecutor, targetIdentities } from "./executor.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "./failing-input.js";
import { HistoryWriter } from "./history.js";
import { runInteractivePhase, type ShrunkFailure } from "./interactive-phase.js";
import { probeTarget } from "./probe.js";
import { replayCommand } from "./replay.js";
import { buildReport, counterexampleCall, renderConsole, useColour, writeReports, type ConformanceReport } from "./report/index.js";
import type { IdentityStatus, Unsupported } from "./report/check-types.js";
import type { Counterexample } from "./report/counterexample.js";
import { createTarget, type HarnessTarget } from "./targets/index.js";
import type { ProvisionedIdentity } from "./target.js";

/** The outcome of a run: the report, the exit code and where the files are. */
export interface ConformanceRun {
  report: ConformanceReport;
  exitCode: 0 | 1 | 2;
  paths: { json: string; md: string; html: string; history: string; records: string };
  /** The console summary table and verdict line. */
  summary: string;
}

/** Options for tests and self-tests: an injected target (e.g. an emulator with faults). */
export interface RunOptions {
  target?: HarnessTarget;
}

const KINDS: readonly IdentityKind[] = ["IAMUser", "Root", "AssumedRole", "FederatedUser"];

/** Collector behaviour per target: AWS is slow and rate-limited; emulators answer at once. */
function collectSettings(config: RunConfig, target: HarnessTarget, base: ProvisionedIdentity, ctx: OracleContext): CollectSettings {
  const aws = config.target === "aws";
  return {
    client: createLookupClient({ region: config.region, credentials: base.credentials, ...endpointOf(target) }),
    requestsPerSecond: config.lookupRequestsPerSecond ?? (aws ? 2 : 0),
    deadlineMs: config.collectDeadlineMs ?? (aws ? 15 * 60_000 : config.target === "endpoint" ? 5_000 : 1_500),
    pollIntervalMs: aws ? 30_000 : config.target === "endpoint" ? 250 : 100,
    marginMs: ctx.clockSkewMs,
  };
}

function endpointOf(target: HarnessTarget): { endpoint?: string } {
  const client = target.cloudtrail({ accessKeyId: "probe", secretAccessKey: "probe" });
  const endpoint = (client.config as { endpoint?: unknown }).endpoint;
  client.destroy();
  return endpoint === undefined || target.endpoint === undefined ? {} : { endpoint: target.endpoint };
}

/** The identity request the sweep uses for each kind (fixed STS names). */
function sweepIdentity(kind: IdentityKind): IdentityRequest {
  if (kind === "AssumedRole") return { kind, sessionName: "conformance-sweep" };
  if (kind === "FederatedUser") return { kind, federatedName: "conformance-sweep" };
  return { kind };
}

/** Runs the suite against the configured (or injected) target and writes the reports. */
export async function runConformance(
  config: RunConfig,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  options: RunOptions = {},
): Promise<ConformanceRun> {
  const startedAt = new Date().toISOString();
  const historyPath = join(config.reportsDir, "run", "history.jsonl");
  const recordsPath = recordsFileBeside(historyPath);
  rmSync(historyPath, { force: true });
  rmSync(recordsPath, { force: true });
  const history = new HistoryWriter(historyPath);
  const deferred = config.deferred || config.target === "aws";
  const unsupported: Unsupported[] = [];
  const messages: string[] = [];
  const counterexamples: Counterexample[] = [];
  const records = new Map<string, unknown>();
  /** Request ids of calls outside the checked history (the probe's): their records are not the run's. */
  const uncheckedRequestIds = new Set<string>();
  const collection = { requests: 0, throttled: 0, duplicatesCollapsed: 0 };
  let identities: IdentityStatus[] = KINDS.map((kind) => ({ kind, status: "na", reason: "not provisioned: the run stopped before" }));
  let executor: HistoryExecutor | undefined;
  let ctx = oracleContext("000000000000", { rulesEdition: config.rulesEdition });

  const keep = (batch: CheckedBatch): void => {
    collection.requests += batch.collection.requests;
    collection.throttled += batch.collection.throttled;
    collection.duplicatesCollapsed += batch.collection.duplicatesCollapsed;
    if (batch.collection.unsupported !== undefined) unsupported.push({ scope: "lookupEvents", reason: batch.collection.unsupported });
    for (const e of batch.collection.errors) messages.push(`collector: ${e}`);
    batch.records.forEach((r, i) => {
      if (!uncheckedRequestIds.has(fieldOf(r, "requestID") ?? "")) records.set(fieldOf(r, "eventID") ?? `no-event-id-${records.size}-${i}`, r);
    });
  };

  let target: HarnessTarget | undefined;
  try {
    target = options.target ?? createTarget(config, env);
    log(`conformance: target ${target.name}${target.endpoint ? ` at ${target.endpoint}` : ""}, region ${config.region}, seed ${config.seed}, ${deferred ? "deferred" : "interactive"} mode`);
    const availability = await Promise.all(KINDS.map((kind) => target!.provision(kind)));
    identities = availability.map((a) => (a.status === "available" ? { kind: a.kind, status: "available" } : { kind: a.kind, status: "na", reason: a.reason }));
    const base = availability.find((a) => a.kind === "IAMUser" && a.status === "available") ?? availability.find((a) => a.status === "available");
    if (base === undefined || base.status !== "available") {
      unsupported.push({ scope: "target", reason: `no credentials could be used: ${availability.map((a) => `${a.kind}: ${a.status === "na" ? a.reason : "ok"}`).join("; ")}` });
    } else {
      const probe = await probeTarget(target, base.identity, config);
      for (const id of probe.inspectorRequestIds) uncheckedRequestIds.add(id);
      for (const scope of ["inspector", "lookupEvents", "sts"] as const) {
        const capability = probe[scope];
        if (capability.status === "missing") unsupported.push({ scope, reason: capability.reason });
      }
      if (probe.inspector.status === "ok" && probe.lookupEvents.status === "ok") {
        ctx = oracleContext(base.identity.expected.accountId, { rulesEdition: config.rulesEdition });
        executor = new HistoryExecutor({ target, config, history, identities: targetIdentities(target) });
        await execute(config, deferred, target, base.identity, executor, ctx, keep, counterexamples, log, uncheckedRequestIds);
      } else {
        log("conformance: the target cannot be checked; nothing was executed (see the report's messages)");
      }
    }
  } catch (err) {
    unsupported.push({ scope: "target", reason: `the run stopped: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    history.close();
    await target?.close();
  }

  const calls = executor?.calls() ?? [];
  const allRecords = [...records.values()];
  const result = checkRun(calls, allRecords, ctx);
  const report = buildReport({
    target: config.target,
    endpoint: target?.endpoint,
    region: config.region,
    seed: config.seed,
    runs: config.runs,
    rulesEdition: config.rulesEdition,
    mode: deferred ? "deferred" : "interactive",
    startedAt,
    endedAt: new Date().toISOString(),
    clockSkewMs: ctx.clockSkewMs,
    calls,
    records: allRecords,
    findings: result,
    identities,
    unsupported,
    collection,
    replayCommand: () => replayCommand(config),
    counterexamples,
    messages,
    historyFile: historyPath,
    recordsFile: recordsPath,
    cannotFail: OPERATIONS_WITHOUT_FAILING_INPUT,
  });
  await writeRecordsFile(recordsPath, allRecords);
  const written = await writeReports(report, config.reportsDir);
  return {
    report,
    exitCode: report.exitCode as 0 | 1 | 2,
    paths: { json: written.json, md: written.markdown, html: written.html, history: historyPath, records: recordsPath },
    summary: renderConsole(report, useColour(process.stdout, env)),
  };
}

/** A string field of a record given as an object or as CloudTrailEvent text. */
function fieldOf(record: unknown, key: "eventID" | "requestID"): string | undefined {
  let value = record;
  if (typeof record === "string") {
    try {
      value = JSON.parse(record) as unknown;
    } catch {
      return undefined;
    }
  }
  const id = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof id === "string" ? id : undefined;
}

/** The execution phases: the coverage sweep, then the random sequences. */
async function execute(
  config: RunConfig,
  deferred: boolean,
  target: HarnessTarget,
  base: ProvisionedIdentity,
  executor: HistoryExecutor,
  ctx: OracleContext,
  keep: (batch: CheckedBatch) => void,
  counterexamples: Counterexample[],
  log: (line: string) => void,
  uncheckedRequestIds: ReadonlySet<string>,
): Promise<void> {
  const available = await Promise.all(KINDS.map((kind) => target.provision(kind)));
  const kinds = available.filter((a) => a.status === "available").map((a) => a.kind);
  const scope: PoolScope = { region: config.region, accountId: base.expected.accountId };
  const seedPool = (pool: ResourcePool): void => {
    pool.add("topic", `arn:aws:sns:${scope.region}:${scope.accountId}:conformance-topic`);
    pool.add("role", `arn:aws:iam::${scope.accountId}:role/inspector-cross-account`);
  };
  const collect = collectSettings(config, target, base, ctx);
  const earlier = new Set<string>(uncheckedRequestIds);

  const uniq = `${config.seed}-${Date.now().toString(36)}`;
  await Promise.all(
    kinds.map(async (kind) => {
      const who = sweepIdentity(kind);
      const call = (operation: string, input: Record<string, unknown>) => executor.call(who, operation, input);
      await successSweep(call, {
        uniq: `${kind}-${uniq}`,
        region: config.region,
        accountId: scope.accountId,
        runCompletionTimeoutMs: config.target === "aws" ? 30 * 60_000 : 10_000,
        pollIntervalMs: config.target === "aws" ? 30_000 : 250,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      });
      await failureSweep(call);
    }),
  );
  log(`conformance: coverage sweep made ${executor.calls().length} calls as ${kinds.join(", ")}`);

  if (deferred) {
    const started = Date.now();
    const { sequences } = await runDeferredPhase({ config, executor, kinds, scope, seedPool, shouldStop: () => false });
    log(`conformance: executed ${sequences} sequences (${executor.calls().length} calls) in ${Date.now() - started} ms; collecting`);
    keep(await collectAndCheck(executor.calls(), collect, ctx, earlier));
    return;
  }

  const sweep = await collectAndCheck(executor.calls(), collect, ctx, earlier);
  keep(sweep);
  for (const c of executor.calls()) if (c.requestId !== undefined) earlier.add(c.requestId);
  const { failure, sequences } = await runInteractivePhase({ config, executor, kinds, scope, seedPool, collect, ctx, earlierRequestIds: earlier, onBatch: keep });
  log(`conformance: ${sequences} random sequences${failure ? `, shrunk to a ${failure.calls.length}-call counterexample` : ", no counterexample"}`);
  if (failure !== undefined) counterexamples.push(shrunkCounterexample(failure));
}

function shrunkCounterexample(failure: ShrunkFailure): Counterexample {
  return { calls: failure.calls.map(counterexampleCall), findings: failure.findings, replay: failure.replay };
}
