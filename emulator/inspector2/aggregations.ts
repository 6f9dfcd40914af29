/**
 * ListFindingAggregations: the caller's ACTIVE findings grouped by the aggregation type's key, with
 * severity counts. Each type reads its request filters (AggregationRequest's member for the type)
 * through the same criteria engine as ListFindings, mapping each request filter to a finding facet.
 * The Azure types (VM_INSTANCE, CONTAINER_IMAGE, SERVERLESS_FUNCTION) have no resources in the
 * simulated estate and always answer no groups. Without sortBy, groups are in key order.
 */
import { matchesCriteria, type Facets } from "./criteria.js";
import type { SimFinding } from "./estate/finding-catalogue.js";
import { epochSeconds } from "./ids.js";
import type { VisibleFinding } from "./findings-view.js";

type Wire = Record<string, unknown>;

/** How one aggregation type groups and renders findings. */
interface AggregationSpec {
  /** AggregationRequest / AggregationResponse member of this type. */
  member: string;
  /** Shape of the request member. */
  requestShape: string;
  /** Request filter member → finding facet. */
  facets: Readonly<Record<string, string>>;
  /** The group of a finding, or undefined when it is outside the aggregation. */
  key(f: VisibleFinding): string | undefined;
  render(key: string, group: VisibleFinding[]): Wire;
}

const SEVERITY_KEYS: Readonly<Record<string, "medium" | "high" | "critical">> = { MEDIUM: "medium", HIGH: "high", CRITICAL: "critical" };

function severityCounts(group: readonly VisibleFinding[]): { all: number; medium: number; high: number; critical: number } {
  const counts = { all: group.length, medium: 0, high: 0, critical: 0 };
  for (const f of group) {
    const k = SEVERITY_KEYS[String(f.wire["severity"])];
    if (k !== undefined) counts[k] += 1;
  }
  return counts;
}

const account = (g: readonly VisibleFinding[]): string => String(g[0]!.wire["awsAccountId"]);
const count = (g: readonly VisibleFinding[], member: string, value: string): number => g.filter((f) => f.wire[member] === value).length;
const res = (f: VisibleFinding): SimFinding["resource"] => f.sim.resource;
const distinct = (g: readonly VisibleFinding[], of: (f: VisibleFinding) => string): number => new Set(g.map(of)).size;
const resourceId = (f: VisibleFinding): string => String((f.wire["resources"] as Wire[])[0]!["id"]);

const byAccount = (member: string, requestShape: string): AggregationSpec => ({
  member,
  requestShape,
  facets: {},
  key: (f) => String(f.wire["awsAccountId"]),
  render: (_, g) => ({ accountId: account(g), severityCounts: severityCounts(g), exploitAvailableCount: count(g, "exploitAvailable", "YES"), fixAvailableCount: count(g, "fixAvailable", "YES") }),
});

const NO_RESOURCES = (member: string, requestShape: string): AggregationSpec => ({ member, requestShape, facets: {}, key: () => undefined, render: () => ({}) });

