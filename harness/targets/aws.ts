/**
 * The `aws` target: AWS's own regional endpoints, signed with the SDK's default credentials.
 * Inspector Classic reached end of support on 2026-05-20 (AWS's "End of support notice" on the Inspector
 * Classic user guide pages, e.g. https://docs.aws.amazon.com/inspector/v1/userguide/inspector-arns-resources.html)
 * and its endpoints no longer answer (wazuh/wazuh issue #38685: a connect timeout): the probe
 * recognises that within its deadline and says so (INSPECTOR_CLASSIC_EOL).
 */
import type { RunConfig } from "../config.js";
import type { HarnessTarget } from "./harness-target.js";
import { servicesOf } from "../config.js";
import { ENDPOINT_ENV, endpointsFromEnv } from "./endpoint-env.js";
import { createRemoteTarget } from "./remote.js";

/** The sentence every report of an unreachable Classic endpoint on AWS starts with (AWS's Inspector Classic "End of support notice"). */
export const INSPECTOR_CLASSIC_EOL = "Amazon Inspector Classic reached end of support on 2026-05-20";

/**
 * Builds the aws target: AWS's own hostnames, or, when a standard endpoint variable is set
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>), those endpoints, as the SDK itself would: the aws
 * target's policies (allowed accounts, operation classes, deferred collection, cleanup), not its
 * transport, are what differ from the endpoint target, so an AWS-like emulator can stand in.
 */
export function createAwsTarget(config: RunConfig, env: NodeJS.ProcessEnv): HarnessTarget {
  const overridden = Object.values(ENDPOINT_ENV).some((name) => (env[name] ?? "").trim() !== "");
  return createRemoteTarget("aws", config, env, overridden ? endpointsFromEnv(env, servicesOf(config)) : {});
}
