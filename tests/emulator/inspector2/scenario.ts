/**
 * A session over all 81 Inspector v2 operations, in SDK form (timestamps as Date, blobs as
 * Uint8Array): one succeeding call of each operation, in an order where each call finds what it needs
 * from earlier answers, and one failing call of each with the error it must give. Run by the
 * service-level tests (through a wire adapter) and by the SDK tests (in-process and over loopback).
 */

/** Who makes a call: the default IAM user, an EC2 instance agent (assumed role named i-…), or a user the directory denies inspector2:*. */
export type Caller = "user" | "agent" | "denied";

/** What earlier answers provided. */
export type Vars = Record<string, string>;

/** One call of the session. */
export interface Step {
  operation: string;
  input: (v: Vars) => Record<string, unknown>;
  as?: Caller;
  /** Reads what later steps need from the output. */
  save?: (output: Record<string, unknown>, v: Vars) => void;
  /** Moves the emulator's clock before the call. */
  advanceMs?: number;
}

/** One failing call and the error type it must give. */
export interface FailingCall {
  input: (v: Vars) => Record<string, unknown>;
  error: string;
  as?: Caller;
}

const ACCOUNT = "111122223333";
const MEMBER = "444455556666";
const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const DESTINATION = { bucketName: "conformance-reports", keyPrefix: "inspector/", kmsKeyArn: KMS_KEY };
const AWS_CONFIG_CONNECTOR = `arn:aws:config:us-east-1:${ACCOUNT}:connector/azure/contoso/tenant-1`;
const JOB = "0f8fad5b-d9cb-469f-a165-70867728950e";
const TOKEN = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const AZURE_TENANT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const severity = (value: string) => [{ comparison: "EQUALS", value }];

type Wire = Record<string, unknown>;
const list = (o: Wire, member: string): Wire[] => (o[member] as Wire[] | undefined) ?? [];

