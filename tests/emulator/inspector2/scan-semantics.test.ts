/**
 * Inspector v2 scans on the service: CIS scan configurations, their scans and results, the CIS
 * sessions of instance agents, code security integrations, scan configurations, associations and
 * on-demand code scans, and Azure connectors with their scan configurations.
 */
import { describe, expect, it } from "vitest";
import { serviceHarness } from "./helpers.js";

const JOB = "0f8fad5b-d9cb-469f-a165-70867728950e";
const TOKEN = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const OTHER = "16fd2706-8baf-433b-82eb-8c7fada847da";
const targets = (tags: Record<string, string[]>) => ({ accountIds: ["SELF"], targetResourceTags: tags });

describe("CIS scans", () => {
  it("a configuration runs a scan over the instances its tags select: IN_PROGRESS, then COMPLETED with results", () => {
    const h = serviceHarness();
    const config = String(h.ok("CreateCisScanConfiguration", { scanName: "l2", securityLevel: "LEVEL_2", schedule: { oneTime: {} }, targets: targets({ Environment: ["production", "staging"] }) })["scanConfigurationArn"]);
    expect(config).toMatch(/^arn:aws:inspector2:us-east-1:111122223333:owner\/111122223333\/cis-configuration\/[0-9a-f]{16}$/);
    const [scan] = h.ok("ListCisScans")["scans"] as { scanArn: string; status: string; totalChecks: number; targets: { accountIds: string[] } }[];
    expect(scan).toMatchObject({ status: "IN_PROGRESS", totalChecks: 0, targets: { accountIds: ["111122223333"] } });
    expect(h.ok("GetCisScanReport", { scanArn: scan!.scanArn })).toEqual({ status: "IN_PROGRESS" });
    expect(h.ok("ListCisScanResultsAggregatedByChecks", { scanArn: scan!.scanArn })).toEqual({});
    h.clock.advance(500);
    const done = (h.ok("ListCisScans", { filterCriteria: { scanStatusFilters: [{ comparison: "EQUALS", value: "COMPLETED" }] } })["scans"] as { totalChecks: number; failedChecks: number }[])[0]!;
    expect(done.totalChecks).toBe(12);
    const byResource = h.ok("ListCisScanResultsAggregatedByTargetResource", { scanArn: scan!.scanArn })["targetResourceAggregations"] as { targetResourceId: string; statusCounts: { failed: number; passed: number } }[];
    expect(byResource).toHaveLength(2);
    expect(byResource.reduce((n, r) => n + r.statusCounts.failed, 0)).toBe(done.failedChecks);
    const details = h.ok("GetCisScanResultDetails", { scanArn: scan!.scanArn, targetResourceId: byResource[0]!.targetResourceId, accountId: "111122223333", filterCriteria: { securityLevelFilters: [{ comparison: "EQUALS", value: "LEVEL_2" }] } })["scanResultDetails"] as { level: string }[];
    expect(details.map((d) => d.level)).toEqual(["LEVEL_2", "LEVEL_2"]);
    expect(String(h.ok("GetCisScanReport", { scanArn: scan!.scanArn })["url"])).toMatch(/^https:\/\/.+\.pdf$/);
    expect(h.ok("ListCisScanConfigurations", { filterCriteria: { scanNameFilters: [{ comparison: "EQUALS", value: "l2" }] } })["scanConfigurations"]).toHaveLength(1);
    h.ok("DeleteCisScanConfiguration", { scanConfigurationArn: config });
    expect(h.fail("UpdateCisScanConfiguration", { scanConfigurationArn: config, scanName: "x" }).status).toBe(404);
  });

  it("the four session operations answer only an instance agent; tokens must match the started session", () => {
    const h = serviceHarness();
    const e = h.fail("StartCisSession", { scanJobId: JOB, message: { sessionToken: TOKEN } }, "user");
    expect([e.type, e.status]).toEqual(["AccessDeniedException", 403]);
    expect(h.fail("SendCisSessionHealth", { scanJobId: JOB, sessionToken: TOKEN }, "agent").type).toBe("ConflictException");
    h.ok("StartCisSession", { scanJobId: JOB, message: { sessionToken: TOKEN } }, "agent");
    h.ok("StartCisSession", { scanJobId: JOB, message: { sessionToken: TOKEN } }, "agent");
    expect(h.fail("StartCisSession", { scanJobId: JOB, message: { sessionToken: OTHER } }, "agent").fields).toEqual({ resourceId: JOB, resourceType: "CIS_SESSION" });
    expect(h.fail("SendCisSessionHealth", { scanJobId: JOB, sessionToken: OTHER }, "agent").status).toBe(409);
    const stop = { scanJobId: JOB, sessionToken: TOKEN, message: { status: "SUCCESS", progress: {} } };
    h.ok("StopCisSession", stop, "agent");
    h.ok("StopCisSession", stop, "agent");
    expect(h.fail("SendCisSessionTelemetry", { scanJobId: JOB, sessionToken: TOKEN, messages: [{ ruleId: "r", status: "PASSED", cisRuleDetails: new Uint8Array([1]) }] }, "agent").type).toBe("ConflictException");
  });
});

