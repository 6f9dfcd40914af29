/**
 * fast-check arbitraries built from botocore shapes: VALID values that respect every constraint of the
 * model (required members, string lengths, list sizes, integer ranges, enums, the UUID pattern, the
 * documented maxResults range), with an optional *focus* that replaces exactly one place of the value
 * (a boundary or a single-constraint violation) while keeping everything else valid.
 */
import fc from "fast-check";
import type { Shape } from "../model/service-model.js";
import { shapeOf } from "../model/service-model.js";
import { limitsOf, PATTERN_MISMATCH_CANDIDATES } from "./constraint-sites.js";
import type { BoundarySite, InvalidSite, Segment } from "./constraint-sites.js";
import { ArnRef, PreviewTokenRef } from "./plan-value.js";
import type { PlanNode } from "./plan-value.js";
import { PREVIEW_TOKEN_MEMBER } from "./resource-kinds.js";
import { CLASSIC_PROFILE } from "./service-profile.js";
import type { GeneratorProfile } from "./service-profile.js";

/** Replace the value at `path` by `replacement`, or leave the member out ("omit"). */
export interface Focus {
  path: readonly Segment[];
  replacement: fc.Arbitrary<PlanNode> | "omit";
}

/** How to build a value. */
export interface ShapeArbitraryOptions {
  /** The one place to replace; the path's optional members and lists are forced present. */
  focus?: Focus;
  /**
   * Generate `nextToken` members when not focused. Off by default: a pagination token is only valid
   * when a previous response returned it, so a made-up one is not a valid input.
   */
  includeNextToken?: boolean;
  /** Largest list generated where the model allows more (the model's max still bounds it); the profile's default otherwise. */
  maxListLength?: number;
  /** The service whose model the shapes are read from (Classic by default). */
  profile?: GeneratorProfile;
  /** The operation the value is an input of (some members' kinds depend on it, e.g. v2 `reportId`). */
  operation?: string;
}

/** Members that are pagination tokens (paginators-1.json input_token is `nextToken` for every paginator). */
export const PAGINATION_TOKEN_MEMBER = "nextToken";

const HEX = [..."0123456789abcdef"];
const ALNUM = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];

/** A lowercase UUID matching the model's `UUID` pattern. */
export const uuidArbitrary: fc.Arbitrary<string> = fc
  .tuple(...[8, 4, 4, 4, 12].map((n) => fc.string({ unit: fc.constantFrom(...HEX), minLength: n, maxLength: n })))
  .map((parts) => parts.join("-"));

/** An id in the style of the Inspector docs (`0-oclRMp8B`), for unknown ARNs. */
export const resourceIdArbitrary: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...ALNUM), minLength: 8, maxLength: 8 })
  .map((s) => `0-${s}`);

/** Earliest and latest timestamps generated (Inspector Classic API 2016-02-16 to its end of support in 2026). */
const TIME_RANGE = { min: new Date("2016-02-16T00:00:00Z"), max: new Date("2026-05-20T00:00:00Z") };

function arnRefArbitrary(memberName: string, shapeName: string, options: ShapeArbitraryOptions): fc.Arbitrary<PlanNode> | undefined {
  const profile = options.profile ?? CLASSIC_PROFILE;
  const kind = profile.refKindOf(options.operation ?? "", memberName, shapeName);
  if (kind === undefined || (profile === CLASSIC_PROFILE && shapeName !== "Arn")) return undefined;
  return fc.record({ pick: fc.nat({ max: 1000 }), id: resourceIdArbitrary }).map(({ pick, id }) => new ArnRef(kind, pick, id));
}

function stringArbitrary(shapeName: string, shape: Shape, memberName: string, options: ShapeArbitraryOptions = {}): fc.Arbitrary<PlanNode> {
  const profile = options.profile ?? CLASSIC_PROFILE;
  if (shape.enum) return fc.constantFrom(...shape.enum);
  if (memberName === PREVIEW_TOKEN_MEMBER && profile === CLASSIC_PROFILE) {
    return fc.record({ pick: fc.nat({ max: 1000 }), token: uuidArbitrary }).map(({ pick, token }) => new PreviewTokenRef(pick, token));
  }
  const ref = arnRefArbitrary(memberName, shapeName, options);
  if (ref) return ref;
  const { min, max } = limitsOf(shapeName, shape, profile);
  if (shape.pattern) {
    if (shape.pattern === "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") return uuidArbitrary;
    const matching = profile.patternArbitrary(shapeName, shape);
    if (matching === undefined) throw new Error(`no generator for the pattern of ${shapeName}: ${shape.pattern}`);
    return matching.filter((v) => v.length >= (min ?? 0) && v.length <= (max ?? Number.MAX_SAFE_INTEGER));
  }
  return fc.string({ minLength: min ?? 0, maxLength: max ?? 64 });
}