/** The succeeding session, in order. */
export const SCENARIO: readonly Step[] = [
  { operation: "EnableDelegatedAdminAccount", input: () => ({ delegatedAdminAccountId: ACCOUNT }) },
  { operation: "GetDelegatedAdminAccount", input: () => ({}) },
  { operation: "ListDelegatedAdminAccounts", input: () => ({ maxResults: 5 }) },
  { operation: "AssociateMember", input: () => ({ accountId: MEMBER }) },
  { operation: "GetMember", input: () => ({ accountId: MEMBER }) },
  { operation: "ListMembers", input: () => ({ onlyAssociated: true }) },
  { operation: "DescribeOrganizationConfiguration", input: () => ({}) },
  { operation: "UpdateOrganizationConfiguration", input: () => ({ autoEnable: { ec2: true, ecr: false } }) },
  { operation: "Enable", input: () => ({ resourceTypes: ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] }) },
  { operation: "BatchGetAccountStatus", input: () => ({ accountIds: [ACCOUNT, MEMBER] }), advanceMs: 1000 },
  { operation: "BatchGetFreeTrialInfo", input: () => ({ accountIds: [ACCOUNT] }) },
  { operation: "ListUsageTotals", input: () => ({ maxResults: 10 }) },
  { operation: "ListAccountPermissions", input: () => ({ service: "ECR" }) },
  {
    operation: "ListFindings",
    input: () => ({ maxResults: 25, sortCriteria: { field: "SEVERITY", sortOrder: "DESC" }, filterCriteria: { awsAccountId: [{ comparison: "EQUALS", value: ACCOUNT }], firstObservedAt: [{ startInclusive: new Date("2020-01-01T00:00:00Z") }] } }),
    save: (o, v) => {
      const findings = list(o, "findings");
      v["packageFinding"] = String(findings.find((f) => f["type"] === "PACKAGE_VULNERABILITY")!["findingArn"]);
      v["codeFinding"] = String(findings.find((f) => f["type"] === "CODE_VULNERABILITY")!["findingArn"]);
      const ecr = findings.find((f) => list(f, "resources")[0]!["type"] === "AWS_ECR_CONTAINER_IMAGE")!;
      v["image"] = String(list(ecr, "resources")[0]!["id"]);
    },
  },
  { operation: "ListFindingAggregations", input: () => ({ aggregationType: "AWS_ECR_CONTAINER", aggregationRequest: { awsEcrContainerAggregation: { sortBy: "CRITICAL", sortOrder: "DESC" } } }) },
  { operation: "BatchGetFindingDetails", input: (v) => ({ findingArns: [v["packageFinding"]] }) },
  { operation: "BatchGetCodeSnippet", input: (v) => ({ findingArns: [v["codeFinding"]] }) },
  { operation: "SearchVulnerabilities", input: () => ({ filterCriteria: { vulnerabilityIds: ["CVE-2021-44228"] } }) },
  { operation: "GetClustersForImage", input: (v) => ({ filter: { resourceId: v["image"] } }) },
  {
    operation: "ListCoverage",
    input: () => ({ maxResults: 50, filterCriteria: { scanStatusCode: [{ comparison: "EQUALS", value: "ACTIVE" }] } }),
    save: (o, v) => {
      const repo = list(o, "coveredResources").find((r) => r["resourceType"] === "CODE_REPOSITORY")!;
      v["project"] = String(repo["resourceId"]).split("/").at(-1)!;
    },
  },
  { operation: "ListCoverageStatistics", input: () => ({ groupBy: "RESOURCE_TYPE" }) },
  { operation: "CreateFilter", input: () => ({ name: "suppress-low", action: "SUPPRESS", filterCriteria: { severity: severity("LOW") }, tags: { team: "sec" } }), save: (o, v) => (v["filter"] = String(o["arn"])) },
  { operation: "UpdateFilter", input: (v) => ({ filterArn: v["filter"], description: "Low findings are accepted risk.", reason: "risk accepted" }) },
  { operation: "ListFilters", input: () => ({ action: "SUPPRESS" }) },
  { operation: "TagResource", input: (v) => ({ resourceArn: v["filter"], tags: { owner: "conformance" } }) },
  { operation: "ListTagsForResource", input: (v) => ({ resourceArn: v["filter"] }) },
  { operation: "UntagResource", input: (v) => ({ resourceArn: v["filter"], tagKeys: ["team", "owner"] }) },
  { operation: "DeleteFilter", input: (v) => ({ arn: v["filter"] }) },
  { operation: "CreateFindingsReport", input: () => ({ reportFormat: "JSON", s3Destination: DESTINATION, filterCriteria: { severity: severity("HIGH") } }), save: (o, v) => (v["report"] = String(o["reportId"])) },
  { operation: "GetFindingsReportStatus", input: (v) => ({ reportId: v["report"] }) },
  { operation: "CancelFindingsReport", input: (v) => ({ reportId: v["report"] }) },
  { operation: "CreateSbomExport", input: () => ({ reportFormat: "CYCLONEDX_1_4", s3Destination: DESTINATION }), save: (o, v) => (v["sbom"] = String(o["reportId"])) },
  { operation: "GetSbomExport", input: (v) => ({ reportId: v["sbom"] }) },
  { operation: "CancelSbomExport", input: (v) => ({ reportId: v["sbom"] }) },
  {
    operation: "CreateCisScanConfiguration",
    input: () => ({ scanName: "weekly-cis", securityLevel: "LEVEL_1", schedule: { oneTime: {} }, targets: { accountIds: ["SELF"], targetResourceTags: { Environment: ["production"] } }, tags: { team: "sec" } }),
    save: (o, v) => (v["cisConfig"] = String(o["scanConfigurationArn"])),
  },
  { operation: "UpdateCisScanConfiguration", input: (v) => ({ scanConfigurationArn: v["cisConfig"], scanName: "weekly-cis-2", schedule: { daily: { startTime: { timeOfDay: "03:00", timezone: "UTC" } } } }) },
  { operation: "ListCisScanConfigurations", input: () => ({ sortBy: "SCAN_NAME", sortOrder: "ASC" }) },
  { operation: "ListCisScans", input: () => ({ maxResults: 10 }), save: (o, v) => (v["cisScan"] = String(list(o, "scans")[0]!["scanArn"])) },
  { operation: "GetCisScanReport", input: (v) => ({ scanArn: v["cisScan"], reportFormat: "CSV" }), advanceMs: 1000 },
  { operation: "ListCisScanResultsAggregatedByTargetResource", input: (v) => ({ scanArn: v["cisScan"] }), save: (o, v) => (v["instance"] = String(list(o, "targetResourceAggregations")[0]!["targetResourceId"])) },
  { operation: "GetCisScanResultDetails", input: (v) => ({ scanArn: v["cisScan"], targetResourceId: v["instance"], accountId: ACCOUNT, sortBy: "CHECK_ID", sortOrder: "ASC" }) },
  { operation: "ListCisScanResultsAggregatedByChecks", input: (v) => ({ scanArn: v["cisScan"], sortBy: "FAILED_COUNTS", sortOrder: "DESC" }) },
  { operation: "DeleteCisScanConfiguration", input: (v) => ({ scanConfigurationArn: v["cisConfig"] }) },
  { operation: "StartCisSession", as: "agent", input: () => ({ scanJobId: JOB, message: { sessionToken: TOKEN } }) },
  { operation: "SendCisSessionHealth", as: "agent", input: () => ({ scanJobId: JOB, sessionToken: TOKEN }) },
  { operation: "SendCisSessionTelemetry", as: "agent", input: () => ({ scanJobId: JOB, sessionToken: TOKEN, messages: [{ ruleId: "xccdf_org.cisecurity.benchmarks_rule_1.1.1.1", status: "PASSED", cisRuleDetails: new Uint8Array([1, 2, 3]) }] }) },
  {
    operation: "StopCisSession",
    as: "agent",
    input: () => ({ scanJobId: JOB, sessionToken: TOKEN, message: { status: "SUCCESS", progress: { totalChecks: 4, successfulChecks: 3, failedChecks: 1 }, computePlatform: { vendor: "amazon", product: "al2", version: "2" } } }),
  },
  { operation: "CreateCodeSecurityIntegration", input: () => ({ name: "github-main", type: "GITHUB", tags: { team: "sec" } }), save: (o, v) => (v["integration"] = String(o["integrationArn"])) },
  { operation: "UpdateCodeSecurityIntegration", input: (v) => ({ integrationArn: v["integration"], details: { github: { code: "auth-code-1", installationId: "12345" } } }) },
  { operation: "GetCodeSecurityIntegration", input: (v) => ({ integrationArn: v["integration"] }) },
  { operation: "ListCodeSecurityIntegrations", input: () => ({ maxResults: 10 }) },
  {
    operation: "CreateCodeSecurityScanConfiguration",
    input: () => ({ name: "weekly-sast", level: "ACCOUNT", configuration: { periodicScanConfiguration: { frequency: "WEEKLY", frequencyExpression: "cron(0 3 ? * MON *)" }, ruleSetCategories: ["SAST", "IAC"] } }),
    save: (o, v) => (v["scanConfig"] = String(o["scanConfigurationArn"])),
  },
  { operation: "GetCodeSecurityScanConfiguration", input: (v) => ({ scanConfigurationArn: v["scanConfig"] }) },
  { operation: "UpdateCodeSecurityScanConfiguration", input: (v) => ({ scanConfigurationArn: v["scanConfig"], configuration: { continuousIntegrationScanConfiguration: { supportedEvents: ["PULL_REQUEST"] }, ruleSetCategories: ["SCA"] } }) },
  { operation: "ListCodeSecurityScanConfigurations", input: () => ({ maxResults: 10 }) },
  { operation: "BatchAssociateCodeSecurityScanConfiguration", input: (v) => ({ associateConfigurationRequests: [{ scanConfigurationArn: v["scanConfig"], resource: { projectId: v["project"] } }] }) },
  { operation: "ListCodeSecurityScanConfigurationAssociations", input: (v) => ({ scanConfigurationArn: v["scanConfig"], maxResults: 10 }) },
  { operation: "BatchDisassociateCodeSecurityScanConfiguration", input: (v) => ({ disassociateConfigurationRequests: [{ scanConfigurationArn: v["scanConfig"], resource: { projectId: v["project"] } }] }) },
  { operation: "StartCodeSecurityScan", input: (v) => ({ resource: { projectId: v["project"] } }), save: (o, v) => (v["codeScan"] = String(o["scanId"])) },
  { operation: "GetCodeSecurityScan", input: (v) => ({ resource: { projectId: v["project"] }, scanId: v["codeScan"] }) },
  { operation: "DeleteCodeSecurityScanConfiguration", input: (v) => ({ scanConfigurationArn: v["scanConfig"] }) },
  { operation: "DeleteCodeSecurityIntegration", input: (v) => ({ integrationArn: v["integration"] }) },
  {
    operation: "CreateConnector",
    input: () => ({ name: "azure-prod", provider: "AZURE", description: "Production tenant", providerDetail: { azure: { awsConfigConnectorArn: AWS_CONFIG_CONNECTOR, scopeConfiguration: { vmScanning: { scopeType: "TENANT", scopeValues: [AZURE_TENANT] } }, azureRegions: ["eastus"] } } }),
    save: (o, v) => (v["connector"] = String(o["connectorArn"])),
  },
  { operation: "UpdateConnector", input: (v) => ({ connectorArn: v["connector"], description: "Production tenant (EU too)", providerDetail: { azure: { azureRegions: ["eastus", "westeurope"] } } }) },
  { operation: "ListConnectors", input: () => ({ filterCriteria: { provider: [{ comparison: "EQUALS", value: "AZURE" }] } }) },
  { operation: "ListConnectorScanConfigurations", input: () => ({ awsConfigConnectorArns: [AWS_CONFIG_CONNECTOR] }) },
  { operation: "UpdateConnectorScanConfiguration", input: () => ({ awsConfigConnectorArn: AWS_CONFIG_CONNECTOR, scanConfiguration: { containerImageScanning: { pushDuration: "DAYS_30" } } }) },
  { operation: "DeleteConnector", input: (v) => ({ connectorArn: v["connector"] }) },
  { operation: "GetConfiguration", input: () => ({}) },
  { operation: "UpdateConfiguration", input: () => ({ ecrConfiguration: { rescanDuration: "DAYS_30", pullDateRescanDuration: "DAYS_14" } }) },
  { operation: "GetEc2DeepInspectionConfiguration", input: () => ({}) },
  { operation: "UpdateEc2DeepInspectionConfiguration", input: () => ({ activateDeepInspection: true, packagePaths: ["/opt/app"] }) },
  { operation: "UpdateOrgEc2DeepInspectionConfiguration", input: () => ({ orgPackagePaths: ["/opt/org"] }) },
  { operation: "BatchGetMemberEc2DeepInspectionStatus", input: () => ({ accountIds: [MEMBER] }) },
  { operation: "BatchUpdateMemberEc2DeepInspectionStatus", input: () => ({ accountIds: [{ accountId: MEMBER, activateDeepInspection: true }] }) },
  { operation: "UpdateEncryptionKey", input: () => ({ kmsKeyId: KMS_KEY, scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }) },
  { operation: "GetEncryptionKey", input: () => ({ scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }) },
  { operation: "ResetEncryptionKey", input: () => ({ scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }) },
  { operation: "Disable", input: () => ({ resourceTypes: ["LAMBDA_CODE"] }) },
  { operation: "DisassociateMember", input: () => ({ accountId: MEMBER }) },
  { operation: "DisableDelegatedAdminAccount", input: () => ({ delegatedAdminAccountId: ACCOUNT }) },
];

