/**
 * What a rest-json call sent, read back from the wire: the input members by member name, from the
 * path labels of the operation's URI template, the query string, the headers and the JSON body, each
 * converted to its model type (integers and booleans from text). This is what the rules compare
 * requestParameters with (history/observed-call.ts `request`). The decoding follows the model's
 * bindings (model/http-bindings.ts) and the rest-json protocol: a body member travels under its
 * `locationName` when it has one; path labels are percent-decoded; a list bound to the query string
 * is every value of its key.
 */
import type { ObservedHttp } from "../../history/observed-call.js";
import { inputBindingsOf, type InputBinding } from "../../model/http-bindings.js";
import { shapeOf, type ModelDocument } from "../../model/service-model.js";

/** What a rest-json request carried, as the history keeps it. */
export interface RestJsonSent {
  /** The input members by member name; null when the input has no members. */
  request: unknown;
  http: ObservedHttp;
}

/** The parts of a request the decoding reads. */
export interface RestJsonWire {
  method: string;
  /** The full URL as sent (path with its percent-encoding and the query string). */
  url: string;
  /** Request headers, names lower-cased. */
  headers: Readonly<Record<string, string>>;
  /** The body as sent (UTF-8). */
  body: string;
}

/** Each URI template's pattern, built once: the model has a template per operation. */
const patterns = new Map<string, { pattern: RegExp; labels: string[] }>();

/** A regular expression over the path for a URI template such as `/tags/{resourceArn}` (`{key+}` spans slashes). */
function templatePattern(template: string): { pattern: RegExp; labels: string[] } {
  let built = patterns.get(template);
  if (built === undefined) patterns.set(template, (built = buildPattern(template)));
  return built;
}

function buildPattern(template: string): { pattern: RegExp; labels: string[] } {
  const labels: string[] = [];
  const path = template.split("?")[0]!;
  const source = path.replace(/\{([^}]+)\}|[^{]+/g, (part, label: string | undefined) => {
    if (label === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const greedy = label.endsWith("+");
    labels.push(greedy ? label.slice(0, -1) : label);
    return greedy ? "(.+)" : "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), labels };
}

/** A text value (path label, query value, header) in its member's model type. */
function typed(model: ModelDocument, shapeName: string, text: string): unknown {
  const type = shapeOf(model, shapeName).type;
  if (type === "integer" || type === "long") return /^-?\d+$/.test(text) ? Number(text) : text;
  if (type === "double" || type === "float") return Number.isFinite(Number(text)) && text.trim() !== "" ? Number(text) : text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

function memberShape(model: ModelDocument, operation: string, member: string): string {
  const input = model.operations[operation]!.input!.shape;
  return shapeOf(model, input).members![member]!.shape;
}

function parseBody(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The value of one bound member on the wire, or undefined when the request does not carry it. */
function boundValue(model: ModelDocument, operation: string, b: InputBinding, at: { labels: Map<string, string>; query: URLSearchParams; headers: Readonly<Record<string, string>> }): unknown {
  const shape = memberShape(model, operation, b.member);
  if (b.location === "uri") {
    const raw = at.labels.get(b.wireName);
    return raw === undefined ? undefined : typed(model, shape, raw);
  }
  if (b.location === "querystring") {
    const values = at.query.getAll(b.wireName);
    if (values.length === 0) return undefined;
    const s = shapeOf(model, shape);
    return s.type === "list" ? values.map((v) => typed(model, s.member!.shape, v)) : typed(model, shape, values[0]!);
  }
  if (b.location === "header") {
    const raw = at.headers[b.wireName.toLowerCase()];
    return raw === undefined ? undefined : typed(model, shape, raw);
  }
  return undefined;
}

/**
 * Decodes what a rest-json request sent for `operation`. A body that is not a JSON object is kept
 * as it came (text or value) under the body members' place, so the rules see it was not the input.
 */
export function decodeRestJsonRequest(model: ModelDocument, operation: string, wire: RestJsonWire): RestJsonSent {
  const url = new URL(wire.url);
  const query: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
  const http: ObservedHttp = { method: wire.method, path: url.pathname, query, headers: wire.headers, body: wire.body };
  const bindings = inputBindingsOf(model, operation);
  if (bindings.length === 0) return { request: null, http };

  const { pattern, labels } = templatePattern(model.operations[operation]!.http.requestUri);
  const match = pattern.exec(url.pathname);
  const labelValues = new Map<string, string>();
  labels.forEach((label, i) => {
    const raw = match?.[i + 1];
    if (raw !== undefined) labelValues.set(label, safeDecode(raw));
  });
  const at = { labels: labelValues, query: url.searchParams, headers: wire.headers };
  const body = parseBody(wire.body);
  const bodyObject = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (bodyObject === undefined && bindings.some((b) => b.location === "body")) return { request: body, http };

  const request: Record<string, unknown> = {};
  for (const b of bindings) {
    const value = b.location === "body" ? bodyObject?.[b.wireName] : boundValue(model, operation, b, at);
    if (value !== undefined) request[b.member] = value;
  }
  return { request, http };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
