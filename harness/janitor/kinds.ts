/**
 * The four kinds of thing a conformance run creates in an account and can leave behind, how each is
 * listed and how each is deleted. The list outputs, as the service model (API 2020-06-08) shapes
 * them:
 *
 * - filters (ListFilters, `Filter`): `arn`, `name` and `tags`;
 * - CIS scan configurations (ListCisScanConfigurations, `CisScanConfiguration`): `scanConfigurationArn`,
 *   `scanName` and `tags`;
 * - code-security scan configurations (ListCodeSecurityScanConfigurations,
 *   `CodeSecurityScanConfigurationSummary`): `scanConfigurationArn` and `name`, no tags;
 * - code-security integrations (ListCodeSecurityIntegrations, `CodeSecurityIntegrationSummary`):
 *   `integrationArn` and `name`, no tags.
 *
 * So filters and CIS scan configurations are recognised by their `conformance-run` tag or their name,
 * and the two code-security kinds by their name alone (a run stamps both the tag and the name of
 * everything it creates, harness/run/run-stamp.ts; reading each one's tags would cost a
 * ListTagsForResource call per thing the user owns).
 *
 * UNVERIFIED on a real account: whether a delegated administrator's listings also show member
 * accounts' things (the outputs carry an owner id). The janitor takes only what a run stamped, and a
 * delete the service refuses is reported with its error.
 */
import {
  DeleteCisScanConfigurationCommand,
  DeleteCodeSecurityIntegrationCommand,
  DeleteCodeSecurityScanConfigurationCommand,
  DeleteFilterCommand,
  Inspector2Client,
  ListCodeSecurityIntegrationsCommand,
  ListCodeSecurityScanConfigurationsCommand,
  paginateListCisScanConfigurations,
  paginateListFilters,
} from "@aws-sdk/client-inspector2";

/** One thing found in the account, as its listing shows it. */
export interface AccountThing {
  kind: JanitorKind;
  arn: string;
  /** Its name; "" when the listing gives none. */
  name: string;
  /** Its tags where the listing carries them (filters, CIS scan configurations), else undefined. */
  tags: Readonly<Record<string, string>> | undefined;
}

/** Per-call options the SDK takes (the abort signal of the call's deadline). */
type SendOptions = { abortSignal?: AbortSignal };

/** A kind of thing: how its pages are listed and how one is deleted. */
export interface JanitorKind {
  /** `filter`, for output lines. */
  label: string;
  /** The list operation, for messages. */
  list: string;
  /** The list's pages, each turned into things. */
  pages(client: Inspector2Client, o: { pageSize?: number; send: SendOptions }): AsyncGenerator<AccountThing[]>;
  /** The delete operation and the member naming the thing (cleanUp's Leftover). */
  delete: string;
  member: string;
  /** Sends the delete of `arn`. */
  send(client: Inspector2Client, arn: string, o: SendOptions): Promise<unknown>;
}

/**
 * Pages of a nextToken listing the SDK has no paginator for: @aws-sdk/client-inspector2 3.1085.0 (and
 * the botocore paginators file it is built from) has none for ListCodeSecurityScanConfigurations and
 * ListCodeSecurityIntegrations, though both take `nextToken` and `maxResults`; this loops the way
 * the SDK's paginators do (until a page comes without a nextToken).
 */
async function* byNextToken<T extends { nextToken?: string | undefined }>(fetch: (nextToken: string | undefined) => Promise<T>): AsyncGenerator<T> {
  let token: string | undefined;
  do {
    const page = await fetch(token);
    yield page;
    token = page.nextToken !== undefined && page.nextToken !== "" ? page.nextToken : undefined;
  } while (token !== undefined);
}

const FILTER: JanitorKind = {
  label: "filter",
  list: "ListFilters",
  async *pages(client, o) {
    for await (const page of paginateListFilters({ client, ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}) }, {}, o.send)) {
      yield (page.filters ?? []).flatMap((f) => (f.arn ? [{ kind: FILTER, arn: f.arn, name: f.name ?? "", tags: f.tags ?? {} }] : []));
    }
  },
  delete: "DeleteFilter",
  member: "arn",
  send: (client, arn, o) => client.send(new DeleteFilterCommand({ arn }), o),
};

const CIS_SCAN_CONFIGURATION: JanitorKind = {
  label: "CIS scan configuration",
  list: "ListCisScanConfigurations",
  async *pages(client, o) {
    for await (const page of paginateListCisScanConfigurations({ client, ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}) }, {}, o.send)) {
      yield (page.scanConfigurations ?? []).flatMap((c) => (c.scanConfigurationArn ? [{ kind: CIS_SCAN_CONFIGURATION, arn: c.scanConfigurationArn, name: c.scanName ?? "", tags: c.tags ?? {} }] : []));
    }
  },
  delete: "DeleteCisScanConfiguration",
  member: "scanConfigurationArn",
  send: (client, arn, o) => client.send(new DeleteCisScanConfigurationCommand({ scanConfigurationArn: arn }), o),
};

const CODE_SECURITY_SCAN_CONFIGURATION: JanitorKind = {
  label: "code-security scan configuration",
  list: "ListCodeSecurityScanConfigurations",
  async *pages(client, o) {
    const pages = byNextToken((nextToken) => client.send(new ListCodeSecurityScanConfigurationsCommand({ nextToken, maxResults: o.pageSize }), o.send));
    for await (const page of pages) {
      yield (page.configurations ?? []).flatMap((c) => (c.scanConfigurationArn ? [{ kind: CODE_SECURITY_SCAN_CONFIGURATION, arn: c.scanConfigurationArn, name: c.name ?? "", tags: undefined }] : []));
    }
  },
  delete: "DeleteCodeSecurityScanConfiguration",
  member: "scanConfigurationArn",
  send: (client, arn, o) => client.send(new DeleteCodeSecurityScanConfigurationCommand({ scanConfigurationArn: arn }), o),
};

const CODE_SECURITY_INTEGRATION: JanitorKind = {
  label: "code-security integration",
  list: "ListCodeSecurityIntegrations",
  async *pages(client, o) {
    const pages = byNextToken((nextToken) => client.send(new ListCodeSecurityIntegrationsCommand({ nextToken, maxResults: o.pageSize }), o.send));
    for await (const page of pages) {
      yield (page.integrations ?? []).flatMap((i) => (i.integrationArn ? [{ kind: CODE_SECURITY_INTEGRATION, arn: i.integrationArn, name: i.name ?? "", tags: undefined }] : []));
    }
  },
  delete: "DeleteCodeSecurityIntegration",
  member: "integrationArn",
  send: (client, arn, o) => client.send(new DeleteCodeSecurityIntegrationCommand({ integrationArn: arn }), o),
};

/**
 * Every kind the janitor looks at, in the order it deletes them: scan configurations before the
 * integrations whose repositories they may scan.
 */
export const JANITOR_KINDS: readonly JanitorKind[] = [FILTER, CIS_SCAN_CONFIGURATION, CODE_SECURITY_SCAN_CONFIGURATION, CODE_SECURITY_INTEGRATION];
