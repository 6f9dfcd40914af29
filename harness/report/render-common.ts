/**
 * What the three renderings (Markdown, HTML, console) share: the status symbols, the matrix rows and
 * columns taken from the report, and the compact rendering of JSON values.
 */
import { citePage, type AwsPage } from "../../oracles/aws-pages.js";
import { renderValue, sourcesFor } from "../../oracles/messages.js";
import type { CheckProperty } from "./properties.js";
import { ALL_OPERATIONS, CHECK_PROPERTIES } from "./properties.js";
import type { ConformanceReport } from "./schema.js";
import type { ProblemRef } from "./verdict.js";
import { channelWords } from "./channels.js";

/** A check as stored in the report. */
export type ReportCheck = ConformanceReport["checks"][number];

/** The symbols of the brief: pass ✓, fail ✗, na –, unknown ?. */
export const STATUS_SYMBOL: Readonly<Record<ReportCheck["status"], string>> = { pass: "✓", fail: "✗", na: "–", unknown: "?" };

/** The matrix of one service of a report: its operations (rows, in report order), families (columns) and cells. */
export interface Matrix {
  /** The service and its verdict (the report's `services` entry). */
  service: ConformanceReport["services"][number];
  operations: string[];
  properties: readonly CheckProperty[];
  cell(operation: string, property: string): ReportCheck | undefined;
}

/** The operation x family matrices of a report, one per service, in the report's order. */
export function matricesOf(report: ConformanceReport): Matrix[] {
  return report.services.map((service) => {
    const mine = report.checks.filter((c) => c.service === service.service);
    const operations = [...new Set(mine.filter((c) => c.operation !== ALL_OPERATIONS).map((c) => c.operation))];
    const cells = new Map(mine.map((c) => [`${c.operation}/${c.property}`, c]));
    return { service, operations, properties: CHECK_PROPERTIES, cell: (operation, property) => cells.get(`${operation}/${property}`) };
  });
}

/** Checks outside the matrix: identity kinds and run-wide ones. */
export function runWideChecks(report: ConformanceReport): ReportCheck[] {
  return report.checks.filter((c) => c.operation === ALL_OPERATIONS);
}

/** Checks with required status fail, in report order. */
export function failingChecks(report: ConformanceReport): ReportCheck[] {
  return report.checks.filter((c) => c.status === "fail");
}

/** A JSON value on one line, cut at `max` characters; `(absent)` for undefined (the oracles' own rendering). */
export function compactJson(value: unknown, max = 300): string {
  return renderValue(value, max);
}

/** One line saying what was run where. */
export function runLine(report: ConformanceReport): string {
  const where = report.endpoint ? `${report.target} (${report.endpoint})` : report.target;
  const edition = report.services.some((s) => s.service === "inspector") ? `, rules edition ${report.rulesEdition} (Classic)` : "";
  return `target ${where}, region ${report.region}, services ${report.services.map((s) => s.service).join(", ")}, seed ${report.seed}, ${report.runs} runs${edition}, ${report.mode} mode, ${report.calls} calls, ${report.records} records, clock skew ${report.clockSkewMs} ms`;
}

