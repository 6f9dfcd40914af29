/**
 * The Inspector v2 coverage sweep: a fixed, realistic session that calls each of the 81 operations
 * successfully, in an order where every call finds what it needs in earlier observed outputs
 * (delegated administrator and members, scanning enabled, findings and coverage, a filter with tags,
 * a findings report and an SBOM export, a CIS scan configuration whose one-time scan is waited for,
 * the CIS session of an instance agent, code-security integration, scan configuration and scan, a
 * connector, configuration and encryption keys, then the disables), and one deliberately failing
 * call per operation that input can make fail (inspector2-failing-input.ts).
 *
 * Waiting: enabling a scan type, a scan and a report take time on AWS (the user guide: scanning is
 * "Enabling" before "Enabled"; CIS scans and reports run asynchronously), so the sweep polls the
 * reads that say so (BatchGetAccountStatus, ListCisScans, GetCisScanReport) every pollIntervalMs until
 * completionTimeoutMs passes; it never assumes a clock. A value no earlier output provided is a
 * well-formed stand-in (the call is still made and recorded; it may then fail).
 */
import { createHash } from "node:crypto";
import type { CallOutcome } from "../../generators/executor.js";
import { cisScanArn, codeSecurityIntegrationArn, codeSecurityScanConfigurationArn, connectorArn, filterArn, findingArn } from "../../model/inspector2-arn.js";
import { INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import type { SweepCall, SweepSettings } from "../services/profile.js";
import { inspector2FailingInputFor } from "./inspector2-failing-input.js";

/**
 * The operations only an EC2 instance agent may call: the CIS session operations (the user guide's
 * CIS scans page: the SSM agent on the instance reports the session). The sweep makes them through
 * its `agent` call, an AssumedRole whose session name is an instance id (`i-…`).
 */
export const INSPECTOR2_AGENT_OPERATIONS: readonly string[] = Object.freeze(["SendCisSessionHealth", "SendCisSessionTelemetry", "StartCisSession", "StopCisSession"]);

type Json = Record<string, unknown>;

/** The value at `path` of a successful outcome's output, or undefined. */
function at(outcome: CallOutcome, ...path: (string | number)[]): unknown {
  let value: unknown = outcome.ok ? outcome.output : undefined;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}
const text = (value: unknown, fallback: string): string => (typeof value === "string" && value !== "" ? value : fallback);
const items = (outcome: CallOutcome, member: string): Json[] => {
  const value = at(outcome, member);
  return Array.isArray(value) ? value.filter((v): v is Json => v !== null && typeof v === "object") : [];
};

/** A UUID derived from `seed` (stable for a run's uniq, so a replay sends the same ids). */
export function stableUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Longest wait between two polls: AWS's scans and reports take minutes. */
const MAX_POLL_INTERVAL_MS = 30_000;
/** Polls made at pollIntervalMs before the wait starts to double. */
const STEADY_POLLS = 20;

/**
 * Calls `read` until `done` says so or the timeout passes; returns the last outcome. The first
 * 20 waits are pollIntervalMs each, so a quick target (an emulator's state changes in a few hundred
 * ms) is seen done within one interval, not up to twice as late as a doubling wait would see it;
 * after them the wait doubles up to 30 s, so a slow one (AWS: minutes) is not polled often.
 */
async function pollUntil(o: SweepSettings, read: () => Promise<CallOutcome>, done: (outcome: CallOutcome) => boolean): Promise<CallOutcome> {
  const deadline = Date.now() + o.completionTimeoutMs;
  let wait = o.pollIntervalMs;
  for (let polls = 1; ; polls++) {
    const outcome = await read();
    if (done(outcome) || !outcome.ok || Date.now() >= deadline) return outcome;
    await o.sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
    if (polls >= STEADY_POLLS) wait = Math.min(wait * 2, MAX_POLL_INTERVAL_MS);
  }
}

/** Reports or exports made again when the one made finished before its cancel: at most this many. */
const CANCEL_ATTEMPTS = 3;

/**
 * Creates a report or export, reads it and cancels it. Only one still IN_PROGRESS can be cancelled,
 * and a quick target may finish it between the calls (the reference emulator takes 100 ms; a pause of
 * the test process is as long), so when the cancel fails and a second read says the report has
 * finished, it is made again, up to {@link CANCEL_ATTEMPTS} times. Any other failure is kept as it is.
 */
async function cancelWhileInProgress(call: SweepCall, create: [string, Json], read: string, cancel: string, fallbackId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const created = await call(create[0], create[1]);
    const reportId = text(at(created, "reportId"), fallbackId);
    await call(read, { reportId });
    if ((await call(cancel, { reportId })).ok || !created.ok || attempt === CANCEL_ATTEMPTS) return;
    const status = at(await call(read, { reportId }), "status");
    if (status !== "SUCCEEDED" && status !== "FAILED") return;
  }
}

