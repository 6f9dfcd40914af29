/**
 * Code security scan configurations, their associations with projects, and on-demand code scans.
 * The one project is the simulated estate's code repository; other project ids are unknown
 * (RESOURCE_NOT_FOUND in batch results, ResourceNotFoundException otherwise). A scan runs
 * IN_PROGRESS for `scanMs`, then is SUCCESSFUL; a second scan of a project while one runs is a
 * ConflictException. Only the delegated administrator may create ORGANIZATION-level configurations.
 */
import { codeSecurityScanConfigurationArn } from "../../../model/inspector2-arn.js";
import { isDelegatedAdmin, type Inspector2Env } from "../env.js";
import { accessDenied, conflict, notFound, quotaExceeded } from "../errors.js";
import { epochSeconds, newUuid } from "../ids.js";
import { listPage } from "../pagination.js";
import type { CodeScanRecord, ScanConfigRecord } from "../state.js";
import { checkTags, forgetResource, tagNew, tagsOf } from "../tags.js";
import { type Handler, handler, type Paging, present } from "./handler.js";

type Resource = { projectId: string };
type Association = { scanConfigurationArn: string; resource: Resource };

function configOf(env: Inspector2Env, arn: string): ScanConfigRecord {
  const c = env.state.scanConfigs.get(arn);
  if (c === undefined) throw notFound(`The code security scan configuration '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return c;
}

const isKnownProject = (env: Inspector2Env, projectId: string): boolean => env.state.estate.repository.projectId === projectId;

function projectOf(env: Inspector2Env, resource: Resource): string {
  if (!isKnownProject(env, resource.projectId)) throw notFound(`The project '${resource.projectId}' is not a repository of any code security integration in this account.`);
  return resource.projectId;
}

const scanStatus = (s: CodeScanRecord, now: Date): "IN_PROGRESS" | "SUCCESSFUL" => (now < s.completesAt ? "IN_PROGRESS" : "SUCCESSFUL");

/** Runs a batch of (dis)associations: each item succeeds or fails with its status code. */
function associations(env: Inspector2Env, requests: readonly Association[], change: (c: ScanConfigRecord, projectId: string) => boolean) {
  const successfulAssociations: Association[] = [];
  const failedAssociations: Record<string, unknown>[] = [];
  for (const r of requests) {
    const c = env.state.scanConfigs.get(r.scanConfigurationArn);
    const fail = (statusCode: string, statusMessage: string) => failedAssociations.push({ scanConfigurationArn: r.scanConfigurationArn, resource: { ...r.resource }, statusCode, statusMessage });
    if (c === undefined) fail("SCAN_CONFIGURATION_NOT_FOUND", "No such scan configuration in this account and Region.");
    else if (!isKnownProject(env, r.resource.projectId)) fail("RESOURCE_NOT_FOUND", "No such project in this account.");
    else if (!change(c, r.resource.projectId)) fail("RESOURCE_NOT_FOUND", "The project is not associated with this scan configuration.");
    else successfulAssociations.push({ scanConfigurationArn: r.scanConfigurationArn, resource: { ...r.resource } });
  }
  return { failedAssociations, successfulAssociations };
}

type Configuration = { periodicScanConfiguration?: { frequency?: string; frequencyExpression?: string } | null; continuousIntegrationScanConfiguration?: { supportedEvents: string[] } | null; ruleSetCategories: string[] };

/** Code scan handlers by operation name. */
export const codeScanHandlers: Record<string, Handler> = {
  CreateCodeSecurityScanConfiguration: handler<{ name: string; level: ScanConfigRecord["level"]; configuration: Configuration; scopeSettings?: Record<string, unknown> | null; tags?: Record<string, string> | null }>(
    (input, env) => {
      if (input.level === "ORGANIZATION" && !isDelegatedAdmin(env)) throw accessDenied("Only the Amazon Inspector delegated administrator can create ORGANIZATION-level scan configurations.");
      const same = [...env.state.scanConfigs.values()].find((c) => c.name === input.name);
      if (same !== undefined) throw conflict(`A scan configuration named '${input.name}' already exists.`, same.arn, "CODE_SECURITY_SCAN_CONFIGURATION");
      if (input.tags) checkTags(env, input.tags);
      if (env.state.scanConfigs.size >= env.limits.codeSecurityScanConfigurations) throw quotaExceeded(`At most ${env.limits.codeSecurityScanConfigurations} code security scan configurations per account and Region.`, input.name);
      const arn = codeSecurityScanConfigurationArn(env.region, env.accountId, newUuid());
      env.state.scanConfigs.set(arn, {
        arn,
        name: input.name,
        level: input.level,
        configuration: structuredClone(input.configuration),
        ...(input.scopeSettings != null ? { scopeSettings: structuredClone(input.scopeSettings) } : {}),
        createdAt: env.now,
        lastUpdatedAt: env.now,
        projects: new Set(),
      });
      tagNew(env, arn, input.tags);
      return { scanConfigurationArn: arn };
    },
  ),

  GetCodeSecurityScanConfiguration: handler<{ scanConfigurationArn: string }>((input, env) => {
    const c = configOf(env, input.scanConfigurationArn);
    return present({
      scanConfigurationArn: c.arn,
      name: c.name,
      configuration: structuredClone(c.configuration),
      level: c.level,
      scopeSettings: c.scopeSettings ? structuredClone(c.scopeSettings) : undefined,
      createdAt: epochSeconds(c.createdAt),
      lastUpdatedAt: epochSeconds(c.lastUpdatedAt),
      tags: tagsOf(env, c.arn),
    });
  }),

  UpdateCodeSecurityScanConfiguration: handler<{ scanConfigurationArn: string; configuration: Configuration }>((input, env) => {
    const c = configOf(env, input.scanConfigurationArn);
    c.configuration = structuredClone(input.configuration);
    c.lastUpdatedAt = env.now;
    return { scanConfigurationArn: c.arn };
  }),

  DeleteCodeSecurityScanConfiguration: handler<{ scanConfigurationArn: string }>((input, env) => {
    configOf(env, input.scanConfigurationArn);
    forgetResource(env, env.state.scanConfigs, input.scanConfigurationArn);
    return { scanConfigurationArn: input.scanConfigurationArn };
  }),

  ListCodeSecurityScanConfigurations: handler<Paging>((input, env) => {
    const summaries = [...env.state.scanConfigs.values()].map((c) => {
      const conf = c.configuration as Configuration;
      return present({
        scanConfigurationArn: c.arn,
        name: c.name,
        ownerAccountId: env.accountId,
        periodicScanFrequency: conf.periodicScanConfiguration?.frequency,
        frequencyExpression: conf.periodicScanConfiguration?.frequencyExpression,
        continuousIntegrationScanSupportedEvents: conf.continuousIntegrationScanConfiguration?.supportedEvents,
        ruleSetCategories: [...conf.ruleSetCategories],
        scopeSettings: c.scopeSettings,
      });
    });
    return listPage("ListCodeSecurityScanConfigurations", "configurations", summaries, input);
  }),

  BatchAssociateCodeSecurityScanConfiguration: handler<{ associateConfigurationRequests: Association[] }>((input, env) =>
    associations(env, input.associateConfigurationRequests, (c, p) => (c.projects.add(p), true)),
  ),

  BatchDisassociateCodeSecurityScanConfiguration: handler<{ disassociateConfigurationRequests: Association[] }>((input, env) =>
    associations(env, input.disassociateConfigurationRequests, (c, p) => c.projects.delete(p)),
  ),

  ListCodeSecurityScanConfigurationAssociations: handler<Paging & { scanConfigurationArn: string }>((input, env) => {
    const c = configOf(env, input.scanConfigurationArn);
    return listPage("ListCodeSecurityScanConfigurationAssociations", "associations", [...c.projects].map((projectId) => ({ resource: { projectId } })), input);
  }),

  StartCodeSecurityScan: handler<{ clientToken?: string | null; resource: Resource }>((input, env) => {
    const projectId = projectOf(env, input.resource);
    const scans = [...env.state.codeScans.values()];
    // The same client token starts no second scan.
    const again = input.clientToken != null ? scans.find((s) => s.clientToken === input.clientToken) : undefined;
    if (again !== undefined) return { scanId: again.scanId, status: scanStatus(again, env.now) };
    const running = scans.find((s) => s.projectId === projectId && scanStatus(s, env.now) === "IN_PROGRESS");
    if (running !== undefined) throw conflict(`A scan of ${projectId} is already in progress.`, running.scanId, "CODE_SECURITY_SCAN");
    const scan: CodeScanRecord = { scanId: newUuid(), projectId, ...(input.clientToken != null ? { clientToken: input.clientToken } : {}), createdAt: env.now, completesAt: new Date(env.now.getTime() + env.timing.scanMs) };
    env.state.codeScans.set(scan.scanId, scan);
    return { scanId: scan.scanId, status: "IN_PROGRESS" };
  }),

  GetCodeSecurityScan: handler<{ resource: Resource; scanId: string }>((input, env) => {
    const scan = env.state.codeScans.get(input.scanId);
    if (scan === undefined || scan.projectId !== input.resource.projectId) throw notFound(`No code scan ${input.scanId} of project ${input.resource.projectId} exists.`);
    const status = scanStatus(scan, env.now);
    return {
      scanId: scan.scanId,
      resource: { projectId: scan.projectId },
      accountId: env.accountId,
      status,
      createdAt: epochSeconds(scan.createdAt),
      updatedAt: epochSeconds(status === "IN_PROGRESS" ? scan.createdAt : scan.completesAt),
      ...(status === "SUCCESSFUL" ? { lastCommitId: env.state.estate.repository.lastCommitId } : {}),
    };
  }),
};
