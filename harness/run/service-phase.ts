/**
 * One service's part of a run: execute (the coverage sweep and the random model-based sequences of
 * its profile), collect its records and check them, on its own oracle context (its eventSource). A
 * run of several services runs their parts one after another on the same target, history and
 * breaker; each part's records are its own, and each is reported on its own.
 */
import type { CallOutcome } from "../../generators/executor.js";
import type { IdentityKind, IdentityRequest } from "../../generators/identities.js";
import type { PoolScope } from "../../generators/resource-pool.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { OracleContext } from "../../oracles/context.js";
import { checkRun, recordField, type Finding, type RunResult } from "../../oracles/index.js";
import { collectAndCheck, type CheckedBatch, type CollectSettings, type EarlierBatches } from "../check/batch-check.js";
import type { ChunkedCheck } from "../check/chunked-check.js";
import { KnownRecords } from "../collect/known-records.js";
import { appendRecordsFile } from "../collect/records-file.js";
import { progressReporter } from "../collect/delivery-latency.js";
import type { RunConfig } from "../config.js";
import type { ServiceExecutor } from "../execute/executor.js";
import { TargetDownError, type TargetHealth } from "../execute/target-health.js";
import type { Counterexample } from "../report/counterexample.js";
import { counterexampleCall } from "../report/index.js";
import type { ServicePart } from "../report/build-report.js";
import type { HarnessService, SweepSettings } from "../services/profile.js";
import { callPolicyOf, type CallPurpose } from "../targets/call-policy.js";
import { targetProfile } from "../targets/target-profile.js";
import { readHistoryChunks } from "../execute/history.js";
import { cleanUp, cleanupMessage, LeftoverTracker } from "./cleanup.js";
import { runDeferredPhase, sweepsInShard } from "./deferred-phase.js";
import { runInteractivePhase, type ShrunkFailure } from "./interactive-phase.js";

/** The identity the sweep uses for each kind (fixed STS names). */
function sweepIdentity(kind: IdentityKind): IdentityRequest {
  if (kind === "AssumedRole") return { kind, sessionName: "conformance-sweep" };
  if (kind === "FederatedUser") return { kind, federatedName: "conformance-sweep" };
  return { kind };
}

/**
 * The caller of the operations only an instance agent may call (Inspector v2's CIS sessions): a role
 * session named as an EC2 instance, which is how an instance profile's sessions are named.
 */
const AGENT: IdentityRequest = { kind: "AssumedRole", sessionName: "i-0c0f1c0ffee000001" };

/** A string field of a record given as an object or as CloudTrailEvent text. */
function fieldOf(record: unknown, key: "eventID" | "requestID"): string | undefined {
  const value = recordField(record, key);
  return typeof value === "string" ? value : undefined;
}

/** What one service's part keeps while the run goes on. */
export class ServiceRun {
  /** Collected records, one per event and request. */
  readonly records = new Map<string, unknown>();
  readonly lookupFindings: Finding[] = [];
  /** Collected records with their calls: later queries whose window holds them must return them again. */
  readonly known = new KnownRecords();
  /** Calls whose records could not be read (their collection failed): unknown, not missing. */
  readonly uncollected = new Set<number>();
  readonly counterexamples: Counterexample[] = [];
  /** A deferred run's outcome, checked chunk by chunk from the history file. */
  chunked: ChunkedCheck | undefined;
  /** How long executing (and, deferred, collecting) the part took. */
  elapsedMs: number | undefined;
  /** Operations the target's call policy kept the sweep from calling (or from calling to succeed), with why. */
  readonly notCalled = new Map<string, string>();
  /** What cleaning up at the end of the part did, for the report (undefined: nothing to undo, or not asked for). */
  cleanup: string | undefined;

  constructor(
    readonly service: HarnessService,
    readonly executor: ServiceExecutor,
    readonly ctx: OracleContext,
  ) {}

  /** Keeps an interactive batch's records for the part's check at the end (and on disk, for a killed run). */
  async keep(batch: CheckedBatch, recordsPath: string): Promise<void> {
    this.lookupFindings.push(...batch.lookupFindings);
    for (const call of batch.calls) {
      const record = batch.result.matched.get(call.seq);
      if (record !== undefined) this.known.add(call, record);
    }
    // One entry per event and request: a re-delivered copy is dropped, an eventID reused by another request is kept.
    const fresh = batch.records.filter((r, i) => {
      const eventId = fieldOf(r, "eventID");
      const key = eventId !== undefined ? `${eventId}\u0000${fieldOf(r, "requestID") ?? ""}` : `no-event-id-${this.records.size}-${i}`;
      if (this.records.has(key)) return false;
      this.records.set(key, r);
      return true;
    });
    await appendRecordsFile(recordsPath, fresh);
  }

