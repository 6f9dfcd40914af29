/**
 * A run's collection figures, summed over its collections (batches, chunks, services): requests,
 * pages, throttling, re-deliveries, the delivery latency of the records found, and the calls whose
 * records had not come by the deadline where they still may (`late`: unknown).
 */
import type { CheckedBatch } from "../check/batch-check.js";
import { latencySummary, type LatencySummary } from "./delivery-latency.js";

/** The figures the report gives (harness/report/schema.ts, CollectionSchema). */
export interface CollectionFigures {
  requests: number;
  pages: number;
  throttled: number;
  duplicatesCollapsed: number;
  /** LookupEvents pages read per record found (at best 1/50: 50 records a page); null without records. */
  pagesPerRecord: number | null;
  deliveryLatencyMs: LatencySummary | null;
  late: number;
}

/** Sums collections as they are checked. */
export class CollectionTally {
  requests = 0;
  pages = 0;
  throttled = 0;
  duplicatesCollapsed = 0;
  late = 0;
  private recordsFound = 0;
  private readonly latencies: number[] = [];

  /** Adds one checked batch's collection. */
  add(batch: Pick<CheckedBatch, "collection" | "late">): void {
    const c = batch.collection;
    this.requests += c.requests;
    this.pages += c.pages;
    this.throttled += c.throttled;
    this.duplicatesCollapsed += c.duplicatesCollapsed;
    this.recordsFound += c.records.length;
    this.late += batch.late.length;
    for (const ms of c.latenciesMs) this.latencies.push(ms);
  }

  /** The sums, with the latency quantiles and pages per record. */
  figures(): CollectionFigures {
    return {
      requests: this.requests,
      pages: this.pages,
      throttled: this.throttled,
      duplicatesCollapsed: this.duplicatesCollapsed,
      pagesPerRecord: this.recordsFound > 0 ? Math.round((this.pages / this.recordsFound) * 1000) / 1000 : null,
      deliveryLatencyMs: latencySummary(this.latencies),
      late: this.late,
    };
  }
}
