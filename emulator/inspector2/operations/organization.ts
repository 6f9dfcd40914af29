/**
 * The organization operations, over the organization of the account directory: the management
 * account designates (and removes) the Inspector delegated administrator, which may be any account
 * of the organization; the delegated administrator associates members, lists them, and sets the
 * organization configuration (auto-enable, applied to members when they are associated). Callers
 * outside these roles get AccessDeniedException. UNVERIFIED: AWS's exact errors for a caller in the
 * wrong role, and whether the management account may be its own delegated administrator (allowed here).
 */
import { SCAN_TYPES } from "../estate/finding-catalogue.js";
import { organizationState, type Inspector2Env } from "../env.js";
import { accessDenied, conflict, invalid, notFound } from "../errors.js";
import { epochSeconds } from "../ids.js";
import { listPage } from "../pagination.js";
import { enable, RESOURCE_KEYS } from "../scanning.js";
import type { OrganizationState } from "../state.js";
import { type Handler, handler, type Paging } from "./handler.js";

/** The caller's organization state; AccessDenied when its account is in none. */
function orgOf(env: Inspector2Env): OrganizationState {
  const org = organizationState(env);
  if (org === undefined) throw accessDenied(`Account ${env.accountId} is not part of an organization, so it has no Amazon Inspector delegated administrator.`);
  return org;
}

/** The organization state when the caller is its management account. */
function asManagement(env: Inspector2Env): OrganizationState {
  const org = orgOf(env);
  if (env.organization?.managementAccountId !== env.accountId) {
    throw accessDenied(`Only the management account of organization ${org.organizationId} can manage its Amazon Inspector delegated administrator.`);
  }
  return org;
}

/** The organization state when the caller is its delegated administrator. */
function asAdmin(env: Inspector2Env): OrganizationState {
  const org = orgOf(env);
  if (org.delegatedAdmin?.accountId !== env.accountId) {
    throw accessDenied(`Account ${env.accountId} is not the Amazon Inspector delegated administrator of organization ${org.organizationId}.`);
  }
  return org;
}

/** Every account of the caller's organization, management account first. */
const organizationAccounts = (env: Inspector2Env): string[] =>
  env.organization === undefined ? [] : [env.organization.managementAccountId, ...env.organization.memberAccountIds];

/** The Member shape of `accountId`. */
function memberWire(org: OrganizationState, accountId: string, now: Date): Record<string, unknown> {
  const associatedAt = org.members.get(accountId);
  return {
    accountId,
    relationshipStatus: associatedAt !== undefined ? "ENABLED" : "CREATED",
    ...(org.delegatedAdmin ? { delegatedAdminAccountId: org.delegatedAdmin.accountId } : {}),
    updatedAt: epochSeconds(associatedAt ?? org.delegatedAdmin?.since ?? now),
  };
}

/** The member accounts the administrator can associate: the organization without itself. */
function memberCandidate(env: Inspector2Env, org: OrganizationState, accountId: string): void {
  if (accountId === org.delegatedAdmin?.accountId || !organizationAccounts(env).includes(accountId)) {
    throw invalid(`Account ${accountId} is not a member account of organization ${org.organizationId}.`, "accountId");
  }
}

