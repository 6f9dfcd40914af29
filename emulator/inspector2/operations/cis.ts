/**
 * CIS scan configurations (create, update, delete, list), their scans, results and reports. Each
 * configuration runs one scan when it is created, whatever its schedule (the emulator does not wait
 * for schedules): IN_PROGRESS, then COMPLETED after `scanMs`, over the instances its targets select
 * (cis-results.ts). Reports are a URL that names no real object.
 */
import { cisScanArn, cisScanConfigurationArn } from "../../../model/inspector2-arn.js";
import { orderBy, resolveTargetAccounts, scanResults, scanStatus, statusCounts, targetedInstances, type CisResult } from "../cis-results.js";
import { matchesCriteria, type Facets } from "../criteria.js";
import type { Inspector2Env } from "../env.js";
import { notFound, quotaExceeded } from "../errors.js";
import { epochSeconds, newHex, newUuid } from "../ids.js";
import { listPage } from "../pagination.js";
import type { CisConfigRecord, CisScanRecord } from "../state.js";
import { checkTags, forgetResource, tagNew, tagsOf } from "../tags.js";
import { type Handler, handler, type Paging, present } from "./handler.js";

type Criteria = Record<string, unknown> | null | undefined;
type Sorted = Paging & { filterCriteria?: Criteria; sortBy?: string | null; sortOrder?: string | null };
type Targets = CisConfigRecord["targets"];

/** CisTargets as the outputs carry them: SELF and ALL_ACCOUNTS resolved to account ids (the output list holds AccountIds). */
const targetsWire = (env: Inspector2Env, t: Targets) => ({ accountIds: resolveTargetAccounts(env, t.accountIds), targetResourceTags: structuredClone(t.targetResourceTags) });

