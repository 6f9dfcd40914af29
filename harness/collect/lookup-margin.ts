/**
 * How far a LookupEvents window reaches beyond its calls on each side. A target on this process's
 * clock (embedded) needs no more than the 1 s reach back that keeps every query paging over records
 * already collected. A target on another clock may stamp records up to the skew tolerance away from
 * the calls, but reading that far around every interactive sequence re-reads seconds of earlier
 * records each time (an endpoint run of 200 sequences made 1,372 LookupEvents requests against the
 * embedded target's 612), so such a margin starts at 1 s and widens to what the records show: a
 * record stamped outside a window is still found by the second lookup by access key (batch-check.ts)
 * and then widens the margin for the queries that follow.
 */
import { recordField } from "../../oracles/index.js";
import type { ObservedCall } from "../../history/observed-call.js";

/** The smallest margin: eventTime has whole seconds, so a record may read up to 1 s before its call. */
export const MIN_LOOKUP_MARGIN_MS = 1000;

/** A lookup margin that widens, up to `maxMs`, to the distances seen between records and their calls. */
export class LookupMargin {
  private current: number;

  /** Fixed at `maxMs` when `startMs` equals it. */
  constructor(startMs: number, readonly maxMs: number = startMs) {
    this.current = Math.min(Math.max(startMs, MIN_LOOKUP_MARGIN_MS), Math.max(maxMs, MIN_LOOKUP_MARGIN_MS));
  }

  /** The margin now, in ms. */
  get ms(): number {
    return this.current;
  }

  /**
   * Widens the margin to 1 s beyond the farthest `record` eventTime from its call's span (the call's
   * start taken to its whole second), never past maxMs. Records without a readable eventTime are
   * left to the rules.
   */
  observe(pairs: Iterable<{ call: ObservedCall; record: unknown }>): void {
    for (const { call, record } of pairs) {
      const time = Date.parse(String(recordField(record, "eventTime")));
      if (Number.isNaN(time)) continue;
      const from = Math.floor(Date.parse(call.startedAt) / 1000) * 1000;
      const to = Date.parse(call.endedAt);
      const distance = Math.max(0, from - time, time - to);
      this.current = Math.min(this.maxMs, Math.max(this.current, distance + MIN_LOOKUP_MARGIN_MS));
    }
  }
}