/** Organization handlers by operation name. */
export const organizationHandlers: Record<string, Handler> = {
  EnableDelegatedAdminAccount: handler<{ delegatedAdminAccountId: string }>((input, env) => {
    const org = asManagement(env);
    const id = input.delegatedAdminAccountId;
    if (!organizationAccounts(env).includes(id)) throw invalid(`Account ${id} is not in organization ${org.organizationId}.`, "delegatedAdminAccountId");
    if (org.delegatedAdmin !== undefined && org.delegatedAdmin.accountId !== id) {
      throw conflict(`Account ${org.delegatedAdmin.accountId} is already the delegated administrator; disable it first.`, org.delegatedAdmin.accountId, "DELEGATED_ADMIN");
    }
    org.delegatedAdmin ??= { accountId: id, since: env.now };
    return { delegatedAdminAccountId: id };
  }),

  DisableDelegatedAdminAccount: handler<{ delegatedAdminAccountId: string }>((input, env) => {
    const org = asManagement(env);
    if (org.delegatedAdmin?.accountId !== input.delegatedAdminAccountId) {
      throw notFound(`Account ${input.delegatedAdminAccountId} is not the delegated administrator of organization ${org.organizationId}.`);
    }
    // Removing the administrator ends its member associations.
    org.delegatedAdmin = undefined;
    org.members.clear();
    return { delegatedAdminAccountId: input.delegatedAdminAccountId };
  }),

  GetDelegatedAdminAccount: handler<Record<string, never>>((_, env) => {
    const org = orgOf(env);
    if (env.organization?.managementAccountId !== env.accountId && org.delegatedAdmin?.accountId !== env.accountId) {
      throw accessDenied(`Only the management account or the delegated administrator of organization ${org.organizationId} can read its delegated administrator.`);
    }
    return org.delegatedAdmin ? { delegatedAdmin: { accountId: org.delegatedAdmin.accountId, relationshipStatus: "ENABLED" } } : {};
  }),

  ListDelegatedAdminAccounts: handler<Paging>((input, env) => {
    const org = asManagement(env);
    const admins = org.delegatedAdmin ? [{ accountId: org.delegatedAdmin.accountId, status: "ENABLED" }] : [];
    return listPage("ListDelegatedAdminAccounts", "delegatedAdminAccounts", admins, input);
  }),

  AssociateMember: handler<{ accountId: string }>((input, env) => {
    const org = asAdmin(env);
    memberCandidate(env, org, input.accountId);
    if (!org.members.has(input.accountId)) {
      org.members.set(input.accountId, env.now);
      // The organization configuration's auto-enable applies to newly associated members.
      const state = env.store.partition(input.accountId, env.region, env.now);
      for (const type of SCAN_TYPES) if ((org.autoEnable as Record<string, boolean>)[RESOURCE_KEYS[type]]) enable(state, type, env.now);
    }
    return { accountId: input.accountId };
  }),

  DisassociateMember: handler<{ accountId: string }>((input, env) => {
    const org = asAdmin(env);
    if (!org.members.delete(input.accountId)) throw invalid(`Account ${input.accountId} is not an associated member.`, "accountId");
    return { accountId: input.accountId };
  }),

  GetMember: handler<{ accountId: string }>((input, env) => {
    const org = asAdmin(env);
    if (!organizationAccounts(env).includes(input.accountId)) throw notFound(`Account ${input.accountId} is not in organization ${org.organizationId}.`);
    return { member: memberWire(org, input.accountId, env.now) };
  }),

  ListMembers: handler<Paging & { onlyAssociated?: boolean | null }>((input, env) => {
    const org = asAdmin(env);
    // onlyAssociated defaults to true (emulator choice; the model gives no default).
    const onlyAssociated = input.onlyAssociated ?? true;
    const members = organizationAccounts(env)
      .filter((a) => a !== env.accountId && (!onlyAssociated || org.members.has(a)))
      .map((a) => memberWire(org, a, env.now));
    return listPage("ListMembers", "members", members, input);
  }),

  DescribeOrganizationConfiguration: handler<Record<string, never>>((_, env) => {
    const org = asAdmin(env);
    return { autoEnable: { ...org.autoEnable }, maxAccountLimitReached: false };
  }),

  UpdateOrganizationConfiguration: handler<{ autoEnable: OrganizationState["autoEnable"] }>((input, env) => {
    const org = asAdmin(env);
    const a = input.autoEnable;
    org.autoEnable = { ec2: a.ec2, ecr: a.ecr, lambda: a.lambda ?? false, lambdaCode: a.lambdaCode ?? false, codeRepository: a.codeRepository ?? false };
    return { autoEnable: { ...org.autoEnable } };
  }),
};
