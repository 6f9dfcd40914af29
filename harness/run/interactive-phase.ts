/**
 * Interactive mode (fast targets): the generated command sequences are executed, and their records
 * collected and checked, in batches (runInteractivePhase). A failing batch's run is replayed by its
 * fast-check path, each sequence now checked as soon as it ran, so that a sequence with a required
 * finding fails the property and fast-check shrinks it to a minimal sequence. The shrunk
 * counterexample is reported with its calls, expected against actual record fields (the findings)
 * and a replay command.
 */
import fc from "fast-check";
import { identityArbitrary, identityNamePool, type IdentityKind } from "../../generators/identities.js";
import type { PoolScope } from "../../generators/resource-pool.js";
import { requiredFindings, type Finding } from "../../oracles/index.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { OracleContext } from "../../oracles/context.js";
import type { KnownRecords } from "../collect/known-records.js";
import { collectAndCheck, type CheckedBatch, type CollectSettings, type EarlierBatches } from "../check/batch-check.js";
import type { TargetHealth } from "../execute/target-health.js";
import type { RunConfig } from "../config.js";
import { commandsReplayPathOf, replayCommand } from "./replay.js";
import { runSequence } from "./run-sequence.js";
import type { ServiceExecutor } from "../execute/executor.js";
import type { CallExecutor } from "../../generators/executor.js";
import type { SequenceSource } from "../services/profile.js";
import { callPolicyOf, planAllows } from "../targets/call-policy.js";
import { inShard } from "./deferred-phase.js";

/** Longest time the property (runs and shrinking) may take, in ms. */
export const PROPERTY_TIME_LIMIT_MS = 60_000;

/** A shrunk failure of the property. */
export interface ShrunkFailure {
  /** The minimal sequence's calls, in order. */
  calls: ObservedCall[];
  /** Its required findings (expected against actual). */
  findings: Finding[];
  /** The sequence as fast-check prints it. */
  printed: string;
  replay: string;
  seed: number;
  path: string;
}

/** What the phase needs from the run. */
export interface InteractiveInputs {
  config: RunConfig;
  /** The service's executor: its profile gives the sequences. */
  executor: ServiceExecutor;
  kinds: readonly IdentityKind[];
  scope: PoolScope;
  collect: CollectSettings;
  ctx: OracleContext;
  /** What earlier batches took (calls made before this phase, the probe's); each checked sequence is added. */
  earlier: EarlierBatches;
  /** The run's breaker: once the target is down, sequences are no longer executed. */
  health: TargetHealth;
  /** Records collected so far, with their calls (a later query whose window holds them must return them). */
  known: KnownRecords;
  onBatch: (batch: CheckedBatch) => void | Promise<void>;
}

/**
 * The most calls executed before their records are collected and checked together: one LookupEvents
 * window over about 60 sequences of the default size, instead of one per sequence (each of which
 * re-reads the second of records before it, about 3 pages).
 */
export const INTERACTIVE_BATCH_CALLS = 300;

/** The arbitrary of a service's command sequences. */
type Sequences = ReturnType<SequenceSource["commands"]>;

/** A sequence run in the batched pass, by its fast-check run index. */
interface BatchedRun {
  run: number;
  calls: ObservedCall[];
  cmds: Iterable<fc.AsyncCommand<object, CallExecutor>>;
}

/** The first failure of the batched pass: the runs of its batch to replay, the attributable one first. */
interface BatchFailure {
  candidates: BatchedRun[];
  /** The attributable run's failing prefix and findings, or the batch's findings with its first run. */
  first: { run: BatchedRun; calls: ObservedCall[]; findings: Finding[] };
}

