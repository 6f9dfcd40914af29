/**
 * rest-json request binding: the input members of an operation gathered from where the model binds
 * them (path labels, query string, headers, JSON body), keyed by member name, with query and header
 * text converted to the member's type. Source: the Smithy restJson1 protocol (HTTP binding traits,
 * https://smithy.io/2.0/spec/http-bindings.html); the model's `location`/`locationName` keys.
 */
import { inputBindingsOf, type InputBinding } from "../../model/http-bindings.js";
import { shapeOf, type MemberLocation, type ModelDocument } from "../../model/service-model.js";

/** Why a request could not be read into its input: the member (when one is to blame) and what is wrong. */
export interface BindingProblem {
  member?: string;
  message: string;
}

/** A request read into its operation's input. */
export interface BoundInput {
  /** Every input member the request carried, by member name; body values as received. */
  input: Record<string, unknown>;
  /** Where each member in `input` came from. */
  locations: Record<string, MemberLocation | "body">;
}

/** The raw parts of a rest request. */
export interface RestRequestParts {
  labels: Record<string, string>;
  query: URLSearchParams;
  /** Header names lower-case. */
  headers: Record<string, string>;
  body: string;
}

/** Converts query or header text to the member's type, or a problem. */
function scalarOf(model: ModelDocument, shapeName: string, text: string, location: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case "integer":
    case "long":
      return /^-?\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, message: `'${text}' in the ${location} is not an integer` };
    case "double":
    case "float": {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `'${text}' in the ${location} is not a number` };
    }
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, message: `'${text}' in the ${location} is not true or false` };
    case "timestamp": {
      // Query strings and headers carry timestamps as ISO-8601 (query) or HTTP dates (headers); the
      // input holds epoch seconds as a JSON body would.
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? { ok: false, message: `'${text}' in the ${location} is not a date` } : { ok: true, value: ms / 1000 };
    }
    default:
      return { ok: true, value: text };
  }
}

function bindText(model: ModelDocument, binding: InputBinding, shapeName: string, texts: readonly string[], input: Record<string, unknown>): BindingProblem | undefined {
  const where = binding.location === "querystring" ? `query string key '${binding.wireName}'` : `header '${binding.wireName}'`;
  const shape = shapeOf(model, shapeName);
  if (shape.type === "list") {
    const values: unknown[] = [];
    for (const text of texts) {
      const converted = scalarOf(model, shape.member!.shape, text, where);
      if (!converted.ok) return { member: binding.member, message: converted.message };
      values.push(converted.value);
    }
    input[binding.member] = values;
    return undefined;
  }
  const converted = scalarOf(model, shapeName, texts[texts.length - 1]!, where);
  if (!converted.ok) return { member: binding.member, message: converted.message };
  input[binding.member] = converted.value;
  return undefined;
}

/** Reads `parts` into the input of `operation` of `model`. */
export function bindRestJsonInput(model: ModelDocument, operation: string, parts: RestRequestParts): { ok: true; value: BoundInput } | { ok: false; problem: BindingProblem } {
  const bindings = inputBindingsOf(model, operation);
  const inputShape = model.operations[operation]?.input?.shape;
  const members = inputShape === undefined ? {} : (shapeOf(model, inputShape).members ?? {});
  const input: Record<string, unknown> = {};
  const locations: Record<string, MemberLocation | "body"> = {};

  let body: Record<string, unknown> = {};
  if (parts.body.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(parts.body);
    } catch (err) {
      return { ok: false, problem: { message: `Could not parse the request body as JSON: ${err instanceof Error ? err.message : String(err)}` } };
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      return { ok: false, problem: { message: "The request body must be a JSON object" } };
    }
    body = parsed as Record<string, unknown>;
  }

  for (const binding of bindings) {
    const shapeName = members[binding.member]!.shape;
    let problem: BindingProblem | undefined;
    switch (binding.location) {
      case "body":
        if (Object.hasOwn(body, binding.member)) input[binding.member] = body[binding.member];
        break;
      case "uri":
        if (Object.hasOwn(parts.labels, binding.wireName)) input[binding.member] = parts.labels[binding.wireName];
        break;
      case "querystring": {
        const texts = parts.query.getAll(binding.wireName);
        if (texts.length > 0) problem = bindText(model, binding, shapeName, texts, input);
        break;
      }
      case "header": {
        const text = parts.headers[binding.wireName.toLowerCase()];
        if (text !== undefined) problem = bindText(model, binding, shapeName, shapeOf(model, shapeName).type === "list" ? text.split(",").map((t) => t.trim()) : [text], input);
        break;
      }
      case "headers": {
        const prefix = binding.wireName.toLowerCase();
        const map = Object.fromEntries(Object.entries(parts.headers).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
        if (Object.keys(map).length > 0) input[binding.member] = map;
        break;
      }
    }
    if (problem !== undefined) return { ok: false, problem };
    if (Object.hasOwn(input, binding.member)) locations[binding.member] = binding.location;
  }
  return { ok: true, value: { input, locations } };
}
