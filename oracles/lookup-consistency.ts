/**
 * LookupEvents consistency (rule 6, as seen through the collector): a record that matches the
 * EventSource lookup attribute the records were collected with, yet came back only when the same
 * call was looked up another way (by AccessKeyId), was dropped by the filtered query: pagination or
 * filtering lost it. Pure: it compares two recorded result sets.
 */
import { finding, type Finding } from "./finding.js";
import type { ObservedCall } from "../history/observed-call.js";

/** A top-level field of a record given as an object or as CloudTrailEvent JSON text (undefined when unreadable). */
export function recordField(record: unknown, key: string): unknown {
  let value = record;
  if (typeof record === "string") {
    try {
      value = JSON.parse(record) as unknown;
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * True when a record's eventTime lies at least one second inside `window`: eventTime has whole
 * seconds, so a record nearer an edge may rightly fall on either side of it.
 */
function wellInside(record: unknown, window: { start: Date; end: Date }): boolean {
  const time = Date.parse(String(recordField(record, "eventTime")));
  return !Number.isNaN(time) && time >= window.start.getTime() + 1000 && time <= window.end.getTime() - 1000;
}

/**
 * Findings for the records in `foundElsewhere` that carry the filter's eventSource and a call's
 * requestID, and whose eventTime lies well inside the filtered query's `window`: that query should
 * have returned them. A record stamped outside the window was rightly left out (its eventTime is
 * judged by the correlation rules).
 */
export function checkLookupConsistency(
  calls: readonly ObservedCall[],
  foundElsewhere: readonly unknown[],
  eventSource: string,
  window: { start: Date; end: Date },
): Finding[] {
  const bySeq = new Map(calls.filter((c) => c.requestId !== undefined).map((c) => [c.requestId!, c]));
  const out: Finding[] = [];
  for (const record of foundElsewhere) {
    const call = bySeq.get(String(recordField(record, "requestID")));
    if (call === undefined || recordField(record, "eventSource") !== eventSource || !wellInside(record, window)) continue;
    out.push(
      finding(
        "completeness.lookup_incomplete",
        `calls[seq=${call.seq}]`,
        `returned by LookupEvents with EventSource=${eventSource}`,
        "returned only when looked up by AccessKeyId",
      ),
    );
  }
  return out;
}

/**
 * Records collected earlier that fall inside a later query's window and match its EventSource filter
 * must come back in that query too (LookupEvents returns every matching event of the window). Those
 * that do not are findings on their calls. eventTime has whole seconds, so only records at least one
 * second inside the window are judged.
 */
export function checkWindowCoverage(
  known: readonly { call: ObservedCall; record: unknown }[],
  returned: readonly unknown[],
  window: { start: Date; end: Date },
  eventSource: string,
): Finding[] {
  const returnedIds = new Set(returned.map((r) => String(recordField(r, "requestID"))));
  const out: Finding[] = [];
  for (const { call, record } of known) {
    if (recordField(record, "eventSource") !== eventSource || returnedIds.has(String(recordField(record, "requestID"))) || !wellInside(record, window)) continue;
    out.push(
      finding(
        "completeness.lookup_incomplete",
        `calls[seq=${call.seq}]`,
        `returned by every LookupEvents query with EventSource=${eventSource} whose window holds its eventTime`,
        `left out of a later query for ${window.start.toISOString()}..${window.end.toISOString()}`,
      ),
    );
  }
  return out;
}