/** The spec of each AggregationType. */
const SPECS: Readonly<Record<string, AggregationSpec>> = {
  ACCOUNT: byAccount("accountAggregation", "AccountAggregation"),
  FINDING_TYPE: byAccount("findingTypeAggregation", "FindingTypeAggregation"),
  PACKAGE: {
    member: "packageAggregation",
    requestShape: "PackageAggregation",
    facets: { packageNames: "packageName" },
    key: (f) => f.sim.vulnerability?.affected.name,
    render: (key, g) => ({ packageName: key, accountId: account(g), severityCounts: severityCounts(g) }),
  },
  TITLE: {
    member: "titleAggregation",
    requestShape: "TitleAggregation",
    facets: { titles: "title", vulnerabilityIds: "vulnerabilityId" },
    key: (f) => String(f.wire["title"]),
    render: (key, g) => ({ title: key, ...(g[0]!.sim.vulnerability ? { vulnerabilityId: g[0]!.sim.vulnerability.id } : {}), accountId: account(g), severityCounts: severityCounts(g) }),
  },
  REPOSITORY: {
    member: "repositoryAggregation",
    requestShape: "RepositoryAggregation",
    facets: { repositories: "ecrImageRepositoryName" },
    key: (f) => (res(f).kind === "ecr" ? (res(f) as { repositoryName: string }).repositoryName : undefined),
    render: (key, g) => ({ repository: key, accountId: account(g), severityCounts: severityCounts(g), affectedImages: distinct(g, resourceId) }),
  },
  AMI: {
    member: "amiAggregation",
    requestShape: "AmiAggregation",
    facets: { amis: "ec2InstanceImageId" },
    key: (f) => (res(f).kind === "ec2" ? (res(f) as { amiId: string }).amiId : undefined),
    render: (key, g) => ({ ami: key, accountId: account(g), severityCounts: severityCounts(g), affectedInstances: distinct(g, resourceId) }),
  },
  AWS_EC2_INSTANCE: {
    member: "ec2InstanceAggregation",
    requestShape: "Ec2InstanceAggregation",
    facets: { amis: "ec2InstanceImageId", operatingSystems: "operatingSystem", instanceIds: "resourceId", instanceTags: "resourceTags" },
    key: (f) => (res(f).kind === "ec2" ? resourceId(f) : undefined),
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "ec2" }>;
      return { instanceId: key, ami: r.amiId, operatingSystem: r.platform, instanceTags: { ...r.tags }, accountId: account(g), severityCounts: severityCounts(g), networkFindings: count(g, "type", "NETWORK_REACHABILITY") };
    },
  },
  AWS_ECR_CONTAINER: {
    member: "awsEcrContainerAggregation",
    requestShape: "AwsEcrContainerAggregation",
    facets: { resourceIds: "resourceId", imageShas: "ecrImageHash", repositories: "ecrImageRepositoryName", architectures: "ecrImageArchitecture", imageTags: "ecrImageTags", lastInUseAt: "ecrImageLastInUseAt", inUseCount: "ecrImageInUseCount" },
    key: (f) => (res(f).kind === "ecr" ? resourceId(f) : undefined),
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "ecr" }>;
      return {
        resourceId: key,
        imageSha: r.imageHash,
        repository: r.repositoryName,
        architecture: r.architecture,
        imageTags: [...r.imageTags],
        accountId: account(g),
        severityCounts: severityCounts(g),
        lastInUseAt: epochSeconds(r.lastInUseAt),
        inUseCount: r.inUseCount,
      };
    },
  },
  IMAGE_LAYER: {
    member: "imageLayerAggregation",
    requestShape: "ImageLayerAggregation",
    facets: { repositories: "ecrImageRepositoryName", resourceIds: "resourceId", layerHashes: "layerHash" },
    key: (f) => (res(f).kind === "ecr" ? `${resourceId(f)} ${(res(f) as { layerHash: string }).layerHash}` : undefined),
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "ecr" }>;
      return { repository: r.repositoryName, resourceId: key.split(" ")[0], layerHash: r.layerHash, accountId: account(g), severityCounts: severityCounts(g) };
    },
  },
  AWS_LAMBDA_FUNCTION: {
    member: "lambdaFunctionAggregation",
    requestShape: "LambdaFunctionAggregation",
    facets: { resourceIds: "resourceId", functionNames: "lambdaFunctionName", runtimes: "lambdaFunctionRuntime", functionTags: "resourceTags" },
    key: (f) => (res(f).kind === "lambda" ? resourceId(f) : undefined),
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "lambda" }>;
      return { resourceId: key, functionName: r.functionName, runtime: r.runtime, lambdaTags: { ...r.tags }, accountId: account(g), severityCounts: severityCounts(g), lastModifiedAt: epochSeconds(r.lastModifiedAt) };
    },
  },
  LAMBDA_LAYER: {
    member: "lambdaLayerAggregation",
    requestShape: "LambdaLayerAggregation",
    facets: { functionNames: "lambdaFunctionName", resourceIds: "resourceId", layerArns: "lambdaFunctionLayers" },
    key: (f) => {
      const r = res(f);
      return r.kind === "lambda" && r.layers[0] !== undefined ? `${resourceId(f)} ${r.layers[0]}` : undefined;
    },
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "lambda" }>;
      return { functionName: r.functionName, resourceId: key.split(" ")[0], layerArn: r.layers[0], accountId: account(g), severityCounts: severityCounts(g) };
    },
  },
  CODE_REPOSITORY: {
    member: "codeRepositoryAggregation",
    requestShape: "CodeRepositoryAggregation",
    facets: { projectNames: "codeRepositoryProjectName", providerTypes: "codeRepositoryProviderType", resourceIds: "resourceId" },
    key: (f) => (res(f).kind === "code" ? resourceId(f) : undefined),
    render: (key, g) => {
      const r = res(g[0]!) as Extract<SimFinding["resource"], { kind: "code" }>;
      return {
        projectNames: r.projectName,
        providerType: r.providerType,
        severityCounts: severityCounts(g),
        exploitAvailableActiveFindingsCount: count(g, "exploitAvailable", "YES"),
        fixAvailableActiveFindingsCount: count(g, "fixAvailable", "YES"),
        accountId: account(g),
        resourceId: key,
      };
    },
  },
  VM_INSTANCE: NO_RESOURCES("vmInstanceAggregation", "VmInstanceAggregation"),
  CONTAINER_IMAGE: NO_RESOURCES("containerImageAggregation", "ContainerImageAggregation"),
  SERVERLESS_FUNCTION: NO_RESOURCES("serverlessFunctionAggregation", "ServerlessFunctionAggregation"),
};

