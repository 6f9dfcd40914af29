/**
 * The words of AWS's validation errors, built from zod issues: "Value <v> at '<path>' failed to
 * satisfy constraint: Member must …", the Coral wording AWS JSON services use in their
 * ValidationException / InvalidInputException messages.
 */
import type { z } from "zod";
import { UNION_MESSAGE } from "./shape-schemas.js";

type Issue = z.core.$ZodIssue;

/** AWS-style member path with 1-based indexes (`tags.1.key`). */
export function awsPath(path: readonly PropertyKey[]): string {
  return path.map((seg) => (typeof seg === "number" ? String(seg + 1) : String(seg))).join(".");
}

/** The value found at `path` inside `input`, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The constraint sentence of one issue ("Member must have length less than or equal to 128"). */
export function constraint(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return `Member must have length greater than or equal to ${issue.minimum}`;
      if (issue.origin === "array") return `Member must have length greater than or equal to ${issue.minimum}`;
      return `Member must have value greater than or equal to ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array") return `Member must have length less than or equal to ${issue.maximum}`;
      return `Member must have value less than or equal to ${issue.maximum}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "invalid_format":
      return `Member must satisfy regular expression pattern: ${"pattern" in issue ? String(issue.pattern).replace(/^\/\^\(\?:|\)\$\/u?$/g, "") : issue.format}`;
    case "invalid_type":
      return value === undefined || value === null ? "Member must not be null" : `Member must be of type ${issue.expected}`;
    case "invalid_key": {
      const inner = issue.issues[0];
      return inner === undefined ? "Map key is not valid" : `Map key ${constraint(inner, issue.input).replace(/^Member /, "")}`.replace(/^Map key must/, "Map keys must");
    }
    case "custom":
      return issue.message === UNION_MESSAGE ? UNION_MESSAGE : issue.message;
    default:
      return issue.message;
  }
}

/** `'value'` as the messages quote it; `null` for an absent value. */
export function shownValue(value: unknown): string {
  return value === undefined || value === null ? "null" : `'${typeof value === "string" ? value : JSON.stringify(value)}'`;
}

/**
 * One issue as a sentence: `Value 'x' at 'a.b' failed to satisfy constraint: …`. With
 * `missingIsNull`, any constraint on an absent required member reads "Member must not be null"
 * (an absent enum member is then not reported as a bad enum value).
 */
export function issueSentence(issue: Issue, input: unknown, options: { missingIsNull?: boolean } = {}): { path: string; constraint: string; sentence: string } {
  const value = issue.code === "invalid_key" ? issue.input : valueAt(input, issue.path);
  const path = awsPath(issue.path);
  const missing = options.missingIsNull === true && (value === undefined || value === null) && issue.code !== "custom" && issue.code !== "invalid_key";
  const text = missing ? "Member must not be null" : constraint(issue, value);
  return { path, constraint: text, sentence: `Value ${shownValue(value)} at '${path}' failed to satisfy constraint: ${text}` };
}