/**
 * Calls every operation with a valid input; `agent` makes the {@link INSPECTOR2_AGENT_OPERATIONS}.
 * A call that fails is recorded like any other; the sweep goes on with stand-ins.
 */
export async function inspector2SuccessSweep(call: SweepCall, o: SweepSettings, agent: SweepCall): Promise<void> {
  const { region, accountId: account, uniq } = o;
  const id = (what: string) => stableUuid(`${uniq}/${what}`);
  const hex = (what: string) => id(what).replace(/-/g, "");
  // Organization: this account administers; the member is the first organization account it lists.
  await call("EnableDelegatedAdminAccount", { delegatedAdminAccountId: account });
  await call("GetDelegatedAdminAccount", {});
  await call("ListDelegatedAdminAccounts", { maxResults: 5 });
  const candidates = items(await call("ListMembers", { onlyAssociated: false, maxResults: 50 }), "members");
  const member = text(candidates.find((m) => m["accountId"] !== account)?.["accountId"], "444455556666");
  await call("AssociateMember", { accountId: member });
  await call("GetMember", { accountId: member });
  await call("ListMembers", { onlyAssociated: true });
  await call("DescribeOrganizationConfiguration", {});
  await call("UpdateOrganizationConfiguration", { autoEnable: { ec2: true, ecr: false } });
  // Scanning: enable every type, wait until the account says ENABLED (where the run may enable it;
  // else the account is read as it is).
  await call("Enable", { resourceTypes: ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] });
  const enabled = (out: CallOutcome) => {
    const state = items(out, "accounts")[0]?.["resourceState"];
    return state !== null && typeof state === "object" && Object.values(state as Json).every((s) => (s as Json | undefined)?.["status"] === "ENABLED");
  };
  if (o.allowed("Enable")) await pollUntil(o, () => call("BatchGetAccountStatus", { accountIds: [account] }), enabled);
  else await call("BatchGetAccountStatus", { accountIds: [account] });
  await call("BatchGetFreeTrialInfo", { accountIds: [account] });
  await call("ListUsageTotals", { maxResults: 10 });
  await call("ListAccountPermissions", { service: "ECR" });
  // Findings and coverage: the ARNs, image and project later calls need.
  const findings = items(
    await call("ListFindings", { maxResults: 100, sortCriteria: { field: "SEVERITY", sortOrder: "DESC" }, filterCriteria: { awsAccountId: [{ comparison: "EQUALS", value: account }] } }),
    "findings",
  );
  const findingOf = (type: string) => text(findings.find((f) => f["type"] === type)?.["findingArn"], findingArn(region, account, hex(`finding-${type}`)));
  const firstResource = (f: Json) => (Array.isArray(f["resources"]) ? (f["resources"][0] as Json | undefined) : undefined);
  const image = text(
    findings.map(firstResource).find((r) => r?.["type"] === "AWS_ECR_CONTAINER_IMAGE")?.["id"],
    `arn:aws:ecr:${region}:${account}:repository/conformance/sha256:${hex("image")}${hex("image2")}`,
  );
  await call("ListFindingAggregations", { aggregationType: "AWS_ECR_CONTAINER", aggregationRequest: { awsEcrContainerAggregation: { sortBy: "CRITICAL", sortOrder: "DESC" } } });
  await call("BatchGetFindingDetails", { findingArns: [findingOf("PACKAGE_VULNERABILITY")] });
  await call("BatchGetCodeSnippet", { findingArns: [findingOf("CODE_VULNERABILITY")] });
  await call("SearchVulnerabilities", { filterCriteria: { vulnerabilityIds: ["CVE-2021-44228"] } });
  await call("GetClustersForImage", { filter: { resourceId: image } });
  const covered = items(await call("ListCoverage", { maxResults: 200, filterCriteria: { resourceType: [{ comparison: "EQUALS", value: "CODE_REPOSITORY" }] } }), "coveredResources");
  const project = text(String(covered.find((r) => r["resourceType"] === "CODE_REPOSITORY")?.["resourceId"] ?? "").split("/").at(-1), `project-${id("project")}`);
  await call("ListCoverageStatistics", { groupBy: "RESOURCE_TYPE" });
  // A suppression filter and its tags.
  const filter = text(
    at(await call("CreateFilter", { name: `suppress-low-${uniq}`, action: "SUPPRESS", filterCriteria: { severity: [{ comparison: "EQUALS", value: "LOW" }] }, tags: { team: "sec" } }), "arn"),
    filterArn(region, account, hex("filter").slice(0, 16)),
  );
  await call("UpdateFilter", { filterArn: filter, description: "Low findings are accepted risk.", reason: "risk accepted" });
  await call("ListFilters", { action: "SUPPRESS" });
  await call("TagResource", { resourceArn: filter, tags: { owner: "conformance" } });
  await call("ListTagsForResource", { resourceArn: filter });
  await call("UntagResource", { resourceArn: filter, tagKeys: ["team", "owner"] });
  await call("DeleteFilter", { arn: filter });
  // Reports: each is read and cancelled at once (a finished report cannot be cancelled).
  const destination = { bucketName: `conformance-reports-${uniq.toLowerCase()}`.slice(0, 63), keyPrefix: "inspector/", kmsKeyArn: `arn:aws:kms:${region}:${account}:key/${id("kms")}` };
  const reportInput = { reportFormat: "JSON", s3Destination: destination, filterCriteria: { severity: [{ comparison: "EQUALS", value: "HIGH" }] } };
  await cancelWhileInProgress(call, ["CreateFindingsReport", reportInput], "GetFindingsReportStatus", "CancelFindingsReport", id("report"));
  await cancelWhileInProgress(call, ["CreateSbomExport", { reportFormat: "CYCLONEDX_1_4", s3Destination: destination }], "GetSbomExport", "CancelSbomExport", id("sbom"));
  // The CIS scan (minutes on AWS; on the reference emulator, its clock) is waited for beside the
  // calls that follow, on resources of their own. Both end before the undo, even when one throws.
  const settled = await Promise.allSettled([cisSweep(call, o, agent), laterSweep(call, o, project, member)]);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  // Undo: the sweep leaves the account as another identity's sweep expects to find it.
  await call("Disable", { resourceTypes: ["LAMBDA_CODE"] });
  await call("DisassociateMember", { accountId: member });
  await call("DisableDelegatedAdminAccount", { delegatedAdminAccountId: account });
}

