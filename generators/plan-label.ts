/**
 * What a plan tests, as data first and words second: valid, one boundary, or one broken constraint,
 * with the member path, so reports can say exactly what was exercised.
 */
import type { BoundaryKind, ConstraintKind } from "./constraint-sites.js";

/** The three kinds of generated input. */
export type PlanMode = "valid" | "boundary" | "invalid";

/** Every plan mode, in a stable order. */
export const PLAN_MODES: readonly PlanMode[] = ["valid", "boundary", "invalid"];

/** A plan's static label (the run-time part, pool or unknown ARNs, is in the resolved references). */
export type PlanLabel =
  | { mode: "valid" }
  | { mode: "boundary"; path: string; boundary: BoundaryKind; limit: number }
  | { mode: "invalid"; path: string; constraint: ConstraintKind; limit?: number };

/** One-line form: `valid`, `boundary maxLength=300 at findingArns[0]`, `invalid tooLong(>300) at assessmentTargetName`. */
export function formatLabel(label: PlanLabel): string {
  switch (label.mode) {
    case "valid":
      return "valid";
    case "boundary":
      return `boundary ${label.boundary}=${label.limit} at ${label.path}`;
    case "invalid": {
      const limit = label.limit === undefined ? "" : label.constraint === "tooShort" || label.constraint === "tooFewItems" || label.constraint === "belowMinimum" ? `(<${label.limit})` : `(>${label.limit})`;
      return `invalid ${label.constraint}${limit} at ${label.path}`;
    }
  }
}