const V = "ValidationException";

/** One failing call of each operation, with its error. The three operations without input fail by the directory's deny list. */
export const FAILING: Readonly<Record<string, FailingCall>> = {
  AssociateMember: { input: () => ({ accountId: "12345" }), error: V },
  BatchAssociateCodeSecurityScanConfiguration: { input: () => ({ associateConfigurationRequests: [] }), error: V },
  BatchDisassociateCodeSecurityScanConfiguration: { input: () => ({ disassociateConfigurationRequests: [{ scanConfigurationArn: "arn:nope", resource: { projectId: "p" } }] }), error: V },
  BatchGetAccountStatus: { input: () => ({ accountIds: ["not-an-account"] }), error: V },
  BatchGetCodeSnippet: { input: () => ({ findingArns: [] }), error: V },
  BatchGetFindingDetails: { input: () => ({ findingArns: ["arn:aws:inspector2:us-east-1:111122223333:finding/XYZ"] }), error: V },
  BatchGetFreeTrialInfo: { input: () => ({ accountIds: [] }), error: V },
  BatchGetMemberEc2DeepInspectionStatus: { input: () => ({ accountIds: ["1"] }), error: V },
  BatchUpdateMemberEc2DeepInspectionStatus: { input: () => ({ accountIds: [{ accountId: MEMBER }] }), error: V },
  CancelFindingsReport: { input: () => ({ reportId: "0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  CancelSbomExport: { input: () => ({ reportId: "not-a-report-id" }), error: V },
  CreateCisScanConfiguration: { input: () => ({ scanName: "x", securityLevel: "LEVEL_3", schedule: { oneTime: {} }, targets: { accountIds: ["SELF"], targetResourceTags: { a: ["b"] } } }), error: V },
  CreateCodeSecurityIntegration: { input: () => ({ name: "gitlab", type: "GITLAB_SELF_MANAGED" }), error: V },
  CreateCodeSecurityScanConfiguration: { input: () => ({ name: "n", level: "ACCOUNT", configuration: { ruleSetCategories: [] } }), error: V },
  CreateConnector: { input: () => ({ name: "bad name!", provider: "AZURE", providerDetail: { azure: { awsConfigConnectorArn: AWS_CONFIG_CONNECTOR, scopeConfiguration: {}, azureRegions: ["eastus"] } } }), error: V },
  CreateFilter: { input: () => ({ name: "f", action: "HIDE", filterCriteria: {} }), error: V },
  CreateFindingsReport: { input: () => ({ reportFormat: "JSON", s3Destination: { ...DESTINATION, bucketName: "Bad_Bucket" } }), error: V },
  CreateSbomExport: { input: () => ({ reportFormat: "PDF", s3Destination: DESTINATION }), error: V },
  DeleteCisScanConfiguration: { input: () => ({ scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-configuration/0123456789abcdef" }), error: "ResourceNotFoundException" },
  DeleteCodeSecurityIntegration: { input: () => ({ integrationArn: "arn:aws:inspector2:us-east-1:111122223333:codesecurity-integration/bad" }), error: V },
  DeleteCodeSecurityScanConfiguration: { input: () => ({ scanConfigurationArn: "nope" }), error: V },
  DeleteConnector: { input: () => ({ connectorArn: "arn:aws:inspector2:us-east-1:111122223333:connector/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  DeleteFilter: { input: () => ({ arn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/0000000000000000" }), error: "ResourceNotFoundException" },
  DescribeOrganizationConfiguration: { input: () => ({}), error: "AccessDeniedException", as: "denied" },
  Disable: { input: () => ({ resourceTypes: ["EC2", "RDS"] }), error: V },
  DisableDelegatedAdminAccount: { input: () => ({ delegatedAdminAccountId: "ABCDEFGHIJKL" }), error: V },
  DisassociateMember: { input: () => ({}), error: V },
  Enable: { input: () => ({ resourceTypes: [] }), error: V },
  EnableDelegatedAdminAccount: { input: () => ({ delegatedAdminAccountId: "999988887777" }), error: V },
  GetCisScanReport: { input: () => ({ scanArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-scan/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  GetCisScanResultDetails: { input: () => ({ scanArn: "bad", targetResourceId: "i-0123456789abcdef0", accountId: ACCOUNT }), error: V },
  GetClustersForImage: { input: () => ({ filter: { resourceId: "web-app" } }), error: V },
  GetCodeSecurityIntegration: { input: () => ({ integrationArn: "arn:aws:inspector2:us-east-1:111122223333:codesecurity-integration/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  GetCodeSecurityScan: { input: () => ({ resource: { projectId: "project-0f8fad5b-d9cb-469f-a165-70867728950e" }, scanId: "not-a-uuid" }), error: V },
  GetCodeSecurityScanConfiguration: { input: () => ({ scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/codesecurity-configuration/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  GetConfiguration: { input: () => ({ accountId: "x" }), error: V },
  GetDelegatedAdminAccount: { input: () => ({}), error: "AccessDeniedException", as: "denied" },
  GetEc2DeepInspectionConfiguration: { input: () => ({}), error: "AccessDeniedException", as: "denied" },
  GetEncryptionKey: { input: () => ({ scanType: "BOGUS", resourceType: "AWS_LAMBDA_FUNCTION" }), error: V },
  GetFindingsReportStatus: { input: () => ({ reportId: "0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  GetMember: { input: () => ({ accountId: MEMBER }), error: "AccessDeniedException" },
  GetSbomExport: { input: () => ({}), error: V },
  ListAccountPermissions: { input: () => ({ service: "S3" }), error: V },
  ListCisScanConfigurations: { input: () => ({ maxResults: 101 }), error: V },
  ListCisScanResultsAggregatedByChecks: { input: () => ({ scanArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-scan/x", maxResults: 0 }), error: V },
  ListCisScanResultsAggregatedByTargetResource: { input: () => ({}), error: V },
  ListCisScans: { input: () => ({ sortBy: "NAME" }), error: V },
  ListCodeSecurityIntegrations: { input: () => ({ maxResults: 0 }), error: V },
  ListCodeSecurityScanConfigurationAssociations: { input: () => ({ scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/codesecurity-configuration/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  ListCodeSecurityScanConfigurations: { input: () => ({ maxResults: 1000 }), error: V },
  ListConnectorScanConfigurations: { input: () => ({ awsConfigConnectorArns: ["arn:aws:config:us-east-1:111122223333:nope"] }), error: V },
  ListConnectors: { input: () => ({ nextToken: "not-a-token" }), error: V },
  ListCoverage: { input: () => ({ maxResults: 201 }), error: V },
  ListCoverageStatistics: { input: () => ({ groupBy: "COLOUR" }), error: V },
  ListDelegatedAdminAccounts: { input: () => ({ maxResults: 6 }), error: V },
  ListFilters: { input: () => ({ action: "DROP" }), error: V },
  ListFindingAggregations: { input: () => ({ aggregationType: "ACCOUNT", aggregationRequest: { accountAggregation: {}, amiAggregation: {} } }), error: V },
  ListFindings: { input: () => ({ filterCriteria: { severity: [{ comparison: "LIKE", value: "HIGH" }] } }), error: V },
  ListMembers: { input: () => ({ maxResults: 51 }), error: V },
  ListTagsForResource: { input: () => ({ resourceArn: "not-an-arn" }), error: V },
  ListUsageTotals: { input: () => ({ accountIds: [] }), error: V },
  ResetEncryptionKey: { input: () => ({ scanType: "CODE", resourceType: "CODE_REPOSITORY" }), error: "ResourceNotFoundException" },
  SearchVulnerabilities: { input: () => ({ filterCriteria: { vulnerabilityIds: ["GHSA-1234"] } }), error: V },
  SendCisSessionHealth: { input: () => ({ scanJobId: JOB, sessionToken: TOKEN }), error: "AccessDeniedException" },
  SendCisSessionTelemetry: { input: () => ({ scanJobId: JOB, sessionToken: TOKEN, messages: [{ ruleId: "r", status: "PASSED", cisRuleDetails: new Uint8Array([1]) }] }), error: "AccessDeniedException" },
  StartCisSession: { input: () => ({ scanJobId: JOB, message: { sessionToken: TOKEN } }), error: "AccessDeniedException" },
  StartCodeSecurityScan: { input: () => ({ resource: { projectId: "project-0f8fad5b-d9cb-469f-a165-70867728950e" } }), error: "ResourceNotFoundException" },
  StopCisSession: { input: () => ({ scanJobId: JOB, sessionToken: TOKEN, message: { status: "SUCCESS", progress: {} } }), error: "AccessDeniedException" },
  TagResource: { input: () => ({ resourceArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/0000000000000000", tags: { a: "b" } }), error: "ResourceNotFoundException" },
  UntagResource: { input: () => ({ resourceArn: "x", tagKeys: ["aws:reserved"] }), error: V },
  UpdateCisScanConfiguration: { input: () => ({ scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-configuration/0123456789abcdef", scanName: "" }), error: V },
  UpdateCodeSecurityIntegration: { input: () => ({ integrationArn: "arn:aws:inspector2:us-east-1:111122223333:codesecurity-integration/0f8fad5b-d9cb-469f-a165-70867728950e", details: { github: { code: "c", installationId: "1" }, gitlabSelfManaged: { authCode: "a" } } }), error: V },
  UpdateCodeSecurityScanConfiguration: { input: () => ({ scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/codesecurity-configuration/0f8fad5b-d9cb-469f-a165-70867728950e", configuration: { ruleSetCategories: ["SAST"] } }), error: "ResourceNotFoundException" },
  UpdateConfiguration: { input: () => ({}), error: V },
  UpdateConnector: { input: () => ({ connectorArn: "arn:aws:inspector2:us-east-1:111122223333:connector/0f8fad5b-d9cb-469f-a165-70867728950e" }), error: "ResourceNotFoundException" },
  UpdateConnectorScanConfiguration: { input: () => ({ awsConfigConnectorArn: "arn:aws:config:us-east-1:111122223333:connector/azure/none/x", scanConfiguration: {} }), error: "ResourceNotFoundException" },
  UpdateEc2DeepInspectionConfiguration: { input: () => ({ packagePaths: ["relative/path"] }), error: V },
  UpdateEncryptionKey: { input: () => ({ kmsKeyId: "alias/mine", scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }), error: V },
  UpdateFilter: { input: () => ({ filterArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/0000000000000000", name: "n" }), error: "ResourceNotFoundException" },
  UpdateOrgEc2DeepInspectionConfiguration: { input: () => ({ orgPackagePaths: ["/opt"] }), error: "AccessDeniedException" },
  UpdateOrganizationConfiguration: { input: () => ({ autoEnable: { ec2: true } }), error: V },
};

/** Runs the session with `call`; returns each call made and its outcome. */
export async function runScenario(
  call: (operation: string, input: Record<string, unknown>, as: Caller) => Promise<{ ok: true; output: Record<string, unknown> } | { ok: false; error: string; message: string }>,
  advance: (ms: number) => void,
): Promise<{ operation: string; input: Record<string, unknown>; output: Record<string, unknown> }[]> {
  const vars: Vars = {};
  const made: { operation: string; input: Record<string, unknown>; output: Record<string, unknown> }[] = [];
  for (const step of SCENARIO) {
    if (step.advanceMs !== undefined) advance(step.advanceMs);
    const input = step.input(vars);
    const result = await call(step.operation, input, step.as ?? "user");
    if (!result.ok) throw new Error(`scenario step ${step.operation} failed: ${result.error}: ${result.message}`);
    step.save?.(result.output, vars);
    made.push({ operation: step.operation, input, output: result.output });
  }
  return made;
}