/** A map's entries: keys and values of its shapes, `minKeys`..`maxKeys` of them. */
function mapArbitrary(shape: Shape, memberName: string, options: ShapeArbitraryOptions, minKeys: number, maxKeys: number): fc.Arbitrary<PlanNode> {
  if (!shape.key || !shape.value) throw new Error("map shape without key or value");
  const profile = options.profile ?? CLASSIC_PROFILE;
  const keyShape = shapeOf(profile.model, shape.key.shape);
  const key = stringArbitrary(shape.key.shape, keyShape, `${memberName}.key`, { ...options, focus: undefined }) as fc.Arbitrary<string>;
  const value = shapeArbitrary(shape.value.shape, `${memberName}.value`, { ...options, focus: undefined });
  return fc.dictionary(key, value, { minKeys, maxKeys }) as fc.Arbitrary<PlanNode>;
}

/** If a structure holds a preview-token reference and an assessmentTemplateArn reference, pair them. */
function pairPreview(value: Record<string, PlanNode>): Record<string, PlanNode> {
  const token = value[PREVIEW_TOKEN_MEMBER];
  const template = value["assessmentTemplateArn"];
  if (!(token instanceof PreviewTokenRef) || !(template instanceof ArnRef)) return value;
  if (template.forceUnknown || template.length !== undefined) return value;
  return { ...value, assessmentTemplateArn: new ArnRef(template.kind, token.pick, template.unknownId, false, undefined, true) };
}

/**
 * An arbitrary of values of the shape `shapeName`, held by a member named `memberName` (the name
 * decides ARN kinds and preview tokens). With a focus, the value at the focus path is replaced.
 */
export function shapeArbitrary(shapeName: string, memberName: string, options: ShapeArbitraryOptions = {}): fc.Arbitrary<PlanNode> {
  if (options.focus !== undefined) return buildShapeArbitrary(shapeName, memberName, options);
  const profile = options.profile ?? CLASSIC_PROFILE;
  let built = UNFOCUSED.get(profile);
  if (built === undefined) UNFOCUSED.set(profile, (built = new Map()));
  const key = `${shapeName}\u0000${memberName}\u0000${options.operation ?? ""}\u0000${options.includeNextToken === true}\u0000${options.maxListLength ?? ""}`;
  let arbitrary = built.get(key);
  if (arbitrary === undefined) built.set(key, (arbitrary = buildShapeArbitrary(shapeName, memberName, options)));
  return arbitrary;
}

/**
 * The unfocused (all valid) arbitraries built so far, per profile, by shape, member and the options
 * that decide them. A v2 operation has hundreds of boundary and invalid targets, and each target's
 * value is valid everywhere but along its focus path: the targets share these subtrees instead of
 * each building its own (7,503 v2 targets took 1.2 GiB and 6.9 s to build whole).
 */
const UNFOCUSED = new WeakMap<GeneratorProfile, Map<string, fc.Arbitrary<PlanNode>>>();

