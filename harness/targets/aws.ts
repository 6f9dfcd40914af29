/**
 * The `aws` target: AWS's own regional endpoints, signed with the SDK's default credentials.
 * Inspector Classic reached end of support on 2026-05-20 and its endpoints no longer answer
 * (facts §1.4): the probe recognises that within its deadline and says so (INSPECTOR_CLASSIC_EOL).
 */
import type { RunConfig } from "../config.js";
import type { HarnessTarget } from "./harness-target.js";
import { createRemoteTarget } from "./remote.js";

/** The sentence every report of an unreachable Classic endpoint on AWS starts with (facts §1.4). */
export const INSPECTOR_CLASSIC_EOL = "Amazon Inspector Classic reached end of support on 2026-05-20";

/** Builds the aws target (no endpoint override: real AWS hostnames). */
export function createAwsTarget(config: RunConfig, env: NodeJS.ProcessEnv): HarnessTarget {
  return createRemoteTarget("aws", config, env, {});
}
