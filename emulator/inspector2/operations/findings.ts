/**
 * Findings: ListFindings (filterCriteria, sortCriteria, pagination), ListFindingAggregations,
 * BatchGetFindingDetails (package-vulnerability findings; others are FINDING_DETAILS_NOT_FOUND),
 * BatchGetCodeSnippet (code-vulnerability findings; others CODE_SNIPPET_NOT_FOUND),
 * SearchVulnerabilities (the built-in catalogue) and GetClustersForImage (one simulated ECS cluster
 * runs the estate's images that are in use).
 */
import { aggregate, requestMemberOf } from "../aggregations.js";
import { findingByArn, matchingFindings } from "../findings-view.js";
import { invalid } from "../errors.js";
import { epochSeconds } from "../ids.js";
import { listPage, paginate } from "../pagination.js";
import { sortByCriteria } from "../sort.js";
import { vulnerabilityOf, vulnerabilityWire } from "../estate/vulnerabilities.js";
import { type Handler, handler, type Paging } from "./handler.js";

type Wire = Record<string, unknown>;

/** Finding handlers by operation name. */
export const findingHandlers: Record<string, Handler> = {
  ListFindings: handler<Paging & { filterCriteria?: Wire | null; sortCriteria?: { field: string; sortOrder: string } | null }>((input, env) => {
    const found = sortByCriteria(matchingFindings(env, input.filterCriteria), (f) => f.facets, (f) => f.sim.arn, input.sortCriteria);
    return listPage("ListFindings", "findings", found.map((f) => f.wire), input);
  }),

  ListFindingAggregations: handler<Paging & { aggregationType: string; accountIds?: Wire[] | null; aggregationRequest?: Wire | null }>((input, env) => {
    const member = requestMemberOf(input.aggregationType)!;
    const request = input.aggregationRequest ?? undefined;
    if (request !== undefined && request[member] === undefined) {
      throw invalid(`aggregationRequest must set ${member} for aggregationType ${input.aggregationType}.`, "aggregationRequest");
    }
    const scoped = matchingFindings(env, input.accountIds ? { awsAccountId: input.accountIds } : undefined);
    const responses = aggregate(input.aggregationType, scoped, request?.[member] as Wire | undefined);
    return { aggregationType: input.aggregationType, ...listPage("ListFindingAggregations", "responses", responses, input) };
  }),

  BatchGetFindingDetails: handler<{ findingArns: string[] }>((input, env) => {
    const findingDetails: Wire[] = [];
    const errors: Wire[] = [];
    for (const arn of new Set(input.findingArns)) {
      const v = findingByArn(env, arn)?.sim.vulnerability;
      if (v === undefined) {
        errors.push({ findingArn: arn, errorCode: "FINDING_DETAILS_NOT_FOUND", errorMessage: `No details for finding ${arn}: it does not exist or is not a package vulnerability.` });
        continue;
      }
      findingDetails.push({
        findingArn: arn,
        ...(v.cisa ? { cisaData: { dateAdded: Date.parse(`${v.cisa.dateAdded}T00:00:00Z`) / 1000, dateDue: Date.parse(`${v.cisa.dateDue}T00:00:00Z`) / 1000, action: v.cisa.action } } : {}),
        riskScore: Math.round(v.cvss3.baseScore * 10),
        evidences: [],
        ttps: [],
        tools: [],
        ...(v.exploitAvailable ? { exploitObserved: { firstSeen: Date.parse(v.publishedAt) / 1000, lastSeen: Date.parse(v.updatedAt) / 1000 } } : {}),
        referenceUrls: [`https://nvd.nist.gov/vuln/detail/${v.id}`],
        cwes: [...v.cwes],
        epssScore: v.epss,
      });
    }
    return { findingDetails, errors };
  }),

  BatchGetCodeSnippet: handler<{ findingArns: string[] }>((input, env) => {
    const codeSnippetResults: Wire[] = [];
    const errors: Wire[] = [];
    for (const arn of new Set(input.findingArns)) {
      const code = findingByArn(env, arn)?.sim.code;
      if (code === undefined) {
        errors.push({ findingArn: arn, errorCode: "CODE_SNIPPET_NOT_FOUND", errorMessage: `No code snippet for finding ${arn}: it does not exist or is not a code vulnerability.` });
        continue;
      }
      const first = code.startLine - 1;
      codeSnippetResults.push({
        findingArn: arn,
        startLine: first,
        endLine: first + code.snippet.length - 1,
        codeSnippet: code.snippet.map((content, i) => ({ content, lineNumber: first + i })),
        suggestedFixes: [{ ...code.fix }],
      });
    }
    return { codeSnippetResults, errors };
  }),

  SearchVulnerabilities: handler<{ filterCriteria: { vulnerabilityIds: string[] }; nextToken?: string | null }>((input) => {
    const found = input.filterCriteria.vulnerabilityIds.map(vulnerabilityOf).filter((v) => v !== undefined);
    const page = paginate("SearchVulnerabilities", found.map(vulnerabilityWire), input);
    return { vulnerabilities: page.items, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) };
  }),

  GetClustersForImage: handler<Paging & { filter: { resourceId: string } }>((input, env) => {
    const id = input.filter.resourceId;
    // An image resource id, or a repository id standing for all of its images.
    const images = env.state.estate.images.filter((i) => (i.resourceId === id || i.repositoryArn === id) && i.inUseCount > 0);
    const clusters = images.length === 0 ? [] : [
      {
        clusterArn: `arn:aws:ecs:${env.region}:${env.accountId}:cluster/web-app-cluster`,
        clusterDetails: images.map((i) => ({
          lastInUse: epochSeconds(i.lastInUseAt),
          runningUnitCount: i.inUseCount,
          stoppedUnitCount: 0,
          clusterMetadata: { awsEcsMetadataDetails: { detailsGroup: "service:web-app", taskDefinitionArn: `arn:aws:ecs:${env.region}:${env.accountId}:task-definition/web-app:${i.imageTags.at(-1)}` } },
        })),
      },
    ];
    // `cluster` is required: an image that no cluster runs answers an empty list.
    return listPage("GetClustersForImage", "cluster", clusters, input);
  }),
};

