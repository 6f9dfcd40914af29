/**
 * The records an interactive run has collected, with their calls: a later LookupEvents query whose
 * window holds one must return it again (oracles `checkWindowCoverage`). Kept for a minute after
 * collection (no later window reaches back further) with each record's eventTime read once, so a
 * query picks the few that can fall in its window without re-reading every record it keeps.
 */
import { recordField } from "../../oracles/index.js";
import type { ObservedCall } from "../../history/observed-call.js";

/** A collected record and its call. */
export interface KnownRecord {
  call: ObservedCall;
  record: unknown;
}

/** How long a collected record is kept, in ms: longer than any interactive query window reaches back. */
export const KNOWN_RECORD_LIFETIME_MS = 60_000;

interface Entry extends KnownRecord {
  /** The record's eventTime in ms (NaN when it has none readable: such a record is never in a window). */
  eventTimeMs: number;
  collectedAtMs: number;
}

/** Collected records by requestID, in collection order. */
export class KnownRecords {
  private readonly byRequestId = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers `record` as `call`'s (a later one for the same requestID replaces it). */
  add(call: ObservedCall, record: unknown): void {
    if (call.requestId === undefined) return;
    this.byRequestId.delete(call.requestId);
    this.byRequestId.set(call.requestId, { call, record, eventTimeMs: Date.parse(String(recordField(record, "eventTime"))), collectedAtMs: this.now() });
  }

  /**
   * The records whose eventTime is inside `window` (from its start to its end, inclusive), after
   * forgetting those collected more than a minute ago.
   */
  within(window: { start: Date; end: Date }): KnownRecord[] {
    const since = this.now() - KNOWN_RECORD_LIFETIME_MS;
    // The map is in collection order: the old ones are at its front.
    for (const [id, entry] of this.byRequestId) {
      if (entry.collectedAtMs >= since) break;
      this.byRequestId.delete(id);
    }
    const from = window.start.getTime();
    const to = window.end.getTime();
    const out: KnownRecord[] = [];
    for (const entry of this.byRequestId.values()) {
      if (entry.eventTimeMs >= from && entry.eventTimeMs <= to) out.push({ call: entry.call, record: entry.record });
    }
    return out;
  }

  /** How many records are kept now. */
  get size(): number {
    return this.byRequestId.size;
  }
}
