/**
 * Tags of the taggable inspector2 resources (filters, CIS scan configurations, code security
 * integrations and scan configurations, connectors), stored per ARN in the owner's partition. Keys
 * beginning with `aws:` are reserved ("aws:" prefixed tags are AWS's own, per the tagging guide
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html) and, like too many tags,
 * give BadRequestException.
 */
import { inspector2ResourceKind, type Inspector2ResourceKind } from "../../model/inspector2-arn.js";
import type { Inspector2Env } from "./env.js";
import { badRequest, invalid, notFound } from "./errors.js";
import type { RegionState } from "./state.js";

const TAGGABLE: Partial<Record<Inspector2ResourceKind, (state: RegionState) => ReadonlyMap<string, unknown>>> = {
  filter: (s) => s.filters,
  "cis-configuration": (s) => s.cisConfigs,
  "codesecurity-integration": (s) => s.integrations,
  "codesecurity-configuration": (s) => s.scanConfigs,
  connector: (s) => s.connectors,
};

/** Checks a tag map that is about to be stored on a resource that has `existing` tags. */
export function checkTags(env: Inspector2Env, tags: Record<string, string>, existing: Record<string, string> = {}): void {
  const reserved = Object.keys(tags).find((k) => k.toLowerCase().startsWith("aws:"));
  if (reserved !== undefined) throw badRequest(`The tag key '${reserved}' uses the reserved prefix aws:.`);
  const count = Object.keys({ ...existing, ...tags }).length;
  if (count > env.limits.tagsPerResource) throw badRequest(`A resource can have at most ${env.limits.tagsPerResource} tags; this request would give it ${count}.`);
}

/** Stores the tags of a resource just created (when the request gave any). */
export function tagNew(env: Inspector2Env, arn: string, tags: Record<string, string> | null | undefined): void {
  if (tags && Object.keys(tags).length > 0) env.state.tags.set(arn, { ...tags });
}

/** Removes a deleted resource and its tags. */
export function forgetResource(env: Inspector2Env, resources: Map<string, unknown>, arn: string): void {
  resources.delete(arn);
  env.state.tags.delete(arn);
}

/** The tags of an existing resource (a copy), or undefined when it has none. */
export function tagsOf(env: Inspector2Env, arn: string): Record<string, string> | undefined {
  const tags = env.state.tags.get(arn);
  return tags !== undefined && Object.keys(tags).length > 0 ? { ...tags } : undefined;
}

/** The ARN of a taggable resource of the caller; ValidationException or ResourceNotFoundException otherwise. */
export function taggableResource(env: Inspector2Env, arn: string): string {
  const kind = inspector2ResourceKind(arn);
  const lookup = kind === undefined ? undefined : TAGGABLE[kind];
  if (lookup === undefined) throw invalid(`'${arn}' is not the ARN of a taggable Amazon Inspector resource (filter, CIS scan configuration, code security integration or scan configuration, connector).`, "resourceArn");
  if (!lookup(env.state).has(arn)) throw notFound(`The resource '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return arn;
}
