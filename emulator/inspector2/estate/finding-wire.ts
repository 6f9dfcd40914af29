/**
 * The model's `Finding` shape of a simulated finding, and the facets its filter criteria read
 * (FilterCriteria member names), derived from that same wire form so the two never disagree.
 */
import { epochSeconds } from "../ids.js";
import type { Facets, PackageFacet } from "../criteria.js";
import type { SimFinding } from "./finding-catalogue.js";
import { resourceWire } from "./resource-wire.js";
import { severityOfScore } from "./vulnerabilities.js";

/** What time and filters add to a finding: when it was first seen, and ACTIVE or SUPPRESSED. */
export interface FindingState {
  accountId: string;
  region: string;
  observedAt: Date;
  status: "ACTIVE" | "SUPPRESSED" | "CLOSED";
}

/** The severity of a finding. */
export function severityOf(f: SimFinding): string {
  if (f.vulnerability) return severityOfScore(f.vulnerability.cvss3.baseScore);
  if (f.code) return f.code.severity;
  return "MEDIUM";
}

/** The title of a finding. */
export function titleOf(f: SimFinding): string {
  if (f.vulnerability) return `${f.vulnerability.id} - ${f.vulnerability.affected.name}`;
  if (f.code) return `${f.code.title} in ${f.code.filePath}`;
  return `Port ${f.network!.port} is reachable from an Internet Gateway - ${f.network!.protocol}`;
}

function typeDetails(f: SimFinding): Record<string, unknown> {
  const v = f.vulnerability;
  if (v) {
    const p = v.affected;
    const layer = f.resource.kind === "ecr" ? { sourceLayerHash: f.resource.layerHash } : f.resource.kind === "lambda" && f.resource.layers[0] ? { sourceLambdaLayerArn: f.resource.layers[0] } : {};
    return {
      packageVulnerabilityDetails: {
        vulnerabilityId: v.id,
        vulnerablePackages: [
          { name: p.name, version: p.version, fixedInVersion: p.fixedInVersion, packageManager: p.packageManager, remediation: `Upgrade ${p.name} to ${p.fixedInVersion}`, ...(p.filePath ? { filePath: p.filePath } : {}), ...layer },
        ],
        source: "NVD",
        cvss: [{ baseScore: v.cvss3.baseScore, scoringVector: v.cvss3.scoringVector, version: "3.1", source: "NVD" }],
        relatedVulnerabilities: [],
        sourceUrl: `https://nvd.nist.gov/vuln/detail/${v.id}`,
        vendorSeverity: severityOfScore(v.cvss3.baseScore),
        vendorCreatedAt: Date.parse(v.publishedAt) / 1000,
        vendorUpdatedAt: Date.parse(v.updatedAt) / 1000,
        referenceUrls: [`https://nvd.nist.gov/vuln/detail/${v.id}`],
      },
      inspectorScore: v.cvss3.baseScore,
      inspectorScoreDetails: { adjustedCvss: { scoreSource: "NVD", cvssSource: "NVD", version: "3.1", score: v.cvss3.baseScore, scoringVector: v.cvss3.scoringVector, adjustments: [] } },
      fixAvailable: "YES",
      exploitAvailable: v.exploitAvailable ? "YES" : "NO",
      ...(v.exploitAvailable ? { exploitabilityDetails: { lastKnownExploitAt: Date.parse(v.updatedAt) / 1000 } } : {}),
      epss: { score: v.epss },
    };
  }
  if (f.code) {
    const c = f.code;
    return {
      codeVulnerabilityDetails: {
        filePath: { fileName: c.fileName, filePath: c.filePath, startLine: c.startLine, endLine: c.startLine },
        detectorTags: [...c.detectorTags],
        referenceUrls: [`https://cwe.mitre.org/data/definitions/${c.cwes[0]!.slice(4)}.html`],
        ruleId: c.ruleId,
        detectorId: c.detectorId,
        detectorName: c.detectorName,
        cwes: [...c.cwes],
      },
      fixAvailable: "YES",
      exploitAvailable: "NO",
    };
  }
  const n = f.network!;
  const instanceId = f.resource.kind === "ec2" ? f.resource.instanceId : "";
  return {
    networkReachabilityDetails: {
      openPortRange: { begin: n.port, end: n.port },
      protocol: n.protocol,
      networkPath: {
        steps: [
          { componentId: "igw-0a1b2c3d", componentType: "AWS::EC2::InternetGateway" },
          { componentId: "acl-0a1b2c3d", componentType: "AWS::EC2::NetworkAcl" },
          { componentId: "sg-0a1b2c3d", componentType: "AWS::EC2::SecurityGroup" },
          { componentId: instanceId, componentType: "AWS::EC2::Instance" },
        ],
      },
    },
    fixAvailable: "NO",
  };
}

