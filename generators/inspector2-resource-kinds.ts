/**
 * Inspector v2 resource kinds: which kind of observed resource each input member refers to, how a
 * well-formed unknown one is built, and what an observed output adds to the pool (or an observed
 * delete removes). Kinds follow the model's member names and documentation
 * (fixtures/models/inspector2-2020-06-08.service-2.json); where one name serves two kinds
 * (`reportId` of a findings report and of an SBOM export; `scanConfigurationArn` of a CIS and a
 * code-security scan configuration) the operation or the shape decides.
 */
import { z } from "zod";
import {
  cisScanArn,
  cisScanConfigurationArn,
  codeSecurityIntegrationArn,
  codeSecurityScanConfigurationArn,
  connectorArn,
  filterArn,
  findingArn,
} from "../model/inspector2-arn.js";
import type { PoolScope } from "./resource-pool.js";

/** The v2 kinds of resource reference (ARNs and ids). */
export const INSPECTOR2_REF_KINDS = [
  "v2:filter",
  "v2:findings-report",
  "v2:sbom-export",
  "v2:cis-configuration",
  "v2:cis-scan",
  "v2:codesecurity-integration",
  "v2:codesecurity-configuration",
  "v2:code-scan",
  "v2:project",
  "v2:connector",
  "v2:finding",
  "v2:member-account",
  "v2:own-account",
  "v2:instance",
  "v2:ecr-image",
  "v2:config-connector",
  "v2:kms-key",
  "v2:s3-bucket",
] as const;

/** One v2 kind of resource reference. */
export type Inspector2RefKind = (typeof INSPECTOR2_REF_KINDS)[number];

/**
 * Kinds with no well-formed value that names nothing: the caller's own account is always the
 * scope's, so no unknownArn plan is made for it.
 */
export const INSPECTOR2_KINDS_WITHOUT_UNKNOWN: readonly Inspector2RefKind[] = ["v2:own-account"];

/** Whether `kind` is a v2 kind. */
export const isInspector2RefKind = (kind: string): kind is Inspector2RefKind => (INSPECTOR2_REF_KINDS as readonly string[]).includes(kind);

/**
 * Shape to kind, where the shape names one kind whatever the member (FilterArn, CisScanArn, ...).
 * AccountId is a member account except as delegatedAdminAccountId (the caller's own account,
 * "The Amazon Web Services account ID of the Amazon Inspector delegated administrator").
 */
const SHAPE_KINDS: Readonly<Record<string, Inspector2RefKind>> = Object.freeze({
  FilterArn: "v2:filter",
  CisScanConfigurationArn: "v2:cis-configuration",
  CisScanArn: "v2:cis-scan",
  CodeSecurityIntegrationArn: "v2:codesecurity-integration",
  ScanConfigurationArn: "v2:codesecurity-configuration",
  ProjectId: "v2:project",
  ConnectorArn: "v2:connector",
  FindingArn: "v2:finding",
  AwsConfigConnectorArn: "v2:config-connector",
  KmsKeyArn: "v2:kms-key",
  ClusterForImageFilterCriteriaResourceIdString: "v2:ecr-image",
});

/**
 * The kind a member of `operation` holds, or undefined. Besides {@link SHAPE_KINDS}: `reportId` is a
 * findings report in GetFindingsReportStatus/CancelFindingsReport and an SBOM export in
 * GetSbomExport/CancelSbomExport; `scanId` of GetCodeSecurityScan is StartCodeSecurityScan's;
 * `resourceArn` of the tag operations is documented as "the Amazon Resource Name (ARN) of the
 * resource": a filter here (filters are the taggable resource every account can create);
 * `targetResourceId` of GetCisScanResultDetails is an instance of a CIS scan; `accountId` (shape
 * AccountId) a member account; `delegatedAdminAccountId` the caller's own account; `bucketName`
 * (shape String) of a report or export Destination the caller's S3 bucket ("The name of the Amazon
 * S3 bucket to export findings to"), which no v2 call creates.
 */
