/**
 * The results of CIS scans: which instances a configuration targets, and each (instance, check)
 * result once the scan has completed (`scanMs` after it started). A scan targets the instances of
 * its target accounts (SELF: the caller; ALL_ACCOUNTS: the caller and, for the delegated
 * administrator, its associated members; listed ids the caller administers) that carry one of the
 * target resource tags.
 */
import { cisFindingArn } from "../../model/inspector2-arn.js";
import { checkResult, checksAt, type CisCheck } from "./estate/cis-checks.js";
import type { SimInstance } from "./estate/resources.js";
import { administers, organizationState, type Inspector2Env } from "./env.js";
import { seededUuid } from "./ids.js";
import type { CisScanRecord } from "./state.js";

/** One evaluated check on one instance. */
export interface CisResult {
  accountId: string;
  instance: SimInstance;
  check: CisCheck;
  status: "PASSED" | "FAILED";
  findingArn: string;
}

/** The account ids of target accounts: SELF and ALL_ACCOUNTS resolved for the caller, in order, once each. */
export function resolveTargetAccounts(env: Inspector2Env, accountIds: readonly string[]): string[] {
  const org = organizationState(env);
  const members = org?.delegatedAdmin?.accountId === env.accountId ? [...org.members.keys()] : [];
  const accounts = new Set<string>();
  for (const a of accountIds) {
    if (a === "SELF") accounts.add(env.accountId);
    else if (a === "ALL_ACCOUNTS") [env.accountId, ...members].forEach((m) => accounts.add(m));
    else accounts.add(a);
  }
  return [...accounts];
}

/** The instances `targets` select, for the caller (in the accounts it administers). */
export function targetedInstances(env: Inspector2Env, targets: { accountIds: readonly string[]; targetResourceTags: Record<string, readonly string[]> }): { accountId: string; instanceId: string }[] {
  const accounts = resolveTargetAccounts(env, targets.accountIds).filter((a) => administers(env, a));
  const tagged = (i: SimInstance) => Object.entries(targets.targetResourceTags).some(([k, values]) => i.tags[k] !== undefined && values.includes(i.tags[k]!));
  return accounts.flatMap((accountId) =>
    env.store.partition(accountId, env.region, env.now).estate.instances.filter(tagged).map((i) => ({ accountId, instanceId: i.instanceId })),
  );
}

/** IN_PROGRESS until the scan completes, then COMPLETED. */
export const scanStatus = (scan: CisScanRecord, now: Date): "IN_PROGRESS" | "COMPLETED" => (now < scan.completesAt ? "IN_PROGRESS" : "COMPLETED");

/** The results of a completed scan (none while it runs). */
export function scanResults(env: Inspector2Env, scan: CisScanRecord): CisResult[] {
  if (scanStatus(scan, env.now) !== "COMPLETED") return [];
  return scan.instances.flatMap(({ accountId, instanceId }) => {
    const instance = env.store.partition(accountId, env.region, env.now).estate.instances.find((i) => i.instanceId === instanceId);
    if (instance === undefined) return [];
    return checksAt(scan.securityLevel).map((check) => ({
      accountId,
      instance,
      check,
      status: checkResult(instanceId, check),
      findingArn: cisFindingArn(env.region, accountId, seededUuid(`${scan.arn}/${instanceId}/${check.checkId}`)),
    }));
  });
}

/** `{failed, skipped, passed}` of some results. */
export function statusCounts(results: readonly CisResult[]): { failed: number; skipped: number; passed: number } {
  return { failed: results.filter((r) => r.status === "FAILED").length, skipped: 0, passed: results.filter((r) => r.status === "PASSED").length };
}

/** `items` ordered by `key` (ties by `tie`), descending when `order` is DESC. */
export function orderBy<T>(items: readonly T[], key: (item: T) => string | number, tie: (item: T) => string, order: string | null | undefined): T[] {
  const sign = order === "DESC" ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0;
  });
}
