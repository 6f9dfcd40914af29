/**
 * The records of one LookupEvents page: each Event's CloudTrailEvent is the full record as JSON text
 * (CloudTrail API reference, LookupEvents, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html). Text that is not a JSON object is kept raw, as the string, so the oracles can report it
 * instead of the collector hiding it. The two Event members read here are checked by hand: a zod
 * object parse would copy every Event of every page (a run reads tens of thousands).
 */

/** A string member of an Event, if it is one. */
function stringMember(event: unknown, key: "EventId" | "CloudTrailEvent"): string | undefined {
  const value = event !== null && typeof event === "object" ? (event as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** True for a JSON object (not null, not an array). */
const isJsonObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);

/** A page's records, and the Events that carried no CloudTrailEvent at all. */
export interface PageRecords {
  records: unknown[];
  /** EventIds (or positions) of Events without a CloudTrailEvent string. */
  withoutRecord: string[];
}

/** Parses the `Events` of a LookupEvents response (as the SDK returns them). */
export function recordsOfPage(events: readonly unknown[] | undefined): PageRecords {
  const records: unknown[] = [];
  const withoutRecord: string[] = [];
  (events ?? []).forEach((raw, index) => {
    const text = stringMember(raw, "CloudTrailEvent");
    if (text === undefined) {
      withoutRecord.push(stringMember(raw, "EventId") ?? `Events[${index}]`);
      return;
    }
    records.push(parseRecordText(text));
  });
  return { records, withoutRecord };
}

/** The record a CloudTrailEvent string holds: the parsed object, or the string itself when it is not a JSON object. */
export function parseRecordText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return isJsonObject(value) ? value : text;
}