/** CIS: a one-time scan configuration, its scan (waited for), the report and results, and an instance agent's CIS session. */
async function cisSweep(call: SweepCall, o: SweepSettings, agent: SweepCall): Promise<void> {
  const { region, accountId: account, uniq } = o;
  const id = (what: string) => stableUuid(`${uniq}/${what}`);
  const hex = (what: string) => id(what).replace(/-/g, "");
  const cisConfig = text(
    at(
      await call("CreateCisScanConfiguration", {
        scanName: `weekly-cis-${uniq}`,
        securityLevel: "LEVEL_1",
        schedule: { oneTime: {} },
        targets: { accountIds: ["SELF"], targetResourceTags: { Environment: ["production"] } },
        tags: { team: "sec" },
      }),
      "scanConfigurationArn",
    ),
    `arn:aws:inspector2:${region}:${account}:owner/${account}/cis-configuration/${hex("cis").slice(0, 16)}`,
  );
  await call("UpdateCisScanConfiguration", { scanConfigurationArn: cisConfig, scanName: `weekly-cis2-${uniq}`, schedule: { daily: { startTime: { timeOfDay: "03:00", timezone: "UTC" } } } });
  await call("ListCisScanConfigurations", { sortBy: "SCAN_NAME", sortOrder: "ASC" });
  const ownScan = (out: CallOutcome) => items(out, "scans").find((s) => s["scanConfigurationArn"] === cisConfig);
  const scans = await pollUntil(o, () => call("ListCisScans", { maxResults: 100 }), (out) => ownScan(out)?.["status"] === "COMPLETED");
  const scan = text(ownScan(scans)?.["scanArn"], cisScanArn(region, account, id("cis-scan")));
  await pollUntil(o, () => call("GetCisScanReport", { scanArn: scan, reportFormat: "CSV" }), (out) => at(out, "status") !== "IN_PROGRESS");
  const instance = text(
    items(await call("ListCisScanResultsAggregatedByTargetResource", { scanArn: scan }), "targetResourceAggregations")[0]?.["targetResourceId"],
    "i-0123456789abcdef0",
  );
  await call("GetCisScanResultDetails", { scanArn: scan, targetResourceId: instance, accountId: account, sortBy: "CHECK_ID", sortOrder: "ASC" });
  await call("ListCisScanResultsAggregatedByChecks", { scanArn: scan, sortBy: "FAILED_COUNTS", sortOrder: "DESC" });
  await call("DeleteCisScanConfiguration", { scanConfigurationArn: cisConfig });
  // The CIS session of an instance agent: the job id and session token are the agent's own (UUIDs).
  const scanJobId = id("scan-job");
  const sessionToken = id("session-token");
  await agent("StartCisSession", { scanJobId, message: { sessionToken } });
  await agent("SendCisSessionHealth", { scanJobId, sessionToken });
  await agent("SendCisSessionTelemetry", { scanJobId, sessionToken, messages: [{ ruleId: "xccdf_org.cisecurity.benchmarks_rule_1.1.1.1", status: "PASSED", cisRuleDetails: new Uint8Array([1, 2, 3]) }] });
  await agent("StopCisSession", {
    scanJobId,
    sessionToken,
    message: { status: "SUCCESS", progress: { totalChecks: 4, successfulChecks: 3, failedChecks: 1 }, computePlatform: { vendor: "amazon", product: "al2", version: "2" } },
  });
}

