/**
 * Validates an operation's input (members gathered from path, query string, headers and body)
 * against the inspector2 model: every violation becomes one entry of ValidationException `fields`
 * (`name` the member path, `message` the constraint), reason FIELD_VALIDATION_FAILED, and the
 * message lists them all in Coral's wording ("2 validation errors detected: Value … at '…' failed to
 * satisfy constraint: …; …"). UNVERIFIED: the exact wording of inspector2's messages and `fields`.
 */
import { inspector2Model } from "../../model/inspector2-model.js";
import type { BindingProblem } from "../core/rest-json-binding.js";
import { shapeSchemas } from "../core/shape-schemas.js";
import type { ServiceError } from "../core/types.js";
import { issueSentence } from "../core/validation-messages.js";
import { ServiceFailure, validationError } from "./errors.js";

const schemas = shapeSchemas(inspector2Model, { constrainMapsAndBlobs: true });

/** The validated input of `operation` (unknown members stripped), or throws ValidationException. */
export function validateInput(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const shape = inspector2Model.operations[operation]?.input?.shape;
  if (shape === undefined) return {};
  const result = schemas(shape).safeParse(input);
  if (result.success) return result.data as Record<string, unknown>;
  const sentences = result.error.issues.map((issue) => issueSentence(issue, input, { missingIsNull: true }));
  const count = sentences.length;
  const message = `${count} validation error${count === 1 ? "" : "s"} detected: ${sentences.map((s) => s.sentence).join("; ")}`;
  throw new ServiceFailure(
    validationError(
      message,
      "FIELD_VALIDATION_FAILED",
      sentences.map((s) => ({ name: s.path || "(input)", message: s.constraint })),
    ),
  );
}

/** The ValidationException (reason CANNOT_PARSE) for a request that could not be read into its input. */
export function unreadableInput(problem: BindingProblem): ServiceError {
  return validationError(problem.message, "CANNOT_PARSE", problem.member !== undefined ? [{ name: problem.member, message: problem.message }] : undefined);
}

/** The zod schema of any inspector2 shape (also used to check the emulator's own outputs in tests). */
export const inspector2Schema = schemas;
