/**
 * LookupEvents over the stored records: scope, filters, newest-first order and snapshot pagination.
 * Behaviour from the CloudTrail model (LookupEvents and its shapes) and
 * reference/cloudtrail-and-inspector-facts.md section 5.
 */
import type { ServiceResult } from "../core/types.js";
import type { StoredRecord } from "./stored-record.js";
import type { LookupEventsQuery } from "./lookup-events-input.js";
import { cloudTrailError } from "./cloudtrail-errors.js";
import { decodePageToken, encodePageToken, paramsHash } from "./next-token.js";
import type { LookupResource } from "./event-resources.js";

/** "You can look up events that occurred in a Region within the last 90 days" (model doc). */
export const LOOKBACK_MS = 90 * 24 * 60 * 60 * 1000;

/** A LookupEvents `Event` as sent on the wire. */
export interface LookupEvent {
  EventId: string;
  EventName: string;
  /** "true" or "false": a String in the model, unlike the record's boolean. */
  ReadOnly: string;
  AccessKeyId: string;
  /** Epoch seconds. */
  EventTime: number;
  EventSource: string;
  Username: string;
  Resources: LookupResource[];
  /** The record as JSON text. */
  CloudTrailEvent: string;
}

/** Where a query runs: the caller's account and region, and the time it is answered. */
export interface LookupScope {
  account: string;
  region: string;
  nowMs: number;
}

function matchesAttribute(entry: StoredRecord, attribute: NonNullable<LookupEventsQuery["attribute"]>): boolean {
  const { lookup } = entry;
  const v = attribute.value;
  switch (attribute.key) {
    case "EventId":
      return lookup.eventId === v;
    case "EventName":
      return lookup.eventName === v;
    case "ReadOnly":
      return lookup.readOnly === v;
    case "Username":
      return entry.username === v;
    case "ResourceType":
      return entry.resources.some((r) => r.ResourceType === v);
    case "ResourceName":
      return entry.resources.some((r) => r.ResourceName === v);
    case "EventSource":
      return lookup.eventSource === v;
    case "AccessKeyId":
      return lookup.accessKeyId === v;
  }
}

/** The wire form of one stored record. */
export function toLookupEvent(entry: StoredRecord): LookupEvent {
  const l = entry.lookup;
  return {
    EventId: l.eventId,
    EventName: l.eventName,
    ReadOnly: l.readOnly,
    AccessKeyId: l.accessKeyId,
    EventTime: entry.eventTimeMs / 1000,
    EventSource: l.eventSource,
    Username: entry.username,
    Resources: entry.resources.map((res) => ({ ...res })),
    CloudTrailEvent: entry.json,
  };
}

/**
 * The sorted matches of recent queries, by (account, region, parameters, snapshot): every page of one
 * query reads the same snapshot, so its later pages reuse the first page's match instead of scanning
 * every stored record again (a 5,000-record window over 100,000 records took 100 full scans and sorts,
 * and ran past the suite's collection deadline).
 */
export class LookupMatchCache {
  private readonly matches = new Map<string, StoredRecord[]>();

  constructor(private readonly size = 16) {}

  /** The cached match for `key`, or the one `compute` gives (then kept, the oldest dropped past `size`). */
  get(key: string, compute: () => StoredRecord[]): StoredRecord[] {
    let hit = this.matches.get(key);
    if (hit === undefined) {
      hit = compute();
      this.matches.set(key, hit);
      if (this.matches.size > this.size) this.matches.delete(this.matches.keys().next().value as string);
    }
    return hit;
  }
}

/**
 * Answers a validated query over `entries` (all records, arrival order). Returns management events
 * only; with EventCategory "insight" it returns none, since the emulator produces no Insights events.
 */
export function lookupEvents(entries: readonly StoredRecord[], query: LookupEventsQuery, scope: LookupScope, cache: LookupMatchCache = new LookupMatchCache(0)): ServiceResult {
  const params = paramsHash(query);
  let maxSeq = entries.length === 0 ? 0 : entries[entries.length - 1]!.seq;
  let snapshotMs = scope.nowMs;
  let offset = 0;
  if (query.nextToken !== undefined) {
    const token = decodePageToken(query.nextToken);
    if (token === undefined || token.account !== scope.account || token.region !== scope.region || token.params !== params) {
      return {
        ok: false,
        error: cloudTrailError(
          "InvalidNextTokenException",
          "NextToken is not valid: pass a token from a previous LookupEvents response with the same LookupAttributes, StartTime, EndTime and EventCategory, in the same account and Region.",
        ),
      };
    }
    ({ maxSeq, snapshotMs, offset } = token);
  }
  if (query.eventCategory === "insight") return { ok: true, output: { Events: [] } };

  const key = [scope.account, scope.region, params, maxSeq, snapshotMs].join("\u0000");
  const matching = cache.get(key, () => matchingEntries(entries, query, scope, maxSeq, snapshotMs));
  const page = matching.slice(offset, offset + query.maxResults);

  const next = offset + page.length;
  const output: Record<string, unknown> = { Events: page.map(toLookupEvent) };
  if (next < matching.length) {
    output.NextToken = encodePageToken({ account: scope.account, region: scope.region, params, maxSeq, snapshotMs, offset: next });
  }
  return { ok: true, output };
}

/** Every stored record a query's snapshot holds that its filters match, newest first. */
function matchingEntries(entries: readonly StoredRecord[], query: LookupEventsQuery, scope: LookupScope, maxSeq: number, snapshotMs: number): StoredRecord[] {
  const matching = entries.filter(
    (e) =>
      e.seq <= maxSeq &&
      e.visibleAtMs <= snapshotMs &&
      e.account === scope.account &&
      e.region === scope.region &&
      e.eventTimeMs >= snapshotMs - LOOKBACK_MS &&
      (query.startMs === undefined || e.eventTimeMs >= query.startMs) &&
      (query.endMs === undefined || e.eventTimeMs <= query.endMs) &&
      (query.attribute === undefined || matchesAttribute(e, query.attribute)),
  );
  // "The events list is sorted by time, with the latest event listed first" (view-cloudtrail-events-cli.md);
  // ties (same second) newest arrival first, so the order is total and pages are stable.
  matching.sort((a, b) => b.eventTimeMs - a.eventTimeMs || b.seq - a.seq);
  return matching;
}
