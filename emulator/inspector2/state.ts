/**
 * The emulator's stored Inspector v2 state, partitioned by (account, region) as AWS partitions it,
 * plus the organization-wide state (delegated administrator, associated members, organization
 * configuration) per (organization, region). Maps keep insertion order, which is the listing order.
 */
import { estateOf, type Estate } from "./estate/resources.js";
import { SCAN_TYPES, findingsOfEstate, type ScanKind, type SimFinding } from "./estate/finding-catalogue.js";

/** The requested state of one scan type and when it was last changed. */
export interface ScanSwitch {
  wanted: "ENABLED" | "DISABLED";
  changedAt: Date;
  /** When this type was first enabled in this account and region (free trial, usage). */
  firstEnabledAt?: Date;
}

/** A suppression or informational filter (CreateFilter). */
export interface FilterRecord {
  arn: string;
  name: string;
  action: "NONE" | "SUPPRESS";
  criteria: Record<string, unknown>;
  description?: string;
  reason?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A findings report or SBOM export and its lifecycle. */
export interface ExportRecord {
  reportId: string;
  kind: "findings" | "sbom";
  format: string;
  destination: Record<string, unknown>;
  filterCriteria?: Record<string, unknown>;
  createdAt: Date;
  /** When it finishes (SUCCEEDED or FAILED per `failure`). */
  readyAt: Date;
  cancelledAt?: Date;
  failure?: { errorCode: string; errorMessage: string };
}

/** A CIS scan configuration. */
export interface CisConfigRecord {
  arn: string;
  scanName: string;
  securityLevel: "LEVEL_1" | "LEVEL_2";
  schedule: Record<string, unknown>;
  targets: { accountIds: string[]; targetResourceTags: Record<string, string[]> };
  createdAt: Date;
}

/** One CIS scan (run of a configuration). */
export interface CisScanRecord {
  arn: string;
  configArn: string;
  scanName: string;
  securityLevel: "LEVEL_1" | "LEVEL_2";
  targets: { accountIds: string[]; targetResourceTags: Record<string, string[]> };
  scheduledBy: string;
  startedAt: Date;
  completesAt: Date;
  /** The estate instances the scan covers, with their accounts. */
  instances: { accountId: string; instanceId: string }[];
}

/** A CIS session an instance agent started (StartCisSession). */
export interface CisSessionRecord {
  scanJobId: string;
  sessionToken: string;
  state: "STARTED" | "STOPPED";
  messages: number;
}

/** A code security integration (GitHub or GitLab self-managed). */
export interface IntegrationRecord {
  arn: string;
  name: string;
  type: "GITHUB" | "GITLAB_SELF_MANAGED";
  status: "PENDING" | "IN_PROGRESS" | "ACTIVE" | "INACTIVE" | "DISABLING";
  statusReason: string;
  instanceUrl?: string;
  createdOn: Date;
  lastUpdateOn: Date;
}

/** A code security scan configuration. */
export interface ScanConfigRecord {
  arn: string;
  name: string;
  level: "ORGANIZATION" | "ACCOUNT";
  configuration: Record<string, unknown>;
  scopeSettings?: Record<string, unknown>;
  createdAt: Date;
  lastUpdatedAt: Date;
  /** Project ids associated with it. */
  projects: Set<string>;
}

/** An on-demand code scan. */
export interface CodeScanRecord {
  scanId: string;
  projectId: string;
  clientToken?: string;
  createdAt: Date;
  completesAt: Date;
}

/** An Azure connector. */
export interface ConnectorRecord {
  arn: string;
  name: string;
  description?: string;
  awsConfigConnectorArn: string;
  azureRegions: string[];
  scopeConfiguration: Record<string, unknown>;
  autoInstallVMScanner: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Everything one account has in one region. */
export interface RegionState {
  accountId: string;
  region: string;
  createdAt: Date;
  estate: Estate;
  findings: SimFinding[];
  scanning: Record<ScanKind, ScanSwitch>;
  filters: Map<string, FilterRecord>;
  exports: Map<string, ExportRecord>;
  cisConfigs: Map<string, CisConfigRecord>;
  cisScans: Map<string, CisScanRecord>;
  cisSessions: Map<string, CisSessionRecord>;
  integrations: Map<string, IntegrationRecord>;
  scanConfigs: Map<string, ScanConfigRecord>;
  codeScans: Map<string, CodeScanRecord>;
  connectors: Map<string, ConnectorRecord>;
  /** Connector scan configuration per AWS Config connector ARN. */
  connectorScanConfigs: Map<string, Record<string, unknown>>;
  /** Tags of every taggable resource, by ARN. */
  tags: Map<string, Record<string, string>>;
  configuration: {
    ecr: { rescanDuration: string; pullDateRescanDuration?: string; pullDateRescanMode?: string; updatedAt: Date };
    ec2: { scanMode: string; activateVMScanner?: boolean };
  };
  deepInspection: { activated: boolean; packagePaths: string[] };
  /** Customer managed KMS keys by `scanType/resourceType`. */
  encryptionKeys: Map<string, string>;
  /** Idempotency tokens already used, by operation and token. */
  clientTokens: Map<string, unknown>;
}

/** Organization-wide Inspector state in one region. */
export interface OrganizationState {
  organizationId: string;
  region: string;
  delegatedAdmin?: { accountId: string; since: Date };
  /** Associated member accounts and when they were associated. */
  members: Map<string, Date>;
  autoEnable: { ec2: boolean; ecr: boolean; lambda: boolean; lambdaCode: boolean; codeRepository: boolean };
  orgPackagePaths: string[];
}

function newRegionState(accountId: string, region: string, now: Date): RegionState {
  const estate = estateOf(accountId, region);
  const never = new Date(0);
  return {
    accountId,
    region,
    createdAt: now,
    estate,
    findings: findingsOfEstate(estate, accountId, region),
    scanning: Object.fromEntries(SCAN_TYPES.map((t) => [t, { wanted: "DISABLED", changedAt: never }])) as Record<ScanKind, ScanSwitch>,
    filters: new Map(),
    exports: new Map(),
    cisConfigs: new Map(),
    cisScans: new Map(),
    cisSessions: new Map(),
    integrations: new Map(),
    scanConfigs: new Map(),
    codeScans: new Map(),
    connectors: new Map(),
    connectorScanConfigs: new Map(),
    tags: new Map(),
    configuration: { ecr: { rescanDuration: "DAYS_90", updatedAt: now }, ec2: { scanMode: "EC2_SSM_AGENT_BASED" } },
    deepInspection: { activated: false, packagePaths: [] },
    encryptionKeys: new Map(),
    clientTokens: new Map(),
  };
}

/** All partitions of one emulator instance. */
export class Inspector2Store {
  private readonly regions = new Map<string, RegionState>();
  private readonly organizations = new Map<string, OrganizationState>();

  /** The partition of (accountId, region), created with its estate on first use. */
  partition(accountId: string, region: string, now: Date): RegionState {
    const key = `${accountId}/${region}`;
    let state = this.regions.get(key);
    if (state === undefined) {
      state = newRegionState(accountId, region, now);
      this.regions.set(key, state);
    }
    return state;
  }

  /** The state of organization `organizationId` in `region`, created on first use. */
  organization(organizationId: string, region: string): OrganizationState {
    const key = `${organizationId}/${region}`;
    let state = this.organizations.get(key);
    if (state === undefined) {
      state = {
        organizationId,
        region,
        members: new Map(),
        autoEnable: { ec2: false, ecr: false, lambda: false, lambdaCode: false, codeRepository: false },
        orgPackagePaths: [],
      };
      this.organizations.set(key, state);
    }
    return state;
  }
}
