/**
 * Operation lookup for rest protocols: each operation's `http.requestUri` compiled into a URI
 * template (literal segments, `{label}`, greedy `{label+}`, and `?key` / `?key=value` query
 * literals), matched against a request's method, path and query string.
 */
import type { ModelDocument } from "../../model/service-model.js";

type Segment = { kind: "literal"; text: string } | { kind: "label"; name: string } | { kind: "greedy"; name: string };

/** One compiled operation route. */
export interface RestRoute {
  operation: string;
  method: string;
  segments: readonly Segment[];
  /** Query keys the template names, with the value they must have (undefined: any value). */
  queryLiterals: readonly { key: string; value: string | undefined }[];
}

/** What a request path resolves to. */
export type RouteMatch =
  | { kind: "operation"; operation: string; labels: Record<string, string> }
  | { kind: "wrong-method"; allowed: readonly string[] }
  | { kind: "none" };

/** Compiles the URI template `requestUri` of `operation`. */
export function compileRoute(operation: string, method: string, requestUri: string): RestRoute {
  const [pathPart = "", queryPart] = requestUri.split("?", 2);
  const segments: Segment[] = pathPart
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const label = /^\{([^}+]+)(\+)?\}$/.exec(s);
      if (label === null) return { kind: "literal", text: s };
      return label[2] === "+" ? { kind: "greedy", name: label[1]! } : { kind: "label", name: label[1]! };
    });
  const queryLiterals = (queryPart ?? "")
    .split("&")
    .filter((q) => q !== "")
    .map((q) => {
      const eq = q.indexOf("=");
      return eq < 0 ? { key: q, value: undefined } : { key: q.slice(0, eq), value: q.slice(eq + 1) };
    });
  return { operation, method: method.toUpperCase(), segments, queryLiterals };
}

/** The routes of every operation of a rest model. */
export function routesOf(model: ModelDocument): RestRoute[] {
  return Object.values(model.operations).map((op) => compileRoute(op.name, op.http.method, op.http.requestUri));
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The labels of `route` when `path` (percent-encoded segments) and `query` fit it, else undefined. */
function fit(route: RestRoute, parts: readonly string[], query: URLSearchParams): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (const [n, seg] of route.segments.entries()) {
    if (seg.kind === "greedy") {
      // A greedy label takes at least one segment and everything up to the remaining literals.
      const rest = route.segments.length - n - 1;
      const taken = parts.slice(i, parts.length - rest);
      if (taken.length === 0) return undefined;
      const value = decode(taken.join("/"));
      if (value === undefined) return undefined;
      labels[seg.name] = value;
      i += taken.length;
      continue;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.kind === "literal") {
      if (part !== seg.text) return undefined;
    } else {
      const value = decode(part);
      if (value === undefined || value === "") return undefined;
      labels[seg.name] = value;
    }
    i += 1;
  }
  if (i !== parts.length) return undefined;
  for (const literal of route.queryLiterals) {
    if (!query.has(literal.key)) return undefined;
    if (literal.value !== undefined && query.get(literal.key) !== literal.value) return undefined;
  }
  return labels;
}

/** Literal segments and query literals count as specificity: `/tags/list` wins over `/tags/{arn}`. */
const specificity = (route: RestRoute): number =>
  route.segments.filter((s) => s.kind === "literal").length * 10 + route.queryLiterals.length - (route.segments.some((s) => s.kind === "greedy") ? 5 : 0);

/** Finds the operation a request addresses. `path` keeps its percent-encoding. */
export function matchRoute(routes: readonly RestRoute[], method: string, path: string, query: URLSearchParams): RouteMatch {
  const parts = path.split("/").filter((s) => s !== "");
  const fits = routes
    .map((route) => ({ route, labels: fit(route, parts, query) }))
    .filter((f): f is { route: RestRoute; labels: Record<string, string> } => f.labels !== undefined);
  if (fits.length === 0) return { kind: "none" };
  const same = fits.filter((f) => f.route.method === method.toUpperCase()).sort((a, b) => specificity(b.route) - specificity(a.route));
  const best = same[0];
  if (best === undefined) return { kind: "wrong-method", allowed: [...new Set(fits.map((f) => f.route.method))] };
  return { kind: "operation", operation: best.route.operation, labels: best.labels };
}
