/**
 * The constrained places of an operation's input, walked from the service model: every member and
 * list element with its shape, requiredness, length/size/range limits, enum and pattern. Boundary and
 * invalid plans each aim at one site.
 */
import type { Shape } from "../model/service-model.js";
import { operationOf, shapeOf } from "../model/service-model.js";
import { INSPECTOR2_KINDS_WITHOUT_UNKNOWN } from "./inspector2-resource-kinds.js";
import type { RefKind } from "./resource-pool.js";
import { CLASSIC_PROFILE } from "./service-profile.js";
import type { GeneratorProfile } from "./service-profile.js";

/** A step into a value: a structure member, or `0` for the first element of a list. */
export type Segment = string | 0;

/**
 * Limits the model does not carry but the API reference documents. The maxResults shapes are plain
 * integers in the model; the docs say "default 10, maximum 500" (GetExclusionsPreview: default 100,
 * maximum 500), and a page size below 1 is meaningless (Inspector Classic API reference, e.g.
 * ListFindings: "maxResults ... The default value is 10. The maximum value is 500").
 */
export const DOCUMENTED_INTEGER_LIMITS: Readonly<Record<string, { min: number; max: number }>> = CLASSIC_PROFILE.documentedIntegerLimits;

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
  /** Set when the value is an ARN or id (or a list of them) of this kind. */
  arnKind?: RefKind;
  /** The HTTP binding of a top-level member (rest-json), and of its list elements: `uri`, `querystring`, `header`; absent for the body. */
  location?: string;
}

/** The limits of a shape: the model's min/max, or the documented ones for unbounded integers. */
export function limitsOf(shapeName: string, shape: Shape, profile: GeneratorProfile = CLASSIC_PROFILE): { min?: number; max?: number } {
  const documented = shape.type === "integer" ? profile.documentedIntegerLimits[shapeName] : undefined;
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

interface WalkContext {
  profile: GeneratorProfile;
  operation: string;
}

function site(c: WalkContext, path: Segment[], shapeName: string, memberName: string, required: boolean, location?: string): ShapeSite {
  const shape = shapeOf(c.profile.model, shapeName);
  const s: ShapeSite = { path, shapeName, shape, memberName, required, ...limitsOf(shapeName, shape, c.profile) };
  const kind = c.profile.refKindOf(c.operation, memberName, shapeName);
  if (kind !== undefined) s.arnKind = kind;
  if (location !== undefined) s.location = location;
  return s;
}

/**
 * Walks structures and lists. A map is a leaf: its entry count is a site, its keys and values are
 * not (Classic has no maps; v2's maps are tags and tag filters, always generated valid).
 */
function walk(c: WalkContext, parent: ShapeSite, out: ShapeSite[]): void {
  const { shape } = parent;
  if (shape.type === "structure") {
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      const location = parent.path.length === 0 ? ref.location : undefined;
      // A union member is required only in the sense that one of them is: none is required alone.
      const required = shape.union !== true && (shape.required ?? []).includes(member);
      const child = site(c, [...parent.path, member], ref.shape, member, required, location);
      out.push(child);
      walk(c, child, out);
    }
  } else if (shape.type === "list" && shape.member) {
    // A list element travels where its list does (a query-string list sends each element as text).
    const child = site(c, [...parent.path, 0], shape.member.shape, parent.memberName, false, parent.location);
    out.push(child);
    walk(c, child, out);
  }
}

/** The input shape name of `operation`, or undefined when it takes no input (DescribeCrossAccountAccessRole). */
export function inputShapeName(operation: string, profile: GeneratorProfile = CLASSIC_PROFILE): string | undefined {
  const op = operationOf(profile.model, operation);
  if (op === undefined) throw new Error(`unknown ${profile.service} operation ${operation}`);
  return op.input?.shape;
}

