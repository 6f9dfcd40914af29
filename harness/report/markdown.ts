/**
 * reports/conformance.md: verdict first, then why, the operation x rule-family table, identity
 * kinds, failing checks (expected vs actual, replay command) and coverage counts.
 */
import { collectionLine, compactJson, failingChecks, matricesOf, runLine, runWideChecks, STATUS_SYMBOL, type ReportCheck } from "./render-common.js";
import type { ConformanceReport } from "./schema.js";

/** Text safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}

/** An inline code span that survives backticks in its content (CommonMark: a longer fence). */
export function mdCode(text: string): string {
  const oneLine = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

function failingSection(check: ReportCheck): string[] {
  const out = [`### ${mdCode(check.id)}`, "", mdCell(check.message), ""];
  const cx = check.counterexample;
  if (cx === null) return out;
  if (cx.findings.length > 0) {
    out.push(...table(["code", "severity", "path", "expected", "actual"], cx.findings.map((f) => [
      mdCode(f.code), f.severity, mdCode(f.path || "(record)"), mdCode(compactJson(f.expected)), mdCode(compactJson(f.actual)),
    ])), "");
    const hints = [...new Set(cx.findings.map((f) => /\nHint: (.*)$/s.exec(f.message)?.[1]).filter((h): h is string => h !== undefined))];
    for (const hint of hints) out.push(`Hint: ${mdCell(hint)}`, "");
  }
  if (cx.calls.length > 0) {
    out.push("Calls (the failing one last):", "");
    for (const c of cx.calls) {
      out.push(`- seq ${c.seq} ${mdCode(c.operation)} as ${mdCode(c.identity)}, outcome ${c.outcome}${c.errorCode ? ` (${mdCode(c.errorCode)})` : ""}: ${mdCode(compactJson(c.request, 200))}`);
    }
    out.push("");
  }
  if (cx.replay) out.push("Replay:", "", "```sh", cx.replay.replace(/```/g, "` ` `"), "```", "");
  return out;
}

/** The Markdown report. */
export function renderMarkdown(report: ConformanceReport): string {
  const lines: string[] = [
    `# Conformance: ${report.verdict.toUpperCase()}`,
    "",
    `**Verdict: ${report.verdict}** (exit code ${report.exitCode}). ${mdCell(runLine(report))}. From ${report.startedAt} to ${report.endedAt}.`,
    "",
    "## Why",
    "",
    ...report.messages.map((msg) => `- ${mdCell(msg)}`),
    "",
    ...matricesOf(report).flatMap((m) => [
      `## ${mdCell(m.service.title)} (${mdCode(m.service.service)}): ${m.service.verdict}, operations x rule families`,
      "",
      "✓ pass, ✗ fail, – not applicable, ? unknown (not observed).",
      "",
      ...table(["operation", ...m.properties], m.operations.map((op) => [
        mdCode(op), ...m.properties.map((p) => STATUS_SYMBOL[m.cell(op, p)?.status ?? "unknown"]),
      ])),
      "",
      ...(m.service.unverified.length > 0
        ? ["Rules applied without a document of AWS that states them for this service (their findings are advisory):", "", ...m.service.unverified.map((u) => `- ${mdCell(u.rule)}: ${mdCell(u.why)} (${u.codes.map((c) => `\`${c}\``).join(", ")})`), ""]
        : []),
    ]),
    "## Identity kinds and run-wide checks",
    "",
    ...table(["check", "status", "calls", "message"], runWideChecks(report).map((c) => [mdCode(c.id), `${STATUS_SYMBOL[c.status]} ${c.status}`, String(c.count), mdCell(c.message)])),
    "",
  ];
  const failing = failingChecks(report);
  lines.push("## Failing checks", "");
  if (failing.length === 0) lines.push("None.", "");
  for (const check of failing) lines.push(...failingSection(check));

  lines.push("## Coverage", "", ...table(
    ["service", "operation", "calls", "ok", "error", "unknown", "unsent", "IAMUser", "Root", "AssumedRole", "FederatedUser"],
    report.coverage.map((c) => [c.service, mdCode(c.operation), c.calls, c.ok, c.error, c.unknown, c.unsent, c.byIdentity.IAMUser, c.byIdentity.Root, c.byIdentity.AssumedRole, c.byIdentity.FederatedUser].map(String)),
  ), "");
  const col = report.collection;
  lines.push("## Collection", "", mdCell(collectionLine(report)), "");
  for (const u of col.unsupported) lines.push(`- unsupported ${mdCode(u.scope)}: ${mdCell(u.reason)}`);
  const codes = Object.entries(report.findingsByCode);
  if (codes.length > 0) lines.push("", "## Findings by code", "", ...table(["code", "count"], codes.map(([code, n]) => [mdCode(code), String(n)])));
  if (report.historyFile || report.recordsFile) {
    lines.push("", `History: ${report.historyFile ? mdCode(report.historyFile) : "(none)"}; records: ${report.recordsFile ? mdCode(report.recordsFile) : "(none)"}.`);
  }
  return `${lines.join("\n")}\n`;
}
