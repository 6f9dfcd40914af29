/**
 * The output of `npm run validate`: per file a summary line (records, findings by code), then each
 * finding with its line or record index, path and expected/actual, and one hint per code; a final
 * line with the totals and the verdict. `--json` gives the same as one JSON document.
 */
import { messageParts, renderValue } from "../../oracles/messages.js";
import type { FileResult } from "./validate-file.js";
import type { ValidationFinding } from "./validation-finding.js";

/** Totals over all files. */
export interface ValidationTotals {
  files: number;
  records: number;
  findings: number;
  required: number;
  advisory: number;
  byCode: Record<string, number>;
}

/** The totals of some file results. */
export function totalsOf(results: readonly FileResult[]): ValidationTotals {
  const totals: ValidationTotals = { files: results.length, records: 0, findings: 0, required: 0, advisory: 0, byCode: {} };
  for (const r of results) {
    totals.records += r.records;
    for (const f of r.findings) {
      totals.findings++;
      totals[f.severity]++;
      totals.byCode[f.code] = (totals.byCode[f.code] ?? 0) + 1;
    }
  }
  return totals;
}

/** 0 when no finding is required, 1 otherwise (2, unreadable input, is decided before any file is checked). */
export function exitCodeOf(totals: ValidationTotals): 0 | 1 {
  return totals.required > 0 ? 1 : 0;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `code xN` for each code, most frequent first. */
function byCode(findings: readonly ValidationFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} x${n}`).join(", ");
}

/** Where a finding is: `line N`, `record N` or both. */
export function whereOf(f: ValidationFinding): string {
  return [f.line !== undefined ? `line ${f.line}` : "", f.record !== undefined ? `record ${f.record}` : ""].filter(Boolean).join(", ");
}

/** One file's text summary; at most `maxFindings` findings listed. */
export function renderFile(r: FileResult, maxFindings: number): string {
  const how = [r.layout, r.gzip ? "gzip" : ""].filter(Boolean).join(", ");
  const head = `${r.file}: ${plural(r.records, "record")}${how ? ` (${how})` : ""}, ${r.findings.length === 0 ? "no findings" : `${plural(r.findings.length, "finding")}: ${byCode(r.findings)}`}`;
  const lines = [head];
  for (const f of r.findings.slice(0, maxFindings)) {
    lines.push(`  ${whereOf(f)}  ${f.path || "(file)"}  ${f.code} (${f.severity}): expected ${renderValue(f.expected, 120)}, got ${renderValue(f.actual, 120)}`);
  }
  if (r.findings.length > maxFindings) lines.push(`  ... and ${r.findings.length - maxFindings} more (--json lists all)`);
  const codes = new Map<string, ReturnType<typeof messageParts>>();
  for (const f of r.findings) if (!codes.has(f.code)) codes.set(f.code, messageParts(f.message));
  for (const [code, { hint, see }] of codes) {
    if (hint) lines.push(`  hint ${code}: ${hint}`);
    if (see) lines.push(`    see: ${see}`);
  }
  return lines.join("\n");
}

/** The final line. */
export function renderTotals(t: ValidationTotals): string {
  const verdict = exitCodeOf(t) === 0 ? "PASS" : "FAIL";
  return `validate: ${plural(t.files, "file")}, ${plural(t.records, "record")}, ${plural(t.findings, "finding")} (${t.required} required, ${t.advisory} advisory): ${verdict}`;
}

/** The whole text output. */
export function renderText(results: readonly FileResult[], maxFindings = 50): string {
  return `${[...results.map((r) => renderFile(r, maxFindings)), renderTotals(totalsOf(results))].join("\n")}\n`;
}

/** The `--json` output: every file with all its findings, the totals and the exit code. */
export function renderJson(results: readonly FileResult[]): string {
  const totals = totalsOf(results);
  return `${JSON.stringify({ files: results, totals, exitCode: exitCodeOf(totals) }, null, 2)}\n`;
}
