/**
 * Account activation and what comes with it: Enable, Disable and BatchGetAccountStatus per scan type
 * and account (own account, or associated members for the delegated administrator; others fail with
 * ACCESS_DENIED in failedAccounts), free-trial information, usage totals and account permissions.
 */
import { SCAN_TYPES, type ScanKind } from "../estate/finding-catalogue.js";
import { administers, organizationState, type Inspector2Env } from "../env.js";
import { epochSeconds } from "../ids.js";
import { accountStatus, disable, enable, enabledSince, RESOURCE_KEYS, resourceStatus, switchStatus } from "../scanning.js";
import { listPage } from "../pagination.js";
import { type Handler, handler, type Paging } from "./handler.js";

const DENIED_MESSAGE = "The caller is neither this account nor the Amazon Inspector delegated administrator of an associated member.";

/** The accounts a batch call asks about: the given ones, or the caller's own. */
const accountsOf = (ids: readonly string[] | null | undefined, env: Inspector2Env): string[] => [...new Set(ids && ids.length > 0 ? ids : [env.accountId])];

/** Applies `change` to every administered account and answers as Enable and Disable do. */
function switchAccounts(env: Inspector2Env, ids: readonly string[] | null | undefined, change: (state: ReturnType<typeof env.store.partition>) => void) {
  const accounts: Record<string, unknown>[] = [];
  const failedAccounts: Record<string, unknown>[] = [];
  for (const accountId of accountsOf(ids, env)) {
    if (!administers(env, accountId)) {
      failedAccounts.push({ accountId, errorCode: "ACCESS_DENIED", errorMessage: DENIED_MESSAGE });
      continue;
    }
    const state = env.store.partition(accountId, env.region, env.now);
    change(state);
    const t = env.timing.transitionMs;
    accounts.push({ accountId, status: accountStatus(state, env.now, t), resourceStatus: resourceStatus(state, env.now, t) });
  }
  return { accounts, ...(failedAccounts.length > 0 ? { failedAccounts } : {}) };
}

/** Free-trial length: 15 days per scan type (Inspector user guide, "Amazon Inspector free trial"). */
const FREE_TRIAL_MS = 15 * 24 * 3600 * 1000;

/** Usage type and illustrative monthly price of each scan type (not AWS's price list). */
const USAGE: Readonly<Record<ScanKind, { type: string; monthly: number; unitsOf: (env: Inspector2Env, accountId: string) => number; hourly: boolean }>> = {
  EC2: { type: "EC2_INSTANCE_HOURS", monthly: 1.258, unitsOf: (env, a) => env.store.partition(a, env.region, env.now).estate.instances.length, hourly: true },
  ECR: { type: "ECR_INITIAL_SCAN", monthly: 0.09, unitsOf: (env, a) => env.store.partition(a, env.region, env.now).estate.images.length, hourly: false },
  LAMBDA: { type: "LAMBDA_FUNCTION_HOURS", monthly: 0.3, unitsOf: (env, a) => env.store.partition(a, env.region, env.now).estate.functions.length, hourly: true },
  LAMBDA_CODE: { type: "LAMBDA_FUNCTION_CODE_HOURS", monthly: 0.6, unitsOf: (env, a) => env.store.partition(a, env.region, env.now).estate.functions.length, hourly: true },
  CODE_REPOSITORY: { type: "CODE_REPOSITORY_SAST", monthly: 2.5, unitsOf: () => 1, hourly: false },
};

