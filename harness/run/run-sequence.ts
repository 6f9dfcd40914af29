/** Runs one generated command sequence against the executor, on a fresh resource pool. */
import fc from "fast-check";
import type { CallExecutor } from "../../generators/executor.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { TargetDownError } from "../execute/target-health.js";

/** An executor that also lists the calls it made. */
export type RecordingExecutor = CallExecutor & { calls(): readonly ObservedCall[] };

/**
 * Executes `cmds` (fc.asyncModelRun: the model is a fresh resource pool from `newModel`) and
 * returns the calls it made, in order. When the target goes down
 * mid-sequence (TargetDownError) the sequence ends there and the calls made so far are returned.
 */
export async function runSequence(
  cmds: Iterable<fc.AsyncCommand<object, CallExecutor>>,
  executor: RecordingExecutor,
  newModel: () => object,
): Promise<ObservedCall[]> {
  const from = executor.calls().length;
  try {
    await fc.asyncModelRun(() => ({ model: newModel(), real: executor }), cmds);
  } catch (err) {
    if (!(err instanceof TargetDownError)) throw err;
  }
  return executor.calls().slice(from);
}
