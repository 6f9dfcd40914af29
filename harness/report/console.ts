/**
 * The console summary: a compact fixed-width table (operation rows, rule-family columns) and the
 * verdict line. Colours only on a TTY, and never when NO_COLOR is set (https://no-color.org).
 */
import { styleText } from "node:util";
import { matricesOf, runWideChecks, type ReportCheck } from "./render-common.js";
import type { ConformanceReport } from "./schema.js";

/** Cell texts, all of the same width so that columns stay aligned whatever the statuses. */
const CELL: Readonly<Record<ReportCheck["status"], string>> = { pass: "ok", fail: "FAIL", na: "-", unknown: "?" };

/** Whether a stream gets colours: a TTY and no NO_COLOR. */
export function useColour(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env["NO_COLOR"] === undefined || env["NO_COLOR"] === "");
}

const COLOURS = { pass: "green", fail: "red", na: "gray", unknown: "yellow" } as const;

/** The console summary as text (one trailing newline); `colour` adds ANSI styles to statuses. */
export function renderConsole(report: ConformanceReport, colour = false): string {
  const matrices = matricesOf(report);
  const properties = matrices[0]?.properties ?? [];
  const opWidth = Math.max("operation".length, ...matrices.flatMap((m) => m.operations.map((o) => o.length)));
  const colWidths = properties.map((p) => Math.max(p.length, ...Object.values(CELL).map((t) => t.length)));
  const paint = (status: ReportCheck["status"], text: string): string => (colour ? styleText(COLOURS[status], text) : text);
  const line = (first: string, cells: { text: string; status?: ReportCheck["status"] }[]): string =>
    [first.padEnd(opWidth), ...cells.map((c, i) => {
      const padded = c.text.padEnd(colWidths[i] ?? c.text.length);
      return c.status ? paint(c.status, padded) : padded;
    })].join(" ");
  const out: string[] = [];
  for (const m of matrices) {
    if (out.length > 0) out.push("");
    out.push(`${m.service.title} (${m.service.service}): ${paint(m.service.verdict, m.service.verdict.toUpperCase())}, ${m.service.calls} calls, ${m.service.records} records${m.service.seconds !== null ? `, ${m.service.seconds} s` : ""}`);
    out.push(line("operation", properties.map((p) => ({ text: p }))));
    out.push("-".repeat(opWidth + colWidths.reduce((a, w) => a + w + 1, 0)));
    for (const op of m.operations) {
      out.push(line(op, properties.map((p) => {
        const status = m.cell(op, p)?.status ?? "unknown";
        return { text: CELL[status], status };
      })));
    }
  }
  const wide = runWideChecks(report).map((c) => `${report.services.length > 1 ? `${c.service}:` : ""}${c.property} ${paint(c.status, CELL[c.status])}`);
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
