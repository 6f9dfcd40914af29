/**
 * What the `endpoint` and `aws` targets share: clients at given endpoints (or AWS's own), base
 * credentials from the SDK's default chain, root credentials from CONFORMANCE_ROOT_*, and the role
 * of CONFORMANCE_ROLE_ARN (default: the emulator's documented DEFAULT_ROLE_ARN).
 */
import { DEFAULT_ROLE_ARN } from "../../emulator/accounts/index.js";
import type { RunConfig } from "../config.js";
import { IdentityProvisioner } from "./identities.js";
import type { Credentials, TargetName } from "./target.js";
import { baseCredentials, rootCredentials } from "./credential-sources.js";
import type { HarnessTarget } from "./harness-target.js";
import { ServiceClients, type ServiceEndpoints } from "./service-clients.js";

/** Builds a target that reaches its services over the network. */
export function createRemoteTarget(name: Exclude<TargetName, "embedded">, config: RunConfig, env: NodeJS.ProcessEnv, endpoints: ServiceEndpoints): HarnessTarget {
  const clients = new ServiceClients({ region: config.region, endpoints, callTimeoutMs: config.callTimeoutMs });
  let base: Promise<Credentials> | undefined;
  const identities = new IdentityProvisioner({
    sts: (c) => clients.sts(c),
    base: () => {
      base ??= baseCredentials(env);
      base.catch(() => (base = undefined));
      return base;
    },
    root: () => rootCredentials(env),
    roleArn: config.roleArn ?? DEFAULT_ROLE_ARN,
    callTimeoutMs: config.callTimeoutMs,
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
