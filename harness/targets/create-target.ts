/** Picks the target named by config.target (CONFORMANCE_TARGET). */
import type { RunConfig } from "../config.js";
import { createAwsTarget } from "./aws.js";
import { createEmbeddedTarget } from "./embedded.js";
import { createEndpointTarget } from "./endpoint.js";
import type { HarnessTarget } from "./harness-target.js";

/** The target of the run: embedded (default), endpoint or aws. */
export function createTarget(config: RunConfig, env: NodeJS.ProcessEnv): HarnessTarget {
  switch (config.target) {
    case "embedded":
      return createEmbeddedTarget(config);
    case "endpoint":
      return createEndpointTarget(config, env);
    case "aws":
      return createAwsTarget(config, env);
  }
}