export function inspector2RefKindOf(operation: string, memberName: string, shapeName: string): Inspector2RefKind | undefined {
  if (memberName === "reportId") return /Sbom/.test(operation) ? "v2:sbom-export" : "v2:findings-report";
  if (memberName === "scanId" && operation === "GetCodeSecurityScan") return "v2:code-scan";
  if (memberName === "resourceArn" && shapeName === "Arn") return "v2:filter";
  if (memberName === "targetResourceId" && operation === "GetCisScanResultDetails") return "v2:instance";
  if (shapeName === "AccountId") return memberName === "delegatedAdminAccountId" ? "v2:own-account" : "v2:member-account";
  if (memberName === "bucketName") return "v2:s3-bucket";
  return SHAPE_KINDS[shapeName];
}

/** A v2 ARN's id part built from `id` (hex and UUID forms where the model's pattern wants them). */
function hexOf(id: string, length: number): string {
  let out = "";
  for (const ch of id) out += ch.charCodeAt(0).toString(16);
  return out.padEnd(length, "0").slice(0, length);
}
function uuidOf(id: string): string {
  const h = hexOf(id, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A well-formed value of `kind` that names nothing observed, in the pool's scope (formats:
 * model/inspector2-arn.ts and the model's patterns); `id` makes it distinct. Unknown member
 * accounts are 12 digits drawn from `id`; the own account is the scope's.
 */
export function inspector2UnknownValue(kind: Inspector2RefKind, id: string, scope: PoolScope): string {
  const { region, accountId } = scope;
  switch (kind) {
    case "v2:filter":
      return filterArn(region, accountId, hexOf(id, 16));
    case "v2:findings-report":
    case "v2:sbom-export":
    case "v2:code-scan":
      return uuidOf(id);
    case "v2:cis-configuration":
      return cisScanConfigurationArn(region, accountId, hexOf(id, 16));
    case "v2:cis-scan":
      return cisScanArn(region, accountId, uuidOf(id));
    case "v2:codesecurity-integration":
      return codeSecurityIntegrationArn(region, accountId, uuidOf(id));
    case "v2:codesecurity-configuration":
      return codeSecurityScanConfigurationArn(region, accountId, uuidOf(id));
    case "v2:project":
      return `project-${uuidOf(id)}`;
    case "v2:connector":
      return connectorArn(region, accountId, uuidOf(id));
    case "v2:finding":
      return findingArn(region, accountId, hexOf(id, 32));
    case "v2:member-account":
      return hexOf(id, 12).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) - 97)).replace(/^0/, "9");
    case "v2:own-account":
      return accountId;
    case "v2:instance":
      return `i-${hexOf(id, 17)}`;
    case "v2:ecr-image":
      return `arn:aws:ecr:${region}:${accountId}:repository/unknown-${hexOf(id, 8)}`;
    case "v2:config-connector":
      return `arn:aws:config:${region}:${accountId}:connector/azure/unknown/${hexOf(id, 8)}`;
    case "v2:kms-key":
      return `arn:aws:kms:${region}:${accountId}:key/${uuidOf(id)}`;
    case "v2:s3-bucket":
      // A name S3's naming rules accept (3-63 lowercase letters, digits, hyphens).
      return `unknown-${hexOf(id, 16)}`;
  }
}

/** An observed resource: its kind and value. */
export interface ObservedRef {
  kind: Inspector2RefKind;
  value: string;
}

const str = z.string().min(1);
const objects = z.array(z.record(z.string(), z.unknown()));
/** The strings at `member` of each object of the list at `list` of `output` (parsed with zod; anything else is ignored). */
function pluck(output: Record<string, unknown>, list: string, member: string): string[] {
  const parsed = objects.safeParse(output[list]);
  if (!parsed.success) return [];
  return parsed.data.flatMap((o) => {
    const v = str.safeParse(o[member]);
    return v.success ? [v.data] : [];
  });
}

