/**
 * Distinct problems: a run's findings grouped so that one fault of the target is one entry, not one
 * per matrix cell. Pure: computed from what conformance.json holds (its finding tally, checks,
 * identities and coverage), so a merged report computes its own.
 *
 * How findings group:
 * - same code, severity and path pattern (indices and ids abstracted: finding-tally.ts pathPattern),
 *   across operations and services;
 * - identity rules also by caller kind: CloudTrail's userIdentity element is documented per identity
 *   type (AWS's "CloudTrail userIdentity element" page), so `identity.type_mismatch` for AssumedRole
 *   callers and for FederatedUser callers are two problems;
 * - codes on the same top-level record field that hit exactly the same calls are one problem, the
 *   most frequent code first and the others `related`: one wrong value breaks several rules (an
 *   AssumedRole caller recorded as IAMUser gives `identity.type_mismatch` and, since the ARN then
 *   contradicts the recorded type, `identity.arn_form`, on the same records).
 * What a problem's findings share beyond that is its scope: one caller kind, or one operation class
 * (read or mutating), when the run made calls of the others too.
 */
import { FindingCodeSchema, defaultSeverity, familyOf, type FindingChannel } from "../../oracles/finding.js";
import { FindingChannelSchema } from "../../oracles/finding.js";
import { operationRulesOf } from "../../oracles/services/index.js";
import type { IdentityKind } from "../../history/observed-call.js";
import { isServiceId } from "../../model/services.js";
import { pathPattern } from "./finding-tally.js";
import type { ConformanceReport, FindingTallyRow, Problem } from "./schema.js";

/** What problemsOf reads: the report's tally and checks, and (for scopes) its identities and coverage. */
export type ProblemInput = Pick<ConformanceReport, "checks"> & Partial<Pick<ConformanceReport, "identities" | "coverage" | "findingTally">>;

interface Group {
  code: Problem["code"];
  severity: Problem["severity"];
  path: string;
  /** The caller kind the group is split by (identity rules only). */
  kind: IdentityKind | null;
  rows: FindingTallyRow[];
}

const CODE_ORDER = new Map(FindingCodeSchema.options.map((c, i) => [c, i]));

/** The record field a pattern starts with (`userIdentity` of `userIdentity.arn`). */
function topField(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/** The problem id: code, pattern and split kind, in characters safe in an HTML id and a URL fragment. */
export function problemId(code: Problem["code"], path: string, kind: IdentityKind | null, severity: Problem["severity"]): string {
  const parts = [code, path.replace(/\[\]/g, ".*") || "(record)", ...(kind ? [kind] : []), ...(severity !== defaultSeverity(code) ? [severity] : [])];
  return parts.join(":").replace(/[^A-Za-z0-9._:*-]/g, "-");
}

/** Which calls a group's findings were, as a comparable fingerprint (rows' keys and digests). */
function fingerprint(g: Group): string {
  return g.rows.map((r) => `${r.service}|${r.operation}|${r.identity ?? ""}|${r.digest}`).sort().join("\n");
}

function sum(rows: readonly FindingTallyRow[], key: "findings" | "calls"): number {
  return rows.reduce((n, r) => n + r[key], 0);
}

/** The class of an operation in its service's rule table, when known. */
function classOf(service: string, operation: string): "read" | "mutating" | undefined {
  if (!isServiceId(service)) return undefined;
  const rules = operationRulesOf(service, operation);
  return rules === undefined ? undefined : rules.readOnly ? "read" : "mutating";
}

/** The one value all items have, else undefined. */
function shared<T>(values: readonly (T | undefined)[]): T | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : undefined;
}

function scopeOf(rows: readonly FindingTallyRow[], kind: IdentityKind | null, input: ProblemInput): Problem["scope"] {
  // What one call or one operation shows is no pattern: a shared kind needs two calls, a shared class two operations.
  const kindsCalled = (input.identities ?? []).filter((i) => i.callCount > 0).length;
  const identity = kind ?? (kindsCalled > 1 && sum(rows, "calls") > 1 ? (shared(rows.map((r) => r.identity ?? undefined)) ?? null) : null);
  const operations = new Set(rows.map((r) => `${r.service}:${r.operation}`));
  const one = operations.size > 1 ? shared(rows.map((r) => classOf(r.service, r.operation))) : undefined;
  // A class is what they share only when operations of the other class were called too.
  const otherCalled = one !== undefined && (input.coverage ?? []).some((c) => c.calls > 0 && classOf(c.service, c.operation) !== undefined && classOf(c.service, c.operation) !== one);
  const operationClass = otherCalled ? one! : null;
  const text = [identity ? `${identity} callers` : "", operationClass ? `${operationClass} operations` : ""].filter((t) => t !== "").join(", ");
  return { identity, operationClass, text };
}

