/**
 * The resources that earlier calls were *observed* to create, by kind. Plans resolve their ARN
 * members from here at run time; nothing is ever added from a prediction.
 */
import type { InspectorResourceKind } from "../model/arn.js";
import { INSPECTOR2_REF_KINDS } from "./inspector2-resource-kinds.js";
import type { Inspector2RefKind } from "./inspector2-resource-kinds.js";

/** Kinds of Classic ARN the pool holds: Inspector resources plus the SNS topics and IAM roles calls refer to. */
export type ArnKind = InspectorResourceKind | "topic" | "role";

/** The Classic ARN kinds (another name of {@link ArnKind}). */
export type ClassicArnKind = ArnKind;

/** Kinds of reference the pool holds: Classic ARNs, and the v2 ARNs and ids (`v2:` kinds). */
export type RefKind = ArnKind | Inspector2RefKind;

/** Every pool kind, ARN kinds plus exclusions-preview tokens. */
export type PoolKind = RefKind | "previewToken";

/** All Classic ARN kinds, in a stable order. */
export const ARN_KINDS: readonly ClassicArnKind[] = [
  "resourcegroup",
  "target",
  "template",
  "run",
  "finding",
  "exclusion",
  "rulespackage",
  "topic",
  "role",
];

/** A preview token together with the template it was created for (GetExclusionsPreview needs both). */
export interface PreviewEntry {
  previewToken: string;
  assessmentTemplateArn: string;
}

/** Region and account the pool's resources live in; unknown ARNs are built in the same scope. */
export interface PoolScope {
  region: string;
  accountId: string;
}

/** A mutable set of observed ARNs by kind, plus observed preview tokens, in insertion order. */
export class ResourcePool {
  readonly #arns = new Map<RefKind, string[]>();
  readonly #previews: PreviewEntry[] = [];

  constructor(readonly scope: PoolScope) {}

  /** Records an ARN of `kind`; a repeat is ignored. */
  add(kind: RefKind, arn: string): void {
    const list = this.#arns.get(kind) ?? [];
    if (!list.includes(arn)) list.push(arn);
    this.#arns.set(kind, list);
  }

  /** Records a preview token for a template; a repeat is ignored. */
  addPreview(entry: PreviewEntry): void {
    if (!this.#previews.some((p) => p.previewToken === entry.previewToken)) this.#previews.push({ ...entry });
  }

  /** Forgets `arn` (whatever its kind) and any preview made for it; true when it was known. */
  remove(arn: string): boolean {
    let removed = false;
    for (const [kind, list] of this.#arns) {
      const kept = list.filter((a) => a !== arn);
      if (kept.length !== list.length) removed = true;
      this.#arns.set(kind, kept);
    }
    for (let i = this.#previews.length - 1; i >= 0; i--) {
      if (this.#previews[i]!.assessmentTemplateArn === arn) this.#previews.splice(i, 1);
    }
    return removed;
  }

  /** The ARNs of `kind`, oldest first. */
  list(kind: RefKind): readonly string[] {
    return this.#arns.get(kind) ?? [];
  }

  /** Whether any ARN of `kind` (or any preview, for "previewToken") is known. */
  has(kind: PoolKind): boolean {
    return kind === "previewToken" ? this.#previews.length > 0 : this.list(kind).length > 0;
  }

  /** Whether `arn` is known under any kind. */
  contains(arn: string): boolean {
    for (const list of this.#arns.values()) if (list.includes(arn)) return true;
    return false;
  }

  /** The known preview tokens, oldest first. */
  previews(): readonly PreviewEntry[] {
    return this.#previews;
  }

  /** The `pick`-th ARN of `kind` (modulo the count), or undefined when none is known. */
  pick(kind: RefKind, pick: number): string | undefined {
    const list = this.list(kind);
    return list.length === 0 ? undefined : list[Math.abs(pick) % list.length];
  }

  /** The `pick`-th preview (modulo the count), or undefined when none is known. */
  pickPreview(pick: number): PreviewEntry | undefined {
    return this.#previews.length === 0 ? undefined : this.#previews[Math.abs(pick) % this.#previews.length];
  }

  /** An independent copy. */
  clone(): ResourcePool {
    const copy = new ResourcePool({ ...this.scope });
    for (const [kind, list] of this.#arns) for (const arn of list) copy.add(kind, arn);
    for (const p of this.#previews) copy.addPreview(p);
    return copy;
  }

  /** Counts by kind, for messages: `ResourcePool{target:2, template:1}`. */
  toString(): string {
    const parts = [...ARN_KINDS, ...INSPECTOR2_REF_KINDS].filter((k) => this.list(k).length > 0).map((k) => `${k}:${this.list(k).length}`);
    if (this.#previews.length > 0) parts.push(`previewToken:${this.#previews.length}`);
    return `ResourcePool{${parts.join(", ")}}`;
  }
}
