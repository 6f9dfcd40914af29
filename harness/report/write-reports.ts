/**
 * Writes reports/conformance.json, conformance.md and conformance.html (README "Exit codes and reports", docs/reports.md).
 * The JSON is validated against its schema before anything is written.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { ConformanceReportSchema, type ConformanceReport } from "./schema.js";

/** Paths of the three files written. */
export interface ReportPaths {
  json: string;
  markdown: string;
  html: string;
}

/** Validates `report`, creates `dir` (mkdir -p) and writes the three reports; returns their paths. */
export async function writeReports(report: ConformanceReport, dir: string): Promise<ReportPaths> {
  const valid = ConformanceReportSchema.parse(report);
  await mkdir(dir, { recursive: true });
  const paths: ReportPaths = { json: join(dir, "conformance.json"), markdown: join(dir, "conformance.md"), html: join(dir, "conformance.html") };
  await Promise.all([
    writeFile(paths.json, `${JSON.stringify(valid, null, 2)}\n`, "utf8"),
    writeFile(paths.markdown, renderMarkdown(valid), "utf8"),
    writeFile(paths.html, renderHtml(valid), "utf8"),
  ]);
  return paths;
}

/** Reads conformance.json text back into a validated report (for tools and for CI gates). */
export function parseReport(text: string): ConformanceReport {
  return ConformanceReportSchema.parse(JSON.parse(text));
}