/** Groups the tally by code, severity, pattern and (identity rules) caller kind, in first-seen order. */
function groupsOf(tally: readonly FindingTallyRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of tally) {
    const kind = familyOf(row.code) === "identity" ? row.identity : null;
    const key = JSON.stringify([row.code, row.severity, row.path, kind]);
    const g = groups.get(key);
    if (g) g.rows.push(row);
    else groups.set(key, { code: row.code, severity: row.severity, path: row.path, kind, rows: [row] });
  }
  return [...groups.values()];
}

/** Joins groups on the same top-level field, severity and kind that hit exactly the same calls; the most frequent first. */
function joinSymptoms(groups: Group[]): Group[][] {
  const byPrint = new Map<string, Group[]>();
  for (const g of groups) {
    const key = JSON.stringify([g.severity, g.kind, topField(g.path), fingerprint(g)]);
    byPrint.set(key, [...(byPrint.get(key) ?? []), g]);
  }
  return [...byPrint.values()].map((list) =>
    [...list].sort((a, b) => sum(b.rows, "findings") - sum(a.rows, "findings") || CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)! || a.path.localeCompare(b.path)),
  );
}

/** The failing check of `ids` with the fewest-calls counterexample that shows one of `codes` on its pattern. */
function smallestOf(ids: ReadonlySet<string>, codes: readonly { code: string; path: string }[], input: ProblemInput): { check: string; cx: Problem["counterexample"] } {
  let best: ConformanceReport["checks"][number] | undefined;
  for (const check of input.checks) {
    const cx = check.counterexample;
    if (!ids.has(check.id) || check.status !== "fail" || cx === null) continue;
    const shows = cx.findings.some((f) => codes.some((c) => c.code === f.code && c.path === pathPattern(f.path)));
    if (!shows) continue;
    if (best === undefined || cx.calls.length < best.counterexample!.calls.length) best = check;
  }
  return best === undefined ? { check: "", cx: null } : { check: best.id, cx: best.counterexample };
}

function problemOf(list: Group[], input: ProblemInput): Problem {
  const primary = list[0]!;
  const rows = list.flatMap((g) => g.rows);
  const ids = new Set(rows.flatMap((r) => r.checks));
  const codes = list.map((g) => ({ code: g.code, path: g.path }));
  const { check, cx } = smallestOf(ids, codes, input);
  const operations = [...new Set(primary.rows.map((r) => `${r.service}:${r.operation}`))].sort();
  const named = new Set<FindingChannel>(rows.flatMap((r) => r.channels));
  return {
    id: problemId(primary.code, primary.path, primary.kind, primary.severity),
    code: primary.code,
    severity: primary.severity,
    path: primary.path,
    related: codes.slice(1),
    scope: scopeOf(primary.rows, primary.kind, input),
    summary: primary.rows[0]!.example,
    findings: sum(rows, "findings"),
    // The joined groups hit the same calls: the primary's count is the problem's.
    calls: sum(primary.rows, "calls"),
    operations,
    channels: FindingChannelSchema.options.filter((c) => named.has(c)),
    checks: input.checks.filter((c) => ids.has(c.id)).map((c) => c.id),
    counterexample: cx,
    counterexampleCheck: cx === null ? null : check,
  };
}

/** The distinct problems of `input`'s findings: required first, then by calls and findings (most first), then id. */
export function problemsOf(input: ProblemInput): Problem[] {
  const problems = joinSymptoms(groupsOf(input.findingTally ?? [])).map((list) => problemOf(list, input));
  const rank = (p: Problem): number => (p.severity === "required" ? 0 : 1);
  return problems.sort((a, b) => rank(a) - rank(b) || b.calls - a.calls || b.findings - a.findings || a.id.localeCompare(b.id));
}

/** The distinct problems of a report, from what it holds (a merged report's included). */
export function problemsOfReport(report: ConformanceReport): Problem[] {
  return problemsOf(report);
}

/** The required problems and the advisory ones of a report, in its order. */
export function problemsBySeverity(problems: readonly Problem[]): { required: Problem[]; advisory: Problem[] } {
  return { required: problems.filter((p) => p.severity === "required"), advisory: problems.filter((p) => p.severity === "advisory") };
}
