/**
 * reports/conformance.html: one self-contained page (inline CSS, no scripts) that opens with the
 * distinct problems (each a `<details id="problem-<id>">` with its counts, operations,
 * counterexample and replay command; advisory ones after), then the operation x property matrix,
 * colour-coded, each cell's message in its title attribute and each failing cell linking to its
 * problems, and the failing checks in short below. Every piece of report text is escaped.
 */
import {
  collectionLine, compactJson, decisionWords, counterexampleCallLine, failingChecks, matricesOf, problemCounts, problemLabels, problemSources, problemsHeadline, problemsOfCheck,
  problemTitle, reportProblems, runLine, runWideChecks, STATUS_SYMBOL, type ReportCheck, type ReportProblem,
} from "./render-common.js";
import type { ConformanceReport } from "./schema.js";

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const e = escapeHtml;

const CSS = `
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
h1 .pass{color:#1a7f37}h1 .fail{color:#cf222e}h1 .unknown{color:#9a6700}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.cell{text-align:center;font-weight:bold;min-width:5.5rem}
td.pass{background:#dafbe1;color:#1a7f37}td.fail{background:#ffebe9;color:#cf222e}
td.na{background:#f6f8fa;color:#6e7781}td.unknown{background:#fff8c5;color:#9a6700}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f6f8fa;padding:.5rem;overflow-x:auto}
.finding td{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}.finding td.msg{white-space:pre-line;word-break:normal}
details.problem{border:1px solid #d0d7de;border-radius:4px;padding:.25rem .75rem;margin:.5rem 0}
details.problem.required>summary{color:#cf222e}details.problem.advisory>summary{color:#9a6700}
`;

function cell(report: ConformanceReport, labels: ReadonlyMap<string, string>, check: ReportCheck | undefined): string {
  if (check === undefined) return `<td class="cell unknown" title="no check">?</td>`;
  const named = check.status === "fail" ? problemsOfCheck(report, check.id) : [];
  const content =
    check.status !== "fail"
      ? `${STATUS_SYMBOL[check.status]} ${check.status}`
      : named.length === 0
        ? `<a href="#${e(check.id)}">✗ fail</a>`
        : `✗ ${named.map((p) => `<a href="#problem-${e(p.id)}">${e(labels.get(p.id)!)}</a>`).join(" ")}`;
  return `<td class="cell ${check.status}" title="${e(`${check.id}: ${check.status}. ${check.message}`)}">${content}</td>`;
}

/** The problem's sources as links: AWS's pages, and the project's decisions where it decided. */
function seeParagraph(p: ReportProblem): string {
  const { pages, decisions } = problemSources(p);
  const links = pages.map((page) => `<a class="source" href="${e(page.url)}">${e(page.title)}</a>`);
  return `<p class="see">See: ${links.join("; ")}${e(decisionWords(decisions))}</p>`;
}

/** One problem: a details element (open for required ones) with counts, operations, counterexample, replay. */
function problem(p: ReportProblem, label: string): string {
  const cx = p.counterexample;
  const parts = [
    `<p>Id <code>${e(p.id)}</code>; it explains ${p.checks.length} check${p.checks.length === 1 ? "" : "s"}.</p>`,
    `<p>e.g. ${e(p.summary)}</p>`,
    `<p>Operations: ${p.operations.map((o) => `<code>${e(o)}</code>`).join(", ")}.</p>`,
    seeParagraph(p),
  ];
  if (cx !== null) {
    parts.push(`<p>Smallest counterexample (<a href="#${e(p.counterexampleCheck ?? "")}"><code>${e(p.counterexampleCheck ?? "")}</code></a>):</p>`);
    if (cx.calls.length > 0) parts.push(`<ol class="calls">${cx.calls.map((c) => `<li><code>${e(counterexampleCallLine(c, 400))}</code></li>`).join("")}</ol>`);
    const shown = cx.findings.filter((f) => f.code === p.code || p.related.some((r) => r.code === f.code));
    if (shown.length > 0) {
      parts.push(`<table class="finding"><tr><th>code</th><th>path</th><th>expected</th><th>actual</th><th>message</th></tr>${shown.map((f) =>
        `<tr><td>${e(f.code)}</td><td>${e(f.path)}</td><td>${e(compactJson(f.expected))}</td><td>${e(compactJson(f.actual))}</td><td class="msg">${e(f.message)}</td></tr>`).join("")}</table>`);
    }
    if (cx.replay) parts.push(`<p>Replay:</p><pre class="replay">${e(cx.replay)}</pre>`);
  } else {
    parts.push("<p>No failing check carries a counterexample of it (advisory findings never fail a check).</p>");
  }
  return `<details class="problem ${e(p.severity)}" id="problem-${e(p.id)}"${p.severity === "required" ? " open" : ""}><summary><strong>${e(label)}</strong> <code>${e(problemTitle(p))}</code>: ${e(problemCounts(p))}</summary>\n${parts.join("\n")}\n</details>`;
}

/** The problems part: the required ones, then the advisory ones, counted separately. */
function problemsPart(report: ConformanceReport): string {
  const labels = problemLabels(report);
  const problems = reportProblems(report);
  const required = problems.filter((p) => p.severity === "required");
  const advisory = problems.filter((p) => p.severity === "advisory");
  const out = [`<h2 id="problems">${e(problemsHeadline(report))}</h2>`];
  if (problems.length === 0) out.push("<p>No finding: every record checked meets the rules.</p>");
  out.push(...required.map((p) => problem(p, labels.get(p.id)!)));
  if (advisory.length > 0) out.push(`<h3>Advisory problems (${advisory.length}; they do not fail the run)</h3>`, ...advisory.map((p) => problem(p, labels.get(p.id)!)));
  return out.join("\n");
}