  /** The part's calls, records and findings (the trail-file findings added by the caller). */
  result(): { calls: readonly ObservedCall[]; records: unknown[]; result: RunResult } {
    const calls = this.executor.calls();
    if (this.chunked !== undefined) return { calls, records: this.chunked.records, result: this.chunked.result };
    const records = [...this.records.values()];
    const result = checkRun(calls, records, { ...this.ctx, uncollected: this.uncollected });
    result.all.push(...this.lookupFindings);
    return { calls, records, result };
  }

  /** The part as the report takes it. */
  reportPart(result: RunResult, records: readonly unknown[], unverified: ServicePart["unverified"]): ServicePart {
    return {
      service: this.service.id,
      calls: this.executor.calls(),
      records,
      findings: result,
      counterexamples: this.counterexamples,
      cannotFail: this.service.sweep.cannotFail,
      uncollected: new Set(result.uncollected),
      ...(this.elapsedMs !== undefined ? { seconds: Math.round(this.elapsedMs / 100) / 10 } : {}),
      ...(this.notCalled.size > 0 ? { notCalled: this.notCalled } : {}),
      ...(unverified !== undefined ? { unverified } : {}),
    };
  }
}

/** What executing one service's part needs from the run. */
export interface PhaseInputs {
  config: RunConfig;
  deferred: boolean;
  part: ServiceRun;
  kinds: readonly IdentityKind[];
  scope: PoolScope;
  collect: CollectSettings;
  earlier: EarlierBatches;
  health: TargetHealth;
  log: (line: string) => void;
  /** Told of each checked batch (collection figures, first detection) before the part keeps it. */
  onBatch: (batch: CheckedBatch) => void;
  recordsPath: string;
  /** The run's history file: what the part created is read back from it to clean up. */
  historyPath: string;
  checkDeferred: (collect: CollectSettings) => Promise<ChunkedCheck>;
}

/**
 * Undoes what the part's calls created and did not delete, as the run's first identity kind, where
 * the target profile asks for it; the result goes to the part's cleanup message.
 */
async function cleanUpPart(inputs: PhaseInputs): Promise<void> {
  const settings = targetProfile(inputs.config.target).cleanUp;
  const { part, kinds } = inputs;
  if (settings === undefined || kinds[0] === undefined) return;
  const tracker = new LeftoverTracker();
  for await (const chunk of readHistoryChunks(inputs.historyPath, inputs.config.checkChunkCalls)) {
    for (const call of chunk) if (call.service === part.service.id) tracker.observe(call);
  }
  const leftovers = tracker.leftovers();
  const who = sweepIdentity(kinds[0]);
  const result = await cleanUp(leftovers, (operation, input) => part.executor.call(who, operation, input), {
    ...settings,
    sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
    unreachable: () => inputs.health.down?.reason,
  });
  part.cleanup = cleanupMessage(part.service.facts.title, result, leftovers);
  if (part.cleanup !== undefined) inputs.log(`conformance: ${part.cleanup}`);
}

/**
 * The coverage sweep of `executor`'s service, as each of `kinds` at once: every operation both ways.
 * Returns how many calls the service had before it. Once the target is down, it makes no call.
 */
export async function sweepService(
  executor: ServiceExecutor,
  kinds: readonly IdentityKind[],
  o: { config: RunConfig; scope: PoolScope; health: TargetHealth; log: (line: string) => void; notCalled?: Map<string, string> },
): Promise<number> {
  const { config, scope, health } = o;
  const { service } = executor;
  const before = executor.calls().length;
  if (health.halted !== undefined) return before;
  const profile = targetProfile(config.target);
  const policy = callPolicyOf(config);
  const uniq = `${config.seed}-${Date.now().toString(36)}`;
  // A call the target's policy refuses is not made: the sweep goes on with its stand-ins, and the
  // operation is reported `na` with the reason.
  const guarded = (purpose: CallPurpose, make: (operation: string, input: Record<string, unknown>) => Promise<CallOutcome>) =>
    async (operation: string, input: Record<string, unknown>): Promise<CallOutcome> => {
      // Asked to stop, or stopped at a failure (--fail-fast): the target is up, but nothing more is called.
      const stop = health.interrupted ?? health.failedFast;
      if (stop !== undefined) throw new TargetDownError(stop);
      const refusal = policy.refusal(service.id, operation, purpose);
      if (refusal === undefined) return make(operation, input);
      o.notCalled?.set(operation, refusal);
      return { ok: false, errorCode: "NotCalled" };
    };
  const sweepAs = async (kind: IdentityKind, parts: { success: boolean; failure: boolean }): Promise<void> => {
    const who = sweepIdentity(kind);
    const direct = (operation: string, input: Record<string, unknown>) => executor.call(who, operation, input);
    const call = guarded("success", direct);
    const failing = guarded("failure", direct);
    const agent = guarded("success", (operation, input) => executor.call(kinds.includes("AssumedRole") ? AGENT : who, operation, input));
    const settings: SweepSettings = {
      allowed: (operation) => policy.refusal(service.id, operation, "success") === undefined,
      uniq: `${kind}-${uniq}`,
      region: config.region,
      accountId: scope.accountId,
      completionTimeoutMs: profile.sweepCompletionTimeoutMs,
      pollIntervalMs: profile.sweepPollMs,
      sleep: (ms: number) => health.sleep(ms),
    };
    try {
      if (parts.success) await service.sweep.success(call, settings, agent);
      if (parts.failure) await service.sweep.failure(failing, settings);
    } catch (err) {
      if (!(err instanceof TargetDownError)) throw err;
    }
  };
  if (service.sweep.accountWide) {
    // One identity's success sweep at a time; its failing calls, which change nothing, fill its waits.
    for (const kind of kinds) await Promise.all([sweepAs(kind, { success: true, failure: false }), sweepAs(kind, { success: false, failure: true })]);
  } else await Promise.all(kinds.map((kind) => sweepAs(kind, { success: true, failure: true })));
  o.log(`conformance: ${service.facts.title} coverage sweep made ${executor.calls().length - before} calls as ${kinds.join(", ")}`);
  return before;
}

