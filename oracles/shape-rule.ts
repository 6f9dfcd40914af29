/**
 * Rule 1, shape: every field that AWS marks always-present for the record's own eventVersion is
 * present and well typed; unknown extra fields are allowed (docs/rules.md, rule 1; the CloudTrail user guide, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
import type { z } from "zod";
import { versionAtLeast } from "./event-version.js";
import { finding, type Finding, type FindingCode } from "./finding.js";
import { hasField, type RecordObject } from "./record-input.js";
import { CloudTrailRecordSchema, RECORD_FIELDS } from "./record-schema.js";

/** Names of the fields the shape rule requires at `eventVersion` (Optional False, Since <= version). */
export function requiredFieldsFor(eventVersion: string): string[] {
  return RECORD_FIELDS.filter((f) => !f.optional && f.presenceJudgedBy === undefined && versionAtLeast(eventVersion, f.since)).map(
    (f) => f.name,
  );
}

/** `["a", 0, "b"]` -> `a[0].b` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const SPECIAL_FORMAT: Readonly<Record<string, FindingCode>> = {
  eventTime: "shape.bad_event_time",
  eventID: "shape.bad_event_id",
  eventVersion: "shape.bad_event_version",
};

function describeExpected(issue: z.core.$ZodIssue): unknown {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue ? `string matching ${String(issue.pattern)}` : issue.format;
    case "invalid_value":
      return issue.values;
    case "invalid_union":
    {
      const options: unknown = (issue as { options?: unknown }).options;
      return Array.isArray(options) ? `one of ${options.join(", ")}` : "any JSON value";
    }
    default:
      return issue.message;
  }
}

function issueToFinding(record: RecordObject, issue: z.core.$ZodIssue): Finding {
  const path = formatPath(issue.path);
  const actual = valueAtPath(record, issue.path);
  const top = typeof issue.path[0] === "string" ? issue.path[0] : "";
  const special = issue.path.length === 1 ? SPECIAL_FORMAT[top] : undefined;
  // An absent field is missing, whatever zod's issue says: a userIdentity without `type` fails the
  // discriminated union ("No matching discriminator") at userIdentity.type, and that field is absent.
  if (actual === undefined) return finding("shape.missing_field", path, describeExpected(issue), undefined);
  return finding(special ?? "shape.wrong_type", path, describeExpected(issue), actual);
}

/** Checks field presence by eventVersion and field types; returns one finding per defect. */
export function checkShape(record: RecordObject): Finding[] {
  const findings: Finding[] = [];
  const parsed = CloudTrailRecordSchema.safeParse(record);
  if (!parsed.success) for (const issue of parsed.error.issues) findings.push(issueToFinding(record, issue));

  // An impossible calendar date passes the pattern: reject it too.
  const eventTime = record["eventTime"];
  if (typeof eventTime === "string" && !findings.some((f) => f.path === "eventTime") && Number.isNaN(Date.parse(eventTime))) {
    findings.push(finding("shape.bad_event_time", "eventTime", "a real UTC instant", eventTime));
  }

  // Fields added after 1.0 that are always present from their Since version on.
  const version = record["eventVersion"];
  if (typeof version === "string") {
    for (const name of requiredFieldsFor(version)) {
      if (!hasField(record, name) && !findings.some((f) => f.path === name)) {
        findings.push(finding("shape.missing_field", name, `present (Optional False, record version ${version})`, undefined));
      }
    }
  }
  return findings;
}
