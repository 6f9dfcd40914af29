/** Token bucket pacing and throttling backoff, on a virtual clock. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../../harness/collect/backoff.js";
import { TokenBucket } from "../../../harness/collect/token-bucket.js";
import { virtualClock } from "./helpers.js";

describe("TokenBucket", () => {
  test.prop([fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 40 })])(
    "never lets more than `rate` requests into any 1-second window, whatever the gaps between callers",
    async (rate, gaps) => {
      const clock = virtualClock(0);
      const bucket = new TokenBucket(rate, clock);
      const times: number[] = [];
      for (const gap of gaps) {
        clock.advance(gap);
        expect(await bucket.take()).toBe(true);
        times.push(clock.now());
      }
      for (let i = rate; i < times.length; i++) expect(times[i]! - times[i - rate]!).toBeGreaterThanOrEqual(1000);
    },
  );

  it("spaces requests 500 ms apart at 2 per second, and does not wait when time has passed", async () => {
    const clock = virtualClock(0);
    const bucket = new TokenBucket(2, clock);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 500, 1000, 1500]);
    clock.advance(2000);
    await bucket.take();
    expect(clock.now()).toBe(3500);
  });

  it("refuses, without sleeping or taking a token, a wait that would end after the deadline", async () => {
    const clock = virtualClock(0);
    const bucket = new TokenBucket(2, clock);
    await bucket.take();
    expect(await bucket.take(400)).toBe(false);
    expect(clock.now()).toBe(0);
    expect(await bucket.take(500)).toBe(true);
    expect(clock.now()).toBe(500);
  });

  it("is unlimited at rate 0 and rejects nonsense rates", async () => {
    const clock = virtualClock(0);
    const bucket = new TokenBucket(0, clock);
    for (let i = 0; i < 100; i++) await bucket.take();
    expect(clock.now()).toBe(0);
    expect(() => new TokenBucket(-1, clock)).toThrow(RangeError);
    expect(() => new TokenBucket(Number.NaN, clock)).toThrow(RangeError);
  });
});

describe("backoffDelay", () => {
  test.prop([fc.nat({ max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true })])("lies in [step/2, step], step doubling from 500 ms up to 8 s", (attempt, r) => {
    const step = Math.min(8000, 500 * 2 ** attempt);
    const d = backoffDelay(attempt, { random: () => r });
    expect(d).toBeGreaterThanOrEqual(step / 2);
    expect(d).toBeLessThanOrEqual(step);
  });

  it("grows exponentially", () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, { random: () => 0 }))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });
});
