/**
 * Exponential backoff with jitter for throttled requests ("equal jitter": half the exponential step plus
 * a random part of the other half, so a retry never comes back at once and retries spread out).
 */

/** Backoff parameters; defaults: 500 ms first step (one LookupEvents slot at 2 req/s), capped at 8 s. */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Random source in [0, 1); default Math.random. */
  random?: () => number;
}

/** Delay before retry number `attempt` (0 for the first retry): in [step/2, step], step = min(cap, base * 2^attempt). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const cap = options.capMs ?? 8000;
  const random = options.random ?? Math.random;
  const step = Math.min(cap, base * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}
