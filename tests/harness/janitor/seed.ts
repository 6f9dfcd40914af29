/**
 * Test helper: seeds an Inspector v2 account (the reference emulator, in-process or in its own
 * process) with what earlier conformance runs left and what the user owns, through the SDK, and
 * lists every ARN of the four kinds the janitor looks at.
 */
import {
  CreateCisScanConfigurationCommand,
  CreateCodeSecurityIntegrationCommand,
  CreateCodeSecurityScanConfigurationCommand,
  CreateFilterCommand,
  Inspector2Client,
  ListCisScanConfigurationsCommand,
  ListCodeSecurityIntegrationsCommand,
  ListCodeSecurityScanConfigurationsCommand,
  ListFiltersCommand,
} from "@aws-sdk/client-inspector2";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { newRunId, RUN_TAG_KEY } from "../../../harness/run/run-stamp.js";

/** An Inspector v2 client of the emulator's default IAM user (AWS's hostnames unless `endpoint`). */
export function seedClient(endpoint?: string): Inspector2Client {
  return new Inspector2Client({
    region: "us-east-1",
    credentials: { accessKeyId: DEFAULT_USER_ACCESS_KEY.accessKeyId, secretAccessKey: DEFAULT_USER_ACCESS_KEY.secretAccessKey },
    ...(endpoint !== undefined ? { endpoint } : {}),
  });
}

/** The seeded account's ARNs, by who they belong to. */
export interface Seeded {
  /** Stamped by a run that started 3 hours ago (by tag, by name, or both). */
  old: string[];
  /** Stamped by a run that started 1 minute ago. */
  recent: string[];
  /** The user's own: no stamp, a `conformance-run` tag that is not a run id, a name that only looks like one. */
  user: string[];
  oldRunId: string;
  recentRunId: string;
}

const filter = (name: string, tags: Record<string, string>) =>
  new CreateFilterCommand({ name, action: "SUPPRESS", filterCriteria: { severity: [{ comparison: "EQUALS", value: "LOW" }] }, tags });
const cis = (scanName: string, tags: Record<string, string>) =>
  new CreateCisScanConfigurationCommand({ scanName, securityLevel: "LEVEL_1", schedule: { oneTime: {} }, targets: { accountIds: ["SELF"], targetResourceTags: { Environment: ["production"] } }, tags });
const codeScan = (name: string, tags: Record<string, string>) =>
  new CreateCodeSecurityScanConfigurationCommand({ name, level: "ACCOUNT", configuration: { periodicScanConfiguration: { frequency: "WEEKLY", frequencyExpression: "cron(0 3 ? * MON *)" }, ruleSetCategories: ["SAST"] }, tags });
const integration = (name: string, tags: Record<string, string>) => new CreateCodeSecurityIntegrationCommand({ name, type: "GITHUB", tags });

/** Seeds the account of `client`; `now` dates the runs. */
export async function seedAccount(client: Inspector2Client, now: Date): Promise<Seeded> {
  const oldRunId = newRunId(new Date(now.getTime() - 3 * 3_600_000));
  const recentRunId = newRunId(new Date(now.getTime() - 60_000));
  const tag = (runId: string) => ({ [RUN_TAG_KEY]: runId });
  const f = async (name: string, tags: Record<string, string>) => (await client.send(filter(name, tags))).arn!;
  const c = async (name: string, tags: Record<string, string>) => (await client.send(cis(name, tags))).scanConfigurationArn!;
  const s = async (name: string, tags: Record<string, string>) => (await client.send(codeScan(name, tags))).scanConfigurationArn!;
  const i = async (name: string, tags: Record<string, string>) => (await client.send(integration(name, tags))).integrationArn!;
  const old = [
    await f("old-tagged-filter", tag(oldRunId)), // the tag alone
    await f(`${oldRunId}-named-filter`, {}), // the name alone
    await c("old-tagged-cis", tag(oldRunId)),
    await c(`${oldRunId}-named-cis`, {}),
    // Code-security listings carry no tags: a run's name stamp finds them.
    await s(`${oldRunId}-weekly-sast`, tag(oldRunId)),
    await s(`${oldRunId}-nightly-sast`, {}),
    await i(`${oldRunId}-github`, tag(oldRunId)),
    await i(`${oldRunId}-github-2`, {}),
  ];
  const recent = [await f(`${recentRunId}-recent-filter`, tag(recentRunId))];
  const user = [
    await f("team-suppress-low", { team: "sec" }),
    await f("team-keep", { [RUN_TAG_KEY]: "keep-me" }),
    await c("ict-2026-review", {}),
    await s("weekly-sast", {}),
    await i("github-main", {}),
  ];
  return { old, recent, user, oldRunId, recentRunId };
}

/** Every ARN of the four kinds in the account of `client`, sorted. */
export async function allArns(client: Inspector2Client): Promise<string[]> {
  const filters = (await client.send(new ListFiltersCommand({ maxResults: 100 }))).filters ?? [];
  const cisConfigs = (await client.send(new ListCisScanConfigurationsCommand({ maxResults: 100 }))).scanConfigurations ?? [];
  const codeScans = (await client.send(new ListCodeSecurityScanConfigurationsCommand({ maxResults: 100 }))).configurations ?? [];
  const integrations = (await client.send(new ListCodeSecurityIntegrationsCommand({ maxResults: 100 }))).integrations ?? [];
  return [...filters.map((x) => x.arn!), ...cisConfigs.map((x) => x.scanConfigurationArn!), ...codeScans.map((x) => x.scanConfigurationArn!), ...integrations.map((x) => x.integrationArn!)].sort();
}
