/**
 * A deliberately failing input for each Inspector v2 operation, chosen from the model, for the
 * coverage sweep. The first rule that applies, in order:
 * 1. a required member that travels in the JSON body or the query string is left out (a missing
 *    path label is refused by @aws-sdk/client-inspector2 before anything is sent, so it is never
 *    used: tests/generators/inspector2-sdk-validation.test.ts measures it);
 * 2. a top-level integer below its model minimum (`maxResults: 0`), or above its maximum;
 * 3. a top-level enum member with a value outside the enum;
 * 4. a top-level string that no value of its pattern matches, then one shorter than its minimum;
 * 5. a top-level list with fewer items than its minimum, or whose first element is outside its
 *    enum or pattern;
 * 6. a top-level string longer than its maximum (a path label too: the SDK sends it).
 * A conforming service answers ValidationException ("The request has failed validation", the
 * model's documentation of the error). The operations with no input member
 * (DescribeOrganizationConfiguration, GetDelegatedAdminAccount, GetEc2DeepInspectionConfiguration)
 * cannot be made to fail by their input: they are {@link INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT}.
 */
import { inputBindingsOf } from "../../model/http-bindings.js";
import { inspector2Model } from "../../model/inspector2-model.js";
import { shapeOf } from "../../model/service-model.js";
import type { Shape } from "../../model/service-model.js";

/** A failing call and the error a conforming service answers. */
export interface Inspector2FailingInput {
  input: Record<string, unknown>;
  expectedError: "ValidationException";
  /** What the input breaks, for reports. */
  breaks: string;
}

const model = inspector2Model;

/** A string that contains no match of `pattern` (patterns are unanchored in the model). */
function mismatch(pattern: string): string | undefined {
  const re = new RegExp(pattern, "u");
  return ["!", "~~", " ", "-"].find((s) => !re.test(s));
}

/** A valid value of the shape, for the members the failing input must still carry: the smallest one the model allows. */
function minimalValue(shapeName: string): unknown {
  const shape: Shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const member of shape.required ?? []) out[member] = minimalValue(shape.members![member]!.shape);
      if (shape.union === true && Object.keys(out).length === 0) {
        const [first, ref] = Object.entries(shape.members ?? {})[0]!;
        out[first] = minimalValue(ref.shape);
      }
      return out;
    }
    case "list":
      return Array.from({ length: shape.min ?? 0 }, () => minimalValue(shape.member!.shape));
    case "map":
      return {};
    case "string":
      if (shape.enum) return shape.enum[0];
      if (shape.pattern === "\\d{12}") return "111122223333";
      return "x".repeat(Math.max(shape.min ?? 1, 1));
    case "integer":
    case "long":
      return shape.min ?? 1;
    case "boolean":
      return true;
    case "timestamp":
      return new Date("2024-01-01T00:00:00Z");
    case "blob":
      return new Uint8Array([1]);
    default:
      return 1;
  }
}

/** The failing input for `operation`, or undefined when no input can make it fail. */
export function inspector2FailingInputFor(operation: string): Inspector2FailingInput | undefined {
  const op = model.operations[operation];
  if (op === undefined) throw new Error(`${operation} is not an Amazon Inspector (v2) operation`);
  const bindings = inputBindingsOf(model, operation);
  if (bindings.length === 0) return undefined;
  const members = shapeOf(model, op.input!.shape).members!;
  const base: Record<string, unknown> = {};
  for (const b of bindings) if (b.required) base[b.member] = minimalValue(members[b.member]!.shape);
  const fail = (member: string, value: unknown, breaks: string): Inspector2FailingInput => ({ input: { ...base, [member]: value }, expectedError: "ValidationException", breaks });
  const omittable = bindings.find((b) => b.required && b.location !== "uri");
  if (omittable !== undefined) {
    const { [omittable.member]: _left, ...input } = base;
    return { input, expectedError: "ValidationException", breaks: `required member ${omittable.member} missing` };
  }
  const top = bindings.map((b) => ({ b, shape: shapeOf(model, members[b.member]!.shape) }));
  for (const { b, shape } of top) {
    if ((shape.type === "integer" || shape.type === "long") && shape.min !== undefined) return fail(b.member, shape.min - 1, `${b.member} ${shape.min - 1} (< ${shape.min})`);
    if ((shape.type === "integer" || shape.type === "long") && shape.max !== undefined) return fail(b.member, shape.max + 1, `${b.member} ${shape.max + 1} (> ${shape.max})`);
  }
  for (const { b, shape } of top) if (shape.type === "string" && shape.enum) return fail(b.member, "NOT_A_VALUE", `${b.member} NOT_A_VALUE (not in its enum)`);
  for (const { b, shape } of top) {
    const bad = shape.type === "string" && shape.pattern !== undefined ? mismatch(shape.pattern) : undefined;
    if (bad !== undefined) return fail(b.member, bad, `${b.member} ${JSON.stringify(bad)} (does not match ${shape.pattern})`);
    if (shape.type === "string" && (shape.min ?? 0) > 1 && b.location !== "uri") return fail(b.member, "x", `${b.member} length 1 (< ${shape.min})`);
  }
  for (const { b, shape } of top) if (shape.type === "list" && (shape.min ?? 0) > 0) return fail(b.member, [], `${b.member} empty (< ${shape.min} items)`);
  for (const { b, shape } of top) {
    const element = shape.type === "list" ? shapeOf(model, shape.member!.shape) : undefined;
    if (element?.type === "string" && element.enum) return fail(b.member, ["NOT_A_VALUE"], `${b.member}[0] NOT_A_VALUE (not in its enum)`);
    const bad = element?.type === "string" && element.pattern !== undefined ? mismatch(element.pattern) : undefined;
    if (bad !== undefined) return fail(b.member, [bad], `${b.member}[0] ${JSON.stringify(bad)} (does not match ${element!.pattern})`);
  }
  for (const { b, shape } of top) {
    if (shape.type === "string" && shape.max !== undefined && !shape.enum) return fail(b.member, "x".repeat(shape.max + 1), `${b.member} length ${shape.max + 1} (> ${shape.max})`);
  }
  return undefined;
}

/** Operations that no input can make fail (see above): their error checks are `na`. */
export const INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT: readonly string[] = Object.freeze(
  Object.keys(model.operations)
    .filter((op) => inspector2FailingInputFor(op) === undefined)
    .sort(),
);
