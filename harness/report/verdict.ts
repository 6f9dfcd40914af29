/**
 * The verdict of a run and its exit code, as Jepsen's checkers answer valid / invalid / unknown and
 * exit 1 for invalid, 2 for unknown (jepsen-io/jepsen, jepsen/src/jepsen/cli.clj, its "test" command; README "Exit codes and reports").
 *
 * - fail: a required check fails (evidence beats everything that could not be observed).
 * - unknown: a blocking incident (the target went down mid-run, records could not be read), or
 *   something required could not be observed: the target is unsupported (`target`, the
 *   service, `lookupEvents`), an operation with every family unknown (never observed), a rule
 *   family unknown for every operation, or an identity kind the target provides but that was never
 *   checked. One unknown cell of an observed operation (say `error` for an operation that never failed
 *   in this run) is listed in the messages but does not by itself make the run unknown: random cases
 *   cannot promise every (operation, family) pair, and the family is observed elsewhere.
 * - pass otherwise. Identity kinds that are `na`, and advisory checks, never change the verdict.
 */
import { SERVICES } from "../../model/services.js";
import type { Check, Incident, Unsupported } from "./check-types.js";
import { ALL_OPERATIONS, CHECK_PROPERTIES } from "./properties.js";

/** The run's verdict. */
export type Verdict = "pass" | "fail" | "unknown";

/** Exit codes of `npm run conformance` (README "Exit codes and reports"). */
export const EXIT_CODES: Readonly<Record<Verdict, 0 | 1 | 2>> = { pass: 0, fail: 1, unknown: 2 };

const required = (checks: readonly Check[]): Check[] => checks.filter((c) => c.severity === "required");

/** Operations whose every family check is unknown: never observed. */
export function unobservedOperations(checks: readonly Check[]): string[] {
  const byOp = new Map<string, Check[]>();
  for (const c of required(checks)) {
    if (c.operation === ALL_OPERATIONS) continue;
    byOp.set(c.operation, [...(byOp.get(c.operation) ?? []), c]);
  }
  return [...byOp].filter(([, cs]) => cs.every((c) => c.status === "unknown")).map(([op]) => op);
}

/** Rule families that are unknown for every operation. */
export function unobservedFamilies(checks: readonly Check[]): string[] {
  return CHECK_PROPERTIES.filter((family) => {
    const cells = required(checks).filter((c) => c.operation !== ALL_OPERATIONS && c.property === family);
    return cells.length > 0 && cells.every((c) => c.status === "unknown");
  });
}

/** Identity kinds the target provides whose check could not be made. */
export function uncheckedIdentityKinds(checks: readonly Check[]): string[] {
  return required(checks).filter((c) => c.property.startsWith("identity:") && c.status === "unknown").map((c) => c.property.slice("identity:".length));
}

/** pass, fail or unknown, by the rules above. */
export function verdictOf(checks: readonly Check[], unsupported: readonly Unsupported[], incidents: readonly Incident[] = []): Verdict {
  if (required(checks).some((c) => c.status === "fail")) return "fail";
  const blocking = unsupported.some((u) => u.scope !== "sts") || incidents.some((i) => i.blocking);
  if (blocking || checks.length === 0) return "unknown";
  if (unobservedOperations(checks).length > 0 || unobservedFamilies(checks).length > 0 || uncheckedIdentityKinds(checks).length > 0) return "unknown";
  return "pass";
}

/** 0 pass, 1 fail, 2 unknown. */
export function exitCodeOf(verdict: Verdict): 0 | 1 | 2 {
  return EXIT_CODES[verdict];
}

const list = (items: readonly string[], max = 8): string =>
  items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;

/** What an unsupported scope means for the run, in words a user can act on. */
export function unsupportedVerdictMessage(u: Unsupported): string {
  switch (u.scope) {
    case "sts":
      return `STS is not available on the target (${u.reason}): identity kinds that need it are na; this alone does not change the verdict.`;
    case "target":
      return `The run could not use the target: ${u.reason}. Nothing was checked, so the verdict is unknown; fix what the message names and run again.`;
    case "inspector":
    case "inspector2":
      return `The target does not serve ${SERVICES[u.scope].title} (${u.reason}). None of its calls was checked, so its verdict is unknown; point the run at a target that serves it, or leave it out (--services).`;
    case "lookupEvents":
      return `The target's CloudTrail LookupEvents cannot be read (${u.reason}), so no record could be checked and the verdict is unknown; point the run at a target with LookupEvents, or give it a trail folder (--trail-dir).`;
  }
}