function configOf(env: Inspector2Env, arn: string): CisConfigRecord {
  const c = env.state.cisConfigs.get(arn);
  if (c === undefined) throw notFound(`The CIS scan configuration '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return c;
}

function scanOf(env: Inspector2Env, arn: string): CisScanRecord | undefined {
  return env.state.cisScans.get(arn);
}

function configWire(env: Inspector2Env, c: CisConfigRecord): Record<string, unknown> {
  return present({ scanConfigurationArn: c.arn, ownerId: env.accountId, scanName: c.scanName, securityLevel: c.securityLevel, schedule: structuredClone(c.schedule), targets: targetsWire(env, c.targets), tags: tagsOf(env, c.arn) });
}

function scanWire(env: Inspector2Env, s: CisScanRecord): Record<string, unknown> {
  const results = scanResults(env, s);
  return {
    scanArn: s.arn,
    scanConfigurationArn: s.configArn,
    status: scanStatus(s, env.now),
    scanName: s.scanName,
    scanDate: epochSeconds(s.startedAt),
    failedChecks: statusCounts(results).failed,
    totalChecks: results.length,
    targets: targetsWire(env, s.targets),
    scheduledBy: s.scheduledBy,
    securityLevel: s.securityLevel,
  };
}

function scanFacets(env: Inspector2Env, s: CisScanRecord): Facets {
  const w = scanWire(env, s);
  return {
    scanNameFilters: [s.scanName],
    targetResourceTagFilters: structuredClone(s.targets.targetResourceTags),
    targetResourceIdFilters: s.instances.map((i) => i.instanceId),
    scanStatusFilters: [String(w["status"])],
    scanAtFilters: [epochSeconds(s.startedAt)],
    scanConfigurationArnFilters: [s.configArn],
    scanArnFilters: [s.arn],
    scheduledByFilters: [s.scheduledBy],
    failedChecksFilters: [Number(w["failedChecks"])],
    targetAccountIdFilters: [...new Set(s.instances.map((i) => i.accountId))],
  };
}

/** One page of an optional list member: absent when empty (the model's result lists hold at least one item). */
function optionalPage<T>(operation: string, member: string, items: readonly T[], input: Paging): Record<string, unknown> {
  return items.length === 0 ? {} : listPage(operation, member, items, input);
}

const resultFacets = (r: CisResult): Facets => ({
  findingStatusFilters: [r.status],
  checkIdFilters: [r.check.checkId],
  titleFilters: [r.check.title],
  securityLevelFilters: [r.check.level],
  findingArnFilters: [r.findingArn],
  accountIdFilters: [r.accountId],
  platformFilters: [r.instance.platform],
  statusFilters: [r.status],
  targetResourceIdFilters: [r.instance.instanceId],
});

function startScan(env: Inspector2Env, c: CisConfigRecord): void {
  const arn = cisScanArn(env.region, env.accountId, newUuid());
  env.state.cisScans.set(arn, {
    arn,
    configArn: c.arn,
    scanName: c.scanName,
    securityLevel: c.securityLevel,
    targets: structuredClone(c.targets),
    scheduledBy: env.accountId,
    startedAt: env.now,
    completesAt: new Date(env.now.getTime() + env.timing.scanMs),
    instances: targetedInstances(env, c.targets),
  });
}

/** CIS handlers by operation name. */
export const cisHandlers: Record<string, Handler> = {
  CreateCisScanConfiguration: handler<{ scanName: string; securityLevel: CisConfigRecord["securityLevel"]; schedule: Record<string, unknown>; targets: Targets; tags?: Record<string, string> | null }>(
    (input, env) => {
      if (input.tags) checkTags(env, input.tags);
      if (env.state.cisConfigs.size >= env.limits.cisScanConfigurations) throw quotaExceeded(`At most ${env.limits.cisScanConfigurations} CIS scan configurations per account and Region.`, input.scanName);
      const arn = cisScanConfigurationArn(env.region, env.accountId, newHex(16));
      const config: CisConfigRecord = { arn, scanName: input.scanName, securityLevel: input.securityLevel, schedule: structuredClone(input.schedule), targets: { accountIds: [...input.targets.accountIds], targetResourceTags: structuredClone(input.targets.targetResourceTags) }, createdAt: env.now };
      env.state.cisConfigs.set(arn, config);
      tagNew(env, arn, input.tags);
      startScan(env, config);
      return { scanConfigurationArn: arn };
    },
  ),

  UpdateCisScanConfiguration: handler<{ scanConfigurationArn: string; scanName?: string | null; securityLevel?: CisConfigRecord["securityLevel"] | null; schedule?: Record<string, unknown> | null; targets?: Partial<Targets> | null }>(
    (input, env) => {
      const c = configOf(env, input.scanConfigurationArn);
      if (input.scanName != null) c.scanName = input.scanName;
      if (input.securityLevel != null) c.securityLevel = input.securityLevel;
      if (input.schedule != null) c.schedule = structuredClone(input.schedule);
      if (input.targets != null) c.targets = { accountIds: [...(input.targets.accountIds ?? c.targets.accountIds)], targetResourceTags: structuredClone(input.targets.targetResourceTags ?? c.targets.targetResourceTags) };
      return { scanConfigurationArn: c.arn };
    },
  ),

  DeleteCisScanConfiguration: handler<{ scanConfigurationArn: string }>((input, env) => {
    configOf(env, input.scanConfigurationArn);
    forgetResource(env, env.state.cisConfigs, input.scanConfigurationArn);
    return { scanConfigurationArn: input.scanConfigurationArn };
  }),

  ListCisScanConfigurations: handler<Sorted>((input, env) => {
    const found = [...env.state.cisConfigs.values()].filter((c) =>
      matchesCriteria("ListCisScanConfigurationsFilterCriteria", input.filterCriteria, { scanNameFilters: [c.scanName], scanConfigurationArnFilters: [c.arn], targetResourceTagFilters: c.targets.targetResourceTags }),
    );
    const sorted = orderBy(found, (c) => (input.sortBy === "SCAN_CONFIGURATION_ARN" ? c.arn : c.scanName), (c) => c.arn, input.sortOrder);
    return listPage("ListCisScanConfigurations", "scanConfigurations", sorted.map((c) => configWire(env, c)), input);
  }),

  ListCisScans: handler<Sorted & { detailLevel?: string | null }>((input, env) => {
    const found = [...env.state.cisScans.values()].filter((s) => matchesCriteria("ListCisScansFilterCriteria", input.filterCriteria, scanFacets(env, s)));
    const keyOf = (s: CisScanRecord): string | number => {
      const w = scanWire(env, s);
      if (input.sortBy === "STATUS") return String(w["status"]);
      if (input.sortBy === "SCHEDULED_BY") return s.scheduledBy;
      if (input.sortBy === "FAILED_CHECKS") return Number(w["failedChecks"]);
      return s.startedAt.getTime();
    };
    return listPage("ListCisScans", "scans", orderBy(found, keyOf, (s) => s.arn, input.sortOrder).map((s) => scanWire(env, s)), input);
  }),

  GetCisScanReport: handler<{ scanArn: string; targetAccounts?: string[] | null; reportFormat?: string | null }>((input, env) => {
    const scan = scanOf(env, input.scanArn);
    if (scan === undefined) throw notFound(`The CIS scan '${input.scanArn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
    if (scanStatus(scan, env.now) === "IN_PROGRESS") return { status: "IN_PROGRESS" };
    const extension = (input.reportFormat ?? "PDF") === "CSV" ? "csv" : "pdf";
    const id = scan.arn.split("/").at(-1);
    return { url: `https://inspector2-cis-reports-${env.region}.s3.${env.region}.amazonaws.com/${env.accountId}/${id}.${extension}`, status: "SUCCEEDED" };
  }),

  GetCisScanResultDetails: handler<Sorted & { scanArn: string; targetResourceId: string; accountId: string }>((input, env) => {
    const scan = scanOf(env, input.scanArn);
    const results = (scan === undefined ? [] : scanResults(env, scan)).filter(
      (r) => r.instance.instanceId === input.targetResourceId && r.accountId === input.accountId && matchesCriteria("CisScanResultDetailsFilterCriteria", input.filterCriteria, resultFacets(r)),
    );
    const sorted = orderBy(results, (r) => (input.sortBy === "STATUS" ? r.status : r.check.checkId), (r) => r.check.checkId, input.sortOrder);
    const wire = sorted.map((r) => ({
      scanArn: input.scanArn,
      accountId: r.accountId,
      targetResourceId: r.instance.instanceId,
      platform: r.instance.platform,
      status: r.status,
      checkId: r.check.checkId,
      title: r.check.title,
      checkDescription: r.check.description,
      remediation: r.check.remediation,
      level: r.check.level,
      findingArn: r.findingArn,
    }));
    return optionalPage("GetCisScanResultDetails", "scanResultDetails", wire, input);
  }),

  ListCisScanResultsAggregatedByChecks: handler<Sorted & { scanArn: string }>((input, env) => {
    const scan = scanOf(env, input.scanArn);
    const groups = new Map<string, CisResult[]>();
    for (const r of scan === undefined ? [] : scanResults(env, scan)) groups.set(`${r.accountId} ${r.check.checkId}`, [...(groups.get(`${r.accountId} ${r.check.checkId}`) ?? []), r]);
    const aggregations = [...groups.values()]
      .map((g) => ({ g, counts: statusCounts(g), first: g[0]! }))
      .filter(({ g, counts }) => matchesCriteria("CisScanResultsAggregatedByChecksFilterCriteria", input.filterCriteria, { ...resultFacets(g[0]!), failedResourcesFilters: [counts.failed] }));
    const keyOf = ({ first, counts }: (typeof aggregations)[number]): string | number =>
      input.sortBy === "TITLE" ? first.check.title : input.sortBy === "PLATFORM" ? first.instance.platform : input.sortBy === "FAILED_COUNTS" ? counts.failed : input.sortBy === "SECURITY_LEVEL" ? first.check.level : first.check.checkId;
    const wire = orderBy(aggregations, keyOf, ({ first }) => `${first.check.checkId} ${first.accountId}`, input.sortOrder).map(({ first, counts }) => ({
      scanArn: input.scanArn,
      checkId: first.check.checkId,
      title: first.check.title,
      checkDescription: first.check.description,
      level: first.check.level,
      accountId: first.accountId,
      statusCounts: counts,
      platform: first.instance.platform,
    }));
    return optionalPage("ListCisScanResultsAggregatedByChecks", "checkAggregations", wire, input);
  }),

  ListCisScanResultsAggregatedByTargetResource: handler<Sorted & { scanArn: string }>((input, env) => {
    const scan = scanOf(env, input.scanArn);
    const groups = new Map<string, CisResult[]>();
    for (const r of scan === undefined ? [] : scanResults(env, scan)) groups.set(r.instance.instanceId, [...(groups.get(r.instance.instanceId) ?? []), r]);
    const aggregations = [...groups.values()]
      .map((g) => ({ g, counts: statusCounts(g), first: g[0]! }))
      .filter(({ g, counts, first }) =>
        matchesCriteria("CisScanResultsAggregatedByTargetResourceFilterCriteria", input.filterCriteria, {
          ...resultFacets(first),
          statusFilters: [...new Set(g.map((r) => r.status))],
          checkIdFilters: g.map((r) => r.check.checkId),
          targetResourceTagFilters: Object.fromEntries(Object.entries(first.instance.tags).map(([k, v]) => [k, [v]])),
          targetStatusFilters: ["COMPLETED"],
          targetStatusReasonFilters: [],
          failedChecksFilters: [counts.failed],
        }),
      );
    const keyOf = ({ first, counts }: (typeof aggregations)[number]): string | number =>
      input.sortBy === "FAILED_COUNTS" ? counts.failed : input.sortBy === "ACCOUNT_ID" ? first.accountId : input.sortBy === "PLATFORM" ? first.instance.platform : input.sortBy === "TARGET_STATUS" ? "COMPLETED" : first.instance.instanceId;
    const wire = orderBy(aggregations, keyOf, ({ first }) => first.instance.instanceId, input.sortOrder).map(({ first, counts }) => ({
      scanArn: input.scanArn,
      targetResourceId: first.instance.instanceId,
      accountId: first.accountId,
      targetResourceTags: Object.fromEntries(Object.entries(first.instance.tags).map(([k, v]) => [k, [v]])),
      statusCounts: counts,
      platform: first.instance.platform,
      targetStatus: "COMPLETED",
    }));
    return optionalPage("ListCisScanResultsAggregatedByTargetResource", "targetResourceAggregations", wire, input);
  }),
};
