/**
 * A hard deadline around one SDK call: the call gets an AbortSignal that fires at the deadline, and
 * the returned promise settles at the deadline even if the SDK ignores the signal (e.g. while it
 * resolves credentials), so nothing the harness awaits can hang.
 */

/** Raised when a call got no answer before its deadline. */
export class DeadlineError extends Error {
  override name = "DeadlineError";
  constructor(readonly deadlineMs: number, what: string) {
    super(`${what}: no answer within ${deadlineMs} ms`);
  }
}

/** Runs `fn` with a signal that aborts after `ms`; rejects with DeadlineError at `ms` at the latest. */
export async function withDeadline<T>(ms: number, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineError(ms, what));
      reject(new DeadlineError(ms, what));
    }, ms);
  });
  const call = fn(controller.signal);
  // The losing promise must not become an unhandled rejection.
  call.catch(() => undefined);
  try {
    return await Promise.race([call, deadline]);
  } catch (err) {
    // The SDK reports an aborted call as a generic AbortError; say it was the deadline.
    if (controller.signal.aborted) throw new DeadlineError(ms, what);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
