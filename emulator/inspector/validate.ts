/**
 * Validates a request body against its operation's input shape and turns the first violation into
 * an AWS-like InvalidInputException (errorCode from error-codes.ts, message in the wording of AWS's
 * "1 validation error detected: Value ... at '...' failed to satisfy constraint: ..." messages).
 */
import type { z } from "zod";
import { inspectorModel } from "../../model/service-model.js";
import { errorCodeFor } from "./error-codes.js";
import { invalidInput, serialization } from "./errors.js";
import { schemaOfShape } from "./input-schemas.js";

type Issue = z.core.$ZodIssue;

/** Member path of an issue in the notation of error-codes.ts (`tags[].key`). */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += "[]";
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** AWS-style member path with indexes (`tags.1.member.key` in Query APIs; JSON APIs use `tags.1.key`). */
function awsPath(path: readonly PropertyKey[]): string {
  return path.map((seg) => (typeof seg === "number" ? String(seg + 1) : String(seg))).join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function constraint(issue: Issue, value: unknown): string {
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
      return `Member must satisfy regular expression pattern: ${"pattern" in issue ? String(issue.pattern).replace(/^\/\^\(\?:|\)\$\/$/g, "") : issue.format}`;
    case "invalid_type":
      return value === undefined || value === null ? "Member must not be null" : `Member must be of type ${issue.expected}`;
    default:
      return issue.message;
  }
}

/**
 * The parsed input of `operation`, or throws InvalidInputException / SerializationException.
 * An absent or null body counts as `{}`; any other non-object body (even for an operation without
 * input shape) is a SerializationException, as the JSON 1.1 protocol expects a structure.
 */
export function validateInput(operation: string, input: unknown): Record<string, unknown> {
  const op = inspectorModel.operations[operation];
  const body = input === undefined || input === null ? {} : input;
  if (typeof body !== "object" || Array.isArray(body)) {
    throw serialization(`Start of ${Array.isArray(body) ? "list" : typeof body} found where a structure was expected.`);
  }
  if (op?.input === undefined) return {};
  const result = schemaOfShape(op.input.shape).safeParse(body);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0]!;
  const value = valueAt(body, issue.path);
  const shown = value === undefined || value === null ? "null" : `'${typeof value === "string" ? value : JSON.stringify(value)}'`;
  const message = `1 validation error detected: Value ${shown} at '${awsPath(issue.path)}' failed to satisfy constraint: ${constraint(issue, value)}`;
  throw invalidInput(errorCodeFor(operation, issuePath(issue.path)), message);
}
