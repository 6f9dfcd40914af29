/**
 * Time formats of CloudTrail records: ISO-8601 UTC with whole seconds, and epoch seconds for LookupEvents.
 */

/** `YYYY-MM-DDTHH:mm:ssZ`: ISO-8601 UTC without fractional seconds, like AWS's example records. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `date` truncated down to the whole second. */
export function truncateToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * The `eventTime` of a call: "the time the request completed" (record-contents page, facts section 2),
 * i.e. `endedAt` truncated to the second. AWS's examples carry no fractional seconds, so truncation is
 * unavoidable; consequently eventTime lies in [startedAt truncated to the second, endedAt]. A checker
 * that compares against the call's window must truncate startedAt to the second (or allow >= 1 s skew).
 */
export function eventTimeOf(endedAt: Date): Date {
  return truncateToSecond(endedAt);
}
