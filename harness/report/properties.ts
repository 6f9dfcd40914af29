/**
 * The columns of the conformance matrix: one per rule family of docs/rules.md (1 shape,
 * 2 logging and its error-event bullet, 3 echo, 4 identity, 5 correlated, 6 completeness).
 * The `fixture` family of the oracles is about AWS's documentation records, not about a target,
 * so it is not a column.
 */
import type { RuleFamily } from "../../oracles/finding.js";

/** The rule families a target is checked against, in report order. */
export const CHECK_PROPERTIES = ["shape", "logging", "error", "echo", "identity", "correlated", "completeness"] as const;

/** One column of the matrix. */
export type CheckProperty = (typeof CHECK_PROPERTIES)[number];

/** True when a rule family is a matrix column (every family but `fixture`). */
export function isCheckProperty(family: RuleFamily | string): family is CheckProperty {
  return (CHECK_PROPERTIES as readonly string[]).includes(family);
}

/** The operation name used by run-wide checks (identity kinds, records that match no call). */
export const ALL_OPERATIONS = "*";