/** The AggregationRequest member that belongs to `aggregationType`. */
export const requestMemberOf = (aggregationType: string): string | undefined => SPECS[aggregationType]?.member;

function mappedFacets(f: VisibleFinding, mapping: Readonly<Record<string, string>>): Facets {
  const out: Facets = {};
  for (const [member, facet] of Object.entries(mapping)) {
    if (facet === "packageName") out[member] = f.sim.vulnerability ? [f.sim.vulnerability.affected.name] : [];
    else if (facet === "layerHash") out[member] = f.sim.resource.kind === "ecr" ? [f.sim.resource.layerHash] : [];
    else out[member] = f.facets[facet];
  }
  return out;
}

const SORT_COUNTS: Readonly<Record<string, string>> = { CRITICAL: "critical", HIGH: "high", ALL: "all" };

/** The aggregation groups of `findings` for one type and request (the type's AggregationRequest member). */
export function aggregate(aggregationType: string, findings: readonly VisibleFinding[], request: Wire | undefined): Wire[] {
  const spec = SPECS[aggregationType]!;
  const active = findings.filter((f) => f.wire["status"] === "ACTIVE");
  const wanted = active.filter((f) => {
    if (request === undefined) return true;
    if (typeof request["findingType"] === "string" && f.wire["type"] !== request["findingType"]) return false;
    if (typeof request["resourceType"] === "string" && resourceTypeOfFinding(f) !== request["resourceType"]) return false;
    return matchesCriteria(spec.requestShape, request, mappedFacets(f, spec.facets));
  });
  const groups = new Map<string, VisibleFinding[]>();
  for (const f of wanted) {
    const key = spec.key(f);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rendered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => spec.render(key, group));
  const sortBy = typeof request?.["sortBy"] === "string" ? request["sortBy"] : undefined;
  if (sortBy === undefined) return rendered.map((r) => ({ [spec.member]: r }));
  const sign = request?.["sortOrder"] === "ASC" ? 1 : -1;
  const metric = (r: Wire): number => {
    const counts = r["severityCounts"] as Record<string, number>;
    const field = SORT_COUNTS[sortBy];
    if (field !== undefined) return counts[field] ?? 0;
    // AFFECTED_INSTANCES, AFFECTED_IMAGES, NETWORK_FINDINGS: the member of that name.
    const camel = sortBy.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return Number(r[camel] ?? 0);
  };
  return rendered.sort((a, b) => (metric(a) - metric(b)) * sign).map((r) => ({ [spec.member]: r }));
}

function resourceTypeOfFinding(f: VisibleFinding): string {
  return String((f.wire["resources"] as Wire[])[0]!["type"]);
}
