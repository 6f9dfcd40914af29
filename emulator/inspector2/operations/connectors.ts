/**
 * Connectors to Microsoft Azure (provider AZURE) and their container image scan configuration,
 * grouped by the AWS Config connector they use. A connector is PENDING_ENABLEMENT, with health
 * PENDING_AUTHORIZATION, for `transitionMs` after it is created, then ENABLED and CONNECTED (the
 * emulator reaches no Azure tenant). Names are unique per account and Region; a client token seen
 * before returns the connector it created. Connector timestamps are ISO-8601 strings, as the model's
 * SyntheticTimestamp_date_time shape says.
 */
import { connectorArn } from "../../../model/inspector2-arn.js";
import type { Inspector2Env } from "../env.js";
import { conflict, notFound, quotaExceeded } from "../errors.js";
import { matchesCriteria } from "../criteria.js";
import { newUuid } from "../ids.js";
import { listPage } from "../pagination.js";
import type { ConnectorRecord } from "../state.js";
import { checkTags, forgetResource, tagNew, tagsOf } from "../tags.js";
import { type Handler, handler, type Paging, present } from "./handler.js";

type Scope = { scopeType: string; scopeValues?: string[] | null };
type AzureScope = { vmScanning?: Scope | null; containerImageScanning?: Scope | null; serverlessScanning?: Scope | null };
type AzureCreate = { awsConfigConnectorArn: string; scopeConfiguration: AzureScope; azureRegions: string[]; autoInstallVMScanner?: boolean | null };
type AzureUpdate = { azureRegions?: string[] | null; scopeConfiguration?: AzureScope | null; autoInstallVMScanner?: boolean | null };

/** The default scan configuration of a new AWS Config connector's images (emulator choice). */
const DEFAULT_SCAN_CONFIGURATION = { containerImageScanning: { pushDuration: "DAYS_90", pullDuration: "DAYS_90" } };

const iso = (d: Date): string => d.toISOString();

