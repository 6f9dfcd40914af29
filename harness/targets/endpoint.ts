/**
 * The `endpoint` target: any emulator at AWS_ENDPOINT_URL (per-service AWS_ENDPOINT_URL_INSPECTOR,
 * _INSPECTOR2, _CLOUDTRAIL, _STS override it), signed with the SDK's default credentials.
 */
import { servicesOf, type RunConfig } from "../config.js";
import { endpointsFromEnv } from "./endpoint-env.js";
import type { HarnessTarget } from "./harness-target.js";
import { createRemoteTarget } from "./remote.js";

/** Builds the endpoint target; throws ConfigError when no valid endpoint URL is set. */
export function createEndpointTarget(config: RunConfig, env: NodeJS.ProcessEnv): HarnessTarget {
  return createRemoteTarget("endpoint", config, env, endpointsFromEnv(env, servicesOf(config)));
}
