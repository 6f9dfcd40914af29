/** Runs one generated command sequence against the executor, on a fresh resource pool. */
import fc from "fast-check";
import type { CallExecutor } from "../generators/executor.js";
import { ResourcePool, type PoolScope } from "../generators/resource-pool.js";
import type { ObservedCall } from "../oracles/observed-call.js";

/** An executor that also lists the calls it made. */
export type RecordingExecutor = CallExecutor & { calls(): readonly ObservedCall[] };

/**
 * Executes `cmds` (fc.asyncModelRun: the model is the pool, seeded by `seedPool` with ARNs no
 * Inspector call creates) and returns the calls it made, in order.
 */
export async function runSequence(
  cmds: Iterable<fc.AsyncCommand<ResourcePool, CallExecutor>>,
  executor: RecordingExecutor,
  scope: PoolScope,
  seedPool: (pool: ResourcePool) => void,
): Promise<ObservedCall[]> {
  const from = executor.calls().length;
  await fc.asyncModelRun(() => {
    const pool = new ResourcePool(scope);
    seedPool(pool);
    return { model: pool, real: executor };
  }, cmds);
  return executor.calls().slice(from);
}
