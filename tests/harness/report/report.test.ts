import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  buildReport, ConformanceReportSchema, escapeHtml, parseReport, printSummary, renderConsole, useColour, renderHtml, renderMarkdown, writeReports, type ReportInput,
} from "../../../harness/report/index.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { call, f, RunBuilder } from "./run-builder.js";

function reportInput(run: RunBuilder, extra: Partial<ReportInput> = {}): ReportInput {
  const input = run.input();
  return {
    target: "embedded", endpoint: undefined, region: "us-east-1", seed: 42, runs: 40, rulesEdition: "2020", mode: "interactive",
    startedAt: "2026-05-01T12:00:00.000Z", endedAt: "2026-05-01T12:01:00.000Z",
    calls: input.calls, records: run.calls.filter((c) => run.byCall.has(c.seq)).map((c) => ({ requestID: c.requestId, eventName: c.operation })),
    findings: { ...input.findings, duplicatesCollapsed: 1 }, identities: input.identities, unsupported: [],
    collection: { requests: 3, throttled: 1 }, historyFile: "reports/history.jsonl", recordsFile: null, ...extra,
  };
}

function failingRun(): RunBuilder {
  const run = RunBuilder.conforming();
  run.add(call(100, "CreateResourceGroup", { request: { resourceGroupTags: [{ key: "<script>alert(1)</script>", value: "v" }] } }), [
    { ...f("echo.request_mismatch", "requestParameters.resourceGroupTags"), message: "bad <script>alert('x')</script> & more" },
  ]);
  run.add(call(101, "ListFindings"), [], false);
  run.runLevel.push(f("completeness.missing_record", "calls[seq=101]"));
  return run;
}

describe("buildReport", () => {
  it("computes counts: calls, records, coverage, collection, findings by code", () => {
    const report = buildReport(reportInput(failingRun(), { replayCommand: (seq) => `npm run conformance -- --seed 42 --path 0:${seq}` }));
    expect(report).toMatchObject({ schemaVersion: 2, verdict: "fail", exitCode: 1, calls: 76, records: 75, clockSkewMs: 5000 });
    expect(report.coverage).toHaveLength(37);
    expect(report.coverage.find((c) => c.operation === "ListFindings")).toMatchObject({ calls: 3, ok: 2, error: 1, unknown: 0, unsent: 0 });
    expect(report.collection).toEqual({ requests: 3, throttled: 1, missing: 1, duplicatesCollapsed: 1, uncollected: 0, late: 0, pages: 0, pagesPerRecord: null, deliveryLatencyMs: null, unsupported: [] });
    expect(report.findingsByCode).toEqual({ "echo.request_mismatch": 1, "completeness.missing_record": 1 });
    const calls = failingRun().calls;
    expect(report.identities.map((i) => [i.kind, i.callCount])).toEqual(
      (["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const).map((kind) => [kind, calls.filter((c) => c.identity.kind === kind).length]),
    );
    expect(report.identities.reduce((n, i) => n + i.callCount, 0)).toBe(76);
    expect(report.checks.find((c) => c.id === "inspector:CreateResourceGroup/echo")?.counterexample?.replay).toBe("npm run conformance -- --seed 42 --path 0:100");
  });

  it("puts the runner's messages first, then the verdict's reasons", () => {
    const report = buildReport(reportInput(RunBuilder.conforming(), {
      unsupported: [{ scope: "inspector", reason: "endpoint timed out" }], messages: ["Inspector Classic reached end of support on 2026-05-20."],
    }));
    expect(report.verdict).toBe("unknown");
    expect(report.messages[0]).toContain("end of support");
    expect(report.messages.join("\n")).toContain("endpoint timed out");
  });
});

describe("writeReports", () => {
  it("writes three files whose JSON parses with the schema (round trip)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-test-"));
    try {
      const report = buildReport(reportInput(failingRun()));
      const paths = await writeReports(report, join(dir, "nested", "reports"));
      expect(paths.json.endsWith("conformance.json")).toBe(true);
      const text = await readFile(paths.json, "utf8");
      const parsed = parseReport(text);
      expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
      expect(ConformanceReportSchema.safeParse(JSON.parse(text)).success).toBe(true);
      expect(await readFile(paths.markdown, "utf8")).toContain("**Verdict: fail**");
      expect(await readFile(paths.html, "utf8")).toContain("<!doctype html>");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a report that does not match the schema", async () => {
    const report = buildReport(reportInput(RunBuilder.conforming()));
    await expect(writeReports({ ...report, verdict: "maybe" } as never, join(tmpdir(), "never-written"))).rejects.toThrow();
    // A report of schema version 1 (check ids without their service) is not read as version 2.
    expect(ConformanceReportSchema.safeParse({ ...report, schemaVersion: 1 }).success).toBe(false);
  });
});

