/**
 * What each Amazon Inspector v2 operation does to a real account, by class: our classification from
 * the API reference's descriptions (https://docs.aws.amazon.com/inspector/v2/APIReference/), for
 * calling a sandbox account safely (the aws target calls a class only when it is allowed):
 * - `read`: the 39 operations whose names start with List, Get, Describe, BatchGet or Search; no
 *   side effects, no charge;
 * - `self-contained`: resources the suite creates and deletes itself at no charge: filters, CIS scan
 *   configurations, code-security scan configurations, and tags on them;
 * - `account-state`: scanning on or off (Inspector charges per scanned resource), the account's
 *   configuration and encryption keys;
 * - `organization`: members and the delegated administrator, organization-wide configuration;
 * - `external`: what reaches systems outside Inspector: code-security integrations (GitHub, GitLab)
 *   and scans, connectors, reports and SBOM exports written to a bucket the caller names;
 * - `agent-only`: the CIS session operations, called by the SSM agent on an instance during a CIS
 *   scan ("from other callers they fail"): called only to see them fail.
 */
import { INSPECTOR2_OPERATIONS } from "./inspector2-model.js";

/** A class of v2 operation by what it does to the account. */
export type Inspector2SafetyClass = "read" | "self-contained" | "account-state" | "organization" | "external" | "agent-only";

/** The classes a run against a real account calls only when `--allow` names them. */
export const OPT_IN_CLASSES = ["account-state", "organization", "external"] as const;
/** A class `--allow` can name. */
export type OptInClass = (typeof OPT_IN_CLASSES)[number];

const SELF_CONTAINED = [
  "CreateFilter", "UpdateFilter", "DeleteFilter",
  "CreateCisScanConfiguration", "UpdateCisScanConfiguration", "DeleteCisScanConfiguration",
  "CreateCodeSecurityScanConfiguration", "UpdateCodeSecurityScanConfiguration", "DeleteCodeSecurityScanConfiguration",
  "TagResource", "UntagResource",
];
const ACCOUNT_STATE = ["Enable", "Disable", "UpdateConfiguration", "UpdateEc2DeepInspectionConfiguration", "ResetEncryptionKey", "UpdateEncryptionKey"];
const ORGANIZATION = [
  "AssociateMember", "DisassociateMember", "EnableDelegatedAdminAccount", "DisableDelegatedAdminAccount",
  "UpdateOrganizationConfiguration", "UpdateOrgEc2DeepInspectionConfiguration", "BatchUpdateMemberEc2DeepInspectionStatus",
];
const EXTERNAL = [
  "CreateCodeSecurityIntegration", "UpdateCodeSecurityIntegration", "DeleteCodeSecurityIntegration", "StartCodeSecurityScan",
  "CreateConnector", "UpdateConnector", "DeleteConnector", "UpdateConnectorScanConfiguration",
  "BatchAssociateCodeSecurityScanConfiguration", "BatchDisassociateCodeSecurityScanConfiguration",
  "CreateFindingsReport", "CreateSbomExport", "CancelFindingsReport", "CancelSbomExport",
];
const AGENT_ONLY = ["StartCisSession", "StopCisSession", "SendCisSessionHealth", "SendCisSessionTelemetry"];

/** The class of v2 `operation`, or undefined for a name that is not a v2 operation. */
export function inspector2SafetyClassOf(operation: string): Inspector2SafetyClass | undefined {
  if (!INSPECTOR2_OPERATIONS.includes(operation)) return undefined;
  if (SELF_CONTAINED.includes(operation)) return "self-contained";
  if (ACCOUNT_STATE.includes(operation)) return "account-state";
  if (ORGANIZATION.includes(operation)) return "organization";
  if (EXTERNAL.includes(operation)) return "external";
  if (AGENT_ONLY.includes(operation)) return "agent-only";
  // Every other operation is read-named (a test checks that the classes cover the 81 exactly).
  return "read";
}
