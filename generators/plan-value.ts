/**
 * Plan values: generated inputs whose ARN and preview-token leaves are *references* to be resolved
 * against the ResourcePool at run time (observed resources), or to a well-formed unknown ARN when the
 * pool has none of the kind.
 */
import { exclusionArn, findingArn, iamRoleArn, resourceGroupArn, runArn, targetArn, templateArn } from "../model/arn.js";
import { inspector2UnknownValue, isInspector2RefKind } from "./inspector2-resource-kinds.js";
import type { ArnKind, RefKind, ResourcePool } from "./resource-pool.js";

/** A reference to an ARN of `kind`, resolved at run time. */
export class ArnRef {
  constructor(
    /** Kind of resource the member holds. */
    readonly kind: RefKind,
    /** Which pool entry to take (modulo the count): shrinks towards the oldest. */
    readonly pick: number,
    /** Id used to build a well-formed unknown ARN when the pool has no entry (or `forceUnknown`). */
    readonly unknownId: string,
    /** Always resolve to an unknown ARN (the "unknownArn" invalid case). */
    readonly forceUnknown = false,
    /** Exact length of the unknown ARN (boundary and too-long cases); forces an unknown ARN. */
    readonly length?: number,
    /** Take the template of the `pick`-th pool preview (GetExclusionsPreview pairs template and token). */
    readonly pairedWithPreview = false,
  ) {}

  /** A printable form used in labels and counterexamples. */
  toString(): string {
    const how = this.length !== undefined ? `unknown,len=${this.length}` : this.forceUnknown ? "unknown" : `pick=${this.pick}`;
    return `ArnRef(${this.kind},${how})`;
  }
}

/** A reference to an observed exclusions-preview token, resolved at run time. */
export class PreviewTokenRef {
  constructor(
    /** Which pool preview to take (modulo the count). */
    readonly pick: number,
    /** A valid UUID used when the pool has no preview. */
    readonly unknownToken: string,
  ) {}

  /** A printable form. */
  toString(): string {
    return `PreviewTokenRef(pick=${this.pick})`;
  }
}

/** A generated input value before resolution. */
export type PlanNode =
  | string
  | number
  | boolean
  | Date
  | Uint8Array
  | null
  | ArnRef
  | PreviewTokenRef
  | PlanNode[]
  | { [member: string]: PlanNode };

/** Where a resolved reference came from: an observed resource or a well-formed unknown one. */
export interface ResolvedReference<K extends string = ArnKind> {
  path: string;
  kind: K | "previewToken";
  source: "pool" | "unknown";
  value: string;
}

/** A plan resolved against a pool: the input to send and where each reference came from. */
export interface ResolvedInput<K extends string = ArnKind> {
  input: Record<string, unknown>;
  references: ResolvedReference<K>[];
}

function pad(base: (id: string) => string, id: string, length: number | undefined): string {
  if (length === undefined) return base(id);
  const fixed = base("").length;
  const room = length - fixed;
  if (room < 1) throw new Error(`an ARN cannot be ${length} characters long (needs at least ${fixed + 1})`);
  return base(id.padEnd(room, "x").slice(0, room));
}

/** A well-formed ARN of `kind` in the pool's scope built from `id` (formats: model/arn.ts), `length` chars long when given. */
export function unknownArn(kind: RefKind, id: string, scope: ResourcePool["scope"], length?: number): string {
  if (isInspector2RefKind(kind)) {
    // v2 values have fixed forms (UUIDs, hex ids): a length is reached by padding only the ARNs that end in a free id.
    if (length === undefined) return inspector2UnknownValue(kind, id, scope);
    return pad((i) => inspector2UnknownValue(kind, i, scope), id, length);
  }
  const { region, accountId } = scope;
  const target = targetArn(region, accountId, `${id}t`);
  const template = templateArn(target, `${id}p`);
  const run = runArn(template, `${id}r`);
  const builders: Record<ArnKind, (i: string) => string> = {
    resourcegroup: (i) => resourceGroupArn(region, accountId, i),
    target: (i) => targetArn(region, accountId, i),
    template: (i) => templateArn(target, i),
    run: (i) => runArn(template, i),
    finding: (i) => findingArn(run, i),
    exclusion: (i) => exclusionArn(run, i),
    rulespackage: (i) => `arn:aws:inspector:${region}:${accountId}:rulespackage/${i}`,
    // SNS topic ARN: arn:aws:sns:<region>:<account>:<topic name>
    topic: (i) => `arn:aws:sns:${region}:${accountId}:unknown-topic-${i}`,
    role: (i) => iamRoleArn(accountId, `unknown-role-${i}`),
  };
  return pad(builders[kind], id, length);
}

function resolveArn(ref: ArnRef, pool: ResourcePool): { value: string; source: "pool" | "unknown" } {
  if (!ref.forceUnknown && ref.length === undefined) {
    const paired = ref.pairedWithPreview ? pool.pickPreview(ref.pick)?.assessmentTemplateArn : undefined;
    const picked = paired ?? pool.pick(ref.kind, ref.pick);
    if (picked !== undefined) return { value: picked, source: "pool" };
  }
  let id = ref.unknownId;
  let value = unknownArn(ref.kind, id, pool.scope, ref.length);
  for (let tries = 0; pool.contains(value); tries++) {
    if (tries > 50) throw new Error(`cannot build an ARN of kind ${ref.kind} that the pool does not hold`);
    id = `z${id}`;
    value = unknownArn(ref.kind, id, pool.scope, ref.length);
  }
  return { value, source: "unknown" };
}

/** Printable path of a member: `filter.durationRange.minSeconds`, `findingArns[0]`. */
export function joinPath(parent: string, segment: string | number): string {
  if (typeof segment === "number") return `${parent}[${segment}]`;
  return parent === "" ? segment : `${parent}.${segment}`;
}

function resolveNode(node: PlanNode, pool: ResourcePool, path: string, refs: ResolvedReference<RefKind>[]): unknown {
  if (node instanceof ArnRef) {
    const { value, source } = resolveArn(node, pool);
    refs.push({ path, kind: node.kind, source, value });
    return value;
  }
  if (node instanceof PreviewTokenRef) {
    const entry = pool.pickPreview(node.pick);
    const value = entry?.previewToken ?? node.unknownToken;
    refs.push({ path, kind: "previewToken", source: entry ? "pool" : "unknown", value });
    return value;
  }
  if (node instanceof Date) return new Date(node.getTime());
  if (node instanceof Uint8Array) return new Uint8Array(node);
  if (Array.isArray(node)) return node.map((item, i) => resolveNode(item, pool, joinPath(path, i), refs));
  if (node !== null && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = resolveNode(v, pool, joinPath(path, k), refs);
    return out;
  }
  return node;
}

/** Resolves a plan's top-level structure against `pool`. */
export function resolvePlan<K extends string = ArnKind>(root: { [member: string]: PlanNode }, pool: ResourcePool): ResolvedInput<K> {
  const references: ResolvedReference<RefKind>[] = [];
  const input = resolveNode(root, pool, "", references) as Record<string, unknown>;
  // The references are of the kinds the plan's profile puts in it (K): Classic plans hold Classic kinds only.
  return { input, references: references as ResolvedReference<K>[] };
}
