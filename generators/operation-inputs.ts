/**
 * Input plans for all 37 Inspector Classic operations, derived from the service model: valid inputs,
 * inputs on one boundary, and inputs that break exactly one constraint. A plan holds references, not
 * ARNs: it is resolved against the ResourcePool when the call is made.
 */
import fc from "fast-check";
import { INSPECTOR_OPERATIONS } from "../model/service-model.js";
import { boundarySites, formatPath, inputShapeName, invalidSites } from "./constraint-sites.js";
import { formatLabel } from "./plan-label.js";
import type { PlanLabel, PlanMode } from "./plan-label.js";
import { resolvePlan } from "./plan-value.js";
import type { PlanNode, ResolvedInput } from "./plan-value.js";
import type { ResourcePool } from "./resource-pool.js";
import { boundaryReplacement, invalidReplacement, shapeArbitrary } from "./shape-arbitrary.js";
import type { Focus, ShapeArbitraryOptions } from "./shape-arbitrary.js";
import { CLASSIC_PROFILE } from "./service-profile.js";
import type { GeneratorProfile } from "./service-profile.js";
import type { ArnKind } from "./resource-pool.js";

/** A plan: the input to send, computed from the resources observed so far. */
export type InputPlan = (pool: ResourcePool) => Record<string, unknown>;

/**
 * Note on client-side validation (experiment in tests/generators/sdk-client-validation.test.ts, with a
 * requestHandler that captures the request): @aws-sdk/client-inspector 3.523.0 validates NOTHING before
 * sending. Missing required members, out-of-range lengths, sizes and integers, bad enums and a bad
 * previewToken pattern all reach the wire unchanged. The only exceptions are wrong *types* inside the
 * inputs the SDK serializes field by field (ListAssessmentRuns and ListFindings, whose filters hold
 * timestamps): there a non-Date timestamp throws a TypeError before sending, and a non-object filter is
 * sent as `{}`. The harness records the wire request, so a plan's label is checked against what was sent.
 */

/** A generated input for one operation, with what it tests. */
export class LabelledPlan<K extends string = ArnKind> {
  constructor(
    /** The operation (eventName). */
    readonly operation: string,
    /** What the plan tests. */
    readonly label: PlanLabel,
    /** The unresolved input (references in place of ARNs). */
    readonly value: Readonly<Record<string, PlanNode>>,
  ) {}

  /** Resolves the plan against `pool`: the input and where each ARN came from. */
  resolve(pool: ResourcePool): ResolvedInput<K> {
    return resolvePlan<K>(this.value as Record<string, PlanNode>, pool);
  }

  /** The plan as a function of the pool, as the executor's caller uses it. */
  get plan(): InputPlan {
    return (pool) => this.resolve(pool).input;
  }

  /** `DescribeFindings[invalid tooLong(>300) at findingArns[0]]` */
  toString(): string {
    return `${this.operation}[${formatLabel(this.label)}]`;
  }

  /** fast-check's printer uses this in counterexamples. */
  [fc.toStringMethod](): string {
    return this.toString();
  }
}

/** The operations the generators cover: every operation of the service model. */
export const GENERATED_OPERATIONS: readonly string[] = INSPECTOR_OPERATIONS;

function assertOperation(operation: string, profile: GeneratorProfile): void {
  if (!profile.operations.includes(operation)) throw new Error(`unknown ${profile === CLASSIC_PROFILE ? "Inspector" : profile.service} operation ${operation}`);
}

function rootArbitrary(operation: string, focus: Focus | undefined, options: ShapeArbitraryOptions, profile: GeneratorProfile): fc.Arbitrary<Record<string, PlanNode>> {
  const root = inputShapeName(operation, profile);
  if (root === undefined) return fc.constant({});
  const base: ShapeArbitraryOptions = profile === CLASSIC_PROFILE ? { ...options } : { ...options, profile, operation };
  const opts: ShapeArbitraryOptions = focus === undefined ? base : { ...base, focus };
  return shapeArbitrary(root, "", opts) as fc.Arbitrary<Record<string, PlanNode>>;
}

/** The modes `operation` supports: an operation without input (DescribeCrossAccountAccessRole) has only "valid". */
export function modesOf(operation: string, profile: GeneratorProfile = CLASSIC_PROFILE): PlanMode[] {
  assertOperation(operation, profile);
  const modes: PlanMode[] = ["valid"];
  if (boundarySites(operation, profile).length > 0) modes.push("boundary");
  if (invalidSites(operation, profile).length > 0) modes.push("invalid");
  return modes;
}

/**
 * One arbitrary per target of `operation` in `mode`: for "valid" a single one; for "boundary" one per
 * min/max of each constrained place; for "invalid" one per single-constraint violation. Tests walk
 * these to cover every target; {@link inputArbitrary} draws among them.
 */
export function inputArbitraries<K extends string = ArnKind>(operation: string, mode: PlanMode, options: ShapeArbitraryOptions = {}, profile: GeneratorProfile = CLASSIC_PROFILE): fc.Arbitrary<LabelledPlan<K>>[] {
  return targetsOf<K>(operation, mode, options, profile).map((build) => build());
}

