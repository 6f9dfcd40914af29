/**
 * The conformance run's configuration: the environment variables and command-line flags of docs/configuration.md,
 * validated with zod. Bad configuration fails before anything runs, naming the variable and the fix.
 */
import { z } from "zod";
import { OPT_IN_CLASSES } from "../model/inspector2-operation-classes.js";
import { SERVICE_IDS, type ServiceId } from "../model/services.js";
import { TARGET_NAMES } from "./targets/target.js";
import { targetProfile } from "./targets/target-profile.js";

/**
 * Every setting of a run: its flag as the user types it (`npm run conformance -- --lookup-rps 2`),
 * the environment variable that also sets it (docs/configuration.md), and whether the flag takes a
 * value. The command-line parser is built from this table and every message names a setting by it.
 */
export const CONFIG_OPTIONS = {
  target: { flag: "--target", env: "CONFORMANCE_TARGET", type: "string", what: "`embedded`, `endpoint` or `aws`" },
  services: { flag: "--services", env: "CONFORMANCE_SERVICES", type: "string", what: "the services to check, comma-separated: `inspector` (Classic), `inspector2` (v2)" },
  awsAccounts: { flag: "--aws-accounts", env: "CONFORMANCE_AWS_ACCOUNTS", type: "string", what: "`aws` target: the accounts it may call (comma-separated); any other account stops the run before a call" },
  allow: { flag: "--allow", env: "CONFORMANCE_ALLOW", type: "string", what: "`aws` target: Inspector v2 classes to call besides reads and self-contained resources: `account-state`, `organization`, `external`" },
  region: { flag: "--region", env: "AWS_REGION", type: "string", what: "region of the calls" },
  seed: { flag: "--seed", env: "CONFORMANCE_SEED", type: "string", what: "fast-check seed" },
  runs: { flag: "--runs", env: "CONFORMANCE_RUNS", type: "string", what: "random sequences after the coverage sweep" },
  maxCommands: { flag: "--max-commands", env: "CONFORMANCE_MAX_COMMANDS", type: "string", what: "longest sequence" },
  maxShrinks: { flag: "--max-shrinks", env: "CONFORMANCE_MAX_SHRINKS", type: "string", what: "interactive mode: most sequences run while shrinking a failure (0: report it as drawn; none: shrink until the 60 s property limit)" },
  failFast: { flag: "--fail-fast", env: "CONFORMANCE_FAIL_FAST", type: "boolean", what: "interactive mode: stop executing at the first failure, once shrunk (no coverage sweep after it; what was not reached is unknown)" },
  rulesEdition: { flag: "--rules-edition", env: "CONFORMANCE_RULES_EDITION", type: "string", what: "`2020` or `2017` wording of the Inspector Classic logging note (v2 has one rule table)" },
  roleArn: { flag: "--role-arn", env: "CONFORMANCE_ROLE_ARN", type: "string", what: "role for AssumedRole" },
  deferred: { flag: "--deferred", env: "CONFORMANCE_DEFERRED", type: "boolean", what: "execute all, collect once, check" },
  collectDeadlineMs: { flag: "--collect-deadline-ms", env: "CONFORMANCE_COLLECT_DEADLINE_MS", type: "string", what: "how long to wait for records" },
  collectPollMs: { flag: "--collect-poll-ms", env: "CONFORMANCE_COLLECT_POLL_MS", type: "string", what: "wait between LookupEvents passes while records are missing" },
  lookupRequestsPerSecond: { flag: "--lookup-rps", env: "CONFORMANCE_LOOKUP_RPS", type: "string", what: "LookupEvents requests per second (0: unlimited)" },
  callTimeoutMs: { flag: "--call-timeout-ms", env: "CONFORMANCE_CALL_TIMEOUT_MS", type: "string", what: "deadline of every call" },
  reportsDir: { flag: "--reports-dir", env: "CONFORMANCE_REPORTS_DIR", type: "string", what: "where reports and the run's history go" },
  trailDir: { flag: "--trail-dir", env: "CONFORMANCE_TRAIL_DIR", type: "string", what: "also check the trail files delivered under this folder" },
  checkChunkCalls: { flag: "--check-chunk-calls", env: "CONFORMANCE_CHECK_CHUNK_CALLS", type: "string", what: "deferred mode: calls checked at a time" },
  expectations: { flag: "--expectations", env: "CONFORMANCE_EXPECTATIONS", type: "string", what: "known deviations to judge the run against (docs/reports.md)" },
  updateExpectations: { flag: "--update-expectations", env: "CONFORMANCE_UPDATE_EXPECTATIONS", type: "string", what: "write the run's failing checks to this expectations file" },
  strict: { flag: "--strict", env: "CONFORMANCE_STRICT", type: "boolean", what: "against expectations, an unexpected pass fails the run" },
  shard: { flag: "--shard", env: "CONFORMANCE_SHARD", type: "string", what: "run shard i/n of the random sequences (the coverage sweep in shard 1)" },
  replayPath: { flag: "--path", env: undefined, type: "string", what: "replay a shrunk counterexample (printed by a failing run)" },
  commandsReplayPath: { flag: "--commands-replay-path", env: undefined, type: "string", what: "with `--path`: the counterexample's command replay path" },
} as const satisfies Record<string, { flag: `--${string}`; env: string | undefined; type: "string" | "boolean"; what: string }>;