/** Output member (or list and member) that feeds the pool, per operation. */
const PRODUCERS: Readonly<Record<string, readonly { kind: Inspector2RefKind; member: string; list?: string }[]>> = Object.freeze({
  CreateFilter: [{ kind: "v2:filter", member: "arn" }],
  ListFilters: [{ kind: "v2:filter", list: "filters", member: "arn" }],
  CreateFindingsReport: [{ kind: "v2:findings-report", member: "reportId" }],
  CreateSbomExport: [{ kind: "v2:sbom-export", member: "reportId" }],
  CreateCisScanConfiguration: [{ kind: "v2:cis-configuration", member: "scanConfigurationArn" }],
  ListCisScanConfigurations: [{ kind: "v2:cis-configuration", list: "scanConfigurations", member: "scanConfigurationArn" }],
  ListCisScans: [{ kind: "v2:cis-scan", list: "scans", member: "scanArn" }],
  ListCisScanResultsAggregatedByTargetResource: [{ kind: "v2:instance", list: "targetResourceAggregations", member: "targetResourceId" }],
  CreateCodeSecurityIntegration: [{ kind: "v2:codesecurity-integration", member: "integrationArn" }],
  ListCodeSecurityIntegrations: [{ kind: "v2:codesecurity-integration", list: "integrations", member: "integrationArn" }],
  CreateCodeSecurityScanConfiguration: [{ kind: "v2:codesecurity-configuration", member: "scanConfigurationArn" }],
  ListCodeSecurityScanConfigurations: [{ kind: "v2:codesecurity-configuration", list: "configurations", member: "scanConfigurationArn" }],
  StartCodeSecurityScan: [{ kind: "v2:code-scan", member: "scanId" }],
  CreateConnector: [{ kind: "v2:connector", member: "connectorArn" }],
  ListConnectors: [{ kind: "v2:connector", list: "items", member: "connectorArn" }],
  ListFindings: [{ kind: "v2:finding", list: "findings", member: "findingArn" }],
  ListMembers: [{ kind: "v2:member-account", list: "members", member: "accountId" }],
  ListCoverage: [{ kind: "v2:project", list: "coveredResources", member: "resourceId" }],
});

/** The pool kinds `operation`'s output can add. */
export function inspector2ProducedKinds(operation: string): Inspector2RefKind[] {
  return [...new Set((PRODUCERS[operation] ?? []).map((p) => p.kind))];
}

/**
 * What an observed successful output of `operation` names. A code repository's coverage resourceId
 * ends in its project id (`…/project-<uuid>`): only such ids are kept as projects. ListFindings
 * also yields the ECR images of its findings' resources.
 */
export function inspector2Produced(operation: string, output: unknown): ObservedRef[] {
  const body = z.record(z.string(), z.unknown()).safeParse(output ?? {});
  if (!body.success) return [];
  const out: ObservedRef[] = [];
  for (const p of PRODUCERS[operation] ?? []) {
    const values = p.list === undefined ? [str.safeParse(body.data[p.member])].flatMap((v) => (v.success ? [v.data] : [])) : pluck(body.data, p.list, p.member);
    for (const value of values) {
      if (p.kind === "v2:project") {
        const project = /(project-[a-f0-9-]{36})$/.exec(value)?.[1];
        if (project !== undefined) out.push({ kind: p.kind, value: project });
      } else out.push({ kind: p.kind, value });
    }
  }
  if (operation === "ListFindings") {
    const findings = objects.safeParse(body.data["findings"]);
    for (const f of findings.success ? findings.data : []) {
      for (const id of pluck(f, "resources", "id")) if (/^arn:[^:]+:ecr:/.test(id)) out.push({ kind: "v2:ecr-image", value: id });
    }
  }
  return out;
}

/** Input member whose resource a successful Delete* removes (a cancelled report or export still exists). */
const DELETERS: Readonly<Record<string, string>> = Object.freeze({
  DeleteFilter: "arn",
  DeleteCisScanConfiguration: "scanConfigurationArn",
  DeleteCodeSecurityIntegration: "integrationArn",
  DeleteCodeSecurityScanConfiguration: "scanConfigurationArn",
  DeleteConnector: "connectorArn",
});

/** The values a successful call of `operation` with `input` deletes. */
export function inspector2Deleted(operation: string, input: Record<string, unknown>): string[] {
  const member = DELETERS[operation];
  if (member === undefined) return [];
  const v = str.safeParse(input[member]);
  return v.success ? [v.data] : [];
}
