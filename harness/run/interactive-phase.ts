/**
 * Interactive mode (fast targets): each generated command sequence is executed, its records are
 * collected and checked at once, and a sequence with a required finding fails the property, so
 * fast-check shrinks it to a minimal sequence. The shrunk counterexample is reported with its calls,
 * expected against actual record fields (the findings) and a replay command.
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

/** Runs the property; returns the shrunk failure, if any, and how many sequences ran. */
export async function runInteractivePhase(inputs: InteractiveInputs): Promise<{ failure: ShrunkFailure | undefined; sequences: number }> {
  const { config, executor } = inputs;
  let lastFailure: { calls: ObservedCall[]; findings: Finding[] } | undefined;
  let sequences = 0;
  const { sequences: source } = executor.service;
  const commands = source.commands({
    identities: identityArbitrary(inputs.kinds, identityNamePool(config.seed)),
    maxCommands: config.maxCommands,
    allows: planAllows(callPolicyOf(config), executor.service.id),
    ...(config.commandsReplayPath !== undefined ? { replayPath: config.commandsReplayPath } : {}),
  });
  // fast-check draws run k's sequence from the seed whatever the other runs did: a shard skips the
  // runs of other shards (they pass at once) and so runs exactly its own. A replay (--path) is one run.
  const shard = config.replayPath === undefined ? config.shard : undefined;
  let run = -1;
  let shrinks = 0;
  const property = fc.asyncProperty(commands, async (cmds) => {
    // A target that is down is not called again: the remaining runs (and shrinking) pass at once.
    if (inputs.health.halted !== undefined) return true;
    // Shrinking starts after the failing run: its candidates are that run's, in this shard.
    if (lastFailure === undefined && !inShard(++run, shard)) return true;
    // Past the shrink budget every candidate passes unrun: the smallest failure found is reported.
    if (lastFailure !== undefined && config.maxShrinks !== undefined && shrinks++ >= config.maxShrinks) return true;
    sequences++;
    const calls = await runSequence(cmds, executor, () => source.newModel(inputs.scope));
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
    numRuns: config.runs,
    // Shrinking a fault that shows only now and then (every 50th call) can go on for minutes: stop
    // after this long and report the smallest failing sequence found so far.
    interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
    ...(config.replayPath !== undefined ? { path: config.replayPath, endOnFailure: true } : {}),
  });
  if (!details.failed || lastFailure === undefined) return { failure: undefined, sequences };
  const printed = String(details.counterexample?.[0] ?? "");
  const commandsReplayPath = commandsReplayPathOf(printed);
  const path = details.counterexamplePath ?? "";
  return {
    sequences,
    failure: {
      ...lastFailure,
      printed,
      seed: details.seed,
      path,
      replay: replayCommand(config, { seed: details.seed, path, commandsReplayPath, service: executor.service.id }),
    },
  };
}

/**
 * The calls of a failing sequence up to its first failing call, and that call's required findings:
 * the failing call is last, as a counterexample shows it. Findings that name no call (a record
 * with no call) keep the whole sequence.
 */
function failingPrefix(calls: ObservedCall[], batch: CheckedBatch): { calls: ObservedCall[]; findings: Finding[] } {
  for (let i = 0; i < calls.length; i++) {
    const seq = calls[i]!.seq;
    const own = requiredFindings([
      ...(batch.result.byCall.get(seq) ?? []),
      ...batch.result.findings.filter((f) => f.path.startsWith(`calls[seq=${seq}]`)),
    ]);
    if (own.length > 0) return { calls: calls.slice(0, i + 1), findings: own };
  }
  return { calls, findings: requiredFindings(batch.result.all) };
}
