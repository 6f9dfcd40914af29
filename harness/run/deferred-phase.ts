/**
 * Deferred mode (slow targets such as AWS, where records arrive minutes later): generate every
 * sequence from the seed, execute them all, and leave collection and checking to one pass at the
 * end (Jepsen's record-now, check-later). No shrinking: a failure is reported with its sequence.
 */
import fc from "fast-check";
import { identityArbitrary, identityNamePool, type IdentityKind } from "../../generators/identities.js";
import type { PoolScope } from "../../generators/resource-pool.js";
import type { ServiceExecutor } from "../execute/executor.js";
import { runSequence } from "./run-sequence.js";
import type { RunConfig, Shard } from "../config.js";
import { callPolicyOf, planAllows } from "../targets/call-policy.js";

/**
 * True when sequence `k` (from 0, in the order the seed draws them) belongs to `shard`: sequence k
 * goes to shard (k mod n) + 1, so n shards together run every sequence once. No shard: every sequence.
 */
export function inShard(k: number, shard: Shard | undefined): boolean {
  return shard === undefined || k % shard.count === shard.index - 1;
}

/** True when the run makes the coverage sweep: unsharded, or shard 1. */
export function sweepsInShard(shard: Shard | undefined): boolean {
  return shard === undefined || shard.index === 1;
}

/** Executes `config.runs` sequences drawn from `config.seed` (those of `config.shard` only); returns how many ran and the seq ranges of each. */
export async function runDeferredPhase(inputs: {
  config: RunConfig;
  /** The service's executor: its profile gives the sequences. */
  executor: ServiceExecutor;
  kinds: readonly IdentityKind[];
  scope: PoolScope;
  /** Stop early (deadline): sequences not yet started are skipped. */
  shouldStop: () => boolean;
}): Promise<{ sequences: number; ranges: { first: number; last: number }[] }> {
  const { config, executor } = inputs;
  const source = executor.service.sequences;
  const arbitrary = source.commands({
    identities: identityArbitrary(inputs.kinds, identityNamePool(config.seed)),
    maxCommands: config.maxCommands,
    allows: planAllows(callPolicyOf(config), executor.service.id),
  });
  const ranges: { first: number; last: number }[] = [];
  let sequences = 0;
  // One sequence at a time (seed + i), so a long run never holds every generated sequence at once.
  for (let i = 0; i < config.runs; i++) {
    if (inputs.shouldStop()) break;
    if (!inShard(i, config.shard)) continue;
    const cmds = fc.sample(arbitrary, { seed: config.seed + i, numRuns: 1 })[0]!;
    const made = await runSequence(cmds, executor, () => source.newModel(inputs.scope));
    if (made.length > 0) ranges.push({ first: made[0]!.seq, last: made[made.length - 1]!.seq });
    sequences++;
  }
  return { sequences, ranges };
}
