/**
 * `npm run compare -- old.json new.json`: between a faithful run and a run against an emulator with
 * an injected fault (same seed), the faulty run's failures are regressions (exit 1), and going back
 * is a fix (exit 0); checks only one report has are new or vanished; `--json` gives the same
 * comparison as data; an unreadable input exits 2.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { smallRun, tempDirs } from "../small-runs.js";
import { compareReports, comparisonExitCode, readReport, renderComparison, ReportInputError, type Comparison } from "../../../harness/report/compare.js";
import type { ConformanceReport } from "../../../harness/report/schema.js";
import { type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { runScript } from "../run/processes.js";

const tempDir = tempDirs("conformance-compare-");

const SMALL = { runs: 4, maxCommands: 4, services: ["inspector"] } as const;

function run(fault?: string): Promise<ConformanceRun> {
  return smallRun(SMALL, {}, tempDir(), fault);
}


const failing = (r: ConformanceReport): string[] => r.checks.filter((c) => c.status === "fail").map((c) => c.id);

describe("compare", () => {
  let good: ConformanceRun;
  let bad: ConformanceRun;
  beforeAll(async () => {
    good = await run();
    bad = await run("describe-logs-response");
  }, 120_000);

  it("finds each pass -> fail as a regression (exit 1), and fail -> pass as a fix (exit 0)", () => {
    expect(good.report.verdict).toBe("pass");
    const worse = compareReports(good.report, bad.report);
    expect(worse.regressions.map((r) => r.id)).toEqual(failing(bad.report));
    expect(worse.regressions.every((r) => r.from === "pass" && r.to === "fail" && r.message !== "")).toBe(true);
    expect(worse.fixes).toEqual([]);
    expect(comparisonExitCode(worse)).toBe(1);
    const better = compareReports(bad.report, good.report);
    expect(better.fixes.map((r) => r.id)).toEqual(failing(bad.report));
    expect(better.regressions).toEqual([]);
    expect(comparisonExitCode(better)).toBe(0);
    expect(comparisonExitCode(compareReports(good.report, good.report))).toBe(0);
  });

  it("na -> fail is a regression; pass -> unknown is a change, not a regression; new and vanished checks are listed", () => {
    const [a, b, c] = good.report.checks.filter((x) => x.status === "pass");
    const before: ConformanceReport = { ...good.report, checks: good.report.checks.map((x) => (x.id === a!.id ? { ...x, status: "na" } : x)) };
    const after: ConformanceReport = {
      ...good.report,
      checks: [
        ...good.report.checks.filter((x) => x.id !== c!.id).map((x) => (x.id === a!.id ? { ...x, status: "fail" as const } : x.id === b!.id ? { ...x, status: "unknown" as const } : x)),
        { ...c!, id: "inspector:*/identity:Robot" },
      ],
    };
    const out: Comparison = compareReports(before, after);
    expect(out.regressions.map((r) => [r.id, r.from, r.to])).toEqual([[a!.id, "na", "fail"]]);
    expect(out.changed.map((r) => [r.id, r.from, r.to])).toEqual([[b!.id, "pass", "unknown"]]);
    expect(out.added).toEqual([{ id: "inspector:*/identity:Robot", status: "pass" }]);
    expect(out.vanished).toEqual([{ id: c!.id, status: "pass" }]);
    const text = renderComparison(out, { old: "old.json", new: "new.json" });
    expect(text).toMatch(/^compare: old\.json \(pass, seed 42, \d+ checks\) -> new\.json/);
    expect(text).toContain("regressions (pass or na -> fail): 1");
    expect(text).toContain(`  ${a!.id}: na -> fail`);
    expect(text).toContain("new checks: 1");
    expect(text).toContain("vanished checks: 1");
    expect(text.split("\n").at(-1)).toBe("1 regression (exit 1)");
  });

  it("reads only conformance reports: unreadable, not JSON, another schema version or not a report is a ReportInputError", () => {
    const dir = tempDir();
    const file = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(() => readReport(join(dir, "absent.json"))).toThrow(/absent\.json: cannot be read/);
    expect(() => readReport(file("bad.json", "{"))).toThrow(/bad\.json: not JSON/);
    expect(() => readReport(file("v1.json", JSON.stringify({ ...good.report, schemaVersion: 1 })))).toThrow(/v1\.json: report schemaVersion 1; this tool reads schemaVersion 2/);
    expect(() => readReport(file("other.json", JSON.stringify({ schemaVersion: 2, verdict: "pass" })))).toThrow(ReportInputError);
    expect(readReport(good.paths.json).checks.length).toBe(good.report.checks.length);
  });

  it("npm run compare: text and exit 1 on a regression, --json and exit 0 on a fix, exit 2 on unreadable input", { timeout: 60_000 }, async () => {
    const [regression, fix, unreadable] = await Promise.all([
      runScript("scripts/compare.ts", [good.paths.json, bad.paths.json]),
      runScript("scripts/compare.ts", [bad.paths.json, good.paths.json, "--json"]),
      runScript("scripts/compare.ts", [good.paths.json, join(tempDir(), "missing.json")]),
    ]);
    expect(regression.code).toBe(1);
    expect(regression.stdout).toContain(`regressions (pass or na -> fail): ${failing(bad.report).length}`);
    expect(fix.code).toBe(0);
    const parsed = JSON.parse(fix.stdout) as Comparison;
    expect(parsed.fixes.map((f) => f.id)).toEqual(failing(bad.report));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/compare: .*missing\.json: cannot be read/);
  });
});
