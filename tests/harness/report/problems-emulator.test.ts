/**
 * The emulator with two systematic bugs (readOnly written as a string; AssumedRole callers
 * recorded as IAMUser: the catalogue's `read-only-as-string` and `assumed-role-as-iam-user`): the
 * suite, run against it with its records read through LookupEvents and trail files, reports
 * "2 distinct problems" first in the console, the Markdown and the HTML, each naming its rule code
 * and the operations it touches, each finding counted once. One bug: 1 problem. No bug: 0, pass.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveRunConfig } from "../../../harness/config.js";
import { renderHtml, renderMarkdown } from "../../../harness/report/index.js";
import { AWS_PAGES } from "../../../oracles/aws-pages.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";
import { SELF_TEST_BUDGET } from "../../self-test/run-with-fault.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The suite (Classic, the self-test budget) against the embedded emulator with `faults`; it writes trail files too. */
async function runWith(faults: string[]): Promise<ConformanceRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), "problems-"));
  dirs.push(reportsDir);
  const config = resolveRunConfig({ ...SELF_TEST_BUDGET, services: ["inspector"], reportsDir }, {});
  return runConformance(config, {}, () => undefined, { target: createEmbeddedTarget(config, { faults }) });
}

/** The text of the HTML body before the first matrix, tags dropped. */
function htmlOpening(html: string): string {
  const body = html.slice(html.indexOf("<body>"), html.indexOf("<h2>Why</h2>"));
  return body.replace(/<[^>]+>/g, "").trim();
}

describe("problems of an emulator with known bugs", () => {
  it("two bugs: '2 distinct problems' first in all three formats, each with its code and operations, counted once", { timeout: 120_000 }, async () => {
    const run = await runWith(["read-only-as-string", "assumed-role-as-iam-user"]);
    const { report } = run;
    expect(report.verdict).toBe("fail");
    const problems = report.problems!;
    expect(problems.filter((p) => p.severity === "required").map((p) => p.id)).toEqual([
      "shape.wrong_type:readOnly",
      "identity.type_mismatch:userIdentity.type:AssumedRole",
    ]);
    const [readOnly, assumed] = problems as [typeof problems[number], typeof problems[number]];
    expect(assumed.related).toEqual([{ code: "identity.arn_form", path: "userIdentity.arn" }]);
    expect(assumed.scope.text).toBe("AssumedRole callers");
    // Every Classic operation was called and recorded: both bugs touch all 37.
    expect(readOnly.operations).toHaveLength(37);
    expect(assumed.operations).toHaveLength(37);
    // More than 70 failing cells, two problems; each failing cell names one of them.
    const failing = report.checks.filter((c) => c.status === "fail");
    expect(failing.length).toBeGreaterThan(70);
    for (const c of failing) expect(problems.some((p) => p.checks.includes(c.id)), c.id).toBe(true);
    // Both collectors read every record; each record's problem counts once.
    expect(readOnly.channels).toEqual(["lookup-events", "trail-file"]);
    expect(report.findingsByCode["shape.wrong_type"]).toBe(readOnly.calls);
    expect(readOnly.findings).toBe(readOnly.calls);
    expect(report.findingsByCode["identity.type_mismatch"]).toBe(assumed.calls);
    expect(report.identities.find((i) => i.kind === "AssumedRole")!.callCount).toBeGreaterThanOrEqual(assumed.calls);
    for (const p of [readOnly, assumed]) {
      expect(p.counterexample!.calls).toHaveLength(1);
      expect(p.counterexample!.replay).toMatch(/^npm run conformance -- --seed \d+/);
    }

    const consoleText = run.summary;
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    expect(consoleText.split("\n")[0]).toBe("2 distinct problems (verdict FAIL)");
    expect(md.split("\n")[0]).toBe("# 2 distinct problems (conformance: FAIL)");
    expect(htmlOpening(html).startsWith("2 distinct problems (conformance: FAIL)")).toBe(true);
    for (const p of [readOnly, assumed]) {
      // The console lists the first operations of each; the Markdown and the HTML list them all.
      const before = consoleText.indexOf("\noperation ");
      expect(consoleText.indexOf(p.code)).toBeLessThan(before);
      expect(consoleText.indexOf(p.operations[0]!)).toBeLessThan(before);
      expect(consoleText).toContain(`replay: ${p.counterexample!.replay}`);
      const mdProblems = md.slice(0, md.indexOf("## Why"));
      const htmlProblems = html.slice(0, html.indexOf("<h2>Why</h2>"));
      expect(mdProblems).toContain(p.code);
      expect(htmlProblems).toContain(p.code);
      for (const op of p.operations) {
        expect(mdProblems).toContain(`\`${op}\``);
        expect(htmlProblems).toContain(`<code>${op}</code>`);
      }
      expect(htmlProblems).toContain(`id="problem-${p.id}"`);
      // Each problem cites the AWS page its rule rests on, by title and URL, in all three formats.
      const page = p.code.startsWith("identity.") ? AWS_PAGES.userIdentity : AWS_PAGES.recordContents;
      expect(consoleText).toContain(`   see: "${page.title}", ${page.url}`);
      expect(mdProblems).toContain(`See: "${page.title}", ${page.url}`);
      expect(htmlProblems).toContain(`<a class="source" href="${page.url}">${page.title}</a>`);
    }
    // The verdict's why names the two problems, not the failing cells one by one.
    const why = report.messages.find((m) => m.includes("distinct problems fail"))!;
    expect(why).toMatch(/^2 distinct problems fail \d+ required checks: P1 shape\.wrong_type at readOnly: \d+ calls .*; P2 identity\.type_mismatch at userIdentity\.type for AssumedRole callers/);
    expect(why).not.toContain("no problem explains");
    // The matrix follows, each failing cell linking to its problem.
    expect(html.indexOf('id="problem-shape.wrong_type:readOnly"')).toBeLessThan(html.indexOf("<th>operation</th>"));
    expect(html).toMatch(/<td class="cell fail" title="inspector:ListFindings\/shape: fail\.[^"]*">✗ <a href="#problem-shape\.wrong_type:readOnly">P1<\/a><\/td>/);
    expect(consoleText).toMatch(/\nListFindings +FAIL P1 +ok +ok +ok +FAIL P2 +ok +ok/);
  });

  it("one bug: 1 distinct problem", { timeout: 120_000 }, async () => {
    const run = await runWith(["assumed-role-as-iam-user"]);
    expect(run.report.problems!.filter((p) => p.severity === "required").map((p) => p.id)).toEqual(["identity.type_mismatch:userIdentity.type:AssumedRole"]);
    expect(run.summary.split("\n")[0]).toBe("1 distinct problem (verdict FAIL)");
    expect(renderMarkdown(run.report).split("\n")[0]).toBe("# 1 distinct problem (conformance: FAIL)");
    expect(htmlOpening(renderHtml(run.report)).startsWith("1 distinct problem (conformance: FAIL)")).toBe(true);
  });

  it("the faithful emulator: 0 distinct problems, pass", { timeout: 120_000 }, async () => {
    const run = await runWith([]);
    expect(run.report.verdict).toBe("pass");
    expect(run.report.problems!.filter((p) => p.severity === "required")).toEqual([]);
    expect(run.summary.split("\n")[0]).toMatch(/^0 distinct problems(, \d+ advisory problems?)? \(verdict PASS\)$/);
    expect(renderMarkdown(run.report).split("\n")[0]).toMatch(/^# 0 distinct problems(, \d+ advisory problems?)? \(conformance: PASS\)$/);
  });
});