/**
 * Executes one service's part: the sweep and the random sequences, then (on a real account) undoes
 * what they left, before collecting so that the undoing calls are checked too, and also when the
 * part ends early. Once the target is down, nothing more is executed.
 */
export async function executeService(inputs: PhaseInputs): Promise<void> {
  let cleaned = false;
  const cleanUpOnce = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await cleanUpPart(inputs);
  };
  try {
    await executePart(inputs, cleanUpOnce);
  } finally {
    await cleanUpOnce();
  }
}

async function executePart(inputs: PhaseInputs, cleanUpOnce: () => Promise<void>): Promise<void> {
  const { config, deferred, part, kinds, scope, collect, earlier, health, log } = inputs;
  const { executor, service, ctx } = part;
  const title = service.facts.title;
  const keep = async (batch: CheckedBatch): Promise<void> => {
    inputs.onBatch(batch);
    await part.keep(batch, inputs.recordsPath);
  };
  // A sharded run makes the coverage sweep in shard 1 only, so n shards together make it once.
  const sweep = async (): Promise<number> =>
    sweepsInShard(config.shard) ? sweepService(executor, kinds, { config, scope, health, log, notCalled: part.notCalled }) : executor.calls().length;

  if (deferred) {
    await sweep();
    const started = Date.now();
    const { sequences } = await runDeferredPhase({ config, executor, kinds, scope, shouldStop: () => health.halted !== undefined });
    log(`conformance: ${title}: executed ${sequences} sequences (${executor.calls().length} calls) in ${Date.now() - started} ms; collecting`);
    await cleanUpOnce();
    if (health.interrupted !== undefined) {
      // Asked to stop: the records are not waited for (on AWS, minutes); `npm run check --collect` reads them later.
      for (const call of executor.calls()) part.uncollected.add(call.seq);
      log(`conformance: ${title}: ${health.interrupted}; ${executor.calls().length} calls not collected`);
      return;
    }
    part.chunked = await inputs.checkDeferred({ ...collect, onProgress: progressReporter(log) });
    log(`conformance: ${title}: collected and checked in ${part.chunked.chunks} chunk(s) of at most ${config.checkChunkCalls} calls`);
    return;
  }

  // Interactive: random sequences first (a broken rule is usually found, and shrunk, within the first
  // sequences), then the sweep, which guarantees every operation x identity kind is seen both ways.
  const { failure, sequences } = await runInteractivePhase({ config, executor, kinds, scope, collect, ctx, earlier, health, known: part.known, onBatch: keep });
  log(`conformance: ${title}: ${sequences} random sequences${failure ? `, shrunk to a ${failure.calls.length}-call counterexample` : ", no counterexample"}`);
  if (failure !== undefined) part.counterexamples.push(shrunkCounterexample(failure));
  // --fail-fast: this failure ends execution, here (no sweep) and in the other services' parts.
  if (failure !== undefined && config.failFast) health.stopAtFailure(`${title} failed (${failure.calls.length}-call counterexample)`);
  // Replaying a shrunk counterexample (--path) reruns that one sequence; the coverage sweep would only
  // slow the replay down, so it is left out (the report then covers only what the replay made).
  if (config.replayPath !== undefined) return;
  const from = await sweep();
  await cleanUpOnce();
  const swept = executor.calls().slice(from);
  if (swept.length > 0) {
    const batch = await collectAndCheck(swept, collect, ctx, earlier.selector, part.known);
    earlier.add(swept, batch.records);
    await keep(batch);
  }
}

function shrunkCounterexample(failure: ShrunkFailure): Counterexample {
  return { calls: failure.calls.map(counterexampleCall), findings: failure.findings, replay: failure.replay };
}
