/**
 * The configuration table of docs/configuration.md, generated from the option parser's own table
 * (CONFIG_OPTIONS: flag, variable, what) and the defaults the run really uses: the schema's
 * defaults, and for the settings that depend on the target, the target profiles. `npm run -s
 * config-table` prints it; a test keeps the page equal to it, so the two cannot drift.
 */
import { CONFIG_OPTIONS, resolveRunConfig, type ConfigKey } from "./config.js";
import { TARGET_PROFILES } from "./targets/target-profile.js";
import { TARGET_NAMES } from "./targets/target.js";

/** `300 embedded, 5000 endpoint, 1200000 aws`, or one value when every target has the same. */
function perTarget(value: (target: (typeof TARGET_NAMES)[number]) => string): string {
  const values = TARGET_NAMES.map((t) => value(t));
  return new Set(values).size === 1 ? values[0]! : TARGET_NAMES.map((t, i) => `${values[i]} ${t}`).join(", ");
}

/** Defaults that are not one value of the schema: they depend on the target, or there is none. */
const DERIVED: Partial<Record<ConfigKey, () => string>> = {
  services: () => perTarget((t) => `\`${TARGET_PROFILES[t].services.join(",")}\``),
  deferred: () => perTarget((t) => (TARGET_PROFILES[t].alwaysDeferred ? "always" : "off")),
  collectDeadlineMs: () => perTarget((t) => String(TARGET_PROFILES[t].collectDeadlineMs)),
  collectPollMs: () => perTarget((t) => String(TARGET_PROFILES[t].collectPollMs)),
  lookupRequestsPerSecond: () => perTarget((t) => (TARGET_PROFILES[t].lookupRequestsPerSecond === 0 ? "unlimited" : String(TARGET_PROFILES[t].lookupRequestsPerSecond))),
  roleArn: () => "the reference emulator's `ConformanceRole` (none on aws)",
};

/** The default of `key` as the table writes it. */
function defaultText(key: ConfigKey, defaults: Record<string, unknown>): string {
  const derived = DERIVED[key];
  if (derived !== undefined) return derived();
  const value = defaults[key];
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return "none";
  if (typeof value === "boolean") return value ? "on" : "off";
  return `\`${String(value)}\``;
}

/** The Markdown table: one row per setting, in the parser's order. */
export function configTable(): string {
  const defaults = resolveRunConfig({}, {}) as unknown as Record<string, unknown>;
  const rows = (Object.keys(CONFIG_OPTIONS) as ConfigKey[]).map((key) => {
    const o: { flag: string; env: string | undefined; what: string } = CONFIG_OPTIONS[key];
    return `| \`${o.flag}\` | ${o.env !== undefined ? `\`${o.env}\`` : ""} | ${defaultText(key, defaults)} | ${o.what} |`;
  });
  return ["| flag | variable | default | what |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
