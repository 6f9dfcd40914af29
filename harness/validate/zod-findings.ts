/**
 * zod issues of the record kinds validate adds (harness/validate/event-kinds.ts) as oracle findings,
 * with the shape rule's codes: an absent field is shape.missing_field, a bad eventTime, eventID or
 * eventVersion its own code, anything else shape.wrong_type.
 */
import type { z } from "zod";
import { finding, type Finding, type FindingCode } from "../../oracles/finding.js";
import { formatPath } from "../../oracles/shape-rule.js";

const SPECIAL: Readonly<Record<string, FindingCode>> = { eventTime: "shape.bad_event_time", eventID: "shape.bad_event_id", eventVersion: "shape.bad_event_version" };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function expectedOf(issue: z.core.$ZodIssue): unknown {
  if (issue.code === "invalid_type") return issue.expected;
  if (issue.code === "invalid_value") return issue.values;
  if (issue.code === "invalid_format") return "pattern" in issue ? `string matching ${String(issue.pattern)}` : issue.format;
  return issue.message;
}

/** The findings of parsing `value` (found at `prefix` of the record) with `schema`. */
export function schemaFindings(schema: z.ZodType, value: unknown, prefix: readonly PropertyKey[] = []): Finding[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const full = [...prefix, ...issue.path];
    const actual = valueAt(value, issue.path);
    const path = formatPath(full);
    if (actual === undefined) return finding("shape.missing_field", path, expectedOf(issue), undefined);
    const special = full.length === 1 && typeof full[0] === "string" ? SPECIAL[full[0]] : undefined;
    return finding(special ?? "shape.wrong_type", path, expectedOf(issue), actual);
  });
}
