/** Picks the target named by config.target (CONFORMANCE_TARGET). */
import type { EmulatorOptions } from "../../emulator/emulator.js";
import { FaultListError, parseFaultList } from "../../emulator/faults/catalogue.js";
import { ConfigError, type RunConfig } from "../config.js";
import { createAwsTarget } from "./aws.js";
import { createEmbeddedTarget } from "./embedded.js";
import { createEndpointTarget } from "./endpoint.js";
import type { HarnessTarget } from "./harness-target.js";

/**
 * The embedded emulator's options from the run: EMULATOR_FAULTS (named faults, for trying the suite
 * on a broken emulator) and the trail folder when trail files are to be checked.
 */
export function embeddedEmulatorOptions(config: RunConfig, env: NodeJS.ProcessEnv): EmulatorOptions {
  const faults = env["EMULATOR_FAULTS"];
  let parsed: readonly string[] | undefined;
  try {
    parsed = faults !== undefined && faults.trim() !== "" ? parseFaultList(faults) : undefined;
  } catch (err) {
    if (err instanceof FaultListError) {
      throw new ConfigError(`EMULATOR_FAULTS: ${err.message}\nSet EMULATOR_FAULTS to a comma-separated list of those names, or unset it to run the faithful emulator.`);
    }
    throw err;
  }
  return {
    ...(parsed !== undefined ? { faults: parsed } : {}),
    ...(config.trailDir !== undefined ? { trailDir: config.trailDir, trailIntervalMs: 60_000 } : {}),
  };
}

/** The target of the run: embedded (default), endpoint or aws. */
export function createTarget(config: RunConfig, env: NodeJS.ProcessEnv): HarnessTarget {
  switch (config.target) {
    case "embedded":
      return createEmbeddedTarget(config, embeddedEmulatorOptions(config, env));
    case "endpoint":
      return createEndpointTarget(config, env);
    case "aws":
      return createAwsTarget(config, env);
  }
}
