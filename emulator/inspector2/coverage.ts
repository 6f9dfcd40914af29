/**
 * Coverage of the simulated estate: one covered resource per (resource, scan type) whose scan type
 * is enabled: ENABLED types scan ACTIVE/SUCCESSFUL (last scanned when the type became enabled),
 * ENABLING types are INACTIVE/PENDING_INITIAL_SCAN. EC2 instances, the ECR repository and images and
 * the Lambda functions are scanned for packages; Lambda code (LAMBDA_CODE) and the code repository
 * for code.
 */
import type { Facets } from "./criteria.js";
import type { ScanKind } from "./estate/finding-catalogue.js";
import type { SimResource } from "./estate/resources.js";
import { resourceIdOf, resourceTagsOf, resourceTypeOf } from "./estate/resource-wire.js";
import type { Inspector2Env } from "./env.js";
import { partitionsInScope } from "./findings-view.js";
import { epochSeconds } from "./ids.js";
import { switchStatus } from "./scanning.js";
import type { RegionState } from "./state.js";

/** A covered resource with the facets CoverageFilterCriteria reads. */
export interface Covered {
  wire: Record<string, unknown>;
  facets: Facets;
  resource: SimResource | { kind: "ecr-repository"; name: string; arn: string };
}

function metadataOf(r: Covered["resource"], scanType: string): Record<string, unknown> {
  switch (r.kind) {
    case "ec2":
      return { ec2: { tags: { ...r.tags }, amiId: r.amiId, platform: r.osFamily } };
    case "ecr-repository":
      return { ecrRepository: { name: r.name, scanFrequency: "CONTINUOUS_SCAN" } };
    case "ecr":
      return { ecrImage: { tags: [...r.imageTags], imagePulledAt: epochSeconds(r.lastInUseAt), lastInUseAt: epochSeconds(r.lastInUseAt), inUseCount: r.inUseCount } };
    case "lambda":
      return { lambdaFunction: { functionTags: { ...r.tags }, layers: [...r.layers], functionName: r.functionName, runtime: r.runtime } };
    case "code":
      return {
        codeRepository: {
          projectName: r.projectName,
          integrationArn: r.integrationArn,
          providerType: r.providerType,
          providerTypeVisibility: "PRIVATE",
          ...(scanType === "CODE" ? { lastScannedCommitId: r.lastCommitId } : {}),
        },
      };
  }
}

function coveredOf(state: RegionState, env: Inspector2Env, type: ScanKind, r: Covered["resource"], scanType: "PACKAGE" | "CODE"): Covered | undefined {
  const status = switchStatus(state.scanning[type], env.now, env.timing.transitionMs);
  if (status !== "ENABLED" && status !== "ENABLING") return undefined;
  const enabled = status === "ENABLED";
  const resourceType = r.kind === "ecr-repository" ? "AWS_ECR_REPOSITORY" : resourceTypeOf(r);
  const resourceId = r.kind === "ecr-repository" ? r.arn : resourceIdOf(r);
  const lastScannedAt = enabled ? epochSeconds(new Date(state.scanning[type].changedAt.getTime() + env.timing.transitionMs)) : undefined;
  const scanStatus = enabled ? { statusCode: "ACTIVE", reason: "SUCCESSFUL" } : { statusCode: "INACTIVE", reason: "PENDING_INITIAL_SCAN" };
  const metadata = metadataOf(r, scanType);
  const wire: Record<string, unknown> = {
    resourceType,
    resourceId,
    accountId: state.accountId,
    scanType,
    scanStatus,
    resourceMetadata: metadata,
    ...(lastScannedAt !== undefined ? { lastScannedAt } : {}),
    ...(r.kind === "ec2" ? { scanMode: "EC2_SSM_AGENT_BASED" } : {}),
  };
  const tags = r.kind === "ecr-repository" ? {} : resourceTagsOf(r);
  const facets: Facets = {
    scanStatusCode: [scanStatus.statusCode],
    scanStatusReason: [scanStatus.reason],
    accountId: [state.accountId],
    resourceId: [resourceId],
    resourceType: [resourceType],
    scanType: [scanType],
    ecrRepositoryName: r.kind === "ecr" ? [r.repositoryName] : r.kind === "ecr-repository" ? [r.name] : [],
    ecrImageTags: r.kind === "ecr" ? [...r.imageTags] : [],
    ec2InstanceTags: r.kind === "ec2" ? tags : {},
    lambdaFunctionName: r.kind === "lambda" ? [r.functionName] : [],
    lambdaFunctionTags: r.kind === "lambda" ? tags : {},
    lambdaFunctionRuntime: r.kind === "lambda" ? [r.runtime] : [],
    lastScannedAt: lastScannedAt !== undefined ? [lastScannedAt] : [],
    scanMode: r.kind === "ec2" ? ["EC2_SSM_AGENT_BASED"] : [],
    imagePulledAt: r.kind === "ecr" ? [epochSeconds(r.lastInUseAt)] : [],
    ecrImageLastInUseAt: r.kind === "ecr" ? [epochSeconds(r.lastInUseAt)] : [],
    ecrImageInUseCount: r.kind === "ecr" ? [r.inUseCount] : [],
    codeRepositoryProjectName: r.kind === "code" ? [r.projectName] : [],
    codeRepositoryProviderType: r.kind === "code" ? [r.providerType] : [],
    codeRepositoryProviderTypeVisibility: r.kind === "code" ? ["PRIVATE"] : [],
    lastScannedCommitId: r.kind === "code" && scanType === "CODE" ? [r.lastCommitId] : [],
    cloudProvider: ["AWS"],
    cloudProviderAccountId: [state.accountId],
    cloudProviderRegion: [state.region],
  };
  return { wire, facets, resource: r };
}

/** Every covered resource the caller sees now (its account, and its members' when it is the administrator). */
export function coveredResources(env: Inspector2Env): Covered[] {
  return partitionsInScope(env).flatMap((state) => {
    const e = state.estate;
    const repository = { kind: "ecr-repository" as const, name: e.repositoryName, arn: e.repositoryArn };
    const entries: [ScanKind, Covered["resource"], "PACKAGE" | "CODE"][] = [
      ...e.instances.map((i): [ScanKind, Covered["resource"], "PACKAGE"] => ["EC2", i, "PACKAGE"]),
      ["ECR", repository, "PACKAGE"],
      ...e.images.map((i): [ScanKind, Covered["resource"], "PACKAGE"] => ["ECR", i, "PACKAGE"]),
      ...e.functions.map((f): [ScanKind, Covered["resource"], "PACKAGE"] => ["LAMBDA", f, "PACKAGE"]),
      ...e.functions.map((f): [ScanKind, Covered["resource"], "CODE"] => ["LAMBDA_CODE", f, "CODE"]),
      ["CODE_REPOSITORY", e.repository, "CODE"],
    ];
    return entries.map(([type, r, scanType]) => coveredOf(state, env, type, r, scanType)).filter((c): c is Covered => c !== undefined);
  });
}