/**
 * Runs the property; returns the shrunk failure, if any, and how many sequences ran. The runs are
 * executed, then collected and checked in batches: the first sequence alone, then 2, 4, 8 and so on
 * up to INTERACTIVE_BATCH_CALLS calls, so a rule broken at once is seen as soon as it would be
 * sequence by sequence, and a long run pays for few windows. Once a batch fails, the runs after it
 * pass unrun, and the failing run is replayed by its fast-check path (same seed), each sequence now
 * collected and checked as soon as it ran, so that fast-check shrinks it. A failure the replay does
 * not show again is reported as first seen, unshrunk.
 */
export async function runInteractivePhase(inputs: InteractiveInputs): Promise<{ failure: ShrunkFailure | undefined; sequences: number }> {
  const { config, executor } = inputs;
  const commands = commandsOf(inputs);
  // A replay (--path) is one run, checked on its own.
  if (config.replayPath !== undefined) {
    const replayed = await checkEachSequence(inputs, commands, { path: config.replayPath, endOnFailure: true });
    return { failure: replayed.failure, sequences: replayed.sequences };
  }
  let sequences = 0;
  const pending: BatchedRun[] = [];
  let failed: BatchFailure | undefined;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const runs = pending.splice(0);
    const calls = runs.flatMap((r) => r.calls);
    const batch = await collectAndCheck(calls, inputs.collect, inputs.ctx, inputs.earlier.selector, inputs.known);
    inputs.earlier.add(calls, batch.records);
    await inputs.onBatch(batch);
    if (batch.failed) failed = firstFailingRun(runs, batch);
  };
  // fast-check draws run k's sequence from the seed whatever the other runs did: a shard skips the
  // runs of other shards (they pass at once) and so runs exactly its own.
  let run = -1;
  let pendingCalls = 0;
  let batchSequences = 1;
  const property = fc.asyncProperty(commands, async (cmds) => {
    run++;
    // A target that is down is not called again, nor is a run after a failing batch: they pass at once.
    if (inputs.health.halted !== undefined || failed !== undefined || !inShard(run, config.shard)) return true;
    sequences++;
    const calls = await runSequence(cmds, executor, () => executor.service.sequences.newModel(inputs.scope));
    if (calls.length > 0) pending.push({ run, calls, cmds });
    pendingCalls += calls.length;
    if (pending.length >= batchSequences || pendingCalls >= INTERACTIVE_BATCH_CALLS) {
      pendingCalls = 0;
      batchSequences *= 2;
      await flush();
    }
    return true;
  });
  // No run returns false: a failed check is one that threw (a harness error), which is not shrunk but raised.
  const details = await fc.check(property, { seed: config.seed, numRuns: config.runs, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS, endOnFailure: true });
  await flush();
  if (details.failed && details.errorInstance !== null) throw details.errorInstance;
  if (failed === undefined) return { failure: undefined, sequences };
  for (const candidate of failed.candidates) {
    if (inputs.health.halted !== undefined) break;
    const shrunk = await checkEachSequence(inputs, commands, { path: String(candidate.run) });
    sequences += shrunk.sequences;
    if (shrunk.failure !== undefined) return { failure: shrunk.failure, sequences };
  }
  const { run: first, calls, findings } = failed.first;
  const printed = String(first.cmds);
  const path = String(first.run);
  return {
    sequences,
    failure: { calls, findings, printed, seed: config.seed, path, replay: replayCommand(config, { seed: config.seed, path, commandsReplayPath: commandsReplayPathOf(printed), service: executor.service.id }) },
  };
}

/** The service's command sequences for this run. */
function commandsOf(inputs: InteractiveInputs): Sequences {
  const { config, executor } = inputs;
  return executor.service.sequences.commands({
    identities: identityArbitrary(inputs.kinds, identityNamePool(config.seed)),
    maxCommands: config.maxCommands,
    allows: planAllows(callPolicyOf(config), executor.service.id),
    ...(config.commandsReplayPath !== undefined ? { replayPath: config.commandsReplayPath } : {}),
  });
}

/**
 * The property run by `path` (same seed): each sequence, and each shrinking candidate, is collected
 * and checked as soon as it ran, and a sequence with a required finding fails it.
 */
