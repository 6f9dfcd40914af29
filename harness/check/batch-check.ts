/**
 * Collect-then-check for one batch of calls (a sequence in interactive mode, the whole run in
 * deferred mode): read the batch's records back through LookupEvents and run the oracles on them.
 */
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { checkLookupConsistency, checkRun, checkWindowCoverage, recordField, requiredFindings, type Finding, type RunResult } from "../../oracles/index.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { OracleContext } from "../../oracles/context.js";
import { collectLookupEvents, mergeFailures, type LookupCollection, type LookupProgress } from "../collect/lookup-events.js";
import type { KnownRecords } from "../collect/known-records.js";
import type { LookupMargin } from "../collect/lookup-margin.js";
import type { TokenBucket } from "../collect/token-bucket.js";

/** How the collector is to behave for this target. */
export interface CollectSettings {
  client: CloudTrailClient;
  requestsPerSecond: number;
  /** One pacing at `requestsPerSecond` for every collection made with these settings (the main one, the second look, each chunk). */
  pacer?: TokenBucket;
  deadlineMs: number;
  pollIntervalMs: number;
  /** Widening of the lookup window on both sides (clock skew); widened by what each batch's records show. */
  margin: LookupMargin;
  /**
   * A record not there by the deadline may still come (AWS: delivery time is not guaranteed): such
   * calls are unknown (`late`), to be collected again later, not missing.
   */
  lateIsUnknown?: boolean;
  /** The target stores each record before it answers the call: one pass over the window sees every record there will be. */
  recordsAtOnce?: boolean;
  /** Told after each pass of the main collection (the deferred run's progress line). */
  onProgress?: (p: LookupProgress) => void;
}

/** A checked batch. */
export interface CheckedBatch {
  /** The batch's calls. */
  calls: readonly ObservedCall[];
  collection: LookupCollection;
  /** Records attributed to this batch (records of earlier batches' calls removed). */
  records: unknown[];
  result: RunResult;
  /** Records the filtered query should have returned but only a lookup by access key did (already in `result`). */
  lookupFindings: Finding[];
  /** True when a required finding was found. */
  failed: boolean;
  /** Seqs of calls read to the end without a record where a record may come later (settings.lateIsUnknown): unknown. */
  late: number[];
}

function requestIdOf(record: unknown): string | undefined {
  const id = recordField(record, "requestID");
  return typeof id === "string" ? id : undefined;
}

/** Picks a batch's own records out of what its window returned. */
export type RecordSelector = (records: readonly unknown[], calls: readonly ObservedCall[]) => unknown[];

/**
 * What batches checked one after the other have taken so far: the request ids of their calls (and of
 * calls outside the checked history, such as the probe's) and the records given to them. A later
 * window reaches back over them; they are the earlier batch's, not extras of the later one. A record
 * counts as taken by its eventID and requestID together: a copy re-delivered later is the same
 * record, while another record that reuses the eventID (a CloudTrail defect) is still judged.
 */
export class EarlierBatches {
  readonly requestIds: Set<string>;
  private readonly records = new Set<string>();

  constructor(requestIds: Iterable<string> = []) {
    this.requestIds = new Set(requestIds);
  }

  /** Notes a batch's calls and the records it was given. */
  add(calls: readonly ObservedCall[], records: readonly unknown[]): void {
    for (const c of calls) if (c.requestId !== undefined) this.requestIds.add(c.requestId);
    for (const r of records) {
      const key = takenKey(r);
      if (key !== undefined) this.records.add(key);
    }
  }

  /** A selector that leaves out what earlier batches took. */
  readonly selector: RecordSelector = (records) =>
    records.filter((r) => {
      const id = requestIdOf(r);
      if (id !== undefined && this.requestIds.has(id)) return false;
      const key = takenKey(r);
      return key === undefined || !this.records.has(key);
    });
}

/** A record's identity for EarlierBatches: its eventID and requestID (undefined without an eventID). */
function takenKey(record: unknown): string | undefined {
  const eventId = recordField(record, "eventID");
  return typeof eventId === "string" ? `${eventId}\u0000${String(recordField(record, "requestID"))}` : undefined;
}

/** Collects the batch's records and checks those `select` says are the batch's. */
export async function collectAndCheck(
  calls: readonly ObservedCall[],
  settings: CollectSettings,
  ctx: OracleContext,
  select: RecordSelector,
  /** Records of earlier batches with their calls: those inside this query's window must come back again. */
  known?: Pick<KnownRecords, "within">,
): Promise<CheckedBatch> {
  // A loop, not Math.min(...spread): a 100,000-call batch would pass 200,000 arguments.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const c of calls) {
    first = Math.min(first, Date.parse(c.startedAt));
    last = Math.max(last, Date.parse(c.endedAt));
  }
  // eventTime is whole seconds (the second a call started can be before it): the window starts on a whole second.
  const marginMs = settings.margin.ms;
  const start = new Date(Math.floor((first - marginMs) / 1000) * 1000);
  const end = new Date(last + marginMs);
  const collection = await collectLookupEvents({
    client: settings.client,
    calls,
    eventSource: ctx.eventSource,
    window: { start, end },
    windowMarginMs: 0,
    requestsPerSecond: settings.requestsPerSecond,
    ...(settings.pacer !== undefined ? { pacer: settings.pacer } : {}),
    // Paging itself takes time: 50 records a page, so the deadline grows with the batch.
    deadlineMs: settings.deadlineMs + PAGING_MS_PER_CALL * calls.length,
    pollIntervalMs: settings.pollIntervalMs,
    ...(settings.recordsAtOnce === true ? { onePass: true } : {}),
    ...(settings.onProgress !== undefined ? { onProgress: settings.onProgress } : {}),
  });
  // Pages LookupEvents failed to give make their calls unknown, not missing; and a partial read
  // cannot show that a query left a record out, nor is a second look worth making.
  const readAll = collection.readAll && collection.unsupported === undefined;
  const elsewhere = readAll ? await recordsFiledElsewhere(calls, collection, settings, start, end) : [];
  collection.records.push(...elsewhere);
  const leftOut = await confirmedLeftOut(elsewhere, calls, collection, settings, ctx.eventSource, start, end);
  const records = select(collection.records, calls);
  // A record found by the second look is judged (by the rule it breaks); the rest may still be on its way.
  const foundElsewhere = new Set(elsewhere.map(requestIdOf));
  const missing = new Set(collection.missing);
  const late = readAll && settings.lateIsUnknown === true ? calls.filter((c) => missing.has(c.seq) && !foundElsewhere.has(c.requestId)).map((c) => c.seq) : [];
  const unread = readAll ? late : collection.missing;
  const result = checkRun(calls, records, unread.length > 0 ? { ...ctx, uncollected: new Set(unread) } : ctx);
  settings.margin.observe(matchedPairs(calls, result));
  const lookupFindings = [
    ...checkLookupConsistency(calls, leftOut, ctx.eventSource, { start, end }),
    ...(readAll ? checkWindowCoverage(known?.within({ start, end }) ?? [], collection.records, { start, end }, ctx.eventSource) : []),
  ];
  result.all.push(...lookupFindings);
  result.findings.push(...lookupFindings);
  return { calls, collection, records, result, lookupFindings, failed: requiredFindings(result.all).length > 0, late };
}

