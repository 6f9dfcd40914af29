/**
 * Parsing and validation of a LookupEvents request body (CloudTrail JSON 1.1).
 * Shapes and limits: fixtures/models/cloudtrail-2013-11-01.service-2.json (LookupEventsRequest,
 * LookupAttribute, LookupAttributeKey, MaxResults, EventCategory).
 */
import { z } from "zod";
import type { ServiceError } from "../core/types.js";
import { cloudTrailError } from "./cloudtrail-errors.js";

/** The eight LookupAttributeKey values of the model. */
export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId",
] as const;

/** One of the eight lookup attribute keys. */
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** A validated LookupEvents request. Times are epoch milliseconds. */
export interface LookupEventsQuery {
  attribute?: { key: LookupAttributeKey; value: string };
  startMs?: number;
  endMs?: number;
  eventCategory?: "insight";
  maxResults: number;
  nextToken?: string;
}

/** Wire types only; semantic limits are checked afterwards so each gets its modelled error. */
const wireSchema = z.object({
  LookupAttributes: z
    .array(z.object({ AttributeKey: z.string().nullish(), AttributeValue: z.string().nullish() }))
    .nullish(),
  // JSON 1.1 timestamps are epoch seconds, possibly fractional.
  StartTime: z.number().nullish(),
  EndTime: z.number().nullish(),
  EventCategory: z.string().nullish(),
  MaxResults: z.number().int().nullish(),
  NextToken: z.string().nullish(),
});

/** Default and bounds of MaxResults: "Possible values are 1 through 50. The default is 50." */
export const MAX_RESULTS_DEFAULT = 50;
const MAX_RESULTS_MIN = 1;
const MAX_RESULTS_MAX = 50;
const ATTRIBUTE_VALUE_MAX = 2000;

/**
 * Length of an AttributeValue as CloudTrail counts it: "The following characters ('_', ' ', ',', '\n')
 * count as two characters towards the 2000 character limit" (model, LookupAttribute.AttributeValue).
 */
export function weightedLength(value: string): number {
  let n = 0;
  for (const ch of value) n += ch === "_" || ch === " " || ch === "," || ch === "\n" ? 2 : 1;
  return n;
}

function isAttributeKey(key: string): key is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);
}

/** Parses `input` (the JSON body; null for an empty body) into a query, or the error AWS models for it. */
export function parseLookupEventsInput(input: unknown): { ok: true; query: LookupEventsQuery } | { ok: false; error: ServiceError } {
  const parsed = wireSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".") || "(body)").join(", ");
    return { ok: false, error: cloudTrailError("SerializationException", `LookupEvents request could not be read: wrong type at ${where}.`) };
  }
  const body = parsed.data;
  const query: LookupEventsQuery = { maxResults: MAX_RESULTS_DEFAULT };

  const attributes = body.LookupAttributes ?? [];
  if (attributes.length > 1) {
    return { ok: false, error: cloudTrailError("InvalidLookupAttributesException", `LookupAttributes may contain at most one item; got ${attributes.length}.`) };
  }
  const attribute = attributes[0];
  if (attribute !== undefined) {
    const key = attribute.AttributeKey ?? "";
    const value = attribute.AttributeValue ?? "";
    if (!isAttributeKey(key)) {
      return {
        ok: false,
        error: cloudTrailError("InvalidLookupAttributesException", `AttributeKey '${key}' is not valid; expected one of ${LOOKUP_ATTRIBUTE_KEYS.join(", ")}.`),
      };
    }
    const length = weightedLength(value);
    if (length < 1 || length > ATTRIBUTE_VALUE_MAX) {
      return {
        ok: false,
        error: cloudTrailError("InvalidLookupAttributesException", `AttributeValue must be 1 to ${ATTRIBUTE_VALUE_MAX} characters ('_', ' ', ',' and newline count as two); got ${length}.`),
      };
    }
    query.attribute = { key, value };
  }

  if (body.StartTime != null) query.startMs = body.StartTime * 1000;
  if (body.EndTime != null) query.endMs = body.EndTime * 1000;
  if (query.startMs !== undefined && query.endMs !== undefined && query.startMs > query.endMs) {
    return { ok: false, error: cloudTrailError("InvalidTimeRangeException", "Start time must be before or equal to end time.") };
  }

  if (body.EventCategory != null) {
    if (body.EventCategory !== "insight") {
      return { ok: false, error: cloudTrailError("InvalidEventCategoryException", `EventCategory '${body.EventCategory}' is not valid; the only value is 'insight'.`) };
    }
    query.eventCategory = "insight";
  }

  if (body.MaxResults != null) {
    if (body.MaxResults < MAX_RESULTS_MIN || body.MaxResults > MAX_RESULTS_MAX) {
      return { ok: false, error: cloudTrailError("InvalidMaxResultsException", `MaxResults must be ${MAX_RESULTS_MIN} to ${MAX_RESULTS_MAX}; got ${body.MaxResults}.`) };
    }
    query.maxResults = body.MaxResults;
  }

  if (body.NextToken != null) query.nextToken = body.NextToken;
  return { ok: true, query };
}
