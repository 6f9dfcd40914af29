/**
 * Two conformance reports compared check by check (`npm run compare -- old.json new.json`):
 * regressions (a check that was pass or na in the old report and is fail in the new one), fixes
 * (fail, now pass), other status changes, and checks that are new or have vanished. A regression
 * is what a CI gate stops on (exit 1); the rest is information (exit 0).
 */
import { readFileSync } from "node:fs";
import { ConformanceReportSchema, REPORT_SCHEMA_VERSION, type ConformanceReport } from "./schema.js";

/** A report file that cannot be used: unreadable, not JSON, another schema version, not a report. */
export class ReportInputError extends Error {
  override name = "ReportInputError";
}

/** A report file's JSON, before it is checked against the schema. */
export interface ReportJson {
  path: string;
  json: unknown;
}

/**
 * Reads `path` as JSON.
 * @throws ReportInputError naming the file, when it cannot be read or is not JSON.
 */
export function readReportJson(path: string): ReportJson {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ReportInputError(`${path}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return { path, json: JSON.parse(text) as unknown };
  } catch (err) {
    throw new ReportInputError(`${path}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The `schemaVersion` a report's JSON declares (undefined when it has none). */
export function schemaVersionOf(input: ReportJson): unknown {
  return typeof input.json === "object" && input.json !== null ? (input.json as Record<string, unknown>)["schemaVersion"] : undefined;
}

/**
 * The report in `input`, validated.
 * @throws ReportInputError for another schema version or a file that is not a conformance report.
 */
export function reportOf(input: ReportJson): ConformanceReport {
  const version = schemaVersionOf(input);
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new ReportInputError(`${input.path}: report schemaVersion ${JSON.stringify(version)}; this tool reads schemaVersion ${REPORT_SCHEMA_VERSION}`);
  }
  const parsed = ConformanceReportSchema.safeParse(input.json);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join(".") || "(top level)"}: ${i.message}`).join("; ");
  throw new ReportInputError(`${input.path}: not a conformance report (${why})`);
}

/** Reads and validates a conformance.json. @throws ReportInputError */
export function readReport(path: string): ConformanceReport {
  return reportOf(readReportJson(path));
}

/** A check whose status differs between the two reports. */
export interface StatusChange {
  id: string;
  from: ConformanceReport["checks"][number]["status"];
  to: ConformanceReport["checks"][number]["status"];
  /** The new report's message for the check. */
  message: string;
}

/** A check in only one of the two reports. */
export interface PresentCheck {
  id: string;
  status: ConformanceReport["checks"][number]["status"];
}

/** What changed from one report to the other. */
export interface Comparison {
  old: { verdict: string; seed: number; checks: number };
  new: { verdict: string; seed: number; checks: number };
  /** pass or na before, fail now. */
  regressions: StatusChange[];
  /** fail before, pass now. */
  fixes: StatusChange[];
  /** Any other status change (say pass to unknown): reported, never a regression. */
  changed: StatusChange[];
  /** Checks only the new report has. */
  added: PresentCheck[];
  /** Checks only the old report has. */
  vanished: PresentCheck[];
}

/** Compares `before` with `after`, check by check (by id). */
export function compareReports(before: ConformanceReport, after: ConformanceReport): Comparison {
  const old = new Map(before.checks.map((c) => [c.id, c]));
  const now = new Map(after.checks.map((c) => [c.id, c]));
  const out: Comparison = {
    old: { verdict: before.verdict, seed: before.seed, checks: before.checks.length },
    new: { verdict: after.verdict, seed: after.seed, checks: after.checks.length },
    regressions: [],
    fixes: [],
    changed: [],
    added: [],
    vanished: [],
  };
  for (const c of after.checks) {
    const was = old.get(c.id);
    if (was === undefined) {
      out.added.push({ id: c.id, status: c.status });
      continue;
    }
    if (was.status === c.status) continue;
    const change: StatusChange = { id: c.id, from: was.status, to: c.status, message: c.message };
    if (c.status === "fail" && (was.status === "pass" || was.status === "na")) out.regressions.push(change);
    else if (was.status === "fail" && c.status === "pass") out.fixes.push(change);
    else out.changed.push(change);
  }
  for (const c of before.checks) if (!now.has(c.id)) out.vanished.push({ id: c.id, status: c.status });
  return out;
}

/** 1 when there is a regression, else 0. */
export function comparisonExitCode(c: Comparison): 0 | 1 {
  return c.regressions.length > 0 ? 1 : 0;
}

/** The comparison as text for a terminal or a CI log. */
export function renderComparison(c: Comparison, names: { old: string; new: string }): string {
  const lines = [
    `compare: ${names.old} (${c.old.verdict}, seed ${c.old.seed}, ${c.old.checks} checks) -> ${names.new} (${c.new.verdict}, seed ${c.new.seed}, ${c.new.checks} checks)`,
  ];
  const section = (title: string, rows: string[]): void => {
    lines.push(`${title}: ${rows.length}`);
    for (const row of rows) lines.push(`  ${row}`);
  };
  section("regressions (pass or na -> fail)", c.regressions.map((r) => `${r.id}: ${r.from} -> ${r.to}: ${r.message}`));
  section("fixes (fail -> pass)", c.fixes.map((r) => `${r.id}: ${r.from} -> ${r.to}`));
  section("other status changes", c.changed.map((r) => `${r.id}: ${r.from} -> ${r.to}`));
  section("new checks", c.added.map((r) => `${r.id} (${r.status})`));
  section("vanished checks", c.vanished.map((r) => `${r.id} (was ${r.status})`));
  lines.push(c.regressions.length > 0 ? `${c.regressions.length} regression${c.regressions.length === 1 ? "" : "s"} (exit 1)` : "no regression (exit 0)");
  return lines.join("\n");
}
