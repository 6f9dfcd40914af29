/**
 * ARN formats of Amazon Inspector v2 resources: neutral data shared by the emulator, generators and
 * oracles. Sources: the inspector2 model's ARN patterns (FindingArn, CisScanArn,
 * CisScanConfigurationArn, ScanConfigurationArn, CodeSecurityIntegrationArn, ConnectorArn, CisFindingArn
 * in fixtures/models/inspector2-2020-06-08.service-2.json) and the CloudFormation page
 * "AWS::InspectorV2::CisScanConfiguration" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-inspectorv2-cisscanconfiguration.html),
 * whose Ref example is `arn:aws:inspector2:us-east-1:012345678901:owner/012345678901/cis-configuration/c1c0fe5d28e39baa`.
 * The filter form `owner/<account>/filter/<id>` follows the same owner layout (the model gives
 * FilterArn no pattern).
 */

/** Kinds of Inspector v2 resource that have an ARN. */
export type Inspector2ResourceKind =
  | "filter"
  | "cis-configuration"
  | "cis-scan"
  | "cis-finding"
  | "codesecurity-configuration"
  | "codesecurity-integration"
  | "connector"
  | "finding";

const PREFIX = (region: string, account: string) => `arn:aws:inspector2:${region}:${account}`;

/** `arn:aws:inspector2:<region>:<account>:owner/<account>/filter/<id>` */
export const filterArn = (region: string, account: string, id: string): string => `${PREFIX(region, account)}:owner/${account}/filter/${id}`;

/** `arn:aws:inspector2:<region>:<account>:owner/<account>/cis-configuration/<id>` */
export const cisScanConfigurationArn = (region: string, account: string, id: string): string =>
  `${PREFIX(region, account)}:owner/${account}/cis-configuration/${id}`;

/** `arn:aws:inspector2:<region>:<account>:owner/<account>/cis-scan/<uuid>` */
export const cisScanArn = (region: string, account: string, uuid: string): string => `${PREFIX(region, account)}:owner/${account}/cis-scan/${uuid}`;

/** `arn:aws:inspector2:<region>:<account>:owner/<account>/cis-finding/<uuid>` */
export const cisFindingArn = (region: string, account: string, uuid: string): string => `${PREFIX(region, account)}:owner/${account}/cis-finding/${uuid}`;

/** `arn:aws:inspector2:<region>:<account>:owner/<account>/codesecurity-configuration/<uuid>` */
export const codeSecurityScanConfigurationArn = (region: string, account: string, uuid: string): string =>
  `${PREFIX(region, account)}:owner/${account}/codesecurity-configuration/${uuid}`;

/** `arn:aws:inspector2:<region>:<account>:codesecurity-integration/<uuid>` */
export const codeSecurityIntegrationArn = (region: string, account: string, uuid: string): string =>
  `${PREFIX(region, account)}:codesecurity-integration/${uuid}`;

/** `arn:aws:inspector2:<region>:<account>:connector/<uuid>` */
export const connectorArn = (region: string, account: string, uuid: string): string => `${PREFIX(region, account)}:connector/${uuid}`;

/** `arn:aws:inspector2:<region>:<account>:finding/<32 hex>` */
export const findingArn = (region: string, account: string, hex32: string): string => `${PREFIX(region, account)}:finding/${hex32}`;

const KIND_PATTERNS: readonly [Inspector2ResourceKind, RegExp][] = [
  ["filter", /^owner\/(\d{12}|o-[a-z0-9]{10,32})\/filter\/[A-Za-z0-9-]+$/],
  ["cis-configuration", /^owner\/(\d{12}|o-[a-z0-9]+)\/cis-configuration\/[0-9a-fA-F-]+$/],
  ["cis-scan", /^owner\/(\d{12}|o-[a-z0-9]{10,32})\/cis-scan\/[0-9a-fA-F-]{36}$/],
  ["cis-finding", /^owner\/\d{12}\/cis-finding\/[0-9a-fA-F-]{36}$/],
  ["codesecurity-configuration", /^owner\/(\d{12}|o-[a-z0-9]{10,32})\/codesecurity-configuration\/[a-f0-9-]{36}$/],
  ["codesecurity-integration", /^codesecurity-integration\/[a-f0-9-]{36}$/],
  ["connector", /^connector\/([a-f0-9-]+|aws-service-connector\/.+\/[a-f0-9-]+)$/],
  ["finding", /^finding\/[a-f0-9]{32}$/],
];

/** The kind of an Inspector v2 ARN, or undefined for any other string. */
export function inspector2ResourceKind(arn: string): Inspector2ResourceKind | undefined {
  const m = /^arn:aws(?:-[a-z-]+)?:inspector2:[a-z0-9-]+:\d{12}:(.+)$/.exec(arn);
  if (!m) return undefined;
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(m[1]!))?.[0];
}

/** The account and region of an Inspector v2 ARN. */
export function inspector2ArnScope(arn: string): { region: string; accountId: string } | undefined {
  const m = /^arn:aws(?:-[a-z-]+)?:inspector2:([a-z0-9-]+):(\d{12}):/.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]! } : undefined;
}