/** Each call of the batch that has a record, with it. */
function* matchedPairs(calls: readonly ObservedCall[], result: RunResult): Generator<{ call: ObservedCall; record: unknown }> {
  for (const call of calls) {
    const record = result.matched.get(call.seq);
    if (record !== undefined) yield { call, record };
  }
}

/**
 * Of the records the second look found, those under the filter's own eventSource, once the filtered
 * query has been asked again and still leaves them out: a record delivered between the first query
 * and the second look (CloudTrail delivers when it will) is late, not left out, and the query now
 * returns it. When that query cannot be read to the end, nothing is shown left out.
 */
async function confirmedLeftOut(
  elsewhere: readonly unknown[],
  calls: readonly ObservedCall[],
  collection: LookupCollection,
  settings: CollectSettings,
  eventSource: string,
  start: Date,
  end: Date,
): Promise<unknown[]> {
  const candidates = elsewhere.filter((r) => recordField(r, "eventSource") === eventSource);
  if (candidates.length === 0) return [];
  const ids = new Set(candidates.map(requestIdOf));
  const again = await collectLookupEvents({
    client: settings.client,
    calls: calls.filter((c) => ids.has(c.requestId)),
    eventSource,
    window: { start, end },
    windowMarginMs: 0,
    requestsPerSecond: settings.requestsPerSecond,
    ...(settings.pacer !== undefined ? { pacer: settings.pacer } : {}),
    // One pass, with the main collection's deadline for its retries: a throttled pass that gives up
    // early would leave a real omission unshown.
    deadlineMs: settings.deadlineMs,
    onePass: true,
  });
  collection.requests += again.requests;
  collection.pages += again.pages;
  collection.throttled += again.throttled;
  mergeFailures(collection.failures, again.failures);
  if (!again.readAll || again.unsupported !== undefined) return [];
  const returned = new Set(again.records.map(requestIdOf));
  return candidates.filter((r) => !returned.has(requestIdOf(r)));
}

/** Deadline allowance per call of the batch for paging through its records (a 100,000-call batch: +200 s). */
const PAGING_MS_PER_CALL = 2;

/** How far the second look widens the window on each side: 6 hours. */
const ELSEWHERE_WINDOW_MS = 6 * 3600_000;

/**
 * Calls still missing a record under the EventSource filter are looked up once more by their access
 * key, without the filter: a record filed under a wrong or absent eventSource is then found and
 * judged by the rule it breaks (rule 5, eventSource) instead of being reported missing (rule 6).
 * Only records carrying a missing call's requestID are taken.
 */
async function recordsFiledElsewhere(
  calls: readonly ObservedCall[],
  collection: LookupCollection,
  settings: CollectSettings,
  start: Date,
  end: Date,
): Promise<unknown[]> {
  if (collection.missing.length === 0 || collection.unsupported !== undefined) return [];
  const missing = calls.filter((c) => collection.missing.includes(c.seq));
  const wanted = new Set(missing.map((c) => c.requestId));
  const found: unknown[] = [];
  for (const key of new Set(missing.map((c) => c.identity.accessKeyId))) {
    const again = await collectLookupEvents({
      client: settings.client,
      calls: missing.filter((c) => c.identity.accessKeyId === key),
      attribute: { AttributeKey: "AccessKeyId", AttributeValue: key },
      // Wide: a record whose eventTime is wrong (hours off) must still be found, and judged by that rule.
      window: { start: new Date(start.getTime() - ELSEWHERE_WINDOW_MS), end: new Date(end.getTime() + ELSEWHERE_WINDOW_MS) },
      windowMarginMs: 0,
      requestsPerSecond: settings.requestsPerSecond,
      ...(settings.pacer !== undefined ? { pacer: settings.pacer } : {}),
      // One pass: the main collection already decided these records are missing.
      deadlineMs: Math.min(settings.deadlineMs, 2_000),
      onePass: true,
    });
    collection.requests += again.requests;
    collection.pages += again.pages;
    collection.throttled += again.throttled;
    mergeFailures(collection.failures, again.failures);
    found.push(...again.records.filter((r) => wanted.has(requestIdOf(r))));
  }
  return found;
}
