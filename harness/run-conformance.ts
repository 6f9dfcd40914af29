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
import { checkRun, recordField, type Finding, type RunResult } from "../oracles/index.js";
import { INSPECTOR_EVENT_SOURCE, oracleContext, type ObservedCall, type OracleContext } from "../oracles/observed-call.js";
import { collectAndCheck, excludingRequestIds, type CheckedBatch, type CollectSettings } from "./batch-check.js";
import { appendRecordsFile, recordsFileBeside, writeRecordsFile } from "./collectors/records-file.js";
import { checkInChunks, type ChunkedCheck } from "./chunked-check.js";
import type { RunConfig } from "./config.js";
import { failureSweep, successSweep } from "./coverage-sweep.js";
import { runDeferredPhase } from "./deferred-phase.js";
import { HistoryExecutor, targetIdentities } from "./executor.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "./failing-input.js";
import { HistoryWriter } from "./history.js";
import { KnownRecords } from "./known-records.js";
import { LookupMargin, MIN_LOOKUP_MARGIN_MS } from "./lookup-margin.js";
import { runInteractivePhase, type ShrunkFailure } from "./interactive-phase.js";
import { checkTrailFiles, checkTrailFilesInChunks } from "./trail-check.js";
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

/** Options for tests, self-tests and benchmarks. */
export interface RunOptions {
  /** An injected target (e.g. an emulator with faults) instead of the configured one. */
  target?: HarnessTarget;
  /** Called once, when the first required finding is found: calls made so far and ms since the run started. */
  onDetection?: (at: { calls: number; elapsedMs: number }) => void;
}

const KINDS: readonly IdentityKind[] = ["IAMUser", "Root", "AssumedRole", "FederatedUser"];

