/** The command line that replays a conformance run or a shrunk counterexample (fast-check seed, path and commands replayPath). */
import type { ServiceId } from "../../model/services.js";
import type { RunConfig } from "../config.js";

/** Extracts fc.commands' `/*replayPath="…"*\/` from a printed counterexample. */
export function commandsReplayPathOf(printed: string): string | undefined {
  return /\/\*replayPath=['"](.*)['"]\*\//.exec(printed)?.[1];
}

/**
 * `npm run conformance -- --seed S [--services X --path P --commands-replay-path R]`, prefixed with
 * the target variables when not embedded. A shrunk failure replays its own service's property only.
 */
export function replayCommand(config: RunConfig, failure?: { seed: number; path: string; commandsReplayPath: string | undefined; service: ServiceId }): string {
  const env: string[] = [];
  if (config.target !== "embedded") env.push(`CONFORMANCE_TARGET=${config.target}`);
  if (config.rulesEdition !== "2020") env.push(`CONFORMANCE_RULES_EDITION=${config.rulesEdition}`);
  const args = [`--seed ${failure?.seed ?? config.seed}`, `--runs ${config.runs}`, `--max-commands ${config.maxCommands}`];
  if (config.deferred) args.push("--deferred");
  if (failure !== undefined) args.push(`--services ${failure.service}`);
  else if (config.services !== undefined) args.push(`--services ${config.services.join(",")}`);
  if (failure !== undefined) {
    args.push(`--path ${failure.path}`);
    if (failure.commandsReplayPath !== undefined) args.push(`--commands-replay-path '${failure.commandsReplayPath}'`);
  }
  return [...env, "npm run conformance --", ...args].join(" ");
}