/** A failing check in short: one list item, with the problems that explain it. */
function failingItem(report: ConformanceReport, labels: ReadonlyMap<string, string>, check: ReportCheck): string {
  const named = problemsOfCheck(report, check.id);
  if (named.length === 0) return failing(check);
  return `<li id="${e(check.id)}"><code>${e(check.id)}</code>: ${check.failed} of ${Math.max(check.count, check.failed)} failed; ${named.map((p) => `<a href="#problem-${e(p.id)}">${e(labels.get(p.id)!)}</a>`).join(" ")}</li>`;
}

function failing(check: ReportCheck): string {
  const cx = check.counterexample;
  const parts = [`<li id="${e(check.id)}"><h3><code>${e(check.id)}</code></h3>`, `<p>${e(check.message)}</p>`];
  if (cx !== null && cx.findings.length > 0) {
    parts.push(`<table class="finding"><tr><th>code</th><th>severity</th><th>path</th><th>expected</th><th>actual</th><th>message</th></tr>${cx.findings.map((f) =>
      `<tr><td>${e(f.code)}</td><td>${e(f.severity)}</td><td>${e(f.path)}</td><td>${e(compactJson(f.expected))}</td><td>${e(compactJson(f.actual))}</td><td class="msg">${e(f.message)}</td></tr>`).join("")}</table>`);
  }
  if (cx !== null && cx.calls.length > 0) {
    parts.push(`<ol>${cx.calls.map((c) => `<li>seq ${c.seq} <code>${e(c.operation)}</code> as <code>${e(c.identity)}</code>, ${e(c.outcome)}${c.errorCode ? ` (<code>${e(c.errorCode)}</code>)` : ""}: <code>${e(compactJson(c.request, 400))}</code></li>`).join("")}</ol>`);
  }
  if (cx?.replay) parts.push(`<p>Replay:</p><pre>${e(cx.replay)}</pre>`);
  return `${parts.join("\n")}</li>`;
}

/** The HTML report page. */
export function renderHtml(report: ConformanceReport): string {
  const labels = problemLabels(report);
  const matrices = matricesOf(report).map((m) => {
    const head = `<tr><th>operation</th>${m.properties.map((p) => `<th>${e(p)}</th>`).join("")}</tr>`;
    const rows = m.operations.map((op) => `<tr><th><code>${e(op)}</code></th>${m.properties.map((p) => cell(report, labels, m.cell(op, p))).join("")}</tr>`).join("\n");
    const unverified = m.service.unverified.length === 0 ? "" : `<p>Rules applied without a document of AWS that states them for this service (advisory):</p><ul>${m.service.unverified.map((u) => `<li>${e(u.rule)}: ${e(u.why)} (${u.codes.map((c) => `<code>${e(c)}</code>`).join(", ")})</li>`).join("")}</ul>`;
    return `<h2>${e(m.service.title)} (<code>${e(m.service.service)}</code>): <span class="${e(m.service.verdict)}">${e(m.service.verdict)}</span></h2>
<p>Hover a cell for its message. ✓ pass, ✗ fail, – not applicable, ? unknown (not observed).</p>
<table>
${head}
${rows}
</table>
${unverified}`;
  }).join("\n");
  const wide = runWideChecks(report).map((c) => `<tr><th><code>${e(c.id)}</code></th>${cell(report, labels, c)}<td>${c.count}</td><td>${e(c.message)}</td></tr>`).join("\n");
  const fails = failingChecks(report);
  const coverage = report.coverage.map((c) =>
    `<tr><td>${e(c.service)}</td><th><code>${e(c.operation)}</code></th>${[c.calls, c.ok, c.error, c.unknown, c.unsent, c.byIdentity.IAMUser, c.byIdentity.Root, c.byIdentity.AssumedRole, c.byIdentity.FederatedUser].map((n) => `<td>${n}</td>`).join("")}</tr>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(problemsHeadline(report))} (conformance: ${e(report.verdict)})</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(problemsHeadline(report))} (conformance: <span class="${e(report.verdict)}">${e(report.verdict.toUpperCase())}</span>)</h1>
<p>Exit code ${report.exitCode}. ${e(runLine(report))}. From ${e(report.startedAt)} to ${e(report.endedAt)}.</p>
${problemsPart(report)}
<h2>Why</h2>
<ul>${report.messages.map((msg) => `<li>${e(msg)}</li>`).join("")}</ul>
${matrices}
<h2>Identity kinds and run-wide checks</h2>
<table>
<tr><th>check</th><th>status</th><th>calls</th><th>message</th></tr>
${wide}
</table>
<h2>Failing checks</h2>
${fails.length === 0 ? "<p>None.</p>" : `<ul class="failing">\n${fails.map((c) => failingItem(report, labels, c)).join("\n")}\n</ul>`}
<h2>Coverage</h2>
<table>
<tr><th>service</th><th>operation</th><th>calls</th><th>ok</th><th>error</th><th>unknown</th><th>unsent</th><th>IAMUser</th><th>Root</th><th>AssumedRole</th><th>FederatedUser</th></tr>
${coverage}
</table>
<p>Collection: ${e(collectionLine(report))}${report.collection.unsupported.map((u) => ` Unsupported ${e(u.scope)}: ${e(u.reason)}.`).join("")}</p>
</body>
</html>
`;
}