/** Collector behaviour per target: AWS is slow and rate-limited; emulators answer at once. */
function collectSettings(config: RunConfig, target: HarnessTarget, base: ProvisionedIdentity, ctx: OracleContext, deferred: boolean): CollectSettings {
  const aws = config.target === "aws";
  // The embedded emulator reads this process's clock: its records need no skew margin, but each
  // query keeps reaching a second back, over records already collected, so that every query pages
  // and its window overlaps earlier ones (a margin of 0 made LookupEvents' pagination go unchecked:
  // lookup-drops-last-page went undetected in `npm run bench`), and so that the batch's own records
  // lie at least 1 s inside the window, where a record LookupEvents leaves out is blamed on it
  // (oracles/lookup-consistency.ts: eventTime is whole seconds). Anything else may run on another
  // clock: up to the skew tolerance. An endpoint's interactive queries start at 1 s and widen to what
  // its records show (harness/lookup-margin.ts); deferred chunks are long, so the full margin costs
  // them little, and AWS is always deferred.
  const widest = config.target === "embedded" ? MIN_LOOKUP_MARGIN_MS : ctx.clockSkewMs;
  const margin = config.target === "endpoint" && !deferred ? new LookupMargin(MIN_LOOKUP_MARGIN_MS, widest) : new LookupMargin(widest);
  return {
    // The target's own CloudTrail client: its endpoint (AWS_ENDPOINT_URL[_CLOUDTRAIL]), one attempt per request.
    client: target.cloudtrail(base.credentials),
    requestsPerSecond: config.lookupRequestsPerSecond ?? (aws ? 2 : 0),
    // The embedded emulator records synchronously: a record not there at once is missing, so its
    // deadline only absorbs scheduling; an endpoint may deliver later; AWS takes about 5 minutes.
    deadlineMs: config.collectDeadlineMs ?? (aws ? 15 * 60_000 : config.target === "endpoint" ? 5_000 : 300),
    pollIntervalMs: aws ? 30_000 : config.target === "endpoint" ? 250 : 100,
    margin,
  };
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
  const lookupFindings: Finding[] = [];
  /** Collected records with their calls: later queries whose window holds them must return them again. */
  const known = new KnownRecords();
  let identities: IdentityStatus[] = KINDS.map((kind) => ({ kind, status: "na", reason: "not provisioned: the run stopped before" }));
  let executor: HistoryExecutor | undefined;
  let ctx = oracleContext("000000000000", { rulesEdition: config.rulesEdition });

  const startedMs = Date.now();
  let detected = false;
  /** Counts a checked batch's collection, and notes the first detection. */
  const tally = (batch: CheckedBatch): void => {
    if (batch.failed && !detected) {
      detected = true;
      options.onDetection?.({ calls: executor?.calls().length ?? 0, elapsedMs: Date.now() - startedMs });
    }
    collection.requests += batch.collection.requests;
    collection.throttled += batch.collection.throttled;
    collection.duplicatesCollapsed += batch.collection.duplicatesCollapsed;
    if (batch.collection.unsupported !== undefined) unsupported.push({ scope: "lookupEvents", reason: batch.collection.unsupported });
    for (const e of batch.collection.errors) messages.push(`collector: ${e}`);
  };
  /** Tallies an interactive batch and keeps its records for the run-wide check at the end. */
  const keep = (batch: CheckedBatch): void => {
    tally(batch);
    lookupFindings.push(...batch.lookupFindings);
    for (const call of batch.calls) {
      const record = batch.result.matched.get(call.seq);
      if (record !== undefined) known.add(call, record);
    }
    batch.records.forEach((r, i) => {
      if (!uncheckedRequestIds.has(fieldOf(r, "requestID") ?? "")) records.set(fieldOf(r, "eventID") ?? `no-event-id-${records.size}-${i}`, r);
    });
  };

  let target: HarnessTarget | undefined;
  /** A deferred run's outcome, checked chunk by chunk from the history file. */
  let chunked: ChunkedCheck | undefined;
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
        ctx = oracleContext(base.identity.expected.accountId, { rulesEdition: config.rulesEdition, lookupEventSource: INSPECTOR_EVENT_SOURCE });
        // Deferred runs may be long (100,000 calls): calls are kept without bodies and read back in chunks to check.
        executor = new HistoryExecutor({ target, config, history, identities: targetIdentities(target), ...(deferred ? { retain: "light" as const } : {}) });
        const run = executor;
        const checkDeferred = async (collect: CollectSettings): Promise<ChunkedCheck> => {
          const chunkCtx = { ...ctx, runAccessKeys: accessKeysOf(run.calls()) };
          return checkInChunks(
            historyPath,
            requestIdsOf(run.calls()),
            uncheckedRequestIds,
            async (calls, select) => {
              const batch = await collectAndCheck(calls, collect, chunkCtx, select);
              tally(batch);
              await appendRecordsFile(recordsPath, batch.records);
              return batch;
            },
            { chunkCalls: config.checkChunkCalls, skewMs: ctx.clockSkewMs },
          );
        };
        chunked = await execute(config, deferred, target, base.identity, executor, ctx, keep, counterexamples, log, uncheckedRequestIds, known, checkDeferred);
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
  let allRecords: unknown[];
  let result: RunResult;
  if (chunked !== undefined) {
    // Checked chunk by chunk already; the records file was written as each chunk was collected.
    allRecords = chunked.records;
    result = chunked.result;
    for (const p of chunked.problems) messages.push(`history line ${p.line} could not be read back to check: ${p.message}`);
  } else {
    allRecords = [...records.values()];
    result = checkRun(calls, allRecords, ctx);
    result.all.push(...lookupFindings);
  }
  const trailDir = config.trailDir ?? (target !== undefined && "trailDir" in target ? String(target.trailDir) : undefined);
  if (trailDir !== undefined && executor !== undefined) {
    const aws = config.target === "aws";
    const trailCtx = { ...ctx, lookupEventSource: undefined };
    const deadlineMs = config.collectDeadlineMs ?? (aws ? 20 * 60_000 : 2_000);
    const pollMs = aws ? 30_000 : 200;
    const trail =
      chunked !== undefined
        ? await checkTrailFilesInChunks(trailDir, historyPath, requestIdsOf(calls), { ...trailCtx, runAccessKeys: accessKeysOf(calls) }, deadlineMs, pollMs, uncheckedRequestIds, config.checkChunkCalls)
        : await checkTrailFiles(trailDir, calls, trailCtx, deadlineMs, pollMs, uncheckedRequestIds);
    messages.push(...trail.messages);
    if (!detected && trail.result.all.some((f) => f.severity === "required")) {
      detected = true;
      options.onDetection?.({ calls: calls.length, elapsedMs: Date.now() - startedMs });
    }
    result.all.push(...trail.result.all);
    for (const [seq, found] of trail.result.byCall) result.byCall.set(seq, [...(result.byCall.get(seq) ?? []), ...found]);
  }
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
  // A deferred run appends its records chunk by chunk: a run stopped while checking keeps what it appended.
  if (!deferred) await writeRecordsFile(recordsPath, allRecords);
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
  known: KnownRecords,
  checkDeferred: (collect: CollectSettings) => Promise<ChunkedCheck>,
): Promise<ChunkedCheck | undefined> {
  const available = await Promise.all(KINDS.map((kind) => target.provision(kind)));
  const kinds = available.filter((a) => a.status === "available").map((a) => a.kind);
  const scope: PoolScope = { region: config.region, accountId: base.expected.accountId };
  const seedPool = (pool: ResourcePool): void => {
    pool.add("topic", `arn:aws:sns:${scope.region}:${scope.accountId}:conformance-topic`);
    pool.add("role", `arn:aws:iam::${scope.accountId}:role/inspector-cross-account`);
  };
  const collect = collectSettings(config, target, base, ctx, deferred);
  const earlier = new Set<string>(uncheckedRequestIds);

  const uniq = `${config.seed}-${Date.now().toString(36)}`;
  const sweep = async (): Promise<number> => {
    const before = executor.calls().length;
    await Promise.all(
      kinds.map(async (kind) => {
        const who = sweepIdentity(kind);
        const call = (operation: string, input: Record<string, unknown>) => executor.call(who, operation, input);
        await successSweep(call, {
          uniq: `${kind}-${uniq}`,
          region: config.region,
          accountId: scope.accountId,
          runCompletionTimeoutMs: config.target === "aws" ? 30 * 60_000 : 10_000,
          pollIntervalMs: config.target === "aws" ? 30_000 : 50,
          sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        });
        await failureSweep(call);
      }),
    );
    log(`conformance: coverage sweep made ${executor.calls().length - before} calls as ${kinds.join(", ")}`);
    return before;
  };

  if (deferred) {
    await sweep();
    const started = Date.now();
    const { sequences } = await runDeferredPhase({ config, executor, kinds, scope, seedPool, shouldStop: () => false });
    log(`conformance: executed ${sequences} sequences (${executor.calls().length} calls) in ${Date.now() - started} ms; collecting`);
    const checked = await checkDeferred(collect);
    log(`conformance: collected and checked in ${checked.chunks} chunk(s) of at most ${config.checkChunkCalls} calls`);
    return checked;
  }

  // Interactive: random sequences first (a broken rule is usually found, and shrunk, within the first
  // sequences), then the sweep, which guarantees every operation x identity kind is seen both ways.
  const { failure, sequences } = await runInteractivePhase({ config, executor, kinds, scope, seedPool, collect, ctx, earlierRequestIds: earlier, known, onBatch: keep });
  log(`conformance: ${sequences} random sequences${failure ? `, shrunk to a ${failure.calls.length}-call counterexample` : ", no counterexample"}`);
  if (failure !== undefined) counterexamples.push(shrunkCounterexample(failure));
  // Replaying a shrunk counterexample (--path) reruns that one sequence; the coverage sweep would only
  // slow the replay down, so it is left out (the report then covers only what the replay made).
  if (config.replayPath !== undefined) return undefined;
  const from = await sweep();
  keep(await collectAndCheck(executor.calls().slice(from), collect, ctx, excludingRequestIds(earlier), known));
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
