/** What a handler gets: its partition, the organization around it, the caller, the time, the settings. */
import type { Principal } from "../core/types.js";
import type { Inspector2Limits, Inspector2Timing } from "./limits.js";
import type { Inspector2Store, OrganizationState, RegionState } from "./state.js";

/** An organization of the account directory, as Inspector sees it. */
export interface OrganizationInfo {
  organizationId: string;
  managementAccountId: string;
  /** Member accounts, the management account not included. */
  memberAccountIds: readonly string[];
}

/** A handler's environment. */
export interface Inspector2Env {
  state: RegionState;
  store: Inspector2Store;
  accountId: string;
  region: string;
  now: Date;
  principal: Principal;
  /** The caller's organization, when its account is in one. */
  organization: OrganizationInfo | undefined;
  limits: Inspector2Limits;
  timing: Inspector2Timing;
  /** Whether the account directory denies the caller an IAM action (`inspector2:Enable`). */
  isDenied(action: string): boolean;
}

/** The organization-wide state of the caller's organization in its region, if it has one. */
export function organizationState(env: Inspector2Env): OrganizationState | undefined {
  return env.organization === undefined ? undefined : env.store.organization(env.organization.organizationId, env.region);
}

/** True when the caller's account is its organization's Inspector delegated administrator. */
export function isDelegatedAdmin(env: Inspector2Env): boolean {
  return organizationState(env)?.delegatedAdmin?.accountId === env.accountId;
}

/**
 * True when the caller may act on `accountId`'s Inspector state: its own account, or an associated
 * member when the caller is the delegated administrator.
 */
export function administers(env: Inspector2Env, accountId: string): boolean {
  if (accountId === env.accountId) return true;
  const org = organizationState(env);
  return org !== undefined && org.delegatedAdmin?.accountId === env.accountId && org.members.has(accountId);
}
