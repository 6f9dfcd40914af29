/** The model's `Resource` shape (with ResourceDetails) of each simulated resource. */
import { epochSeconds } from "../ids.js";
import type { SimResource } from "./resources.js";

/** The `Resource.type` of a simulated resource. */
export function resourceTypeOf(resource: SimResource): string {
  switch (resource.kind) {
    case "ec2":
      return "AWS_EC2_INSTANCE";
    case "ecr":
      return "AWS_ECR_CONTAINER_IMAGE";
    case "lambda":
      return "AWS_LAMBDA_FUNCTION";
    case "code":
      return "CODE_REPOSITORY";
  }
}

/** The resource id the API uses: instance id, image or function ARN, repository resource id. */
export function resourceIdOf(resource: SimResource): string {
  return resource.kind === "ec2" ? resource.instanceId : resource.resourceId;
}

/** The tags of a resource (images and repositories have none). */
export function resourceTagsOf(resource: SimResource): Record<string, string> {
  return resource.kind === "ec2" || resource.kind === "lambda" ? { ...resource.tags } : {};
}

function detailsOf(resource: SimResource): Record<string, unknown> {
  switch (resource.kind) {
    case "ec2":
      return {
        awsEc2Instance: {
          type: resource.instanceType,
          imageId: resource.amiId,
          ipV4Addresses: [resource.ipV4],
          ipV6Addresses: [],
          keyName: resource.keyName,
          vpcId: resource.vpcId,
          subnetId: resource.subnetId,
          launchedAt: epochSeconds(resource.launchedAt),
          platform: resource.platform,
        },
      };
    case "ecr":
      return {
        awsEcrContainerImage: {
          repositoryName: resource.repositoryName,
          imageTags: [...resource.imageTags],
          pushedAt: epochSeconds(resource.pushedAt),
          architecture: resource.architecture,
          imageHash: resource.imageHash,
          registry: resource.registry,
          platform: resource.platform,
          lastInUseAt: epochSeconds(resource.lastInUseAt),
          inUseCount: resource.inUseCount,
        },
      };
    case "lambda":
      return {
        awsLambdaFunction: {
          functionName: resource.functionName,
          runtime: resource.runtime,
          codeSha256: resource.codeSha256,
          version: resource.version,
          executionRoleArn: resource.executionRoleArn,
          ...(resource.layers.length > 0 ? { layers: [...resource.layers] } : {}),
          packageType: "ZIP",
          architectures: [resource.architecture],
          lastModifiedAt: epochSeconds(resource.lastModifiedAt),
        },
      };
    case "code":
      return { codeRepository: { projectName: resource.projectName, integrationArn: resource.integrationArn, providerType: resource.providerType } };
  }
}

/** The `Resource` of a finding. */
export function resourceWire(resource: SimResource, region: string): Record<string, unknown> {
  const tags = resourceTagsOf(resource);
  return {
    type: resourceTypeOf(resource),
    id: resourceIdOf(resource),
    partition: "aws",
    region,
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    details: detailsOf(resource),
  };
}
