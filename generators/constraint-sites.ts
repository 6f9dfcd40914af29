/**
 * The constrained places of an operation's input, walked from the service model: every member and
 * list element with its shape, requiredness, length/size/range limits, enum and pattern. Boundary and
 * invalid plans each aim at one site.
 */
import type { Shape } from "../model/service-model.js";
import { inspectorModel, operationOf, shapeOf } from "../model/service-model.js";
import { arnKindOfMember } from "./resource-kinds.js";
import type { ArnKind } from "./resource-pool.js";

/** A step into a value: a structure member, or `0` for the first element of a list. */
export type Segment = string | 0;

/**
 * Limits the model does not carry but the API reference documents. The maxResults shapes are plain
 * integers in the model; the docs say "default 10, maximum 500" (GetExclusionsPreview: default 100,
 * maximum 500), and a page size below 1 is meaningless. Source: shared facts file
 * cloudtrail-and-inspector-facts.md §1.2 ("maxResults members ... no min/max in the model").
 */
export const DOCUMENTED_INTEGER_LIMITS: Readonly<Record<string, { min: number; max: number }>> = Object.freeze({
  ListMaxResults: { min: 1, max: 500 },
  ListEventSubscriptionsMaxResults: { min: 1, max: 500 },
  PreviewAgentsMaxResults: { min: 1, max: 500 },
});

/** One place in an input: its path, shape, whether its parent requires it, its limits and ARN kind. */
export interface ShapeSite {
  path: readonly Segment[];
  shapeName: string;
  shape: Shape;
  /** The member name that owns this value (a list element inherits its list's name). */
  memberName: string;
  /** A structure member listed in its parent's `required`. */
  required: boolean;
  /** Length (string), size (list) or range (integer) limits, model first, then documented. */
  min?: number;
  max?: number;
  /** Set when the value is an ARN (or a list of ARNs) of this kind. */
  arnKind?: ArnKind;
}

/** The limits of a shape: the model's min/max, or the documented ones for unbounded integers. */
export function limitsOf(shapeName: string, shape: Shape): { min?: number; max?: number } {
  const documented = shape.type === "integer" ? DOCUMENTED_INTEGER_LIMITS[shapeName] : undefined;
  const limits: { min?: number; max?: number } = {};
  const min = shape.min ?? documented?.min;
  const max = shape.max ?? documented?.max;
  if (min !== undefined) limits.min = min;
  if (max !== undefined) limits.max = max;
  return limits;
}

/** Printable path: `filter.durationRange.minSeconds`, `findingArns[0].key`. */
export function formatPath(path: readonly Segment[]): string {
  let out = "";
  for (const seg of path) out = typeof seg === "number" ? `${out}[${seg}]` : out === "" ? seg : `${out}.${seg}`;
  return out === "" ? "(input)" : out;
}

function site(path: Segment[], shapeName: string, memberName: string, required: boolean): ShapeSite {
  const shape = shapeOf(inspectorModel, shapeName);
  const s: ShapeSite = { path, shapeName, shape, memberName, required, ...limitsOf(shapeName, shape) };
  const kind = arnKindOfMember(memberName, shapeName);
  if (kind !== undefined) s.arnKind = kind;
  return s;
}

function walk(parent: ShapeSite, out: ShapeSite[]): void {
  const { shape } = parent;
  if (shape.type === "structure") {
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      const child = site([...parent.path, member], ref.shape, member, (shape.required ?? []).includes(member));
      out.push(child);
      walk(child, out);
    }
  } else if (shape.type === "list" && shape.member) {
    const child = site([...parent.path, 0], shape.member.shape, parent.memberName, false);
    out.push(child);
    walk(child, out);
  } else if (shape.type === "map") {
    throw new Error(`map shapes are not used by Inspector inputs (${parent.shapeName})`);
  }
}

/** The input shape name of `operation`, or undefined when it takes no input (DescribeCrossAccountAccessRole). */
export function inputShapeName(operation: string): string | undefined {
  const op = operationOf(inspectorModel, operation);
  if (op === undefined) throw new Error(`unknown Inspector operation ${operation}`);
  return op.input?.shape;
}

/** Every site under `operation`'s input (members, nested members, first list elements), in model order. */
export function inputSites(operation: string): ShapeSite[] {
  const root = inputShapeName(operation);
  if (root === undefined) return [];
  const out: ShapeSite[] = [];
  walk(site([], root, "", true), out);
  return out;
}

/** A limit a boundary plan sits exactly on. */
export type BoundaryKind = "minLength" | "maxLength" | "minItems" | "maxItems" | "minimum" | "maximum";

/** One boundary target: the value at `site` is set exactly to `limit`. */
export interface BoundarySite {
  site: ShapeSite;
  boundary: BoundaryKind;
  limit: number;
}

/** Every boundary of `operation`'s input: each min and max of each string length, list size and integer range. */
export function boundarySites(operation: string): BoundarySite[] {
  const out: BoundarySite[] = [];
  for (const s of inputSites(operation)) {
    const kinds: Record<string, [BoundaryKind, BoundaryKind] | undefined> = {
      string: ["minLength", "maxLength"],
      list: ["minItems", "maxItems"],
      integer: ["minimum", "maximum"],
      long: ["minimum", "maximum"],
    };
    const pair = kinds[s.shape.type];
    if (pair === undefined) continue;
    if (s.min !== undefined) out.push({ site: s, boundary: pair[0], limit: s.min });
    if (s.max !== undefined) out.push({ site: s, boundary: pair[1], limit: s.max });
  }
  return out;
}

/** A single constraint an invalid plan breaks. */
export type ConstraintKind =
  | "tooShort"
  | "tooLong"
  | "tooFewItems"
  | "tooManyItems"
  | "belowMinimum"
  | "aboveMaximum"
  | "badEnum"
  | "badPattern"
  | "missingRequired"
  | "wrongType"
  | "unknownArn";

/** One invalid target: the value at `site` breaks `constraint` (the limit it crosses, when there is one). */
export interface InvalidSite {
  site: ShapeSite;
  constraint: ConstraintKind;
  limit?: number;
}

/** Every single-constraint violation `operation`'s input admits. */
export function invalidSites(operation: string): InvalidSite[] {
  const out: InvalidSite[] = [];
  for (const s of inputSites(operation)) {
    const { type } = s.shape;
    if (s.required) out.push({ site: s, constraint: "missingRequired" });
    out.push({ site: s, constraint: "wrongType" });
    if (type === "string") {
      if (s.min !== undefined && s.min > 0) out.push({ site: s, constraint: "tooShort", limit: s.min });
      if (s.max !== undefined) out.push({ site: s, constraint: "tooLong", limit: s.max });
      if (s.shape.enum) out.push({ site: s, constraint: "badEnum" });
      if (s.shape.pattern) out.push({ site: s, constraint: "badPattern" });
      if (s.arnKind !== undefined) out.push({ site: s, constraint: "unknownArn" });
    } else if (type === "list") {
      if (s.min !== undefined && s.min > 0) out.push({ site: s, constraint: "tooFewItems", limit: s.min });
      if (s.max !== undefined) out.push({ site: s, constraint: "tooManyItems", limit: s.max });
    } else if (type === "integer" || type === "long") {
      if (s.min !== undefined) out.push({ site: s, constraint: "belowMinimum", limit: s.min });
      if (s.max !== undefined) out.push({ site: s, constraint: "aboveMaximum", limit: s.max });
    }
  }
  return out;
}
