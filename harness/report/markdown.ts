/**
 * reports/conformance.md: the distinct problems first (each with its counts, operations,
 * counterexample and replay command; advisory ones after), the verdict and why, the operation x
 * rule-family table (a failing cell links to its problems), identity kinds, the failing checks in
 * short, and coverage counts.
 */
import {
  collectionLine, compactJson, failingChecks, matricesOf, problemCounts, problemLabels, problemSeeLine, problemsHeadline, problemsOfCheck,
  problemTitle, reportProblems, runLine, runWideChecks, STATUS_SYMBOL, type ReportCheck, type ReportProblem,
} from "./render-common.js";
import { messageParts } from "../../oracles/messages.js";
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

/** One call of a counterexample as a list item, its values in code spans. */
function callLine(c: NonNullable<ReportCheck["counterexample"]>["calls"][number]): string {
  return `- seq ${c.seq} ${mdCode(c.operation)} as ${mdCode(c.identity)}, outcome ${c.outcome}${c.errorCode ? ` (${mdCode(c.errorCode)})` : ""}: ${mdCode(compactJson(c.request, 200))}`;
}

function failingSection(check: ReportCheck): string[] {
  const out = [`### ${mdCode(check.id)}`, "", mdCell(check.message), ""];
  const cx = check.counterexample;
  if (cx === null) return out;
  if (cx.findings.length > 0) {
    out.push(...table(["code", "severity", "path", "expected", "actual"], cx.findings.map((f) => [
      mdCode(f.code), f.severity, mdCode(f.path || "(record)"), mdCode(compactJson(f.expected)), mdCode(compactJson(f.actual)),
    ])), "");
    const parts = new Map(cx.findings.map((f) => [f.code, messageParts(f.message)]));
    for (const { hint, see } of parts.values()) {
      if (hint) out.push(`Hint: ${mdCell(hint)}`, "");
      if (see) out.push(`See: ${mdCell(see)}`, "");
    }
  }
  if (cx.calls.length > 0) {
    out.push("Calls (the failing one last):", "");
    for (const c of cx.calls) out.push(callLine(c));
    out.push("");
  }
  if (cx.replay) out.push("Replay:", "", "```sh", cx.replay.replace(/```/g, "` ` `"), "```", "");
  return out;
}

/** One problem: its heading (with the `problem-<id>` anchor), counts, operations, counterexample and replay. */
function problemSection(p: ReportProblem, label: string): string[] {
  const out = [
    `### ${label}: ${mdCell(problemTitle(p))} <a id="problem-${p.id}"></a>`,
    "",
    `${mdCell(problemCounts(p))}. Id ${mdCode(p.id)}.`,
    "",
    `e.g. ${mdCell(p.summary)}`,
    "",
    `Operations: ${p.operations.map(mdCode).join(", ")}.`,
    "",
    `See: ${mdCell(problemSeeLine(p))}`,
    "",
  ];
  const cx = p.counterexample;
  if (cx !== null) {
    out.push(`Smallest counterexample (${mdCode(p.counterexampleCheck ?? "")}), the failing call last:`, "");
    for (const c of cx.calls) out.push(callLine(c));
    const shown = cx.findings.filter((f) => f.code === p.code || p.related.some((r) => r.code === f.code));
    if (shown.length > 0) {
      out.push("", ...table(["code", "path", "expected", "actual"], shown.map((f) => [mdCode(f.code), mdCode(f.path || "(record)"), mdCode(compactJson(f.expected)), mdCode(compactJson(f.actual))])));
    }
    out.push("");
    if (cx.replay) out.push("Replay:", "", "```sh", cx.replay.replace(/```/g, "` ` `"), "```", "");
  } else {
    out.push("No failing check carries a counterexample of it (advisory findings never fail a check); the JSON report's findingTally says where it was.", "");
  }
  return out;
}

/** The problems part: the required ones, then the advisory ones, counted separately. */
function problemsPart(report: ConformanceReport): string[] {
  const labels = problemLabels(report);
  const problems = reportProblems(report);
  const required = problems.filter((p) => p.severity === "required");
  const advisory = problems.filter((p) => p.severity === "advisory");
  const out = [`## ${problemsHeadline(report)}`, ""];
  if (problems.length === 0) out.push("No finding: every record checked meets the rules.", "");
  if (required.length === 0 && advisory.length > 0) out.push("No required finding.", "");
  for (const p of required) out.push(...problemSection(p, labels.get(p.id)!));
  if (advisory.length > 0) {
    out.push(`## Advisory problems (${advisory.length}; they do not fail the run)`, "");
    for (const p of advisory) out.push(...problemSection(p, labels.get(p.id)!));
  }
  return out;
}

/** A matrix cell: its symbol, and for a failing one links to the problems that explain it. */
function mdMatrixCell(report: ConformanceReport, labels: ReadonlyMap<string, string>, check: ReportCheck | undefined): string {
  const status = check?.status ?? "unknown";
  if (status !== "fail" || check === undefined) return STATUS_SYMBOL[status];
  const named = problemsOfCheck(report, check.id);
  return named.length === 0 ? STATUS_SYMBOL.fail : `${STATUS_SYMBOL.fail} ${named.map((p) => `[${labels.get(p.id)!}](#problem-${p.id})`).join(" ")}`;
}

/** The failing checks, short: one row each with the problems that explain it. */
function failingTable(report: ConformanceReport, failing: readonly ReportCheck[], labels: ReadonlyMap<string, string>): string[] {
  return table(["check", "failed", "problems"], failing.map((c) => [
    mdCode(c.id), `${c.failed} of ${Math.max(c.count, c.failed)}`, problemsOfCheck(report, c.id).map((p) => `[${labels.get(p.id)!}](#problem-${p.id})`).join(" ") || "(below)",
  ]));
}

/** The Markdown report. */
export function renderMarkdown(report: ConformanceReport): string {
  const labels = problemLabels(report);
  const lines: string[] = [
    `# ${problemsHeadline(report)} (conformance: ${report.verdict.toUpperCase()})`,
    "",
    `**Verdict: ${report.verdict}** (exit code ${report.exitCode}). ${mdCell(runLine(report))}. From ${report.startedAt} to ${report.endedAt}.`,
    "",
    ...problemsPart(report),
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
        mdCode(op), ...m.properties.map((p) => mdMatrixCell(report, labels, m.cell(op, p))),
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
  else lines.push("Each failing check and the problems above that explain it (their counterexamples and replay commands are there).", "", ...failingTable(report, failing, labels), "");
  // A check no problem explains (a shrunk counterexample of the interactive run only) keeps its evidence here.
  for (const check of failing.filter((c) => problemsOfCheck(report, c.id).length === 0)) lines.push(...failingSection(check));

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
