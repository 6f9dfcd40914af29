/**
 * One failing call per operation, chosen from the service model: an operation with required members
 * is sent without them (InvalidInputException), one whose members are all optional gets
 * `maxResults: 0` (InvalidInputException INVALID_MAX_RESULTS), and the one without input is called by
 * a user whom IAM denies it (AccessDeniedException).
 */
import { inspectorModel, operationOf, shapeOf } from "../../../model/service-model.js";

/** How a failing call is made and the error it must produce. */
export interface FailingCall {
  operation: string;
  input: Record<string, unknown>;
  /** True when the call must be made as the denied user. */
  asDeniedUser: boolean;
  expectedError: string;
}

/** The failing call for `operation`. */
export function failingCallFor(operation: string): FailingCall {
  const op = operationOf(inspectorModel, operation);
  if (op === undefined) throw new Error(`${operation} is not an Inspector operation`);
  if (op.input === undefined) return { operation, input: {}, asDeniedUser: true, expectedError: "AccessDeniedException" };
  const shape = shapeOf(inspectorModel, op.input.shape);
  if ((shape.required ?? []).length > 0) return { operation, input: {}, asDeniedUser: false, expectedError: "InvalidInputException" };
  if (shape.members?.["maxResults"] !== undefined) {
    return { operation, input: { maxResults: 0 }, asDeniedUser: false, expectedError: "InvalidInputException" };
  }
  throw new Error(`no failing input known for ${operation}`);
}
