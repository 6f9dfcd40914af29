/**
 * Accepts a record as collected: an object (trail files) or the LookupEvents `CloudTrailEvent`
 * JSON string (CloudTrail API reference, LookupEvents, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html: Events[].CloudTrailEvent). A string that does not parse is a finding, never a throw.
 */
import { finding, type Finding } from "./finding.js";

/** A record ready for the rules: a plain JSON object. */
export type RecordObject = Record<string, unknown>;

/** Either the record object or the finding that says why there is none. */
export type RecordInput = { ok: true; record: RecordObject } | { ok: false; finding: Finding };

/**
 * Deepest nesting of objects and arrays a record may have. CloudTrail's fields nest a few levels,
 * and so do Inspector's inputs and outputs that requestParameters and responseElements echo; a record
 * nested deeper is broken (and would exhaust the stack of any recursive reader).
 */
export const MAX_RECORD_DEPTH = 64;

/** How deep `value` nests, counted without recursion, stopping once past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    const depth = d + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([child, depth]);
  }
  return deepest;
}

/** Turns a collected record (object or JSON string) into an object; `path` locates it in findings. */
export function readRecord(input: unknown, path = ""): RecordInput {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      return { ok: false, finding: finding("shape.unparseable_record", path, "a JSON object", `${input.slice(0, 80)} (${(e as Error).message})`) };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, finding: finding("shape.not_an_object", path, "a JSON object", value) };
  }
  if (depthOf(value, MAX_RECORD_DEPTH) > MAX_RECORD_DEPTH) {
    return { ok: false, finding: finding("shape.nesting_too_deep", path, `at most ${MAX_RECORD_DEPTH} levels of objects and arrays`, `more than ${MAX_RECORD_DEPTH}`) };
  }
  return { ok: true, record: value as RecordObject };
}

/** The value at a dotted path of a record (`userIdentity.sessionContext.sessionIssuer.arn`), or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** True when the record has own property `key` (present, even if null). */
export function hasField(record: RecordObject, key: string): boolean {
  return Object.hasOwn(record, key);
}
