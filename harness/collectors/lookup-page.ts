/**
 * The records of one LookupEvents page: each Event's CloudTrailEvent is the full record as JSON text
 * (facts §5). It is parsed with zod; text that is not a JSON object is kept raw, as the string, so the
 * oracles can report it instead of the collector hiding it.
 */
import { z } from "zod";

const EventSchema = z.looseObject({ EventId: z.string().optional(), CloudTrailEvent: z.string().optional() });
/** True for a JSON object (not null, not an array): checked by hand, as zod's record parse would copy every record's keys. */
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
    const event = EventSchema.safeParse(raw);
    const text = event.success ? event.data.CloudTrailEvent : undefined;
    if (text === undefined) {
      withoutRecord.push(event.success && event.data.EventId !== undefined ? event.data.EventId : `Events[${index}]`);
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
