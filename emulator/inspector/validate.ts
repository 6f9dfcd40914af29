/**
 * Validates a request body against its operation's input shape and turns the first violation into
 * an AWS-like InvalidInputException (errorCode from error-codes.ts, message in the wording of AWS's
 * "1 validation error detected: Value ... at '...' failed to satisfy constraint: ..." messages).
 */
import { inspectorModel } from "../../model/service-model.js";
import { issueSentence } from "../core/validation-messages.js";
import { errorCodeFor } from "./error-codes.js";
import { invalidInput, serialization } from "./errors.js";
import { schemaOfShape } from "./input-schemas.js";

/** Member path of an issue in the notation of error-codes.ts (`tags[].key`). */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += "[]";
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
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
  const message = `1 validation error detected: ${issueSentence(issue, body).sentence}`;
  throw invalidInput(errorCodeFor(operation, issuePath(issue.path)), message);
}