describe("renderings", () => {
  const report = buildReport(reportInput(failingRun(), { replayCommand: (seq) => `npm run conformance -- --seed 42 --path 0:${seq}` }));

  it("Markdown: problems first, verdict, why, every operation, problems with expected/actual and replay, short failing list, coverage", () => {
    const md = renderMarkdown(report);
    expect(md.split("\n")[0]).toBe("# 2 distinct problems (conformance: FAIL)");
    expect(md.indexOf("## 2 distinct problems")).toBeLessThan(md.indexOf("## Why"));
    for (const op of INSPECTOR_OPERATIONS) expect(md).toContain(`| \`${op}\` |`);
    expect(md.indexOf("## Why")).toBeLessThan(md.indexOf("## Inspector Classic (`inspector`): fail, operations x rule families"));
    expect(md).toContain('### P2: echo.request_mismatch at requestParameters.resourceGroupTags <a id="problem-echo.request_mismatch:requestParameters.resourceGroupTags"></a>');
    // The failing cell links to its problem; the failing list is one row per check.
    expect(md).toMatch(/\| `CreateResourceGroup` \| ✓ \| ✓ \| ✓ \| ✗ \[P2\]\(#problem-echo\.request_mismatch:requestParameters\.resourceGroupTags\) \|/);
    expect(md).toContain("| `inspector:CreateResourceGroup/echo` | 1 of 3 | [P2](#problem-echo.request_mismatch:requestParameters.resourceGroupTags) |");
    expect(md).not.toContain("### `inspector:CreateResourceGroup/echo`");
    expect(md).toContain("`\"expected-value\"`");
    expect(md).toContain("npm run conformance -- --seed 42 --path 0:100");
    expect(md).toContain("## Coverage");
    expect(md).toContain("✗");
    // Raw HTML only ever appears inside code spans, where Markdown shows it as text.
    const outsideCode = md.replace(/(`+)[^`]*?\1/g, "");
    expect(md).toContain("<script>alert(1)</script>");
    expect(outsideCode).not.toContain("<script>");
    expect(md).toContain("bad &lt;script&gt;");
  });

  it("HTML: verdict, every operation, colour-coded cells with titles, failing findings, everything escaped", () => {
    const html = renderHtml(report);
    expect(html).toContain("<h1>2 distinct problems (conformance: <span class=\"fail\">FAIL</span>)</h1>");
    for (const op of INSPECTOR_OPERATIONS) expect(html).toContain(`<code>${op}</code>`);
    expect(html).toMatch(/<td class="cell fail" title="inspector:CreateResourceGroup\/echo: fail\. [^"]*">✗ <a href="#problem-echo\.request_mismatch:requestParameters\.resourceGroupTags">P2<\/a><\/td>/);
    expect(html).toContain('<details class="problem required" id="problem-echo.request_mismatch:requestParameters.resourceGroupTags" open>');
    expect(html).toContain("npm run conformance -- --seed 42 --path 0:100");
    expect(html).toContain("<td class=\"cell pass\"");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    expect(html).not.toMatch(/<script/i);
    expect(escapeHtml(`"<a href='x'>&</a>"`)).toBe("&quot;&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;&quot;");
  });

  it("console: fixed-width table whatever the statuses, verdict line, no colours unless asked", () => {
    const passing = buildReport(reportInput(RunBuilder.conforming()));
    const matrix = (text: string): string[] => {
      const lines = text.split("\n");
      const head = lines.findIndex((l) => l.startsWith("operation "));
      return lines.slice(head, head + 2 + INSPECTOR_OPERATIONS.length);
    };
    const widths = (text: string): Set<number> => new Set(matrix(text).map((l) => l.length));
    expect(widths(renderConsole(report)).size).toBe(1);
    expect(widths(renderConsole(passing)).size).toBe(1);
    const plain = renderConsole(report);
    expect(plain.split("\n")[0]).toBe("2 distinct problems (verdict FAIL)");
    expect(plain).toContain("\nInspector Classic (inspector): FAIL, 76 calls, 75 records\n");
    expect(renderConsole(passing).split("\n")[0]).toBe("0 distinct problems (verdict PASS)");
    expect(matrix(plain).find((l) => l.startsWith("CreateResourceGroup "))).toMatch(/^CreateResourceGroup +ok +ok +ok +FAIL P2 +ok/);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain("verdict: FAIL (exit 1)");
    expect(plain.split("\n").filter((l) => l.startsWith("CreateResourceGroup ")).length).toBe(1);
  });

  it("console: colours only on a TTY without NO_COLOR", () => {
    expect(renderConsole(report, true)).toMatch(/\u001b\[/);
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({}, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    let written = "";
    const sink = Object.assign(new PassThrough(), { isTTY: false });
    sink.on("data", (chunk: Buffer) => (written += chunk.toString()));
    printSummary(report, sink);
    expect(written).toBe(renderConsole(report, false));
  });
});
