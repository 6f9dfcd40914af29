/**
 * Accepts a record as collected: an object (trail files) or the LookupEvents `CloudTrailEvent`
 * JSON string (facts §5). A string that does not parse is a finding, never a throw.
 */
import { finding, type Finding } from "./finding.js";

/** A record ready for the rules: a plain JSON object. */
export type RecordObject = Record<string, unknown>;

/** Either the record object or the finding that says why there is none. */
export type RecordInput = { ok: true; record: RecordObject } | { ok: false; finding: Finding };

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
