/**
 * The emulator's settings: one zod schema, read from command-line options and EMULATOR_* variables,
 * with the documented defaults. Bad settings fail with a message naming the option and the fix.
 */
import { z } from "zod";
import { FaultListError, parseFaultList } from "./faults/catalogue.js";

/** `EMULATOR_FAULTS` / `--faults`: comma-separated fault names, validated against the catalogue. */
const faultsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    try {
      return parseFaultList(value);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: err instanceof FaultListError ? err.message : String(err) });
      return z.NEVER;
    }
  })
  .default([]);

/** Named settings and their defaults (docs/emulator.md, "Emulator options" lists the same). */
export const emulatorSettingsSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce.number().int().min(0).max(65535).default(4566),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as us-east-1").default("us-east-1"),
  rulesEdition: z.enum(["2020", "2017"]).default("2020"),
  deliveryDelayMs: z.coerce.number().int().min(0).default(0),
  throttleLookupEvents: z.preprocess((v) => (typeof v === "string" ? v === "true" || v === "1" || v === "" : v), z.boolean()).default(false),
  trailDir: z.string().min(1).optional(),
  trailIntervalMs: z.coerce.number().int().min(100).default(60_000),
  accountsFile: z.string().min(1).optional(),
  maxBodyBytes: z.coerce.number().int().min(1024).default(1024 * 1024),
  faults: faultsSchema,
  /** Inspector v2 calls per second per account and Region before ThrottlingException; unset: never. */
  throttleInspector2: z.coerce.number().int().min(1).optional(),
});

/** Validated emulator settings. */
export type EmulatorSettings = z.infer<typeof emulatorSettingsSchema>;

/** Environment variable for each setting. */
export const SETTING_ENV: Record<keyof EmulatorSettings, string> = {
  host: "EMULATOR_HOST",
  port: "EMULATOR_PORT",
  region: "AWS_REGION",
  rulesEdition: "CONFORMANCE_RULES_EDITION",
  deliveryDelayMs: "EMULATOR_DELIVERY_DELAY_MS",
  throttleLookupEvents: "EMULATOR_THROTTLE_LOOKUP_EVENTS",
  trailDir: "EMULATOR_TRAIL_DIR",
  trailIntervalMs: "EMULATOR_TRAIL_INTERVAL_MS",
  accountsFile: "EMULATOR_ACCOUNTS",
  maxBodyBytes: "EMULATOR_MAX_BODY_BYTES",
  faults: "EMULATOR_FAULTS",
  throttleInspector2: "EMULATOR_THROTTLE_INSPECTOR2",
};

/** Raised for settings that do not validate; its message lists every problem. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/**
 * Merges command-line values over environment values over defaults, and validates.
 * @throws SettingsError naming each bad option, its variable and what it accepts.
 */
export function resolveSettings(cli: Partial<Record<keyof EmulatorSettings, unknown>>, env: NodeJS.ProcessEnv): EmulatorSettings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_ENV) as (keyof EmulatorSettings)[]) {
    const fromEnv = env[SETTING_ENV[key]];
    const value = cli[key] ?? (fromEnv === undefined || fromEnv === "" ? undefined : fromEnv);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = emulatorSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]) as keyof EmulatorSettings;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return `  ${flag} / ${SETTING_ENV[key] ?? "?"}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
  });
  throw new SettingsError(`invalid emulator settings:\n${lines.join("\n")}\nFix the option or variable, or leave it out for the default (docs/emulator.md, "Emulator options").`);
}
