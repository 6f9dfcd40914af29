/**
 * The simulated estate of one account in one region: two EC2 instances, one ECR repository with two
 * images, two Lambda functions and one code repository. Everything is derived from the account and
 * region, so the same estate (same ids, hashes, tags and dates) appears in every run. It is an
 * emulator choice, not AWS data; ids follow the model's patterns (i-…, ami-…, sha256:…, project-…).
 */
import { codeSecurityIntegrationArn } from "../../../model/inspector2-arn.js";
import { seededHex, seededUuid } from "../ids.js";

/** A simulated EC2 instance with the SSM agent. */
export interface SimInstance {
  kind: "ec2";
  instanceId: string;
  amiId: string;
  platform: string;
  osFamily: "LINUX" | "WINDOWS";
  instanceType: string;
  vpcId: string;
  subnetId: string;
  ipV4: string;
  keyName: string;
  tags: Record<string, string>;
  launchedAt: Date;
}

/** A simulated ECR image. */
export interface SimImage {
  kind: "ecr";
  repositoryName: string;
  registry: string;
  imageHash: string;
  imageTags: string[];
  pushedAt: Date;
  lastInUseAt: Date;
  inUseCount: number;
  architecture: string;
  platform: string;
  layerHash: string;
  /** `arn:aws:ecr:<region>:<account>:repository/<name>/<hash>`: the image's resource id. */
  resourceId: string;
  repositoryArn: string;
}

/** A simulated Lambda function. */
export interface SimFunction {
  kind: "lambda";
  functionName: string;
  resourceId: string;
  runtime: string;
  codeSha256: string;
  version: string;
  executionRoleArn: string;
  layers: string[];
  tags: Record<string, string>;
  lastModifiedAt: Date;
  architecture: "X86_64" | "ARM64";
}

/** A simulated code repository behind a GitHub integration. */
export interface SimRepository {
  kind: "code";
  projectId: string;
  projectName: string;
  integrationArn: string;
  providerType: "GITHUB";
  resourceId: string;
  lastCommitId: string;
}

/** One resource of the estate. */
export type SimResource = SimInstance | SimImage | SimFunction | SimRepository;

/** The whole estate of one account and region. */
export interface Estate {
  instances: SimInstance[];
  repositoryName: string;
  repositoryArn: string;
  images: SimImage[];
  functions: SimFunction[];
  repository: SimRepository;
}

const at = (iso: string): Date => new Date(iso);

/** The estate of `accountId` in `region`. */
export function estateOf(accountId: string, region: string): Estate {
  const seed = (what: string) => `${accountId}/${region}/${what}`;
  const instance = (name: string, env: string, platform: string, ip: string, launched: string): SimInstance => ({
    kind: "ec2",
    instanceId: `i-${seededHex(seed(`instance/${name}`), 17)}`,
    amiId: `ami-${seededHex(seed(`ami/${platform}`), 17)}`,
    platform,
    osFamily: "LINUX",
    instanceType: "t3.medium",
    vpcId: `vpc-${seededHex(seed("vpc"), 17)}`,
    subnetId: `subnet-${seededHex(seed(`subnet/${env}`), 17)}`,
    ipV4: ip,
    keyName: `${env}-key`,
    tags: { Name: name, Environment: env },
    launchedAt: at(launched),
  });
  const repositoryName = "web-app";
  const repositoryArn = `arn:aws:ecr:${region}:${accountId}:repository/${repositoryName}`;
  const image = (tags: string[], pushed: string, inUse: number): SimImage => {
    const imageHash = `sha256:${seededHex(seed(`image/${tags[tags.length - 1]}`), 64)}`;
    return {
      kind: "ecr",
      repositoryName,
      registry: accountId,
      imageHash,
      imageTags: tags,
      pushedAt: at(pushed),
      lastInUseAt: at("2026-02-01T12:00:00Z"),
      inUseCount: inUse,
      architecture: "amd64",
      platform: "DEBIAN_12",
      layerHash: `sha256:${seededHex(seed(`layer/${tags[tags.length - 1]}`), 64)}`,
      resourceId: `${repositoryArn}/${imageHash}`,
      repositoryArn,
    };
  };
  const fn = (name: string, runtime: string, layers: string[], env: string, modified: string): SimFunction => ({
    kind: "lambda",
    functionName: name,
    resourceId: `arn:aws:lambda:${region}:${accountId}:function:${name}:$LATEST`,
    runtime,
    codeSha256: Buffer.from(seededHex(seed(`code/${name}`), 64), "hex").toString("base64"),
    version: "$LATEST",
    executionRoleArn: `arn:aws:iam::${accountId}:role/${name}-role`,
    layers,
    tags: { Service: name, Environment: env },
    lastModifiedAt: at(modified),
    architecture: "X86_64",
  });
  const integrationArn = codeSecurityIntegrationArn(region, accountId, seededUuid(seed("estate-integration")));
  const projectId = `project-${seededUuid(seed("project/payments-service"))}`;
  return {
    instances: [
      instance("web-server", "production", "AMAZON_LINUX_2", "10.0.1.15", "2026-01-10T08:00:00Z"),
      instance("batch-worker", "staging", "UBUNTU_22_04", "10.0.2.27", "2026-01-11T09:30:00Z"),
    ],
    repositoryName,
    repositoryArn,
    images: [image(["latest", "v1.4.2"], "2026-01-12T10:00:00Z", 2), image(["v1.3.0"], "2025-11-20T15:45:00Z", 0)],
    functions: [
      fn("orders-api", "NODEJS_18_X", [`arn:aws:lambda:${region}:${accountId}:layer:shared-deps:3`], "production", "2026-01-14T11:00:00Z"),
      fn("invoice-renderer", "PYTHON_3_11", [], "production", "2026-01-15T16:20:00Z"),
    ],
    repository: {
      kind: "code",
      projectId,
      projectName: "example-org/payments-service",
      integrationArn,
      providerType: "GITHUB",
      resourceId: `${integrationArn}/${projectId}`,
      lastCommitId: seededHex(seed("commit"), 40),
    },
  };
}
