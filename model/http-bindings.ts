/**
 * HTTP bindings of a model's operations (rest protocols): where each input member travels, and
 * which operations have no input or output members. Neutral data derived from the model.
 */
import { shapeOf, type MemberLocation, type ModelDocument } from "./service-model.js";

/** One top-level input member and where the protocol puts it. */
export interface InputBinding {
  member: string;
  /** `body` for a member without an HTTP binding. */
  location: MemberLocation | "body";
  /** Name on the wire: the path label, query key or header name; the member name for the body. */
  wireName: string;
  required: boolean;
}

/** The bindings of every top-level member of `operation`'s input, in model order (empty without input). */
export function inputBindingsOf(model: ModelDocument, operation: string): InputBinding[] {
  const input = model.operations[operation]?.input;
  if (input === undefined) return [];
  const shape = shapeOf(model, input.shape);
  const required = new Set(shape.required ?? []);
  return Object.entries(shape.members ?? {}).map(([member, ref]) => ({
    member,
    location: ref.location ?? "body",
    wireName: ref.locationName ?? member,
    required: required.has(member),
  }));
}

/** True when `operation`'s output shape has no members (its answer is the empty body `{}`). */
export function hasEmptyOutput(model: ModelDocument, operation: string): boolean {
  const output = model.operations[operation]?.output;
  return output === undefined || Object.keys(shapeOf(model, output.shape).members ?? {}).length === 0;
}

/** True when `operation`'s input shape has no members. */
export function hasEmptyInput(model: ModelDocument, operation: string): boolean {
  return inputBindingsOf(model, operation).length === 0;
}
