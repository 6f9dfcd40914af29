/**
 * The conformance run's configuration: DESIGN.md's environment variables plus command-line flags,
 * validated with zod. Bad configuration fails before anything runs, naming the variable and the fix.
 */
import { z } from "zod";

/** Environment variables read (DESIGN.md "Contracts", README "Configuration"). */
export const CONFIG_ENV = {
  target: "CONFORMANCE_TARGET",
  region: "AWS_REGION",
  seed: "CONFORMANCE_SEED",
  runs: "CONFORMANCE_RUNS",
  maxCommands: "CONFORMANCE_MAX_COMMANDS",
  rulesEdition: "CONFORMANCE_RULES_EDITION",
  roleArn: "CONFORMANCE_ROLE_ARN",
  deferred: "CONFORMANCE_DEFERRED",
  collectDeadlineMs: "CONFORMANCE_COLLECT_DEADLINE_MS",
  lookupRequestsPerSecond: "CONFORMANCE_LOOKUP_RPS",
  callTimeoutMs: "CONFORMANCE_CALL_TIMEOUT_MS",
  reportsDir: "CONFORMANCE_REPORTS_DIR",
  trailDir: "CONFORMANCE_TRAIL_DIR",
  checkChunkCalls: "CONFORMANCE_CHECK_CHUNK_CALLS",
} as const;

const boolish = z.preprocess((v) => (typeof v === "string" ? ["1", "true", "yes", ""].includes(v.toLowerCase()) : v), z.boolean());

/** The run configuration schema with its documented defaults. */
export const runConfigSchema = z.object({
  target: z.enum(["embedded", "endpoint", "aws"]).default("embedded"),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as us-east-1").default("us-east-1"),
  seed: z.coerce.number().int().default(42),
  runs: z.coerce.number().int().min(1).max(100_000).default(40),
  maxCommands: z.coerce.number().int().min(1).max(1000).default(12),
  rulesEdition: z.enum(["2020", "2017"]).default("2020"),
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "an IAM role ARN").optional(),
  deferred: boolish.default(false),
  collectDeadlineMs: z.coerce.number().int().min(0).optional(),
  lookupRequestsPerSecond: z.coerce.number().min(0).optional(),
  callTimeoutMs: z.coerce.number().int().min(100).default(10_000),
  reportsDir: z.string().min(1).default("reports"),
  /**
   * Also check the trail log files delivered under this folder (AWSLogs/...): the embedded target's
   * emulator writes them there; for an endpoint, the folder its emulator delivers to.
   */
  trailDir: z.string().min(1).optional(),
  /** Deferred mode: calls read back from the history and checked at a time (memory stays flat however long the run). */
  checkChunkCalls: z.coerce.number().int().min(1).default(5_000),
  /** fast-check replay path of a shrunk counterexample (`--path`). */
  replayPath: z.string().regex(/^\d+(:\d+)*$/, "a fast-check path such as 0:1:3").optional(),
  /** fc.commands replayPath of that counterexample (`--commands-replay-path`, the `/*replayPath=…*\/` string). */
  commandsReplayPath: z.string().min(1).optional(),
});

/** A validated run configuration. */
export type RunConfig = z.infer<typeof runConfigSchema>;

/** Raised for configuration that does not validate; the message lists each problem and its fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Flags win over variables, variables over defaults. */
export function resolveRunConfig(flags: Partial<Record<keyof RunConfig, unknown>>, env: NodeJS.ProcessEnv): RunConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(runConfigSchema.shape) as (keyof RunConfig)[]) {
    const envName = (CONFIG_ENV as Record<string, string | undefined>)[key];
    const fromEnv = envName === undefined ? undefined : env[envName];
    const value = flags[key] ?? (fromEnv === undefined || fromEnv === "" ? undefined : fromEnv);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = runConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    const envName = (CONFIG_ENV as Record<string, string | undefined>)[key];
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return `  ${flag}${envName ? ` / ${envName}` : ""}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
  });
  throw new ConfigError(`invalid conformance configuration:\n${lines.join("\n")}\nFix the flag or variable, or leave it out for the default (README, "Configuration").`);
}
