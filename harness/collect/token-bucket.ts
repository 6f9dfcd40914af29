/**
 * A token bucket that paces requests to a rate, on an injectable clock. With the default burst of 1 it
 * spaces requests 1000/rate ms apart, so no 1-second window ever holds more than `rate` of them:
 * LookupEvents allows "two per second, per account, per Region" (CloudTrail API reference, LookupEvents, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 */

/** Clock and sleep, injectable for tests. */
export interface Timekeeping {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Paces callers to `ratePerSecond` (0 = unlimited) with at most `burst` requests at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** A full bucket. @throws RangeError for a negative rate or a burst below 1. */
  constructor(
    private readonly ratePerSecond: number,
    private readonly time: Timekeeping,
    private readonly burst = 1,
  ) {
    if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) throw new RangeError(`requests per second must be a finite number >= 0; got ${ratePerSecond}`);
    if (!(burst >= 1)) throw new RangeError(`burst must be >= 1; got ${burst}`);
    this.tokens = burst;
    this.last = time.now();
  }

  /** How long until a token is available (0 when one is). */
  waitMs(): number {
    if (this.ratePerSecond === 0) return 0;
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  /**
   * Takes a token, sleeping until one is available. Resolves false, without sleeping or taking one,
   * when that would be later than `notAfter` (epoch ms): callers never wait past their deadline.
   */
  async take(notAfter = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (this.ratePerSecond === 0) return true;
    const wait = this.waitMs();
    if (this.time.now() + wait > notAfter) return false;
    if (wait > 0) await this.time.sleep(wait);
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  private refill(): void {
    const now = this.time.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
  }
}

/**
 * Extra spacing between paced requests, in ms. The bucket spaces requests as they are sent, but a
 * limit is counted as they arrive, and the way there varies by a few ms: at exactly 500 ms apart,
 * three requests reached a 2-per-second limit within 997 ms and the third was throttled.
 */
export const PACING_GUARD_MS = 25;

/** A bucket that keeps requests below `limitPerSecond` as they arrive (PACING_GUARD_MS wider apart); 0 = unlimited. */
export function pacerBelow(limitPerSecond: number, time: Timekeeping): TokenBucket {
  return new TokenBucket(limitPerSecond > 0 ? 1000 / (1000 / limitPerSecond + PACING_GUARD_MS) : 0, time);
}
