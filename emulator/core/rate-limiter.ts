/**
 * A sliding-window rate limiter: at most `limit` accepted requests per key in any `windowMs` window.
 */

/** Counts accepted requests per key and refuses those over the limit. */
export class SlidingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();

  /** `limit` requests per `windowMs` milliseconds, per key. */
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True (and the request is counted) when `key` has had fewer than `limit` accepted requests in the window ending at `nowMs`. */
  tryAcquire(key: string, nowMs: number): boolean {
    const times = (this.accepted.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    const ok = times.length < this.limit;
    if (ok) times.push(nowMs);
    this.accepted.set(key, times);
    return ok;
  }
}