/** Account handlers by operation name. */
export const accountHandlers: Record<string, Handler> = {
  Enable: handler<{ accountIds?: string[] | null; resourceTypes: ScanKind[] }>((input, env) =>
    switchAccounts(env, input.accountIds, (state) => input.resourceTypes.forEach((t) => enable(state, t, env.now))),
  ),

  Disable: handler<{ accountIds?: string[] | null; resourceTypes?: ScanKind[] | null }>((input, env) => {
    // An empty or absent list disables every scan type.
    const types = input.resourceTypes && input.resourceTypes.length > 0 ? input.resourceTypes : [...SCAN_TYPES];
    return switchAccounts(env, input.accountIds, (state) => types.forEach((t) => disable(state, t, env.now)));
  }),

  BatchGetAccountStatus: handler<{ accountIds?: string[] | null }>((input, env) => {
    const accounts: Record<string, unknown>[] = [];
    const failedAccounts: Record<string, unknown>[] = [];
    const t = env.timing.transitionMs;
    for (const accountId of accountsOf(input.accountIds, env)) {
      if (!administers(env, accountId)) {
        failedAccounts.push({ accountId, errorCode: "ACCESS_DENIED", errorMessage: DENIED_MESSAGE });
        continue;
      }
      const state = env.store.partition(accountId, env.region, env.now);
      // State carries errorCode/errorMessage only when there is an error (none in the emulator).
      const resourceState = Object.fromEntries(SCAN_TYPES.map((type) => [RESOURCE_KEYS[type], { status: switchStatus(state.scanning[type], env.now, t) }]));
      accounts.push({ accountId, state: { status: accountStatus(state, env.now, t) }, resourceState });
    }
    return { accounts, ...(failedAccounts.length > 0 ? { failedAccounts } : {}) };
  }),

  BatchGetFreeTrialInfo: handler<{ accountIds: string[] }>((input, env) => {
    const accounts: Record<string, unknown>[] = [];
    const failedAccounts: Record<string, unknown>[] = [];
    for (const accountId of new Set(input.accountIds)) {
      if (!/^\d{12}$/.test(accountId) || !administers(env, accountId)) {
        failedAccounts.push({ accountId, code: "ACCESS_DENIED", message: DENIED_MESSAGE });
        continue;
      }
      const state = env.store.partition(accountId, env.region, env.now);
      const freeTrialInfo = SCAN_TYPES.map((type) => {
        const start = state.scanning[type].firstEnabledAt ?? state.createdAt;
        const end = new Date(start.getTime() + FREE_TRIAL_MS);
        return { type, start: epochSeconds(start), end: epochSeconds(end), status: env.now < end ? "ACTIVE" : "INACTIVE", cloudProvider: "AWS" };
      });
      accounts.push({ accountId, freeTrialInfo });
    }
    return { accounts, failedAccounts };
  }),

  ListUsageTotals: handler<Paging & { accountIds?: string[] | null }>((input, env) => {
    const org = organizationState(env);
    const defaults = [env.accountId, ...(org?.delegatedAdmin?.accountId === env.accountId ? org.members.keys() : [])];
    const ids = (input.accountIds && input.accountIds.length > 0 ? input.accountIds : defaults).filter((a) => /^\d{12}$/.test(a) && administers(env, a));
    const totals = [...new Set(ids)].map((accountId) => {
      const state = env.store.partition(accountId, env.region, env.now);
      const usage = SCAN_TYPES.flatMap((type) => {
        const since = enabledSince(state, type, env.now, env.timing.transitionMs);
        if (since === undefined) return [];
        const u = USAGE[type];
        const units = u.unitsOf(env, accountId);
        const hours = (env.now.getTime() - since.getTime()) / 3_600_000;
        return [{ type: u.type, total: u.hourly ? units * hours : units, estimatedMonthlyCost: units * u.monthly, currency: "USD", cloudProvider: "AWS" }];
      });
      return { accountId, usage };
    });
    return listPage("ListUsageTotals", "totals", totals, input);
  }),

  ListAccountPermissions: handler<Paging & { service?: "EC2" | "ECR" | "LAMBDA" | null }>((input, env) => {
    const services = input.service ? [input.service] : (["EC2", "ECR", "LAMBDA"] as const);
    // A permission is listed when the account directory does not deny the IAM action behind it.
    const permissions = services.flatMap((service) => [
      ...(env.isDenied("inspector2:Enable") ? [] : [{ service, operation: "ENABLE_SCANNING" }]),
      ...(env.isDenied("inspector2:Disable") ? [] : [{ service, operation: "DISABLE_SCANNING" }]),
      ...(service === "ECR" && !env.isDenied("ecr:PutRegistryScanningConfiguration")
        ? [
            { service, operation: "ENABLE_REPOSITORY" },
            { service, operation: "DISABLE_REPOSITORY" },
          ]
        : []),
    ]);
    return listPage("ListAccountPermissions", "permissions", permissions, input);
  }),
};
