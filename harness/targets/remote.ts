/**
 * What the `endpoint` and `aws` targets share: clients at given endpoints (or AWS's own), base
 * credentials from the SDK's default chain, and the account alias from IAM ListAccountAliases. They
 * differ in the identities they accept:
 * - `endpoint` (an emulator): Root from CONFORMANCE_ROOT_* keys or profile, or from base credentials
 *   that are the root user; AssumedRole on CONFORMANCE_ROLE_ARN, default the reference emulator's
 *   DEFAULT_ROLE_ARN; FederatedUser from an IAM user or the root user.
 * - `aws` (a real account): Root only from the profile CONFORMANCE_ROOT_PROFILE (never from keys in
 *   variables, never from base credentials); AssumedRole only on CONFORMANCE_ROLE_ARN (an emulator's
 *   role means nothing in a real account); FederatedUser only from an IAM user; the alias is read
 *   only for an account CONFORMANCE_AWS_ACCOUNTS lists (a run against any other calls nothing but STS).
 */
import { DEFAULT_ROLE_ARN } from "../../emulator/accounts/index.js";
import type { RunConfig } from "../config.js";
import { IdentityProvisioner, type IdentityRestrictions } from "./identities.js";
import type { Credentials, TargetName } from "./target.js";
import { awsRootCredentials, baseCredentials, rootCredentials } from "./credential-sources.js";
import type { HarnessTarget } from "./harness-target.js";
import { AccountAliasError, iamEndpointFromEnv, readAccountAlias } from "./iam-alias.js";
import { ServiceClients, type ServiceEndpoints } from "./service-clients.js";
import { targetProfile } from "./target-profile.js";

/** Why AssumedRole is `na` on the aws target without a role. */
export const AWS_NO_ROLE_REASON = "set CONFORMANCE_ROLE_ARN to a role the base user may assume (the aws target has no default role)";

/** What the aws target refuses although STS would allow it. */
export const AWS_IDENTITY_RESTRICTIONS: Readonly<Required<IdentityRestrictions>> = Object.freeze({
  baseRootIsNotRoot: "base credentials of the root user are not used as Root on aws",
  federationFromIamUserOnly: "the aws target calls GetFederationToken only with an IAM user's credentials (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE to an IAM user's access key)",
});

/**
 * The alias reader of a remote target: IAM at AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL, or AWS's own
 * iam.amazonaws.com on the aws target only (an endpoint target given no IAM URL calls nothing and
 * knows no alias: its credentials are not sent to AWS).
 */
function aliasReader(name: Exclude<TargetName, "embedded">, config: RunConfig, env: NodeJS.ProcessEnv) {
  const profile = targetProfile(name);
  return async (accountId: string, credentials: Credentials): Promise<string | undefined> => {
    if (profile.requiresAccountAllowList && !config.awsAccounts.includes(accountId)) return undefined;
    const where = iamEndpointFromEnv(env);
    if (where === "aws" && name !== "aws") return undefined;
    if (typeof where === "object" && "problem" in where) throw new AccountAliasError(where.problem);
    return readAccountAlias(credentials, where === "aws" ? undefined : where.url, config.callTimeoutMs);
  };
}

/** Builds a target that reaches its services over the network. */
export function createRemoteTarget(name: Exclude<TargetName, "embedded">, config: RunConfig, env: NodeJS.ProcessEnv, endpoints: ServiceEndpoints): HarnessTarget {
  const clients = new ServiceClients({ region: config.region, endpoints, callTimeoutMs: config.callTimeoutMs });
  const aws = name === "aws";
  let base: Promise<Credentials> | undefined;
  const identities = new IdentityProvisioner({
    sts: (c) => clients.sts(c),
    base: () => {
      base ??= baseCredentials(env);
      base.catch(() => (base = undefined));
      return base;
    },
    root: () => (aws ? awsRootCredentials(env) : rootCredentials(env)),
    roleArn: config.roleArn ?? (aws ? { na: AWS_NO_ROLE_REASON } : DEFAULT_ROLE_ARN),
    callTimeoutMs: config.callTimeoutMs,
    accountAlias: aliasReader(name, config, env),
    ...(aws ? { restrictions: AWS_IDENTITY_RESTRICTIONS } : {}),
  });
  let closed = false;
  return {
    name,
    endpoint: endpoints.inspector ?? endpoints.inspector2,
    endpoints,
    region: config.region,
    identities,
    client: (service, c) => clients.service(service, c),
    cloudtrail: (c) => clients.cloudtrail(c),
    sts: (c) => clients.sts(c),
    provision: (kind, n) => identities.provision(kind, n),
    close: async () => {
      if (closed) return;
      closed = true;
      clients.destroy();
    },
  };
}