/** The targets of {@link inputArbitraries}, each as a function that builds its arbitrary. */
function targetsOf<K extends string>(operation: string, mode: PlanMode, options: ShapeArbitraryOptions, profile: GeneratorProfile): (() => fc.Arbitrary<LabelledPlan<K>>)[] {
  assertOperation(operation, profile);
  const sub: ShapeArbitraryOptions = profile === CLASSIC_PROFILE ? options : { ...options, profile, operation };
  if (mode === "valid") {
    return [() => rootArbitrary(operation, undefined, options, profile).map((v) => new LabelledPlan<K>(operation, { mode: "valid" }, v))];
  }
  if (mode === "boundary") {
    return boundarySites(operation, profile).map((target) => () => {
      const label: PlanLabel = { mode: "boundary", path: formatPath(target.site.path), boundary: target.boundary, limit: target.limit };
      const focus: Focus = { path: target.site.path, replacement: boundaryReplacement(target, sub) };
      return rootArbitrary(operation, focus, options, profile).map((v) => new LabelledPlan<K>(operation, label, v));
    });
  }
  return invalidSites(operation, profile).map((target) => () => {
    const label: PlanLabel = { mode: "invalid", path: formatPath(target.site.path), constraint: target.constraint };
    if (target.limit !== undefined) label.limit = target.limit;
    const focus: Focus = { path: target.site.path, replacement: invalidReplacement(target, sub) };
    return rootArbitrary(operation, focus, options, profile).map((v) => new LabelledPlan<K>(operation, label, v));
  });
}

/**
 * Plans for `operation` in `mode`: "valid" respects every constraint; "boundary" puts one value exactly
 * on a min or max; "invalid" breaks exactly one constraint, named with its path in the label. Throws
 * for a mode the operation does not support (see {@link modesOf}).
 */
export function inputArbitrary<K extends string = ArnKind>(operation: string, mode: PlanMode, options: ShapeArbitraryOptions = {}, profile: GeneratorProfile = CLASSIC_PROFILE): fc.Arbitrary<LabelledPlan<K>> {
  if (profile !== CLASSIC_PROFILE && mode !== "valid") return lazyTargets<K>(operation, mode, options, profile);
  const arms = inputArbitraries<K>(operation, mode, options, profile);
  if (arms.length === 0) throw new Error(`${operation} has no ${mode} inputs (it has no constrained input members)`);
  return arms.length === 1 ? arms[0]! : fc.oneof(...arms);
}

/**
 * A target of `mode` drawn by index, its arbitrary built each time it is drawn: a v2 operation such
 * as ListFindings has hundreds of constrained places in its filter criteria. Only the focus path is
 * built (the valid subtrees are shared, see shapeArbitrary), about 0.3 ms and 40 KiB a target, so
 * nothing is kept: a kept target stayed for the whole run, and a long run kept most of v2's 7,503
 * (hundreds of MiB). Shrinks towards the first target, as fc.oneof does.
 */
function lazyTargets<K extends string>(operation: string, mode: PlanMode, options: ShapeArbitraryOptions, profile: GeneratorProfile): fc.Arbitrary<LabelledPlan<K>> {
  const targets = targetsOf<K>(operation, mode, options, profile);
  if (targets.length === 0) throw new Error(`${operation} has no ${mode} inputs (it has no constrained input members)`);
  return targets.length === 1 ? targets[0]!() : fc.integer({ min: 0, max: targets.length - 1 }).chain((i) => targets[i]!());
}

/** Relative weights of the modes in {@link callArbitrary}. */
export interface ModeWeights {
  valid: number;
  boundary: number;
  invalid: number;
}

/** Default mode weights: mostly valid calls, so sequences build state. */
export const DEFAULT_MODE_WEIGHTS: ModeWeights = { valid: 6, boundary: 2, invalid: 2 };

/**
 * A plan for any (operation, mode) pair the operations support, over `operations` (all 37 by default).
 * An arm's weight is its mode weight times `operationWeight(operation)` (1 by default).
 */
export function callArbitrary<K extends string = ArnKind>(
  operations: readonly string[] = GENERATED_OPERATIONS,
  weights: ModeWeights = DEFAULT_MODE_WEIGHTS,
  options: ShapeArbitraryOptions = {},
  operationWeight: (operation: string) => number = () => 1,
  profile: GeneratorProfile = CLASSIC_PROFILE,
  /** Whether plans of `operation` in `mode` may be drawn at all (a real account's allowed classes). */
  allows: (operation: string, mode: PlanMode) => boolean = () => true,
): fc.Arbitrary<LabelledPlan<K>> {
  const arms: fc.WeightedArbitrary<LabelledPlan<K>>[] = [];
  for (const operation of operations) {
    for (const mode of modesOf(operation, profile)) {
      if (!allows(operation, mode)) continue;
      const weight = weights[mode] * operationWeight(operation);
      if (weight > 0) arms.push({ arbitrary: inputArbitrary<K>(operation, mode, options, profile), weight });
    }
  }
  if (arms.length === 0) throw new Error("callArbitrary: no (operation, mode) pair has a positive weight");
  return fc.oneof(...arms);
}
