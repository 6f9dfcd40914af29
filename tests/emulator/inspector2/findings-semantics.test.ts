/**
 * Inspector v2 findings on the service: filter criteria of every kind, sorting, pagination,
 * suppression filters, aggregations, coverage and its statistics, finding details and code
 * snippets, and the findings reports and SBOM exports with their status transitions.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { serviceHarness } from "./helpers.js";

type Finding = Record<string, unknown> & { findingArn: string; severity: string; inspectorScore?: number; type: string };
let h: ReturnType<typeof serviceHarness>;
const findings = (input: Record<string, unknown> = {}) => h.ok("ListFindings", { maxResults: 100, ...input })["findings"] as Finding[];
const eq = (value: string) => [{ comparison: "EQUALS", value }];
const KMS = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const DEST = { bucketName: "my-reports", kmsKeyArn: KMS };

beforeEach(() => {
  h = serviceHarness();
  h.ok("Enable", { resourceTypes: ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] });
  h.clock.advance(250);
});

describe("ListFindings", () => {
  it("filters by string (EQUALS, PREFIX, NOT_EQUALS), number, date, map, port range and package criteria", () => {
    expect(findings()).toHaveLength(11);
    expect(findings({ filterCriteria: { severity: eq("CRITICAL") } }).every((f) => f.severity === "CRITICAL")).toBe(true);
    expect(findings({ filterCriteria: { severity: eq("CRITICAL") } })).toHaveLength(3);
    expect(findings({ filterCriteria: { vulnerabilityId: [{ comparison: "PREFIX", value: "CVE-2021-" }] } })).toHaveLength(3);
    expect(findings({ filterCriteria: { findingType: [{ comparison: "NOT_EQUALS", value: "PACKAGE_VULNERABILITY" }] } }).map((f) => f.type).sort()).toEqual(["CODE_VULNERABILITY", "CODE_VULNERABILITY", "NETWORK_REACHABILITY"]);
    expect(findings({ filterCriteria: { inspectorScore: [{ lowerInclusive: 9.5 }] } }).map((f) => f.inspectorScore).sort()).toEqual([10, 10, 9.8]);
    expect(findings({ filterCriteria: { resourceTags: [{ comparison: "EQUALS", key: "Environment", value: "staging" }] } })).toHaveLength(1);
    expect(findings({ filterCriteria: { portRange: [{ beginInclusive: 20, endInclusive: 25 }] } })).toHaveLength(1);
    expect(findings({ filterCriteria: { vulnerablePackages: [{ name: { comparison: "EQUALS", value: "log4j-core" } }] } })).toHaveLength(2);
    const now = h.clock.now().getTime() / 1000;
    expect(findings({ filterCriteria: { firstObservedAt: [{ startInclusive: now + 60 }] } })).toHaveLength(0);
    expect(findings({ filterCriteria: { severity: eq("HIGH"), resourceType: eq("AWS_EC2_INSTANCE") } })).toHaveLength(3);
    expect(findings({ filterCriteria: { severity: [...eq("HIGH"), ...eq("CRITICAL")] } })).toHaveLength(10);
  });

  it("sorts by sortCriteria, missing values last, and pages with nextToken", () => {
    const byScore = findings({ sortCriteria: { field: "INSPECTOR_SCORE", sortOrder: "ASC" } }).map((f) => f.inspectorScore);
    const scored = byScore.filter((s) => s !== undefined) as number[];
    expect(scored).toEqual([...scored].sort((a, b) => a - b));
    expect(byScore.slice(scored.length).every((s) => s === undefined)).toBe(true);
    const bySeverity = findings({ sortCriteria: { field: "SEVERITY", sortOrder: "DESC" } }).map((f) => f.severity);
    expect(bySeverity.slice(0, 3)).toEqual(["CRITICAL", "CRITICAL", "CRITICAL"]);
    const first = h.ok("ListFindings", { maxResults: 4 });
    expect((first["findings"] as unknown[]).length).toBe(4);
    const rest = h.ok("ListFindings", { maxResults: 100, nextToken: first["nextToken"] });
    expect([...(first["findings"] as Finding[]), ...(rest["findings"] as Finding[])].map((f) => f.findingArn)).toEqual(findings().map((f) => f.findingArn));
    expect(rest["nextToken"]).toBeUndefined();
    expect(h.fail("ListFindings", { nextToken: "bm9wZQ" }).type).toBe("ValidationException");
    expect(h.fail("ListFilters", { nextToken: first["nextToken"] }).type).toBe("ValidationException");
  });

  it("a SUPPRESS filter suppresses the findings it matches, and aggregations count ACTIVE ones only", () => {
    const counts = () => (h.ok("ListFindingAggregations", { aggregationType: "ACCOUNT" })["responses"] as { accountAggregation: { severityCounts: { all: number } } }[])[0]!.accountAggregation.severityCounts.all;
    expect(counts()).toBe(11);
    h.ok("CreateFilter", { name: "mute-critical", action: "SUPPRESS", filterCriteria: { severity: eq("CRITICAL") } });
    expect(findings({ filterCriteria: { findingStatus: eq("SUPPRESSED") } })).toHaveLength(3);
    expect(counts()).toBe(8);
    h.ok("CreateFilter", { name: "note", action: "NONE", filterCriteria: { severity: eq("HIGH") } });
    expect(findings({ filterCriteria: { findingStatus: eq("ACTIVE") } })).toHaveLength(8);
  });
});

describe("ListFindingAggregations", () => {
  it("groups by the aggregation type's key, with its filters and sort", () => {
    const amis = h.ok("ListFindingAggregations", { aggregationType: "AMI" })["responses"] as { amiAggregation: { affectedInstances: number } }[];
    expect(amis.map((r) => r.amiAggregation.affectedInstances).sort()).toEqual([1, 1]);
    const titles = h.ok("ListFindingAggregations", { aggregationType: "TITLE", aggregationRequest: { titleAggregation: { vulnerabilityIds: eq("CVE-2021-44228") } } })["responses"] as { titleAggregation: { severityCounts: { all: number; critical: number } } }[];
    expect(titles).toHaveLength(1);
    expect(titles[0]!.titleAggregation.severityCounts).toMatchObject({ all: 2, critical: 2 });
    const images = h.ok("ListFindingAggregations", { aggregationType: "AWS_ECR_CONTAINER", aggregationRequest: { awsEcrContainerAggregation: { sortBy: "CRITICAL", sortOrder: "DESC" } } })["responses"] as { awsEcrContainerAggregation: { imageTags: string[] } }[];
    expect(images.map((i) => i.awsEcrContainerAggregation.imageTags)).toEqual([["v1.3.0"], ["latest", "v1.4.2"]]);
    expect(h.ok("ListFindingAggregations", { aggregationType: "VM_INSTANCE" })["responses"]).toEqual([]);
    expect(h.fail("ListFindingAggregations", { aggregationType: "AMI", aggregationRequest: { accountAggregation: {} } }).type).toBe("ValidationException");
  });
});

describe("coverage", () => {
  it("lists covered resources of enabled types; ENABLING types are pending their first scan", () => {
    expect((h.ok("ListCoverage")["coveredResources"] as unknown[]).length).toBe(10);
    h.ok("Disable", { resourceTypes: ["LAMBDA_CODE", "CODE_REPOSITORY"] });
    h.clock.advance(250);
    expect((h.ok("ListCoverage", { filterCriteria: { scanType: eq("CODE") } })["coveredResources"] as unknown[]).length).toBe(0);
    h.ok("Enable", { resourceTypes: ["CODE_REPOSITORY"] });
    expect(h.ok("ListCoverage", { filterCriteria: { resourceType: eq("CODE_REPOSITORY") } })["coveredResources"]).toEqual([
      expect.objectContaining({ scanStatus: { statusCode: "INACTIVE", reason: "PENDING_INITIAL_SCAN" } }),
    ]);
    expect(h.ok("ListCoverageStatistics", { filterCriteria: { ec2InstanceTags: [{ comparison: "EQUALS", key: "Name", value: "web-server" }] } })).toEqual({ totalCounts: 1 });
    expect(h.ok("ListCoverageStatistics", { groupBy: "SCAN_STATUS_CODE" })).toEqual({ totalCounts: 8, countsByGroup: [{ count: 7, groupKey: "SCAN_STATUS_CODE" }, { count: 1, groupKey: "SCAN_STATUS_CODE" }] });
  });
});

describe("finding details, code snippets, vulnerabilities, clusters", () => {
  it("answers details for package findings and snippets for code findings, errors for the others", () => {
    const all = findings();
    const pkg = all.find((f) => f.type === "PACKAGE_VULNERABILITY")!.findingArn;
    const code = all.find((f) => f.type === "CODE_VULNERABILITY")!.findingArn;
    const details = h.ok("BatchGetFindingDetails", { findingArns: [pkg, code] });
    expect((details["findingDetails"] as unknown[]).length).toBe(1);
    expect(details["errors"]).toEqual([expect.objectContaining({ findingArn: code, errorCode: "FINDING_DETAILS_NOT_FOUND" })]);
    const snippets = h.ok("BatchGetCodeSnippet", { findingArns: [code, pkg] });
    expect((snippets["codeSnippetResults"] as { codeSnippet: unknown[] }[])[0]!.codeSnippet).toHaveLength(3);
    expect(snippets["errors"]).toEqual([expect.objectContaining({ findingArn: pkg, errorCode: "CODE_SNIPPET_NOT_FOUND" })]);
    expect(h.ok("SearchVulnerabilities", { filterCriteria: { vulnerabilityIds: ["CVE-1999-0001"] } })).toEqual({ vulnerabilities: [] });
  });
});

describe("findings reports and SBOM exports", () => {
  const status = (id: string) => h.ok("GetFindingsReportStatus", { reportId: id });

  it("IN_PROGRESS, then SUCCEEDED; cancelled only while in progress", () => {
    const { reportId } = h.ok("CreateFindingsReport", { reportFormat: "CSV", s3Destination: DEST }) as { reportId: string };
    expect(status(reportId)).toMatchObject({ reportId, status: "IN_PROGRESS", destination: DEST });
    h.clock.advance(500);
    expect(status(reportId)["status"]).toBe("SUCCEEDED");
    expect(h.fail("CancelFindingsReport", { reportId }).type).toBe("ValidationException");
    expect(h.ok("GetFindingsReportStatus", {})["reportId"]).toBe(reportId);
    const sbom = String(h.ok("CreateSbomExport", { reportFormat: "SPDX_2_3", s3Destination: DEST })["reportId"]);
    h.ok("CancelSbomExport", { reportId: sbom });
    h.clock.advance(500);
    expect(h.ok("GetSbomExport", { reportId: sbom })).toMatchObject({ status: "CANCELLED", format: "SPDX_2_3" });
    expect(h.fail("GetSbomExport", { reportId }).type).toBe("ResourceNotFoundException");
  });

  it("FAILED with MALFORMED_KMS_KEY or NO_FINDINGS_FOUND; a bad bucket name is a ValidationException", () => {
    const bad = String(h.ok("CreateFindingsReport", { reportFormat: "JSON", s3Destination: { ...DEST, kmsKeyArn: "alias/reports" } })["reportId"]);
    const none = String(h.ok("CreateFindingsReport", { reportFormat: "JSON", s3Destination: DEST, filterCriteria: { severity: eq("LOW") } })["reportId"]);
    h.clock.advance(500);
    expect(status(bad)).toMatchObject({ status: "FAILED", errorCode: "MALFORMED_KMS_KEY" });
    expect(status(none)).toMatchObject({ status: "FAILED", errorCode: "NO_FINDINGS_FOUND" });
    for (const bucketName of ["ab", "UPPER", "a..b", "192.168.0.1", "-start", "xn--bucket"]) {
      const e = h.fail("CreateFindingsReport", { reportFormat: "JSON", s3Destination: { ...DEST, bucketName } });
      expect(e.fields?.["fields"]).toEqual([expect.objectContaining({ name: "s3Destination.bucketName" })]);
    }
  });
});