function connectorOf(env: Inspector2Env, arn: string): ConnectorRecord {
  const c = env.state.connectors.get(arn);
  if (c === undefined) throw notFound(`The connector '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return c;
}

function scopeWire(scope: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v != null).map(([k, v]) => [k, { ...(v as Scope), scopeValues: [...((v as Scope).scopeValues ?? [])], state: "ACTIVE" }]));
}

function connectorWire(env: Inspector2Env, c: ConnectorRecord): Record<string, unknown> {
  const settled = env.now.getTime() - c.createdAt.getTime() >= env.timing.transitionMs;
  return present({
    connectorArn: c.arn,
    name: c.name,
    description: c.description,
    provider: "AZURE",
    enablementStatus: settled ? "ENABLED" : "PENDING_ENABLEMENT",
    health: { connectorStatus: settled ? "CONNECTED" : "PENDING_AUTHORIZATION", lastCheckedAt: iso(env.now) },
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    azureRegions: [...c.azureRegions],
    awsConfigConnectorArn: c.awsConfigConnectorArn,
    scopeConfiguration: scopeWire(c.scopeConfiguration),
    tags: tagsOf(env, c.arn),
    autoInstallVMScanner: c.autoInstallVMScanner,
  });
}

/** Connector handlers by operation name. */
export const connectorHandlers: Record<string, Handler> = {
  CreateConnector: handler<{ clientToken?: string | null; name: string; description?: string | null; providerDetail: { azure: AzureCreate }; tags?: Record<string, string> | null }>((input, env) => {
    const tokenKey = input.clientToken != null ? `CreateConnector/${input.clientToken}` : undefined;
    const earlier = tokenKey !== undefined ? env.state.clientTokens.get(tokenKey) : undefined;
    if (typeof earlier === "string" && env.state.connectors.has(earlier)) return { connectorArn: earlier };
    const same = [...env.state.connectors.values()].find((c) => c.name === input.name);
    if (same !== undefined) throw conflict(`A connector named '${input.name}' already exists.`, same.arn, "CONNECTOR");
    if (input.tags) checkTags(env, input.tags);
    if (env.state.connectors.size >= env.limits.connectors) throw quotaExceeded(`At most ${env.limits.connectors} connectors per account and Region.`, input.name);
    const azure = input.providerDetail.azure;
    const arn = connectorArn(env.region, env.accountId, newUuid());
    env.state.connectors.set(arn, {
      arn,
      name: input.name,
      ...(input.description != null ? { description: input.description } : {}),
      awsConfigConnectorArn: azure.awsConfigConnectorArn,
      azureRegions: [...azure.azureRegions],
      scopeConfiguration: structuredClone(azure.scopeConfiguration),
      autoInstallVMScanner: azure.autoInstallVMScanner ?? false,
      createdAt: env.now,
      updatedAt: env.now,
    });
    if (!env.state.connectorScanConfigs.has(azure.awsConfigConnectorArn)) env.state.connectorScanConfigs.set(azure.awsConfigConnectorArn, structuredClone(DEFAULT_SCAN_CONFIGURATION));
    tagNew(env, arn, input.tags);
    if (tokenKey !== undefined) env.state.clientTokens.set(tokenKey, arn);
    return { connectorArn: arn };
  }),

  UpdateConnector: handler<{ connectorArn: string; description?: string | null; providerDetail?: { azure?: AzureUpdate | null } | null }>((input, env) => {
    const c = connectorOf(env, input.connectorArn);
    const azure = input.providerDetail?.azure;
    if (input.description != null) c.description = input.description;
    if (azure?.azureRegions != null) c.azureRegions = [...azure.azureRegions];
    if (azure?.scopeConfiguration != null) c.scopeConfiguration = structuredClone(azure.scopeConfiguration);
    if (azure?.autoInstallVMScanner != null) c.autoInstallVMScanner = azure.autoInstallVMScanner;
    c.updatedAt = env.now;
    return { connectorArn: c.arn };
  }),

  DeleteConnector: handler<{ connectorArn: string }>((input, env) => {
    connectorOf(env, input.connectorArn);
    forgetResource(env, env.state.connectors, input.connectorArn);
    return {};
  }),

  ListConnectors: handler<Paging & { filterCriteria?: Record<string, unknown> | null }>((input, env) => {
    const found = [...env.state.connectors.values()].filter((c) =>
      matchesCriteria("ConnectorFilterCriteria", input.filterCriteria, {
        connectorArns: [c.arn],
        accounts: [env.accountId],
        awsConfigConnectorArns: [c.awsConfigConnectorArn],
        connectorType: ["CUSTOMER_MANAGED"],
        provider: ["AZURE"],
      }),
    );
    return listPage("ListConnectors", "items", found.map((c) => connectorWire(env, c)), input);
  }),

  ListConnectorScanConfigurations: handler<Paging & { awsConfigConnectorArns?: string[] | null }>((input, env) => {
    const wanted = input.awsConfigConnectorArns ? new Set(input.awsConfigConnectorArns) : undefined;
    const connectors = [...env.state.connectors.values()];
    const items = [...env.state.connectorScanConfigs.entries()]
      .filter(([arn]) => wanted === undefined || wanted.has(arn))
      .map(([awsConfigConnectorArn, scanConfiguration]) => ({
        awsConfigConnectorArn,
        connectorArns: connectors.filter((c) => c.awsConfigConnectorArn === awsConfigConnectorArn).map((c) => c.arn),
        scanConfiguration: structuredClone(scanConfiguration),
      }));
    return listPage("ListConnectorScanConfigurations", "scanConfigurations", items, input);
  }),

  UpdateConnectorScanConfiguration: handler<{ awsConfigConnectorArn: string; scanConfiguration: Record<string, unknown> }>((input, env) => {
    if (![...env.state.connectors.values()].some((c) => c.awsConfigConnectorArn === input.awsConfigConnectorArn)) {
      throw notFound(`No connector of this account uses the AWS Config connector '${input.awsConfigConnectorArn}'.`);
    }
    env.state.connectorScanConfigs.set(input.awsConfigConnectorArn, structuredClone(input.scanConfiguration));
    return {};
  }),
};
