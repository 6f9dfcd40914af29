/**
 * Filter semantics of the List* operations, from the model's filter documentation: a name pattern
 * is "an explicit value or a string containing a wildcard" (`*` any run of characters, `?` one);
 * duration ranges and timestamp ranges match inclusively; "When multiple values are specified for a
 * filter attribute, any of the values can match", and an empty or absent list matches everything.
 */
import { invalidInput } from "./errors.js";
import type { KeyValue } from "./state.js";

/** True when `name` matches the wildcard `pattern` (whole string, case-sensitive). */
export function matchesPattern(pattern: string | null | undefined, name: string): boolean {
  if (pattern == null) return true;
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
  return new RegExp(`^${re}$`, "s").test(name);
}

/** True when `values` is empty/absent or contains `value`. */
export const anyOf = <T>(values: readonly T[] | null | undefined, value: T): boolean =>
  values == null || values.length === 0 || values.includes(value);

/** DurationRange `{minSeconds?, maxSeconds?}`. */
export interface DurationRange {
  minSeconds?: number | null;
  maxSeconds?: number | null;
}

/** TimestampRange `{beginDate?, endDate?}` in epoch seconds. */
export interface TimestampRange {
  beginDate?: number | null;
  endDate?: number | null;
}

/** Rejects a range whose lower end is above its upper end, with `errorCode`. */
export function checkRange(lo: number | null | undefined, hi: number | null | undefined, errorCode: string, what: string): void {
  if (lo != null && hi != null && lo > hi) throw invalidInput(errorCode, `The ${what} is invalid: its start (${lo}) is after its end (${hi}).`);
}

/** Inclusive membership of `seconds` in a duration range (absent range matches). */
export const inDuration = (range: DurationRange | null | undefined, seconds: number): boolean =>
  range == null || ((range.minSeconds == null || seconds >= range.minSeconds) && (range.maxSeconds == null || seconds <= range.maxSeconds));

/** Inclusive membership of `at` in a timestamp range; an undefined `at` matches only an absent range. */
export function inTimeRange(range: TimestampRange | null | undefined, at: Date | undefined): boolean {
  if (range == null || (range.beginDate == null && range.endDate == null)) return true;
  if (at === undefined) return false;
  const s = at.getTime() / 1000;
  return (range.beginDate == null || s >= range.beginDate) && (range.endDate == null || s <= range.endDate);
}

/** True when every wanted attribute (key and value) is present in `have`. */
export const containsAll = (wanted: readonly KeyValue[] | null | undefined, have: readonly KeyValue[]): boolean =>
  wanted == null || wanted.every((w) => have.some((h) => h.key === w.key && (w.value == null || h.value === w.value)));