/** The collection figures as one sentence (Markdown and HTML escape it themselves). */
export function collectionLine(report: ConformanceReport): string {
  const c = report.collection;
  const parts = [
    `${c.requests} requests (${c.pages} pages${c.pagesPerRecord !== null ? `, ${c.pagesPerRecord} pages per record` : ""})`,
    `${c.throttled} throttled`,
    `${c.missing} calls without a record`,
  ];
  if (c.late > 0) parts.push(`${c.late} calls whose records had not come by the deadline (unknown)`);
  if (c.uncollected > 0) parts.push(`${c.uncollected} calls whose records could not be read (unknown)`);
  parts.push(`${c.duplicatesCollapsed} re-deliveries collapsed`);
  const l = c.deliveryLatencyMs;
  const latency = l !== null ? ` Delivery latency of ${l.samples} records: p50 ${seconds(l.p50)}, p95 ${seconds(l.p95)}, max ${seconds(l.max)}.` : "";
  return `${parts.join(", ")}.${latency}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A problem as stored in the report. */
export type ReportProblem = NonNullable<ConformanceReport["problems"]>[number];

/** The report's problems (none in a report written before they existed), in its order: required first. */
export function reportProblems(report: ConformanceReport): ReportProblem[] {
  return report.problems ?? [];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `2 distinct problems` (required ones), then `, 1 advisory problem` when there are advisory ones. */
export function problemsHeadline(report: ConformanceReport): string {
  const all = reportProblems(report);
  const required = all.filter((p) => p.severity === "required").length;
  const advisory = all.length - required;
  return `${plural(required, "distinct problem")}${advisory > 0 ? `, ${plural(advisory, "advisory problem")}` : ""}`;
}

/** The label of each problem, by id: `P1`, `P2`, … in report order. */
export function problemLabels(report: ConformanceReport): Map<string, string> {
  return new Map(reportProblems(report).map((p, i) => [p.id, `P${i + 1}`]));
}

/** The required problems as the verdict's explanation names them (labels as problemLabels gives them). */
export function problemRefsOf(problems: readonly ReportProblem[]): ProblemRef[] {
  return problems.flatMap((p, i) => (p.severity === "required" ? [{ label: `P${i + 1}`, text: `${problemTitle(p)}: ${problemCounts(p)}`, checks: p.checks }] : []));
}

/** The problems that explain a check, in report order. */
export function problemsOfCheck(report: ConformanceReport, checkId: string): ReportProblem[] {
  return reportProblems(report).filter((p) => p.checks.includes(checkId));
}

/** `shape.wrong_type at readOnly for AssumedRole callers on read operations (also identity.arn_form at userIdentity.arn)`. */
export function problemTitle(p: ReportProblem): string {
  const scope = [p.scope.identity ? `for ${p.scope.identity} callers` : "", p.scope.operationClass ? `on ${p.scope.operationClass} operations` : ""].filter((s) => s !== "").join(" ");
  const related = p.related.length > 0 ? ` (also ${p.related.map((r) => `${r.code} at ${r.path || "(record)"}`).join(", ")})` : "";
  return `${p.code} at ${p.path || "(record)"}${scope ? ` ${scope}` : ""}${related}`;
}

/** Where a problem's rule comes from (its code's, and its related codes' when they rest on other pages), by title and URL. */
export function problemSources(p: ReportProblem): { pages: AwsPage[]; decisions: number[] } {
  const pages = new Map<string, AwsPage>();
  const decisions = new Set<number>();
  for (const code of [p.code, ...p.related.map((r) => r.code)]) {
    const s = sourcesFor(code);
    for (const page of s.pages) pages.set(page.url, page);
    if (s.decision !== undefined) decisions.add(s.decision);
  }
  return { pages: [...pages.values()], decisions: [...decisions].sort((a, b) => a - b) };
}

/** `; and docs/decisions.md, decisions 3, 4` (nothing when there are none). */
export function decisionWords(decisions: readonly number[]): string {
  return decisions.length === 0 ? "" : `; and docs/decisions.md, decision${decisions.length === 1 ? "" : "s"} ${decisions.join(", ")}`;
}

/** A problem's sources as a `See:` line's text. */
export function problemSeeLine(p: ReportProblem): string {
  const { pages, decisions } = problemSources(p);
  return `${pages.map(citePage).join("; ")}${decisionWords(decisions)}`;
}

/** `330 calls (330 findings) in 37 operations; seen in LookupEvents and trail files, counted once`. */
export function problemCounts(p: ReportProblem): string {
  const seen = p.channels.length > 1 ? `; seen in ${channelWords(p.channels)}, counted once` : p.channels.length === 1 ? `; seen in ${channelWords(p.channels)}` : "";
  return `${plural(p.calls, "call")} (${plural(p.findings, "finding")}) in ${plural(p.operations.length, "operation")}${seen}`;
}

/** One counterexample call on one line: `seq 171 ListFindings as IAMUser arn:…, error (InvalidInputException): {"maxResults":0}`. */
export function counterexampleCallLine(c: NonNullable<ReportCheck["counterexample"]>["calls"][number], max = 200): string {
  return `seq ${c.seq} ${c.operation} as ${c.identity}, ${c.outcome}${c.errorCode ? ` (${c.errorCode})` : ""}: ${compactJson(c.request, max)}`;
}