async function checkEachSequence(
  inputs: InteractiveInputs,
  commands: Sequences,
  replay: { path: string; endOnFailure?: boolean },
): Promise<{ failure: ShrunkFailure | undefined; sequences: number }> {
  const { config, executor } = inputs;
  let lastFailure: { calls: ObservedCall[]; findings: Finding[] } | undefined;
  let sequences = 0;
  let shrinks = 0;
  const property = fc.asyncProperty(commands, async (cmds) => {
    if (inputs.health.halted !== undefined) return true;
    // Past the shrink budget every candidate passes unrun: the smallest failure found is reported.
    if (lastFailure !== undefined && config.maxShrinks !== undefined && shrinks++ >= config.maxShrinks) return true;
    sequences++;
    const calls = await runSequence(cmds, executor, () => executor.service.sequences.newModel(inputs.scope));
    if (calls.length === 0) return true;
    const batch = await collectAndCheck(calls, inputs.collect, inputs.ctx, inputs.earlier.selector, inputs.known);
    inputs.earlier.add(calls, batch.records);
    await inputs.onBatch(batch);
    if (!batch.failed) return true;
    lastFailure = failingPrefix(calls, batch);
    return false;
  });
  const details = await fc.check(property, {
    seed: config.seed,
    // The path names one run: that run, then its shrinking.
    numRuns: 1,
    path: replay.path,
    // Shrinking a fault that shows only now and then (every 50th call) can go on for minutes: stop
    // after this long and report the smallest failing sequence found so far.
    interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
    ...(replay.endOnFailure === true ? { endOnFailure: true } : {}),
  });
  if (!details.failed || lastFailure === undefined) return { failure: undefined, sequences };
  const printed = String(details.counterexample?.[0] ?? "");
  const path = details.counterexamplePath ?? "";
  return {
    sequences,
    failure: {
      ...lastFailure,
      printed,
      seed: details.seed,
      path,
      replay: replayCommand(config, { seed: details.seed, path, commandsReplayPath: commandsReplayPathOf(printed), service: executor.service.id }),
    },
  };
}

/**
 * Which run of a failed batch to replay first: the first whose calls carry a required finding (its
 * calls up to the first failing one). Findings that name no call (a record with no call, a record
 * a query left out) point at no run: every run of the batch is replayed, in order.
 */
function firstFailingRun(runs: BatchedRun[], batch: CheckedBatch): BatchFailure {
  for (const run of runs) {
    const own = ownFindings(run.calls, batch);
    if (own !== undefined) return { candidates: [run], first: { run, ...own } };
  }
  return { candidates: runs, first: { run: runs[0]!, calls: runs.flatMap((r) => r.calls), findings: requiredFindings(batch.result.all) } };
}

/** The calls of `calls` up to the first one with a required finding, and that call's required findings. */
function ownFindings(calls: ObservedCall[], batch: CheckedBatch): { calls: ObservedCall[]; findings: Finding[] } | undefined {
  for (let i = 0; i < calls.length; i++) {
    const seq = calls[i]!.seq;
    const own = requiredFindings([
      ...(batch.result.byCall.get(seq) ?? []),
      ...batch.result.findings.filter((f) => f.path.startsWith(`calls[seq=${seq}]`)),
    ]);
    if (own.length > 0) return { calls: calls.slice(0, i + 1), findings: own };
  }
  return undefined;
}

/**
 * The calls of a failing sequence up to its first failing call, and that call's required findings:
 * the failing call is last, as a counterexample shows it. Findings that name no call (a record
 * with no call) keep the whole sequence.
 */
function failingPrefix(calls: ObservedCall[], batch: CheckedBatch): { calls: ObservedCall[]; findings: Finding[] } {
  return ownFindings(calls, batch) ?? { calls, findings: requiredFindings(batch.result.all) };
}