function buildShapeArbitrary(shapeName: string, memberName: string, options: ShapeArbitraryOptions): fc.Arbitrary<PlanNode> {
  const profile = options.profile ?? CLASSIC_PROFILE;
  const shape = shapeOf(profile.model, shapeName);
  const focus = options.focus;
  if (focus !== undefined && focus.path.length === 0) {
    if (focus.replacement === "omit") throw new Error("cannot omit the value itself; focus on its parent's member");
    return focus.replacement;
  }
  switch (shape.type) {
    case "structure":
      return shape.union === true ? unionArbitrary(shape, options) : structureArbitrary(shape, options);
    case "list": {
      const member = shape.member;
      if (!member) throw new Error(`list shape ${shapeName} has no member`);
      const { min = 0, max } = limitsOf(shapeName, shape, profile);
      const cap = Math.min(max ?? Number.MAX_SAFE_INTEGER, Math.max(min, options.maxListLength ?? profile.defaultMaxListLength));
      const element = shapeArbitrary(member.shape, memberName, { ...options, focus: undefined });
      if (focus === undefined) return fc.array(element, { minLength: min, maxLength: cap });
      if (focus.path[0] !== 0) throw new Error(`focus ${String(focus.path[0])} is not a list element`);
      const first = shapeArbitrary(member.shape, memberName, { ...options, focus: { ...focus, path: focus.path.slice(1) } });
      const rest = fc.array(element, { minLength: Math.max(min - 1, 0), maxLength: Math.max(cap - 1, 0) });
      return fc.tuple(first, rest).map(([head, tail]) => [head, ...tail]);
    }
    case "string":
      return stringArbitrary(shapeName, shape, memberName, options);
    case "map": {
      if (focus !== undefined) throw new Error(`focus inside map ${shapeName} (maps are leaves)`);
      const { min = 0, max } = limitsOf(shapeName, shape, profile);
      return mapArbitrary(shape, memberName, options, min, Math.min(max ?? Number.MAX_SAFE_INTEGER, Math.max(min, options.maxListLength ?? profile.defaultMaxListLength)));
    }
    case "blob":
      // Sent as base64 text in the JSON body; the SDK takes bytes.
      return fc.uint8Array({ minLength: Math.max(shape.min ?? 1, 1), maxLength: Math.min(shape.max ?? 16, 16) });
    case "double":
    case "float":
      return fc.double({ min: shape.min ?? -1e6, max: shape.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "integer":
    case "long": {
      const { min, max } = limitsOf(shapeName, shape, profile);
      return fc.integer({ min: min ?? -(2 ** 31), max: max ?? 2 ** 31 - 1 });
    }
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.date({ ...TIME_RANGE, noInvalidDate: true });
    default:
      throw new Error(`no generator for ${shape.type} shape ${shapeName}`);
  }
}

/** A union (`union: true`): exactly one member set; a focus decides which. */
function unionArbitrary(shape: Shape, options: ShapeArbitraryOptions): fc.Arbitrary<PlanNode> {
  const focus = options.focus;
  const members = Object.entries(shape.members ?? {});
  const arm = ([member, ref]: [string, { shape: string }]) => {
    const focused = focus !== undefined && focus.path[0] === member;
    const sub = focused ? { ...options, focus: { ...focus, path: focus.path.slice(1) } } : { ...options, focus: undefined };
    return shapeArbitrary(ref.shape, member, sub).map((v) => ({ [member]: v }) as PlanNode);
  };
  if (focus !== undefined) {
    const entry = members.find(([m]) => m === focus.path[0]);
    if (entry === undefined) throw new Error(`focus member ${String(focus.path[0])} is not in the union`);
    return arm(entry);
  }
  return fc.oneof(...members.map(arm));
}

function structureArbitrary(shape: Shape, options: ShapeArbitraryOptions): fc.Arbitrary<PlanNode> {
  const focus = options.focus;
  const model: Record<string, fc.Arbitrary<PlanNode>> = {};
  const requiredKeys: string[] = [];
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const focused = focus !== undefined && focus.path[0] === member;
    if (focused && focus.path.length === 1 && focus.replacement === "omit") continue;
    if (!focused && member === PAGINATION_TOKEN_MEMBER && options.includeNextToken !== true) continue;
    const sub = focused ? { ...options, focus: { ...focus, path: focus.path.slice(1) } } : { ...options, focus: undefined };
    model[member] = shapeArbitrary(ref.shape, member, sub);
    if (focused || (shape.required ?? []).includes(member)) requiredKeys.push(member);
  }
  if (focus !== undefined && typeof focus.path[0] === "string" && !Object.hasOwn(shape.members ?? {}, focus.path[0])) {
    throw new Error(`focus member ${focus.path[0]} is not in the structure`);
  }
  return fc.record(model, { requiredKeys }).map((v) => pairPreview(v as Record<string, PlanNode>));
}

/**
 * Whether a path label is a dot segment ("." or ".."). The SDK sends it unencoded, and URL parsing
 * (WHATWG URL) and SigV4's canonical path for every service but S3 remove it, so
 * `GET /tags/{resourceArn}` with "." reaches `GET /tags/`, which is no operation and has no record.
 * So no plan puts one in the path.
 */
export const isDotSegment = (label: string): boolean => label === "." || label === "..";

/** The value placed at a boundary site: exactly its min or max length, size or value, otherwise valid. */
export function boundaryReplacement(target: BoundarySite, options: ShapeArbitraryOptions = {}): fc.Arbitrary<PlanNode> {
  const { site, boundary, limit } = target;
  switch (boundary) {
    case "minLength":
    case "maxLength":
      if (site.arnKind !== undefined && boundary === "maxLength" && (options.profile ?? CLASSIC_PROFILE) === CLASSIC_PROFILE) {
        return resourceIdArbitrary.map((id) => new ArnRef(site.arnKind!, 0, id, true, limit));
      }
      if (site.location === "uri") return fc.string({ minLength: limit, maxLength: limit }).filter((label) => !isDotSegment(label));
      return fc.string({ minLength: limit, maxLength: limit });
    case "minItems":
    case "maxItems": {
      if (site.shape.type === "map") return mapArbitrary(site.shape, site.memberName, options, limit, limit);
      const member = site.shape.member;
      if (!member) throw new Error(`list ${site.shapeName} has no member`);
      const element = shapeArbitrary(member.shape, site.memberName, { ...options, focus: undefined });
      return fc.array(element, { minLength: limit, maxLength: limit });
    }
    case "minimum":
    case "maximum":
      return fc.constant(limit);
  }
}

const WRONG_TYPE: Record<string, fc.Arbitrary<PlanNode>> = {
  string: fc.integer({ min: 0, max: 1000 }),
  integer: fc.constantFrom("not-a-number", "ten", "abc"),
  long: fc.constantFrom("not-a-number", "ten", "abc"),
  boolean: fc.constantFrom("yes", "no"),
  timestamp: fc.constantFrom("not-a-timestamp", "yesterday"),
  list: fc.constantFrom("not-a-list", "a,b"),
  structure: fc.constantFrom("not-a-structure", "{}"),
  map: fc.constantFrom("not-a-map", "k=v"),
  double: fc.constantFrom("not-a-number", "half"),
  float: fc.constantFrom("not-a-number", "half"),
  blob: fc.constant(12345),
};

/** Strings that contain no match of the (unanchored) pattern. */
function patternMismatch(pattern: string, profile: GeneratorProfile): fc.Arbitrary<PlanNode> {
  const re = new RegExp(pattern, profile === CLASSIC_PROFILE ? "" : "u");
  const nearMiss = uuidArbitrary.map((u) => u.toUpperCase().replace(/[0-9]/g, "G"));
  const arms = [nearMiss, fc.string({ maxLength: 40 }), uuidArbitrary.map((u) => u.slice(0, -1))];
  // Patterns such as `[^\p{C}]*` match almost anything: the fixed candidates make a mismatch likely (constraint-sites.ts keeps only patterns one of them breaks).
  if (profile !== CLASSIC_PROFILE) arms.unshift(fc.constantFrom(...PATTERN_MISMATCH_CANDIDATES));
  return fc.oneof(...arms).filter((s) => !re.test(s));
}

/** The value placed at an invalid site: it breaks `constraint` there and nothing else ("omit" for a missing member). */
export function invalidReplacement(target: InvalidSite, options: ShapeArbitraryOptions = {}): fc.Arbitrary<PlanNode> | "omit" {
  const { site, constraint } = target;
  const limit = target.limit ?? 0;
  const listElement = () => {
    const member = site.shape.member;
    if (!member) throw new Error(`list ${site.shapeName} has no member`);
    return shapeArbitrary(member.shape, site.memberName, { ...options, focus: undefined });
  };
  switch (constraint) {
    case "missingRequired":
      return "omit";
    case "wrongType": {
      const arb = WRONG_TYPE[site.shape.type];
      if (!arb) throw new Error(`no wrong-type value for ${site.shape.type}`);
      return arb;
    }
    case "tooShort":
      return fc.string({ minLength: 0, maxLength: limit - 1 });
    case "tooLong":
      if (site.arnKind !== undefined && (options.profile ?? CLASSIC_PROFILE) === CLASSIC_PROFILE) return resourceIdArbitrary.map((id) => new ArnRef(site.arnKind!, 0, id, true, limit + 1));
      return fc.string({ minLength: limit + 1, maxLength: limit + 3 });
    case "tooFewItems":
      if (site.shape.type === "map") return mapArbitrary(site.shape, site.memberName, options, 0, limit - 1);
      return fc.array(listElement(), { minLength: 0, maxLength: limit - 1 });
    case "tooManyItems":
      if (site.shape.type === "map") return mapArbitrary(site.shape, site.memberName, options, limit + 1, limit + 1);
      return fc.array(listElement(), { minLength: limit + 1, maxLength: limit + 2 });
    case "belowMinimum":
      return fc.integer({ min: limit - 1000, max: limit - 1 });
    case "aboveMaximum":
      return fc.integer({ min: limit + 1, max: limit + 1000 });
    case "badEnum": {
      const values = site.shape.enum ?? [];
      return fc
        .oneof(fc.constantFrom(...values).map((v) => v.toLowerCase()), fc.string({ maxLength: 20 }))
        .filter((s) => !values.includes(s));
    }
    case "badPattern":
      return patternMismatch(site.shape.pattern ?? "", options.profile ?? CLASSIC_PROFILE);
    case "unknownArn": {
      const kind = site.arnKind;
      if (kind === undefined) throw new Error(`${site.memberName} is not an ARN`);
      return resourceIdArbitrary.map((id) => new ArnRef(kind, 0, id, true));
    }
  }
}