/** A distinct problem as the verdict names it: its label (`P1`), its title and counts, and the checks it explains. */
export interface ProblemRef {
  label: string;
  text: string;
  checks: readonly string[];
}

/**
 * What failed: the distinct problems that explain the failing checks (each named once with its
 * counts), then any failing check no problem explains; without problems, the failing checks.
 */
function failingLine(failing: readonly Check[], problems: readonly ProblemRef[] | undefined): string {
  const cells = `${failing.length} required check${failing.length === 1 ? "" : "s"}`;
  if (problems === undefined) return `${cells} failed: ${list(failing.map((c) => c.id))}. Each has a counterexample with expected and actual values (conformance.md, conformance.html).`;
  const ids = new Set(failing.map((c) => c.id));
  const named = problems.filter((p) => p.checks.some((id) => ids.has(id)));
  const unexplained = failing.filter((c) => !named.some((p) => p.checks.includes(c.id)));
  const parts: string[] = [];
  if (named.length > 0) {
    parts.push(`${named.length} distinct problem${named.length === 1 ? "" : "s"} fail${named.length === 1 ? "s" : ""} ${cells}: ${named.map((p) => `${p.label} ${p.text}`).join("; ")}. Each problem has its smallest counterexample and replay command (above, conformance.md, conformance.html).`);
  }
  if (unexplained.length > 0) parts.push(`${unexplained.length} failing check${unexplained.length === 1 ? "" : "s"} no problem explains: ${list(unexplained.map((c) => c.id))}.`);
  return parts.join(" ");
}

/**
 * Top-level explanations of the verdict: what failed (by distinct problem when `problems` is given),
 * what could not be observed, and what to do.
 */
export function explainVerdict(checks: readonly Check[], unsupported: readonly Unsupported[], incidents: readonly Incident[] = [], problems?: readonly ProblemRef[]): string[] {
  const out: string[] = [];
  // A stopped run or unread records already say why parts were not observed: no list of gaps after them.
  const quiet = unsupported.some((u) => u.scope !== "sts") || incidents.some((i) => i.blocking);
  const failing = required(checks).filter((c) => c.status === "fail");
  if (failing.length > 0) out.push(failingLine(failing, problems));
  for (const u of unsupported) out.push(unsupportedVerdictMessage(u));
  if (checks.length === 0) out.push("No check was made: the run produced no calls.");
  const ops = unobservedOperations(checks);
  if (ops.length > 0 && !quiet) {
    out.push(`${ops.length} operation${ops.length === 1 ? " was" : "s were"} never observed: ${list(ops)}. Run more cases or cover them in the generators.`);
  }
  const families = unobservedFamilies(checks);
  if (families.length > 0 && !quiet) {
    out.push(`Rule famil${families.length === 1 ? "y" : "ies"} not observed for any operation: ${families.join(", ")}.`);
  }
  const kinds = uncheckedIdentityKinds(checks);
  if (kinds.length > 0 && !quiet) out.push(`Identity kinds available but not checked: ${kinds.join(", ")}.`);
  const gaps = required(checks).filter((c) => c.status === "unknown" && c.operation !== ALL_OPERATIONS && !ops.includes(c.operation));
  if (gaps.length > 0 && !quiet) {
    out.push(`${gaps.length} cell${gaps.length === 1 ? "" : "s"} of observed operations could not be checked (e.g. ${list(gaps.map((c) => c.id), 5)}); they do not by themselves change the verdict.`);
  }
  if (out.length === 0 && quiet) out.push("No record that was read breaks a rule; what could not be executed or read is unknown (see above).");
  if (out.length === 0) out.push("Every required check passed: every operation and rule family was observed with no required finding.");
  return out;
}
