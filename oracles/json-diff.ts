/**
 * Structural comparison of JSON values (as parsed from the wire or from a record): key order does
 * not matter, array order does. Reports the first differing path so a finding can point at it.
 */

/** The first place where two JSON values differ, or undefined when they are equal. */
export interface JsonDifference {
  /** Path relative to the compared roots, e.g. `.resourceGroupTags[0].key`; "" for the roots. */
  path: string;
  expected: unknown;
  actual: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The first difference between `expected` and `actual`, depth first; undefined when they are equal. */
export function firstJsonDifference(expected: unknown, actual: unknown, path = ""): JsonDifference | undefined {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return { path, expected, actual };
    if (expected.length !== actual.length) return { path: `${path}.length`, expected: expected.length, actual: actual.length };
    for (let i = 0; i < expected.length; i++) {
      const d = firstJsonDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isPlainObject(expected) || isPlainObject(actual)) {
    if (!isPlainObject(expected) || !isPlainObject(actual)) return { path, expected, actual };
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const d = firstJsonDifference(expected[key], actual[key], `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(expected, actual) || (expected === 0 && actual === 0) ? undefined : { path, expected, actual };
}

/** True when two JSON values are structurally equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return firstJsonDifference(a, b) === undefined;
}
