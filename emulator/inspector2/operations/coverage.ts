/** ListCoverage and ListCoverageStatistics over the covered resources of the simulated estate. */
import { coveredResources, type Covered } from "../coverage.js";
import { matchesCriteria } from "../criteria.js";
import { listPage, paginate } from "../pagination.js";
import { type Handler, handler, type Paging } from "./handler.js";

type Criteria = Record<string, unknown> | null | undefined;

/** The facet each ListCoverageStatistics `groupBy` key groups by. */
const GROUP_FACETS: Readonly<Record<string, string>> = {
  SCAN_STATUS_CODE: "scanStatusCode",
  SCAN_STATUS_REASON: "scanStatusReason",
  ACCOUNT_ID: "accountId",
  RESOURCE_TYPE: "resourceType",
  ECR_REPOSITORY_NAME: "ecrRepositoryName",
  PROVIDER: "cloudProvider",
  PROVIDER_ACCOUNT_ID: "cloudProviderAccountId",
  PROVIDER_REGION: "cloudProviderRegion",
  PROVIDER_ORG_ID: "cloudProviderOrgId",
};

const matching = (all: Covered[], criteria: Criteria): Covered[] => all.filter((c) => matchesCriteria("CoverageFilterCriteria", criteria, c.facets));

/** Coverage handlers by operation name. */
export const coverageHandlers: Record<string, Handler> = {
  ListCoverage: handler<Paging & { filterCriteria?: Criteria }>((input, env) =>
    listPage("ListCoverage", "coveredResources", matching(coveredResources(env), input.filterCriteria).map((c) => c.wire), input),
  ),

  ListCoverageStatistics: handler<{ filterCriteria?: Criteria; groupBy?: string | null; nextToken?: string | null }>((input, env) => {
    const found = matching(coveredResources(env), input.filterCriteria);
    if (input.groupBy == null) return { totalCounts: found.length };
    // Counts {count, groupKey}: the model names the grouping dimension, one entry per distinct value.
    const facet = GROUP_FACETS[input.groupBy]!;
    const groups = new Map<string, number>();
    for (const c of found) {
      const value = (c.facets[facet] as readonly unknown[] | undefined)?.[0];
      if (value !== undefined) groups.set(String(value), (groups.get(String(value)) ?? 0) + 1);
    }
    const counts = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, count]) => ({ count, groupKey: input.groupBy }));
    const page = paginate("ListCoverageStatistics", counts, input);
    return { totalCounts: found.length, ...(page.items.length > 0 ? { countsByGroup: page.items } : {}), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }),
};
