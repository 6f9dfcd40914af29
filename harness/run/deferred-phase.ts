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
import type { RunConfig } from "../config.js";
import { callPolicyOf, planAllows } from "../targets/call-policy.js";

/** Executes `config.runs` sequences drawn from `config.seed`; returns how many ran and the seq ranges of each. */
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
    const cmds = fc.sample(arbitrary, { seed: config.seed + i, numRuns: 1 })[0]!;
    const made = await runSequence(cmds, executor, () => source.newModel(inputs.scope));
    if (made.length > 0) ranges.push({ first: made[0]!.seq, last: made[made.length - 1]!.seq });
    sequences++;
  }
  return { sequences, ranges };
}