/** A setting's key. */
export type ConfigKey = keyof typeof CONFIG_OPTIONS;

/** Environment variables read, by setting (docs/configuration.md). */
export const CONFIG_ENV = Object.fromEntries(
  Object.entries(CONFIG_OPTIONS).flatMap(([key, o]) => (o.env !== undefined ? [[key, o.env]] : [])),
) as { [K in ConfigKey as (typeof CONFIG_OPTIONS)[K]["env"] extends string ? K : never]: (typeof CONFIG_OPTIONS)[K]["env"] };

/** `--lookup-rps / CONFORMANCE_LOOKUP_RPS`: how a message names a setting. */
export function settingName(key: ConfigKey): string {
  const o: { flag: string; env: string | undefined } = CONFIG_OPTIONS[key];
  return o.env !== undefined ? `${o.flag} / ${o.env}` : o.flag;
}

/** node:util parseArgs options for every setting, keyed by flag name without the dashes. */
export function parseArgsOptions(): Record<string, { type: "string" | "boolean" }> {
  return Object.fromEntries(Object.values(CONFIG_OPTIONS).map((o) => [o.flag.slice(2), { type: o.type }]));
}

/** The parsed flags (parseArgs `values`) as settings, by key. */
export function flagsOf(values: Record<string, string | boolean | undefined>): Partial<Record<ConfigKey, unknown>> {
  return Object.fromEntries(Object.entries(CONFIG_OPTIONS).map(([key, o]) => [key, values[o.flag.slice(2)]]));
}

/** A whole number given as text (flag or variable), with a message that says so. */
const wholeNumber = () => z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" });

const boolish = z.preprocess((v) => (typeof v === "string" ? ["1", "true", "yes", ""].includes(v.toLowerCase()) : v), z.boolean());

/**
 * `inspector,inspector2` (or, from code, `["inspector"]`) as a list of service ids, each once, in the
 * suite's order; unset: undefined (the default depends on the target: both on emulators,
 * `inspector2` on aws, see servicesOf).
 */
const serviceList = z
  .union([z.string().transform((text) => text.split(",")), z.array(z.string())])
  .transform((names) => names.map((s) => s.trim()).filter((s) => s !== ""))
  .pipe(
    z
      .array(z.enum(SERVICE_IDS, { error: `each service must be one of ${SERVICE_IDS.join(", ")}` }))
      .min(1, { error: `name at least one service: ${SERVICE_IDS.join(", ")}` }),
  )
  .transform((ids) => SERVICE_IDS.filter((id) => ids.includes(id)));

/** A comma-separated list (or, from code, an array) of trimmed, non-empty items. */
const commaList = z.union([z.string().transform((text) => text.split(",")), z.array(z.string())]).transform((items) => items.map((s) => s.trim()).filter((s) => s !== ""));

/** One shard of a run: the `index`-th (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `i/n` (`--shard 2/3`) as a shard, with 1 ≤ i ≤ n. */
const shardSpec = z
  .string()
  .regex(/^\d+\/\d+$/, "must be i/n, such as 2/3 (the 2nd of 3 shards)")
  .transform((text): Shard => {
    const [index, count] = text.split("/").map(Number) as [number, number];
    return { index, count };
  })
  .refine((s) => s.count >= 1 && s.index >= 1 && s.index <= s.count, "must be i/n with 1 ≤ i ≤ n, such as 2/3");

