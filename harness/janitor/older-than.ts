/**
 * `--older-than`: how long ago a run must have started for the janitor to take what it left, so that
 * the things of a run still going are not deleted under it. A duration is a whole number with a unit
 * (`90s`, `90m`, `2h`, `1d`) or `0` (every stamped thing, whenever its run started).
 */
import { z } from "zod";

/** Milliseconds per duration unit. */
const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The default `--older-than`: a run on AWS takes minutes to execute and up to about 20 to collect. */
export const DEFAULT_OLDER_THAN = "2h";

/** `--older-than` text to milliseconds; the message says what a duration looks like. */
export const olderThanSchema = z
  .string()
  .trim()
  .regex(/^(0|\d+[smhd])$/, { error: "must be a duration such as 90m, 2h or 1d (units s, m, h, d), or 0" })
  .transform((text) => (text === "0" ? 0 : Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1)]!));

/** Parses `--older-than` (DEFAULT_OLDER_THAN when absent); throws zod's error for anything else. */
export function parseOlderThan(text: string | undefined): number {
  return olderThanSchema.parse(text ?? DEFAULT_OLDER_THAN);
}

/** An age for a line of output: `1d03h`, `3h00m`, `45m`, `30s` (rounded down). */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d${pad(Math.floor((s % 86_400) / 3600))}h`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}