describe("code security", () => {
  it("integrations are PENDING with an authorization URL until updated with the provider's answer", () => {
    const h = serviceHarness();
    const created = h.ok("CreateCodeSecurityIntegration", { name: "gl", type: "GITLAB_SELF_MANAGED", details: { gitlabSelfManaged: { instanceUrl: "https://gitlab.example.com", accessToken: "glpat-x" } } });
    expect(created).toMatchObject({ status: "PENDING", authorizationUrl: expect.stringMatching(/^https:\/\/gitlab\.example\.com\/oauth\/authorize/) });
    const arn = String(created["integrationArn"]);
    expect(h.fail("CreateCodeSecurityIntegration", { name: "gl", type: "GITHUB" }).type).toBe("ConflictException");
    expect(h.fail("UpdateCodeSecurityIntegration", { integrationArn: arn, details: { github: { code: "c", installationId: "1" } } }).type).toBe("ValidationException");
    expect(h.ok("UpdateCodeSecurityIntegration", { integrationArn: arn, details: { gitlabSelfManaged: { authCode: "a" } } })).toEqual({ integrationArn: arn, status: "ACTIVE" });
    expect(h.ok("GetCodeSecurityIntegration", { integrationArn: arn })).not.toHaveProperty("authorizationUrl");
    h.ok("DeleteCodeSecurityIntegration", { integrationArn: arn });
    expect(h.fail("GetCodeSecurityIntegration", { integrationArn: arn }).status).toBe(404);
  });

  it("associations fail item by item; a scan runs once at a time; a client token starts no second scan", () => {
    const h = serviceHarness();
    h.ok("Enable", { resourceTypes: ["CODE_REPOSITORY"] });
    h.clock.advance(250);
    const project = String((h.ok("ListCoverage")["coveredResources"] as { resourceId: string }[])[0]!.resourceId.split("/").at(-1));
    const config = String(h.ok("CreateCodeSecurityScanConfiguration", { name: "c", level: "ACCOUNT", configuration: { ruleSetCategories: ["SAST"] } })["scanConfigurationArn"]);
    expect(h.fail("CreateCodeSecurityScanConfiguration", { name: "o", level: "ORGANIZATION", configuration: { ruleSetCategories: ["SAST"] } }).type).toBe("AccessDeniedException");
    const ghost = config.replace(/[0-9a-f]{4}$/, "0000");
    const out = h.ok("BatchAssociateCodeSecurityScanConfiguration", {
      associateConfigurationRequests: [
        { scanConfigurationArn: config, resource: { projectId: project } },
        { scanConfigurationArn: ghost, resource: { projectId: project } },
        { scanConfigurationArn: config, resource: { projectId: "project-0f8fad5b-d9cb-469f-a165-70867728950e" } },
      ],
    });
    expect((out["successfulAssociations"] as unknown[]).length).toBe(1);
    expect((out["failedAssociations"] as { statusCode: string }[]).map((f) => f.statusCode)).toEqual(["SCAN_CONFIGURATION_NOT_FOUND", "RESOURCE_NOT_FOUND"]);
    expect(h.ok("ListCodeSecurityScanConfigurationAssociations", { scanConfigurationArn: config })).toEqual({ associations: [{ resource: { projectId: project } }] });
    const scan = h.ok("StartCodeSecurityScan", { resource: { projectId: project }, clientToken: "t1" });
    expect(h.ok("StartCodeSecurityScan", { resource: { projectId: project }, clientToken: "t1" })).toEqual(scan);
    expect(h.fail("StartCodeSecurityScan", { resource: { projectId: project } }).type).toBe("ConflictException");
    h.clock.advance(500);
    expect(h.ok("GetCodeSecurityScan", { resource: { projectId: project }, scanId: scan["scanId"] })).toMatchObject({ status: "SUCCESSFUL", lastCommitId: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });
});

describe("connectors", () => {
  const create = (h: ReturnType<typeof serviceHarness>, name: string, clientToken?: string) =>
    h.call("CreateConnector", { name, provider: "AZURE", ...(clientToken ? { clientToken } : {}), providerDetail: { azure: { awsConfigConnectorArn: "arn:aws:config:us-east-1:111122223333:connector/azure/t/c", scopeConfiguration: {}, azureRegions: ["eastus"] } } });

  it("are pending, then enabled and connected; names are unique; a client token returns the same connector; quotas hold", () => {
    const h = serviceHarness({ limits: { connectors: 2 } });
    const first = create(h, "a", "tok");
    expect(first.ok).toBe(true);
    expect(create(h, "a2", "tok")).toEqual(first);
    expect((h.ok("ListConnectors")["items"] as { enablementStatus: string; health: { connectorStatus: string } }[])[0]).toMatchObject({ enablementStatus: "PENDING_ENABLEMENT", health: { connectorStatus: "PENDING_AUTHORIZATION" } });
    h.clock.advance(250);
    expect((h.ok("ListConnectors")["items"] as { enablementStatus: string }[])[0]!.enablementStatus).toBe("ENABLED");
    const dup = create(h, "a");
    expect(!dup.ok && dup.error.type).toBe("ConflictException");
    expect(create(h, "b").ok).toBe(true);
    const over = create(h, "c");
    expect(!over.ok && over.error.status).toBe(402);
    expect((h.ok("ListConnectorScanConfigurations")["scanConfigurations"] as { connectorArns: string[] }[])[0]!.connectorArns).toHaveLength(2);
  });
});
