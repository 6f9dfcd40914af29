/**
 * Deduplication of collected records by eventID (see record-keys.ts copyKeyOf for what counts as a copy).
 */
import { copyKeyOf } from "./record-keys.js";

/** Records with copies collapsed, and how many copies were dropped. */
export interface Deduplicated {
  /** First copy of each event, in first-seen order; records without a key are all kept. */
  records: unknown[];
  /** Copies dropped: same eventID (and requestID) seen more than once. */
  duplicatesCollapsed: number;
}

/** Keeps the first copy of each event (pure; order preserved). */
export function dedupeRecords(records: readonly unknown[]): Deduplicated {
  const seen = new Set<string>();
  const kept: unknown[] = [];
  let duplicatesCollapsed = 0;
  for (const record of records) {
    const key = copyKeyOf(record);
    if (key !== undefined && seen.has(key)) {
      duplicatesCollapsed++;
      continue;
    }
    if (key !== undefined) seen.add(key);
    kept.push(record);
  }
  return { records: kept, duplicatesCollapsed };
}

/**
 * Records gathered over several passes that each re-read the same window. Seeing an event again in a
 * later pass is not a duplicate; seeing it twice within one pass is. So each event's copy count is the
 * largest number of times one pass returned it, and `duplicatesCollapsed` sums (count - 1).
 */
export class PassRecords {
  private readonly byKey = new Map<string, { record: unknown; maxCopies: number }>();
  private readonly unkeyed: unknown[] = [];
  private readonly order: ({ key: string } | { index: number })[] = [];
  private pass = new Map<string, number>();

  /** Starts a new pass: copy counts restart from zero (kept records stay). */
  beginPass(): void {
    this.pass = new Map();
  }

  /** Adds one record returned by the current pass. */
  add(record: unknown): void {
    const key = copyKeyOf(record);
    if (key === undefined) {
      this.order.push({ index: this.unkeyed.length });
      this.unkeyed.push(record);
      return;
    }
    const copies = (this.pass.get(key) ?? 0) + 1;
    this.pass.set(key, copies);
    const entry = this.byKey.get(key);
    if (entry === undefined) {
      this.byKey.set(key, { record, maxCopies: copies });
      this.order.push({ key });
    } else {
      entry.maxCopies = Math.max(entry.maxCopies, copies);
    }
  }

  /** One copy of each event, in first-seen order. */
  records(): unknown[] {
    return this.order.map((o) => ("key" in o ? this.byKey.get(o.key)!.record : this.unkeyed[o.index]));
  }

  /** Copies collapsed (see the class comment). */
  duplicatesCollapsed(): number {
    let n = 0;
    for (const entry of this.byKey.values()) n += entry.maxCopies - 1;
    return n;
  }
}
