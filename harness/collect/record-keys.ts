/**
 * The fields a collector reads from a record it does not otherwise interpret: requestID (to join it to a
 * call) and eventID (to recognise a re-delivered copy). Records are external input: each field is used
 * only when it is a non-empty string (read by hand: a zod object parse copied every record, and this
 * runs for every record of every page).
 */

/** A record's own property `key` when it is a non-empty string. */
function stringField(record: object, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

function keyFields(record: unknown): { eventID?: string | undefined; requestID?: string | undefined } {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return {};
  return { eventID: stringField(record, "eventID"), requestID: stringField(record, "requestID") };
}

/** The record's requestID, when it is an object with a non-empty string requestID. */
export function requestIdOf(record: unknown): string | undefined {
  return keyFields(record).requestID;
}

/** The record's eventID, when it is an object with a non-empty string eventID. */
export function eventIdOf(record: unknown): string | undefined {
  return keyFields(record).eventID;
}

/**
 * The identity of a record for deduplication: eventID plus requestID. Two records with the same key are
 * copies of one event ("Duplicates can occur (same eventID)", CloudTrail user guide, "Finding your CloudTrail log files", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html), and are collapsed. Two records
 * that share an eventID but name different requests are NOT copies: both are kept so the oracles can
 * report the reused eventID (oracles/completeness.ts, `correlated.event_id_duplicate`).
 * A raw string (a CloudTrailEvent that did not parse) is keyed by its text, and an object without an
 * eventID by its JSON text, so a later pass re-reading them adds nothing; any other value has no key
 * and is always kept.
 */
export function copyKeyOf(record: unknown): string | undefined {
  if (typeof record === "string") return `raw\u0000${record}`;
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  const { eventID, requestID } = keyFields(record);
  return eventID === undefined ? `json\u0000${JSON.stringify(record)}` : `event\u0000${eventID}\u0000${requestID ?? ""}`;
}
