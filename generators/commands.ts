/**
 * Model-based call sequences (fast-check `fc.commands`). The model is only the ResourcePool: each
 * command resolves its plan from the pool at run time, calls the executor, and adds to the pool what
 * the *observed* output created (and drops what an observed Delete* removed). Commands print as
 * `CreateAssessmentTarget as AssumedRole(s1) [valid]`, so counterexamples and replay paths read well.
 */
import fc from "fast-check";
import type { CallExecutor, CallOutcome } from "./executor.js";
import { describeIdentity, identityArbitrary } from "./identities.js";
import type { IdentityRequest } from "./identities.js";
import { callArbitrary, DEFAULT_MODE_WEIGHTS, GENERATED_OPERATIONS } from "./operation-inputs.js";
import type { LabelledPlan, ModeWeights } from "./operation-inputs.js";
import type { PlanMode } from "./plan-label.js";
import { formatLabel } from "./plan-label.js";
import type { ResolvedInput } from "./plan-value.js";
import { producedKinds } from "./resource-kinds.js";
import type { PoolChange } from "./resource-kinds.js";
import { ResourcePool } from "./resource-pool.js";
import type { PoolScope, RefKind } from "./resource-pool.js";
import { CLASSIC_PROFILE, GENERATOR_PROFILES } from "./service-profile.js";
import type { GeneratorProfile } from "./service-profile.js";
import type { ServiceId } from "../model/services.js";

/** One Inspector call in a sequence: who calls, and the plan for its input. */
export class InspectorCallCommand implements fc.AsyncCommand<ResourcePool, CallExecutor> {
  constructor(
    /** The identity the call runs as. */
    readonly identity: IdentityRequest,
    /** The input plan, resolved from the pool when the command runs. */
    readonly plan: LabelledPlan<RefKind>,
    /** The service the call is of (Classic by default): how the observed outcome feeds the pool. */
    readonly profile: GeneratorProfile = CLASSIC_PROFILE,
  ) {}

  /** Every call can run: a plan without the resources it wants uses unknown ARNs (and says so). */
  check(): boolean {
    return true;
  }

  /** Resolves the plan from the pool, calls the executor, and feeds the observed outcome back to the pool. */
  async run(pool: ResourcePool, executor: CallExecutor): Promise<void> {
    await this.execute(pool, executor);
  }

  /** As {@link run}, returning what happened (for harnesses that log each step). */
  async execute(pool: ResourcePool, executor: CallExecutor): Promise<{ resolved: ResolvedInput<RefKind>; outcome: CallOutcome; change: PoolChange }> {
    const resolved = this.plan.resolve(pool);
    const outcome = await executor.call(this.identity, this.plan.operation, resolved.input, {
      plan: this.plan.toString(),
      label: this.plan.label,
      references: resolved.references,
    });
    const change = this.profile.observe(pool, this.plan.operation, resolved.input, outcome);
    return { resolved, outcome, change };
  }

  /** `StartAssessmentRun as Root [invalid unknownArn at assessmentTemplateArn]` */
  toString(): string {
    return `${this.plan.operation} as ${describeIdentity(this.identity)} [${formatLabel(this.plan.label)}]`;
  }
}

/**
 * Default weight of an operation in sequences: operations that create resources (their output names
 * a new resource) weigh 5, listings that reveal resources 2, the rest 1, so later commands usually
 * have something observed to refer to.
 */
export function defaultOperationWeight(operation: string): number {
  if (producedKinds(operation).length === 0) return 1;
  return /^(List|Describe)/.test(operation) ? 2 : 5;
}

/** Options of {@link inspectorCommands}. */
export interface InspectorCommandsOptions {
  /** Identities to call as (all four kinds by default). */
  identities?: fc.Arbitrary<IdentityRequest>;
  /** Operations to draw from (all 37 by default). */
  operations?: readonly string[];
  /** Mode weights (mostly valid by default). */
  modeWeights?: ModeWeights;
  /** Operation weights (creates first by default). */
  operationWeight?: (operation: string) => number;
  /** Longest sequence. */
  maxCommands?: number;
  /** fast-check replay path of a previous failure. */
  replayPath?: string;
  /** Whether calls of `operation` in `mode` may be generated (all by default; a real account allows fewer). */
  allows?: (operation: string, mode: PlanMode) => boolean;
}

/** One command: an identity and a plan. */
export function commandArbitrary(options: InspectorCommandsOptions = {}): fc.Arbitrary<InspectorCallCommand> {
  const plans = callArbitrary(
    options.operations ?? GENERATED_OPERATIONS,
    options.modeWeights ?? DEFAULT_MODE_WEIGHTS,
    {},
    options.operationWeight ?? defaultOperationWeight,
    CLASSIC_PROFILE,
    options.allows,
  );
  return fc.tuple(options.identities ?? identityArbitrary(), plans).map(([identity, plan]) => new InspectorCallCommand(identity, plan));
}

/**
 * Default weight of a v2 operation: as {@link defaultOperationWeight}, from the v2 pool kinds its
 * output adds (creates 5, listings that reveal resources 2, the rest 1).
 */
export function profileOperationWeight(profile: GeneratorProfile): (operation: string) => number {
  if (profile === CLASSIC_PROFILE) return defaultOperationWeight;
  return (operation) => (profile.producedKinds(operation).length === 0 ? 1 : /^(List|Describe|Get)/.test(operation) ? 2 : 5);
}

/** Sequences of the calls of `service` for `fc.asyncModelRun`: `serviceCommands("inspector", o)` is {@link inspectorCommands}. */
export function serviceCommands(service: ServiceId, options: InspectorCommandsOptions = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<ResourcePool, CallExecutor>>> {
  if (service === "inspector") return inspectorCommands(options);
  const profile = GENERATOR_PROFILES[service];
  const plans = callArbitrary<RefKind>(options.operations ?? profile.operations, options.modeWeights ?? DEFAULT_MODE_WEIGHTS, {}, options.operationWeight ?? profileOperationWeight(profile), profile, options.allows);
  const command = fc.tuple(options.identities ?? identityArbitrary(), plans).map(([identity, plan]) => new InspectorCallCommand(identity, plan, profile));
  const constraints: fc.CommandsContraints = { maxCommands: options.maxCommands ?? 20 };
  if (options.replayPath !== undefined) constraints.replayPath = options.replayPath;
  return fc.commands([command], constraints);
}

/** Sequences of Inspector calls for `fc.asyncModelRun`. */
export function inspectorCommands(options: InspectorCommandsOptions = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<ResourcePool, CallExecutor>>> {
  const constraints: fc.CommandsContraints = { maxCommands: options.maxCommands ?? 20 };
  if (options.replayPath !== undefined) constraints.replayPath = options.replayPath;
  return fc.commands([commandArbitrary(options)], constraints);
}

/** Runs a sequence against a fresh pool in `scope` and a fresh executor from `makeExecutor`. */
export async function runInspectorCommands(
  scope: PoolScope,
  makeExecutor: () => CallExecutor,
  commands: Iterable<fc.AsyncCommand<ResourcePool, CallExecutor>>,
): Promise<void> {
  await fc.asyncModelRun(() => ({ model: new ResourcePool(scope), real: makeExecutor() }), commands);
}
