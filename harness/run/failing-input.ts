/**
 * A deliberately failing input for each operation, chosen from the service model, for the coverage
 * sweep (every operation must be seen failing as well as succeeding): an operation with required
 * members is sent without them, one whose members are all optional gets `maxResults: 0` (AWS
 * documents 1..500). The SDK sends both unchanged (tests/generators/sdk-client-validation.test.ts).
 * DescribeCrossAccountAccessRole has no input and no modelled client error (only InternalException),
 * so no call can be made to fail on purpose: it has none.
 */
import { inspectorModel, operationOf, shapeOf } from "../../model/service-model.js";

/** A failing call and the error a conforming service answers. */
export interface FailingInput {
  input: Record<string, unknown>;
  expectedError: "InvalidInputException";
  /** What the input breaks, for reports. */
  breaks: string;
}

/** The failing input for `operation`, or undefined when the operation cannot be made to fail by its input. */
export function failingInputFor(operation: string): FailingInput | undefined {
  const op = operationOf(inspectorModel, operation);
  if (op === undefined) throw new Error(`${operation} is not an Inspector Classic operation`);
  if (op.input === undefined) return undefined;
  const shape = shapeOf(inspectorModel, op.input.shape);
  const required = shape.required ?? [];
  if (required.length > 0) return { input: {}, expectedError: "InvalidInputException", breaks: `required members missing: ${required.join(", ")}` };
  if (shape.members?.["maxResults"] !== undefined) return { input: { maxResults: 0 }, expectedError: "InvalidInputException", breaks: "maxResults 0 (< 1)" };
  return undefined;
}

/** Operations that no input can make fail (see above): their error-event checks are `na`. */
export const OPERATIONS_WITHOUT_FAILING_INPUT: readonly string[] = Object.keys(inspectorModel.operations)
  .filter((op) => failingInputFor(op) === undefined)
  .sort();