/** Code security, connectors, configuration, deep inspection and encryption keys. */
async function laterSweep(call: SweepCall, o: SweepSettings, project: string, member: string): Promise<void> {
  const { region, accountId: account, uniq } = o;
  const id = (what: string) => stableUuid(`${uniq}/${what}`);
  // Code security: integration, scan configuration and its association with the project, a scan.
  const integration = text(at(await call("CreateCodeSecurityIntegration", { name: `github-${uniq}`, type: "GITHUB", tags: { team: "sec" } }), "integrationArn"), codeSecurityIntegrationArn(region, account, id("integration")));
  await call("UpdateCodeSecurityIntegration", { integrationArn: integration, details: { github: { code: "auth-code-1", installationId: "12345" } } });
  await call("GetCodeSecurityIntegration", { integrationArn: integration });
  await call("ListCodeSecurityIntegrations", { maxResults: 10 });
  const scanConfig = text(
    at(
      await call("CreateCodeSecurityScanConfiguration", {
        name: `weekly-sast-${uniq}`,
        level: "ACCOUNT",
        configuration: { periodicScanConfiguration: { frequency: "WEEKLY", frequencyExpression: "cron(0 3 ? * MON *)" }, ruleSetCategories: ["SAST", "IAC"] },
      }),
      "scanConfigurationArn",
    ),
    codeSecurityScanConfigurationArn(region, account, id("scan-configuration")),
  );
  await call("GetCodeSecurityScanConfiguration", { scanConfigurationArn: scanConfig });
  await call("UpdateCodeSecurityScanConfiguration", { scanConfigurationArn: scanConfig, configuration: { continuousIntegrationScanConfiguration: { supportedEvents: ["PULL_REQUEST"] }, ruleSetCategories: ["SCA"] } });
  await call("ListCodeSecurityScanConfigurations", { maxResults: 10 });
  await call("BatchAssociateCodeSecurityScanConfiguration", { associateConfigurationRequests: [{ scanConfigurationArn: scanConfig, resource: { projectId: project } }] });
  await call("ListCodeSecurityScanConfigurationAssociations", { scanConfigurationArn: scanConfig, maxResults: 10 });
  await call("BatchDisassociateCodeSecurityScanConfiguration", { disassociateConfigurationRequests: [{ scanConfigurationArn: scanConfig, resource: { projectId: project } }] });
  const codeScan = text(at(await call("StartCodeSecurityScan", { resource: { projectId: project } }), "scanId"), id("code-scan"));
  await call("GetCodeSecurityScan", { resource: { projectId: project }, scanId: codeScan });
  await call("DeleteCodeSecurityScanConfiguration", { scanConfigurationArn: scanConfig });
  await call("DeleteCodeSecurityIntegration", { integrationArn: integration });
  // A connector to an Azure tenant through an AWS Config connector (the Config connector is not Inspector's: a stand-in).
  const configConnector = `arn:aws:config:${region}:${account}:connector/azure/conformance/tenant-1`;
  const connector = text(
    at(
      await call("CreateConnector", {
        name: `azure-${uniq}`,
        provider: "AZURE",
        description: "Production tenant",
        providerDetail: { azure: { awsConfigConnectorArn: configConnector, scopeConfiguration: { vmScanning: { scopeType: "TENANT", scopeValues: [id("tenant")] } }, azureRegions: ["eastus"] } },
      }),
      "connectorArn",
    ),
    connectorArn(region, account, id("connector")),
  );
  await call("UpdateConnector", { connectorArn: connector, description: "Production tenant (EU too)", providerDetail: { azure: { azureRegions: ["eastus", "westeurope"] } } });
  await call("ListConnectors", { filterCriteria: { provider: [{ comparison: "EQUALS", value: "AZURE" }] } });
  await call("ListConnectorScanConfigurations", { awsConfigConnectorArns: [configConnector] });
  await call("UpdateConnectorScanConfiguration", { awsConfigConnectorArn: configConnector, scanConfiguration: { containerImageScanning: { pushDuration: "DAYS_30" } } });
  await call("DeleteConnector", { connectorArn: connector });
  // Configuration, deep inspection and encryption keys.
  await call("GetConfiguration", {});
  await call("UpdateConfiguration", { ecrConfiguration: { rescanDuration: "DAYS_30", pullDateRescanDuration: "DAYS_14" } });
  await call("GetEc2DeepInspectionConfiguration", {});
  await call("UpdateEc2DeepInspectionConfiguration", { activateDeepInspection: true, packagePaths: ["/opt/app"] });
  await call("UpdateOrgEc2DeepInspectionConfiguration", { orgPackagePaths: ["/opt/org"] });
  await call("BatchGetMemberEc2DeepInspectionStatus", { accountIds: [member] });
  await call("BatchUpdateMemberEc2DeepInspectionStatus", { accountIds: [{ accountId: member, activateDeepInspection: true }] });
  const kmsKeyId = `arn:aws:kms:${region}:${account}:key/${id("encryption-key")}`;
  await call("UpdateEncryptionKey", { kmsKeyId, scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" });
  await call("GetEncryptionKey", { scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" });
  await call("ResetEncryptionKey", { scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" });
}

/** Makes one deliberately failing call per operation that has a failing input (see inspector2-failing-input.ts). */
export async function inspector2FailureSweep(call: SweepCall): Promise<void> {
  for (const operation of INSPECTOR2_OPERATIONS) {
    const failing = inspector2FailingInputFor(operation);
    if (failing !== undefined) await call(operation, failing.input);
  }
}
