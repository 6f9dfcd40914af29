/**
 * Filters: CreateFilter, UpdateFilter, DeleteFilter, ListFilters. A filter's name is unique in its
 * account and region; a duplicate is ConflictException (the model lists no ConflictException for
 * CreateFilter or UpdateFilter; the emulator answers it as the project's issue asks, UNVERIFIED).
 * SUPPRESS filters make the findings they match SUPPRESSED (findings-view.ts).
 */
import { filterArn } from "../../../model/inspector2-arn.js";
import type { Inspector2Env } from "../env.js";
import { conflict, notFound, quotaExceeded } from "../errors.js";
import { epochSeconds, newHex } from "../ids.js";
import { listPage } from "../pagination.js";
import type { FilterRecord } from "../state.js";
import { checkTags, forgetResource, tagNew, tagsOf } from "../tags.js";
import { type Handler, handler, type Paging, present } from "./handler.js";

type FilterAction = FilterRecord["action"];

function filterWire(env: Inspector2Env, f: FilterRecord): Record<string, unknown> {
  return present({
    arn: f.arn,
    ownerId: env.accountId,
    name: f.name,
    criteria: structuredClone(f.criteria),
    action: f.action,
    createdAt: epochSeconds(f.createdAt),
    updatedAt: epochSeconds(f.updatedAt),
    description: f.description,
    reason: f.reason,
    tags: tagsOf(env, f.arn),
  });
}

function checkUniqueName(env: Inspector2Env, name: string, except?: string): void {
  const other = [...env.state.filters.values()].find((f) => f.name === name && f.arn !== except);
  if (other !== undefined) throw conflict(`A filter named '${name}' already exists in this account and Region.`, other.arn, "FILTER");
}

function filterOf(env: Inspector2Env, arn: string): FilterRecord {
  const f = env.state.filters.get(arn);
  if (f === undefined) throw notFound(`The filter '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return f;
}

/** Filter handlers by operation name. */
export const filterHandlers: Record<string, Handler> = {
  CreateFilter: handler<{
    action: FilterAction;
    description?: string | null;
    filterCriteria: Record<string, unknown>;
    name: string;
    tags?: Record<string, string> | null;
    reason?: string | null;
  }>((input, env) => {
    checkUniqueName(env, input.name);
    if (input.tags) checkTags(env, input.tags);
    if (env.state.filters.size >= env.limits.filters) throw quotaExceeded(`An account can have at most ${env.limits.filters} filters per Region.`, input.name);
    const arn = filterArn(env.region, env.accountId, newHex(16));
    env.state.filters.set(arn, {
      arn,
      name: input.name,
      action: input.action,
      criteria: structuredClone(input.filterCriteria),
      ...(input.description != null ? { description: input.description } : {}),
      ...(input.reason != null ? { reason: input.reason } : {}),
      createdAt: env.now,
      updatedAt: env.now,
    });
    tagNew(env, arn, input.tags);
    return { arn };
  }),

  UpdateFilter: handler<{
    filterArn: string;
    action?: FilterAction | null;
    description?: string | null;
    filterCriteria?: Record<string, unknown> | null;
    name?: string | null;
    reason?: string | null;
  }>((input, env) => {
    const f = filterOf(env, input.filterArn);
    if (input.name != null) checkUniqueName(env, input.name, f.arn);
    if (input.name != null) f.name = input.name;
    if (input.action != null) f.action = input.action;
    if (input.filterCriteria != null) f.criteria = structuredClone(input.filterCriteria);
    if (input.description != null) f.description = input.description;
    if (input.reason != null) f.reason = input.reason;
    f.updatedAt = env.now;
    return { arn: f.arn };
  }),

  DeleteFilter: handler<{ arn: string }>((input, env) => {
    filterOf(env, input.arn);
    forgetResource(env, env.state.filters, input.arn);
    return { arn: input.arn };
  }),

  ListFilters: handler<Paging & { arns?: string[] | null; action?: FilterAction | null }>((input, env) => {
    const arns = input.arns && input.arns.length > 0 ? new Set(input.arns) : undefined;
    const filters = [...env.state.filters.values()].filter((f) => (arns === undefined || arns.has(f.arn)) && (input.action == null || f.action === input.action));
    return listPage("ListFilters", "filters", filters.map((f) => filterWire(env, f)), input);
  }),
};
