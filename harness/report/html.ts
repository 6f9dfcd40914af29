/**
 * reports/conformance.html: one self-contained page (inline CSS, no scripts) with the operation x
 * property matrix, colour-coded, each cell's message in its title attribute, and the failing
 * findings below. Every piece of report text is escaped.
 */
import { collectionLine, compactJson, failingChecks, matricesOf, runLine, runWideChecks, STATUS_SYMBOL, type ReportCheck } from "./render-common.js";
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
.finding td{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all}
`;

function cell(check: ReportCheck | undefined): string {
  if (check === undefined) return `<td class="cell unknown" title="no check">?</td>`;
  return `<td class="cell ${check.status}" title="${e(`${check.id}: ${check.status}. ${check.message}`)}">${check.status === "fail" ? `<a href="#${e(check.id)}">✗ fail</a>` : `${STATUS_SYMBOL[check.status]} ${check.status}`}</td>`;
}

function failing(check: ReportCheck): string {
  const cx = check.counterexample;
  const parts = [`<h3 id="${e(check.id)}"><code>${e(check.id)}</code></h3>`, `<p>${e(check.message)}</p>`];
  if (cx !== null && cx.findings.length > 0) {
    parts.push(`<table class="finding"><tr><th>code</th><th>severity</th><th>path</th><th>expected</th><th>actual</th><th>message</th></tr>${cx.findings.map((f) =>
      `<tr><td>${e(f.code)}</td><td>${e(f.severity)}</td><td>${e(f.path)}</td><td>${e(compactJson(f.expected))}</td><td>${e(compactJson(f.actual))}</td><td>${e(f.message)}</td></tr>`).join("")}</table>`);
  }
  if (cx !== null && cx.calls.length > 0) {
    parts.push(`<ol>${cx.calls.map((c) => `<li>seq ${c.seq} <code>${e(c.operation)}</code> as <code>${e(c.identity)}</code>, ${e(c.outcome)}${c.errorCode ? ` (<code>${e(c.errorCode)}</code>)` : ""}: <code>${e(compactJson(c.request, 400))}</code></li>`).join("")}</ol>`);
  }
  if (cx?.replay) parts.push(`<p>Replay:</p><pre>${e(cx.replay)}</pre>`);
  return parts.join("\n");
}

/** The HTML report page. */
export function renderHtml(report: ConformanceReport): string {
  const matrices = matricesOf(report).map((m) => {
    const head = `<tr><th>operation</th>${m.properties.map((p) => `<th>${e(p)}</th>`).join("")}</tr>`;
    const rows = m.operations.map((op) => `<tr><th><code>${e(op)}</code></th>${m.properties.map((p) => cell(m.cell(op, p))).join("")}</tr>`).join("\n");
    const unverified = m.service.unverified.length === 0 ? "" : `<p>Rules applied without a document of AWS that states them for this service (advisory):</p><ul>${m.service.unverified.map((u) => `<li>${e(u.rule)}: ${e(u.why)} (${u.codes.map((c) => `<code>${e(c)}</code>`).join(", ")})</li>`).join("")}</ul>`;
    return `<h2>${e(m.service.title)} (<code>${e(m.service.service)}</code>): <span class="${e(m.service.verdict)}">${e(m.service.verdict)}</span></h2>
<p>Hover a cell for its message. ✓ pass, ✗ fail, – not applicable, ? unknown (not observed).</p>
<table>
${head}
${rows}
</table>
${unverified}`;
  }).join("\n");
  const wide = runWideChecks(report).map((c) => `<tr><th><code>${e(c.id)}</code></th>${cell(c)}<td>${c.count}</td><td>${e(c.message)}</td></tr>`).join("\n");
  const fails = failingChecks(report);
  const coverage = report.coverage.map((c) =>
    `<tr><td>${e(c.service)}</td><th><code>${e(c.operation)}</code></th>${[c.calls, c.ok, c.error, c.unknown, c.unsent, c.byIdentity.IAMUser, c.byIdentity.Root, c.byIdentity.AssumedRole, c.byIdentity.FederatedUser].map((n) => `<td>${n}</td>`).join("")}</tr>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Conformance: ${e(report.verdict)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Conformance: <span class="${e(report.verdict)}">${e(report.verdict.toUpperCase())}</span></h1>
<p>Exit code ${report.exitCode}. ${e(runLine(report))}. From ${e(report.startedAt)} to ${e(report.endedAt)}.</p>
<h2>Why</h2>
<ul>${report.messages.map((msg) => `<li>${e(msg)}</li>`).join("")}</ul>
${matrices}
<h2>Identity kinds and run-wide checks</h2>
<table>
<tr><th>check</th><th>status</th><th>calls</th><th>message</th></tr>
${wide}
</table>
<h2>Failing checks</h2>
${fails.length === 0 ? "<p>None.</p>" : fails.map(failing).join("\n")}
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