function remediationOf(f: SimFinding): Record<string, unknown> {
  if (f.vulnerability) return { recommendation: { text: `Upgrade ${f.vulnerability.affected.name} to version ${f.vulnerability.affected.fixedInVersion} or later.` } };
  if (f.code) return { recommendation: { text: f.code.fix.description } };
  return { recommendation: { text: `Restrict access to port ${f.network!.port} in the security group and network ACL.`, Url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html" } };
}

/** The `Finding` of `f` in state `s`. */
export function findingWire(f: SimFinding, s: FindingState): Record<string, unknown> {
  const at = epochSeconds(s.observedAt);
  return {
    findingArn: f.arn,
    awsAccountId: s.accountId,
    type: f.findingType,
    description: f.vulnerability?.description ?? f.code?.description ?? `TCP port ${f.network!.port} is reachable from the internet through the instance's security group.`,
    title: titleOf(f),
    remediation: remediationOf(f),
    severity: severityOf(f),
    firstObservedAt: at,
    lastObservedAt: at,
    updatedAt: at,
    status: s.status,
    resources: [resourceWire(f.resource, s.region)],
    ...typeDetails(f),
  };
}

type Wire = Record<string, unknown>;
const obj = (v: unknown): Wire => (v !== null && typeof v === "object" ? (v as Wire) : {});
const strings = (...values: unknown[]): string[] => values.flat().filter((v): v is string => typeof v === "string");
const numbers = (...values: unknown[]): number[] => values.filter((v): v is number => typeof v === "number");

/** The facets of a Finding wire object, by FilterCriteria member name. */
export function findingFacets(w: Wire): Facets {
  const resource = obj((w["resources"] as unknown[])[0]);
  const details = obj(resource["details"]);
  const ec2 = obj(details["awsEc2Instance"]);
  const ecr = obj(details["awsEcrContainerImage"]);
  const lambda = obj(details["awsLambdaFunction"]);
  const repo = obj(details["codeRepository"]);
  const pkgDetails = obj(w["packageVulnerabilityDetails"]);
  const net = obj(w["networkReachabilityDetails"]);
  const code = obj(w["codeVulnerabilityDetails"]);
  const steps = (obj(net["networkPath"])["steps"] as Wire[] | undefined) ?? [];
  const port = obj(net["openPortRange"]);
  return {
    findingArn: strings(w["findingArn"]),
    awsAccountId: strings(w["awsAccountId"]),
    findingType: strings(w["type"]),
    severity: strings(w["severity"]),
    firstObservedAt: numbers(w["firstObservedAt"]),
    lastObservedAt: numbers(w["lastObservedAt"]),
    updatedAt: numbers(w["updatedAt"]),
    findingStatus: strings(w["status"]),
    title: strings(w["title"]),
    inspectorScore: numbers(w["inspectorScore"]),
    resourceType: strings(resource["type"]),
    resourceId: strings(resource["id"]),
    resourceTags: (resource["tags"] as Record<string, string> | undefined) ?? {},
    ec2InstanceImageId: strings(ec2["imageId"]),
    ec2InstanceVpcId: strings(ec2["vpcId"]),
    ec2InstanceSubnetId: strings(ec2["subnetId"]),
    ecrImagePushedAt: numbers(ecr["pushedAt"]),
    ecrImageArchitecture: strings(ecr["architecture"]),
    ecrImageRegistry: strings(ecr["registry"]),
    ecrImageRepositoryName: strings(ecr["repositoryName"]),
    ecrImageTags: strings(ecr["imageTags"]),
    ecrImageHash: strings(ecr["imageHash"]),
    ecrImageLastInUseAt: numbers(ecr["lastInUseAt"]),
    ecrImageInUseCount: numbers(ecr["inUseCount"]),
    portRange: typeof port["begin"] === "number" ? [{ begin: port["begin"] as number, end: port["end"] as number }] : [],
    networkProtocol: strings(net["protocol"]),
    componentId: strings(steps.map((s) => s["componentId"])),
    componentType: strings(steps.map((s) => s["componentType"])),
    vulnerabilityId: strings(pkgDetails["vulnerabilityId"]),
    vulnerabilitySource: strings(pkgDetails["source"]),
    vendorSeverity: strings(pkgDetails["vendorSeverity"]),
    vulnerablePackages: ((pkgDetails["vulnerablePackages"] as PackageFacet[] | undefined) ?? []).map((p) => ({ ...p })),
    relatedVulnerabilities: strings(pkgDetails["relatedVulnerabilities"]),
    fixAvailable: strings(w["fixAvailable"]),
    lambdaFunctionName: strings(lambda["functionName"]),
    lambdaFunctionLayers: strings(lambda["layers"]),
    lambdaFunctionRuntime: strings(lambda["runtime"]),
    lambdaFunctionLastModifiedAt: numbers(lambda["lastModifiedAt"]),
    lambdaFunctionExecutionRoleArn: strings(lambda["executionRoleArn"]),
    exploitAvailable: strings(w["exploitAvailable"]),
    codeVulnerabilityDetectorName: strings(code["detectorName"]),
    codeVulnerabilityDetectorTags: strings(code["detectorTags"]),
    codeVulnerabilityFilePath: strings(obj(code["filePath"])["filePath"]),
    epssScore: numbers(obj(w["epss"])["score"]),
    codeRepositoryProjectName: strings(repo["projectName"]),
    codeRepositoryProviderType: strings(repo["providerType"]),
    operatingSystem: strings(ec2["platform"]),
    cloudProvider: ["AWS"],
    cloudProviderRegion: strings(resource["region"]),
    cloudProviderAccountId: strings(w["awsAccountId"]),
  };
}