/** Every site under `operation`'s input (members, nested members, first list elements), in model order. */
export function inputSites(operation: string, profile: GeneratorProfile = CLASSIC_PROFILE): ShapeSite[] {
  const root = inputShapeName(operation, profile);
  if (root === undefined) return [];
  const out: ShapeSite[] = [];
  const c = { profile, operation };
  walk(c, site(c, [], root, "", true), out);
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
export function boundarySites(operation: string, profile: GeneratorProfile = CLASSIC_PROFILE): BoundarySite[] {
  const out: BoundarySite[] = [];
  for (const s of inputSites(operation, profile)) {
    // A string with a pattern is generated from its pattern: its length limits are not aimed at.
    if (s.shape.type === "string" && s.shape.pattern !== undefined && profile !== CLASSIC_PROFILE) continue;
    if (s.location === "uri" && s.min !== undefined && s.min > 0 && s.shape.type === "string" && profile !== CLASSIC_PROFILE && s.arnKind === undefined) continue;
    const kinds: Record<string, [BoundaryKind, BoundaryKind] | undefined> = {
      string: ["minLength", "maxLength"],
      list: ["minItems", "maxItems"],
      map: ["minItems", "maxItems"],
      integer: ["minimum", "maximum"],
      long: ["minimum", "maximum"],
    };
    const pair = kinds[s.shape.type];
    if (pair === undefined) continue;
    if (s.min !== undefined) out.push({ site: s, boundary: pair[0], limit: s.min });
    if (s.max !== undefined && !tooBigToBuild(s, s.max, profile) && !tooLongForUrl(s, s.max, profile) && !tooLongToLog(s, s.max, profile)) out.push({ site: s, boundary: pair[1], limit: s.max });
  }
  return out;
}

/**
 * Longest string a v2 plan puts in the URL (a path label or query value). v2's pagination tokens
 * allow 1,000,000 characters; in a query string that is a request line no HTTP server takes
 * (node's http server refuses request heads over 16 KiB by default), and the in-process transport
 * stalls on it (measured: a 10,000-character nextToken answers in 14 ms, 50,000 characters not in
 * 60 s). AWS's own limit is UNVERIFIED.
 */
export const MAX_URL_VALUE_LENGTH = 4096;

/** Whether a string of `limit` (+1) characters is too long to travel in the URL (never for Classic, which has none). */
function tooLongForUrl(s: ShapeSite, limit: number, profile: GeneratorProfile): boolean {
  return profile !== CLASSIC_PROFILE && (s.location === "uri" || s.location === "querystring" || s.location === "header") && s.shape.type === "string" && limit + 1 > MAX_URL_VALUE_LENGTH;
}

/**
 * Longest string a v2 plan puts in the request body. CloudTrail's record contents page gives
 * requestParameters "a maximum size of 100 KB; content exceeding that limit is truncated" (how is
 * not said), so a longer request cannot be checked against its record; v2's pagination tokens allow
 * 1,000,000 characters, and plans at that boundary made a v2 sequence 80 times slower to generate
 * than a Classic one and carried megabytes through history, records and LookupEvents.
 */
export const MAX_LOGGED_STRING_LENGTH = 32_768;

/** Whether a string of `limit` (+1) characters is too long for its record to hold it whole (never for Classic, whose strings are short). */
function tooLongToLog(s: ShapeSite, limit: number, profile: GeneratorProfile): boolean {
  return profile !== CLASSIC_PROFILE && s.shape.type === "string" && limit + 1 > MAX_LOGGED_STRING_LENGTH;
}

/** Largest list or map a v2 plan is built with: v2 allows lists of up to 10,000 items, too big to generate per plan. */
export const MAX_BUILT_ITEMS = 100;

/** Whether a list or map of `limit` items is too big to build (never for Classic, whose lists are small). */
function tooBigToBuild(s: ShapeSite, limit: number, profile: GeneratorProfile): boolean {
  return profile !== CLASSIC_PROFILE && (s.shape.type === "list" || s.shape.type === "map") && limit + 1 > MAX_BUILT_ITEMS;
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
/** Strings tried as pattern mismatches (a pattern none of them breaks, such as `.*`, has no badPattern site). */
export const PATTERN_MISMATCH_CANDIDATES: readonly string[] = ["!", " ", "\u0000", "~~", "-", "aws:x"];

/** Whether some candidate contains no match of the (unanchored) pattern. */
export function hasPatternMismatch(pattern: string): boolean {
  const re = new RegExp(pattern, "u");
  return PATTERN_MISMATCH_CANDIDATES.some((c) => !re.test(c));
}

/** Every single-constraint violation `operation`'s input admits (and the profile's SDK can send). */
export function invalidSites(operation: string, profile: GeneratorProfile = CLASSIC_PROFILE): InvalidSite[] {
  const all: InvalidSite[] = [];
  const out = { push: (v: InvalidSite) => void all.push(v) };
  for (const s of inputSites(operation, profile)) {
    const { type } = s.shape;
    if (s.required) out.push({ site: s, constraint: "missingRequired" });
    out.push({ site: s, constraint: "wrongType" });
    if (type === "string") {
      if (s.min !== undefined && s.min > 0) out.push({ site: s, constraint: "tooShort", limit: s.min });
      if (s.max !== undefined && !tooLongForUrl(s, s.max, profile) && !tooLongToLog(s, s.max, profile)) out.push({ site: s, constraint: "tooLong", limit: s.max });
      if (s.shape.enum) out.push({ site: s, constraint: "badEnum" });
      if (s.shape.pattern && (profile === CLASSIC_PROFILE || hasPatternMismatch(s.shape.pattern))) out.push({ site: s, constraint: "badPattern" });
      if (s.arnKind !== undefined && !(INSPECTOR2_KINDS_WITHOUT_UNKNOWN as readonly string[]).includes(s.arnKind)) out.push({ site: s, constraint: "unknownArn" });
    } else if (type === "list" || type === "map") {
      if (s.min !== undefined && s.min > 0) out.push({ site: s, constraint: "tooFewItems", limit: s.min });
      if (s.max !== undefined && !tooBigToBuild(s, s.max, profile)) out.push({ site: s, constraint: "tooManyItems", limit: s.max });
    } else if (type === "integer" || type === "long") {
      if (s.min !== undefined) out.push({ site: s, constraint: "belowMinimum", limit: s.min });
      if (s.max !== undefined) out.push({ site: s, constraint: "aboveMaximum", limit: s.max });
    }
  }
  return all.filter((t) => profile.sendable({ ...(t.site.location !== undefined ? { location: t.site.location } : {}), shapeType: t.site.shape.type }, t.constraint));
}