/** The run configuration schema with its documented defaults. */
export const runConfigSchema = z.object({
  target: z.enum(TARGET_NAMES).default("embedded"),
  /** The services to check (`--services inspector,inspector2`); unset: servicesOf's default for the target. */
  services: serviceList.optional(),
  /** The aws target calls only an account listed here (the one STS GetCallerIdentity names). */
  awsAccounts: commaList.pipe(z.array(z.string().regex(/^\d{12}$/, "each account must be a 12-digit AWS account id"))).default([]),
  /**
   * Classes of v2 operation the aws target may call besides reads and self-contained resources
   * (model/inspector2-operation-classes.ts); emulator targets call every class.
   */
  allow: commaList.pipe(z.array(z.enum(OPT_IN_CLASSES, { error: `each class must be one of ${OPT_IN_CLASSES.join(", ")}` }))).default([]),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as us-east-1").default("us-east-1"),
  seed: wholeNumber().default(42),
  runs: wholeNumber().min(1).max(100_000).default(40),
  maxCommands: wholeNumber().min(1).max(1000).default(12),
  /**
   * Interactive mode: the most sequences run while shrinking a failure, as QuickCheck's `maxShrinks`
   * (0: the failing sequence is reported as it was drawn). Unset: shrinking stops only at the
   * property's time limit.
   */
  maxShrinks: wholeNumber().min(0).optional(),
  /**
   * Interactive mode: once a failing sequence is shrunk, nothing more is executed (no coverage
   * sweep, no other service's calls); the report is a fail with what was not reached unknown.
   */
  failFast: boolish.default(false),
  rulesEdition: z.enum(["2020", "2017"]).default("2020"),
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "an IAM role ARN").optional(),
  deferred: boolish.default(false),
  collectDeadlineMs: wholeNumber().min(0).optional(),
  /** Wait between LookupEvents passes while records are missing (default: the target profile's). */
  collectPollMs: wholeNumber().min(0).optional(),
  lookupRequestsPerSecond: z.coerce.number({ error: "must be a number (requests per second; 0 = unlimited)" }).min(0).optional(),
  callTimeoutMs: wholeNumber().min(100).default(10_000),
  reportsDir: z.string().min(1).default("reports"),
  /**
   * Also check the trail log files delivered under this folder (AWSLogs/...): the embedded target's
   * emulator writes them there; for an endpoint, the folder its emulator delivers to.
   */
  trailDir: z.string().min(1).optional(),
  /** Deferred mode: calls read back from the history and checked at a time (memory stays flat however long the run). */
  checkChunkCalls: wholeNumber().min(1).default(5_000),
  /** Known deviations to judge the run against (harness/report/expectations.ts). */
  expectations: z.string().min(1, "a file path such as expectations.json").optional(),
  /** Write the run's failing checks to this expectations file (keeping the reasons of those still failing). */
  updateExpectations: z.string().min(1, "a file path such as expectations.json").optional(),
  /** Against expectations, a check expected to fail that passed fails the run (exit 1). */
  strict: boolish.default(false),
  /** Run only this shard of the random sequences: sequence k goes to shard (k mod n) + 1; the coverage sweep runs in shard 1. */
  shard: shardSpec.optional(),
  /** fast-check replay path of a shrunk counterexample (`--path`). */
  replayPath: z.string().regex(/^\d+(:\d+)*$/, "a fast-check path such as 0:1:3").optional(),
  /** fc.commands replayPath of that counterexample (`--commands-replay-path`, the `/*replayPath=…*\/` string). */
  commandsReplayPath: z.string().min(1).optional(),
});

/** A validated run configuration. */
export type RunConfig = z.infer<typeof runConfigSchema>;

/**
 * The services a run checks: those configured, else both on the emulator targets and Amazon
 * Inspector v2 alone on aws (Inspector Classic reached its end of support on 2026-05-20).
 */
export function servicesOf(config: Pick<RunConfig, "services" | "target">): readonly ServiceId[] {
  return config.services ?? targetProfile(config.target).services;
}

/** Raised for configuration that does not validate; the message lists each problem and its fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Settings that are valid each on its own but not together, one line each. */
function conflictsOf(config: RunConfig): string[] {
  if (config.failFast && (config.deferred || targetProfile(config.target).alwaysDeferred)) {
    const why = config.deferred ? `got ${settingName("deferred")} too` : `the ${config.target} target always runs deferred`;
    return [`  ${settingName("failFast")}: stops an interactive run; a deferred run checks only after it has executed everything (${why})`];
  }
  return [];
}

/** Flags win over variables, variables over defaults. */
export function resolveRunConfig(flags: Partial<Record<keyof RunConfig, unknown>>, env: NodeJS.ProcessEnv): RunConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(runConfigSchema.shape) as ConfigKey[]) {
    const envName: string | undefined = CONFIG_OPTIONS[key].env;
    const fromEnv = envName === undefined ? undefined : env[envName];
    const value = flags[key] ?? (fromEnv === undefined || fromEnv === "" ? undefined : fromEnv);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = runConfigSchema.safeParse(raw);
  const lines = parsed.success
    ? conflictsOf(parsed.data)
    : parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]) as ConfigKey;
        return `  ${settingName(key)}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
      });
  if (parsed.success && lines.length === 0) return parsed.data;
  throw new ConfigError(`invalid conformance configuration:\n${lines.join("\n")}\nFix the flag or variable, or leave it out for the default (docs/configuration.md).`);
}
