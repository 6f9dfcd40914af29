/**
 * The console summary: first the distinct problems (each with its counts, operations,
 * counterexample and replay command), then a compact fixed-width table (operation rows, rule-family
 * columns; a failing cell names its problems, `FAIL P1`) and the verdict line. Colours only on a
 * TTY, and never when NO_COLOR is set (https://no-color.org).
 */
import { styleText } from "node:util";
import {
  counterexampleCallLine, matricesOf, problemCounts, problemLabels, problemSeeLine, problemsHeadline, problemsOfCheck, problemTitle, reportProblems, runWideChecks,
  type ReportCheck, type ReportProblem,
} from "./render-common.js";
import type { ConformanceReport } from "./schema.js";

/** Cell texts, all of the same width so that columns stay aligned whatever the statuses. */
const CELL: Readonly<Record<ReportCheck["status"], string>> = { pass: "ok", fail: "FAIL", na: "-", unknown: "?" };

/** Whether a stream gets colours: a TTY and no NO_COLOR. */
export function useColour(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env["NO_COLOR"] === undefined || env["NO_COLOR"] === "");
}

const COLOURS = { pass: "green", fail: "red", na: "gray", unknown: "yellow" } as const;

/** How many operations a problem lists on the console before `and N more`. */
const CONSOLE_OPERATIONS = 6;

/** The lines of one problem: title and counts, an example, operations, counterexample, replay. */
function problemLines(p: ReportProblem, label: string): string[] {
  const shown = p.operations.slice(0, CONSOLE_OPERATIONS).join(", ");
  const more = p.operations.length > CONSOLE_OPERATIONS ? ` and ${p.operations.length - CONSOLE_OPERATIONS} more (conformance.md lists them)` : "";
  const out = [`${label} ${problemTitle(p)}: ${problemCounts(p)}`, `   e.g. ${p.summary}`, `   operations: ${shown}${more}`];
  const cx = p.counterexample;
  if (cx !== null && cx.calls.length > 0) out.push(`   counterexample (${cx.calls.length} call${cx.calls.length === 1 ? "" : "s"}, ${p.counterexampleCheck}): ${cx.calls.map((c) => counterexampleCallLine(c, 120)).join(" -> ")}`);
  if (cx?.replay) out.push(`   replay: ${cx.replay}`);
  out.push(`   see: ${problemSeeLine(p)}`);
  return out;
}

/** The text of a cell: its status, and for a failing cell the problems that explain it (`FAIL P1,P2`). */
function cellText(report: ConformanceReport, labels: ReadonlyMap<string, string>, check: ReportCheck | undefined): string {
  const status = check?.status ?? "unknown";
  if (status !== "fail" || check === undefined) return CELL[status];
  const named = problemsOfCheck(report, check.id).map((p) => labels.get(p.id)!);
  return named.length > 0 ? `${CELL.fail} ${named.join(",")}` : CELL.fail;
}

/** The console summary as text (one trailing newline); `colour` adds ANSI styles to statuses. */
export function renderConsole(report: ConformanceReport, colour = false): string {
  const matrices = matricesOf(report);
  const properties = matrices[0]?.properties ?? [];
  const labels = problemLabels(report);
  const opWidth = Math.max("operation".length, ...matrices.flatMap((m) => m.operations.map((o) => o.length)));
  const colWidths = properties.map((p) => Math.max(p.length, ...Object.values(CELL).map((t) => t.length), ...matrices.flatMap((m) => m.operations.map((op) => cellText(report, labels, m.cell(op, p)).length))));
  const paint = (status: ReportCheck["status"], text: string): string => (colour ? styleText(COLOURS[status], text) : text);
  const line = (first: string, cells: { text: string; status?: ReportCheck["status"] }[]): string =>
    [first.padEnd(opWidth), ...cells.map((c, i) => {
      const padded = c.text.padEnd(colWidths[i] ?? c.text.length);
      return c.status ? paint(c.status, padded) : padded;
    })].join(" ");
  const problems = reportProblems(report);
  const out: string[] = [`${problemsHeadline(report)} (verdict ${paint(report.verdict === "pass" ? "pass" : report.verdict === "fail" ? "fail" : "unknown", report.verdict.toUpperCase())})`];
  const required = problems.filter((p) => p.severity === "required");
  const advisory = problems.filter((p) => p.severity === "advisory");
  for (const p of required) out.push(...problemLines(p, labels.get(p.id)!));
  if (advisory.length > 0) {
    out.push("Advisory (do not fail the run):");
    for (const p of advisory) out.push(`${labels.get(p.id)!} ${problemTitle(p)}: ${problemCounts(p)}`);
  }
  for (const m of matrices) {
    out.push("");
    out.push(`${m.service.title} (${m.service.service}): ${paint(m.service.verdict, m.service.verdict.toUpperCase())}, ${m.service.calls} calls, ${m.service.records} records${m.service.seconds !== null ? `, ${m.service.seconds} s` : ""}`);
    out.push(line("operation", properties.map((p) => ({ text: p }))));
    out.push("-".repeat(opWidth + colWidths.reduce((a, w) => a + w + 1, 0)));
    for (const op of m.operations) {
      out.push(line(op, properties.map((p) => {
        const check = m.cell(op, p);
        return { text: cellText(report, labels, check), status: check?.status ?? "unknown" };
      })));
    }
  }
  const wide = runWideChecks(report).map((c) => `${report.services.length > 1 ? `${c.service}:` : ""}${c.property} ${paint(c.status, cellText(report, labels, c))}`);
  if (wide.length > 0) out.push("", wide.join("  "));
  const verdict = `verdict: ${report.verdict.toUpperCase()} (exit ${report.exitCode}), ${report.calls} calls, ${report.records} records, seed ${report.seed}`;
  out.push("", colour ? styleText(["bold", COLOURS[report.verdict === "pass" ? "pass" : report.verdict === "fail" ? "fail" : "unknown"]], verdict) : verdict);
  for (const msg of report.messages) out.push(`  ${msg}`);
  return `${out.join("\n")}\n`;
}

/** Writes the console summary to `stream`, in colour only when it is a TTY (and NO_COLOR is unset). */
export function printSummary(report: ConformanceReport, stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): void {
  stream.write(renderConsole(report, useColour(stream)));
}
