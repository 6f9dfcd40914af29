/**
 * One conformance run, end to end: provision identities, probe the target, execute (the coverage
 * sweep, then random model-based sequences), collect the CloudTrail records, check them with the
 * oracles, and write the reports. Interactive mode checks each sequence at once and shrinks a
 * failure; deferred mode (default on AWS) executes everything and collects once at the end.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { IdentityKind, IdentityRequest } from "../../generators/identities.js";
import type { PoolScope, ResourcePool } from "../../generators/resource-pool.js";
import { checkRun, recordField, type Finding, type RunResult } from "../../oracles/index.js";
import { type ObservedCall } from "../../history/observed-call.js";
import { INSPECTOR_EVENT_SOURCE, oracleContext, type OracleContext } from "../../oracles/context.js";
import { collectAndCheck, EarlierBatches, type CheckedBatch, type CollectSettings } from "../check/batch-check.js";
import { collectSettings, whereOf } from "../collect/collect-settings.js";
import { appendRecordsFile, recordsFileBeside, writeRecordsFile } from "../collect/records-file.js";
import type { ChunkedCheck } from "../check/chunked-check.js";
import { collectHistory } from "../check/collect-history.js";
import { ConfigError, type RunConfig } from "../config.js";
import { failureSweep, successSweep } from "./coverage-sweep.js";
import { runDeferredPhase } from "./deferred-phase.js";
import { HistoryExecutor, targetIdentities } from "../execute/executor.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "./failing-input.js";
import { HistoryWriter } from "../execute/history.js";
import { CollectorTrouble, incidentsOf } from "../report/incidents.js";
import { runFileBeside, writeRunFile, type RunFile } from "./run-file.js";
import { TargetDownError, TargetHealth } from "../execute/target-health.js";
import { KnownRecords } from "../collect/known-records.js";
import { runInteractivePhase, type ShrunkFailure } from "./interactive-phase.js";
import { checkTrailFiles, checkTrailFilesInChunks } from "../check/trail-check.js";
import { probeTarget } from "../targets/probe.js";
import { replayCommand } from "./replay.js";
import { buildReport, counterexampleCall, renderConsole, useColour, writeReports, type ConformanceReport } from "../report/index.js";
import type { IdentityStatus, Unsupported } from "../report/check-types.js";
import type { Counterexample } from "../report/counterexample.js";
import { createTarget, type HarnessTarget } from "../targets/index.js";
import type { ProvisionedIdentity } from "../targets/target.js";

/** The outcome of a run: the report, the exit code and where the files are. */
export interface ConformanceRun {
  report: ConformanceReport;
  exitCode: 0 | 1 | 2;
  paths: { json: string; md: string; html: string; history: string; records: string };
  /** The console summary table and verdict line. */
  summary: string;
}

/** Options for tests, self-tests and benchmarks. */
export interface RunOptions {
  /** An injected target (e.g. an emulator with faults) instead of the configured one. */
  target?: HarnessTarget;
  /** Called once, when the first required finding is found: calls made so far and ms since the run started. */
  onDetection?: (at: { calls: number; elapsedMs: number }) => void;
}

const KINDS: readonly IdentityKind[] = ["IAMUser", "Root", "AssumedRole", "FederatedUser"];

/** The identity request the sweep uses for each kind (fixed STS names). */
function sweepIdentity(kind: IdentityKind): IdentityRequest {
  if (kind === "AssumedRole") return { kind, sessionName: "conformance-sweep" };
  if (kind === "FederatedUser") return { kind, federatedName: "conformance-sweep" };
  return { kind };
}

/**
 * Runs the suite against the configured (or injected) target and writes the reports.
 * @throws ConfigError for configuration that names no usable target (nothing is run or written).
 */
export async function runConformance(
  config: RunConfig,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  options: RunOptions = {},
): Promise<ConformanceRun> {
  const startedAt = new Date().toISOString();
  const historyPath = join(config.reportsDir, "run", "history.jsonl");
  const recordsPath = recordsFileBeside(historyPath);
  const runPath = runFileBeside(historyPath);
  // Bad configuration (no endpoint URL, unknown EMULATOR_FAULTS) stops here, before anything is written.
  const target: HarnessTarget = options.target ?? createTarget(config, env);
  for (const path of [historyPath, recordsPath, runPath]) rmSync(path, { force: true });
  const history = new HistoryWriter(historyPath);
  const deferred = config.deferred || config.target === "aws";
  const unsupported: Unsupported[] = [];
  const messages: string[] = [];
  const notes = new Set<string>();
  const counterexamples: Counterexample[] = [];
  const records = new Map<string, unknown>();
  /** Request ids of calls outside the checked history (the probe's): their records are not the run's. */
  const probeRequestIds = new Set<string>();
  /** What earlier batches took: the probe's request ids first, then each checked batch's. */
  const earlier = new EarlierBatches();
  const collection = { requests: 0, throttled: 0, duplicatesCollapsed: 0 };
  const lookupFindings: Finding[] = [];
  /** Collected records with their calls: later queries whose window holds them must return them again. */
  const known = new KnownRecords();
  const where = whereOf(config, target);
  const health = new TargetHealth(where);
  const trouble = new CollectorTrouble();
  /** Calls whose records could not be read (their collection failed): unknown, not missing. */
  const uncollected = new Set<number>();
  let identities: IdentityStatus[] = KINDS.map((kind) => ({ kind, status: "na", reason: "not provisioned: the run stopped before" }));
  let executor: HistoryExecutor | undefined;
  let ctx = oracleContext("000000000000", { rulesEdition: config.rulesEdition });
  let runFile: RunFile | undefined;

  const startedMs = Date.now();
  let detected = false;
  /** Counts a checked batch's collection, and notes the first detection. */
  const tally = (batch: CheckedBatch): void => {
    if (batch.failed && !detected) {
      detected = true;
      options.onDetection?.({ calls: executor?.calls().length ?? 0, elapsedMs: Date.now() - startedMs });
    }
    const c = batch.collection;
    collection.requests += c.requests;
    collection.throttled += c.throttled;
    collection.duplicatesCollapsed += c.duplicatesCollapsed;
    // The probe found LookupEvents: failing (or seeming absent) later is the target failing, not a gap.
    const readAll = c.readAll && c.unsupported === undefined;
    trouble.add(c.failures, batch.result.uncollected.length, readAll, c.unsupported);
    for (const seq of batch.result.uncollected) uncollected.add(seq);
    health.observeCollection(readAll, Object.keys(c.failures.byCode).join(", ") || c.unsupported);
    for (const note of c.notes) notes.add(`collector: ${note}`);
  };
  /** Tallies an interactive batch and keeps its records for the run-wide check at the end (and on disk, for a killed run). */
  const keep = async (batch: CheckedBatch): Promise<void> => {
    tally(batch);
    lookupFindings.push(...batch.lookupFindings);
    for (const call of batch.calls) {
      const record = batch.result.matched.get(call.seq);
      if (record !== undefined) known.add(call, record);
    }
    // One entry per event and request: a re-delivered copy is dropped, an eventID reused by another request is kept.
    const fresh = batch.records.filter((r, i) => {
      const eventId = fieldOf(r, "eventID");
      const key = eventId !== undefined ? `${eventId}\u0000${fieldOf(r, "requestID") ?? ""}` : `no-event-id-${records.size}-${i}`;
      if (records.has(key)) return false;
      records.set(key, r);
      return true;
    });
    await appendRecordsFile(recordsPath, fresh);
  };

  /** A deferred run's outcome, checked chunk by chunk from the history file. */
  let chunked: ChunkedCheck | undefined;
  try {
    log(`conformance: target ${target.name}${target.endpoint ? ` at ${target.endpoint}` : ""}, region ${config.region}, seed ${config.seed}, ${deferred ? "deferred" : "interactive"} mode`);
    const availability = await Promise.all(KINDS.map((kind) => target.provision(kind)));
    identities = availability.map((a) => (a.status === "available" ? { kind: a.kind, status: "available" } : { kind: a.kind, status: "na", reason: a.reason }));
    const base = availability.find((a) => a.kind === "IAMUser" && a.status === "available") ?? availability.find((a) => a.status === "available");
    if (base === undefined || base.status !== "available") {
      unsupported.push({ scope: "target", reason: `no credentials could be used (${availability.map((a) => `${a.kind}: ${a.status === "na" ? a.reason : "ok"}`).join("; ")})` });
    } else {
      const probe = await probeTarget(target, base.identity, config);
      for (const id of probe.inspectorRequestIds) {
        probeRequestIds.add(id);
        earlier.requestIds.add(id);
      }
      for (const scope of ["inspector", "lookupEvents", "sts"] as const) {
        const capability = probe[scope];
        if (capability.status === "missing") unsupported.push({ scope, reason: capability.reason });
      }
      if (probe.inspector.status === "ok" && probe.lookupEvents.status === "ok") {
        ctx = oracleContext(base.identity.expected.accountId, { rulesEdition: config.rulesEdition, lookupEventSource: INSPECTOR_EVENT_SOURCE });
        runFile = {
          schemaVersion: 1, target: config.target, endpoints: target.endpoints, region: config.region, accountId: ctx.accountId,
          seed: config.seed, runs: config.runs, maxCommands: config.maxCommands, rulesEdition: config.rulesEdition,
          mode: deferred ? "deferred" : "interactive", clockSkewMs: ctx.clockSkewMs, uncheckedRequestIds: [...probeRequestIds],
          startedAt, completed: false,
        };
        writeRunFile(runPath, runFile);
        // Deferred runs may be long (100,000 calls): calls are kept without bodies and read back in chunks to check.
        executor = new HistoryExecutor({ target, config, history, health, identities: targetIdentities(target), ...(deferred ? { retain: "light" as const } : {}) });
        const run = executor;
        const checkDeferred = (collect: CollectSettings): Promise<ChunkedCheck> =>
          collectHistory({
            historyPath, recordsPath, runRequestIds: requestIdsOf(run.calls()), runAccessKeys: accessKeysOf(run.calls()),
            unchecked: probeRequestIds, collect, ctx, chunkCalls: config.checkChunkCalls, onBatch: tally,
          });
        chunked = await execute({ config, deferred, target, base: base.identity, executor, ctx, keep, counterexamples, log, earlier, known, health, checkDeferred });
        const down = health.down;
        if (down !== undefined) log(`conformance: ${down.reason}; the run stopped executing and checked what it had`);
      } else {
        log("conformance: the target cannot be checked; nothing was executed (see the report's messages)");
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    unsupported.push({ scope: "target", reason: `the run stopped on an error of the harness: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    history.close();
    await target.close();
  }

  const calls = executor?.calls() ?? [];
  let allRecords: unknown[];
  let result: RunResult;
  if (chunked !== undefined) {
    // Checked chunk by chunk already; the records file was written as each chunk was collected.
    allRecords = chunked.records;
    result = chunked.result;
    for (const p of chunked.problems) messages.push(`history line ${p.line} could not be read back to check: ${p.message}`);
  } else {
    allRecords = [...records.values()];
    result = checkRun(calls, allRecords, { ...ctx, uncollected });
    result.all.push(...lookupFindings);
  }
  const trailDir = config.trailDir ?? ("trailDir" in target ? String(target.trailDir) : undefined);
  if (trailDir !== undefined && executor !== undefined) {
    const aws = config.target === "aws";
    const trailCtx = { ...ctx, lookupEventSource: undefined };
    const deadlineMs = config.collectDeadlineMs ?? (aws ? 20 * 60_000 : 2_000);
    const pollMs = aws ? 30_000 : 200;
    const trail =
      chunked !== undefined
        ? await checkTrailFilesInChunks(trailDir, historyPath, requestIdsOf(calls), { ...trailCtx, runAccessKeys: accessKeysOf(calls) }, deadlineMs, pollMs, probeRequestIds, config.checkChunkCalls)
        : await checkTrailFiles(trailDir, calls, trailCtx, deadlineMs, pollMs, probeRequestIds);
    messages.push(...trail.messages);
    if (!detected && trail.result.all.some((f) => f.severity === "required")) {
      detected = true;
      options.onDetection?.({ calls: calls.length, elapsedMs: Date.now() - startedMs });
    }
    result.all.push(...trail.result.all);
    for (const [seq, found] of trail.result.byCall) result.byCall.set(seq, [...(result.byCall.get(seq) ?? []), ...found]);
  }
  messages.push(...notes);
  const endedAt = new Date().toISOString();
  if (runFile !== undefined) writeRunFile(runPath, { ...runFile, endedAt, completed: true });
  const report = buildReport({
    target: config.target,
    endpoint: target.endpoint,
    region: config.region,
    seed: config.seed,
    runs: config.runs,
    rulesEdition: config.rulesEdition,
    mode: deferred ? "deferred" : "interactive",
    startedAt,
    endedAt,
    clockSkewMs: ctx.clockSkewMs,
    calls,
    records: allRecords,
    findings: result,
    identities,
    unsupported,
    incidents: incidentsOf(health, trouble, { where, calls: calls.length, historyFile: config.target === "embedded" ? undefined : historyPath }),
    collection: { ...collection, uncollected: result.uncollected.length },
    replayCommand: () => replayCommand(config),
    counterexamples,
    messages,
    historyFile: historyPath,
    recordsFile: recordsPath,
    cannotFail: OPERATIONS_WITHOUT_FAILING_INPUT,
    uncollected: new Set(result.uncollected),
  });
  // An interactive run with no batch checked leaves no records file: write an empty one, so a re-check finds it.
  if (!deferred && records.size === 0) await writeRecordsFile(recordsPath, []);
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
  const value = recordField(record, key);
  return typeof value === "string" ? value : undefined;
}

/** What the execution phases work with. */
interface ExecuteInputs {
  config: RunConfig;
  deferred: boolean;
  target: HarnessTarget;
  base: ProvisionedIdentity;
  executor: HistoryExecutor;
  ctx: OracleContext;
  keep: (batch: CheckedBatch) => Promise<void>;
  counterexamples: Counterexample[];
  log: (line: string) => void;
  earlier: EarlierBatches;
  known: KnownRecords;
  health: TargetHealth;
  checkDeferred: (collect: CollectSettings) => Promise<ChunkedCheck>;
}

/** The execution phases: the coverage sweep, then the random sequences. Once the target is down, nothing more is executed. */
async function execute(inputs: ExecuteInputs): Promise<ChunkedCheck | undefined> {
  const { config, deferred, target, base, executor, ctx, keep, counterexamples, log, earlier, known, health } = inputs;
  const available = await Promise.all(KINDS.map((kind) => target.provision(kind)));
  const kinds = available.filter((a) => a.status === "available").map((a) => a.kind);
  const scope: PoolScope = { region: config.region, accountId: base.expected.accountId };
  const seedPool = (pool: ResourcePool): void => {
    pool.add("topic", `arn:aws:sns:${scope.region}:${scope.accountId}:conformance-topic`);
    pool.add("role", `arn:aws:iam::${scope.accountId}:role/inspector-cross-account`);
  };
  const collect = collectSettings(config, target, base, ctx, deferred);

  const uniq = `${config.seed}-${Date.now().toString(36)}`;
  const sweep = async (): Promise<number> => {
    const before = executor.calls().length;
    if (health.down !== undefined) return before;
    await Promise.all(
      kinds.map(async (kind) => {
        const who = sweepIdentity(kind);
        const call = (operation: string, input: Record<string, unknown>) => executor.call(who, operation, input);
        try {
          await successSweep(call, {
            uniq: `${kind}-${uniq}`,
            region: config.region,
            accountId: scope.accountId,
            runCompletionTimeoutMs: config.target === "aws" ? 30 * 60_000 : 10_000,
            pollIntervalMs: config.target === "aws" ? 30_000 : 50,
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          });
          await failureSweep(call);
        } catch (err) {
          if (!(err instanceof TargetDownError)) throw err;
        }
      }),
    );
    log(`conformance: coverage sweep made ${executor.calls().length - before} calls as ${kinds.join(", ")}`);
    return before;
  };

  if (deferred) {
    await sweep();
    const started = Date.now();
    const { sequences } = await runDeferredPhase({ config, executor, kinds, scope, seedPool, shouldStop: () => health.down !== undefined });
    log(`conformance: executed ${sequences} sequences (${executor.calls().length} calls) in ${Date.now() - started} ms; collecting`);
    const checked = await inputs.checkDeferred(collect);
    log(`conformance: collected and checked in ${checked.chunks} chunk(s) of at most ${config.checkChunkCalls} calls`);
    return checked;
  }

  // Interactive: random sequences first (a broken rule is usually found, and shrunk, within the first
  // sequences), then the sweep, which guarantees every operation x identity kind is seen both ways.
  const { failure, sequences } = await runInteractivePhase({ config, executor, kinds, scope, seedPool, collect, ctx, earlier, health, known, onBatch: keep });
  log(`conformance: ${sequences} random sequences${failure ? `, shrunk to a ${failure.calls.length}-call counterexample` : ", no counterexample"}`);
  if (failure !== undefined) counterexamples.push(shrunkCounterexample(failure));
  // Replaying a shrunk counterexample (--path) reruns that one sequence; the coverage sweep would only
  // slow the replay down, so it is left out (the report then covers only what the replay made).
  if (config.replayPath !== undefined) return undefined;
  const from = await sweep();
  const swept = executor.calls().slice(from);
  if (swept.length > 0) {
    const batch = await collectAndCheck(swept, collect, ctx, earlier.selector, known);
    earlier.add(swept, batch.records);
    await keep(batch);
  }
  return undefined;
}

/** The access keys `calls` were made with. */
function accessKeysOf(calls: readonly ObservedCall[]): Set<string> {
  return new Set(calls.map((c) => c.identity.accessKeyId));
}

/** The request ids of `calls` that have one. */
function requestIdsOf(calls: readonly ObservedCall[]): Set<string> {
  return new Set(calls.flatMap((c) => (c.requestId !== undefined ? [c.requestId] : [])));
}

function shrunkCounterexample(failure: ShrunkFailure): Counterexample {
  return { calls: failure.calls.map(counterexampleCall), findings: failure.findings, replay: failure.replay };
}
