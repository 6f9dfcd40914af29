/**
 * merge-reports: the reports of shards 1/3, 2/3 and 3/3 of one embedded run merge into one report
 * (checks by id, counts and coverage summed, messages once, incidents concatenated, the verdict
 * recomputed), written as JSON, Markdown and HTML; reports that are not the complete shards of one
 * run are refused (exit 2), saying what differs or which shard is missing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDirs } from "../small-runs.js";
import { resolveRunConfig } from "../../../harness/config.js";
import { applyExpectations } from "../../../harness/report/expectations.js";
import { checkSchemaVersions, mergeReports, mergeStatus, MergeError, type MergeInput } from "../../../harness/report/merge.js";
import { ConformanceReportSchema, type ConformanceReport } from "../../../harness/report/schema.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { runScript } from "../run/processes.js";

const tempDir = tempDirs("conformance-merge-");


const STATUSES = ["pass", "fail", "na", "unknown"] as const;

describe("mergeStatus", () => {
  it("fail if any fails, else pass if any passes, else na if any is na, else unknown", () => {
    expect(mergeStatus(["pass", "fail", "unknown"])).toBe("fail");
    expect(mergeStatus(["unknown", "pass", "na"])).toBe("pass");
    expect(mergeStatus(["unknown", "na"])).toBe("na");
    expect(mergeStatus(["unknown", "unknown"])).toBe("unknown");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 6 }), (statuses) => {
        const merged = mergeStatus(statuses);
        expect(statuses).toContain(merged);
        expect(merged === "fail").toBe(statuses.includes("fail"));
        expect(mergeStatus([...statuses].reverse())).toBe(merged);
      }),
    );
  });
});

describe("merging the shards of one run", () => {
  let runs: ConformanceRun[];
  let inputs: MergeInput[];
  beforeAll(async () => {
    runs = [];
    for (const shard of ["1/3", "2/3", "3/3"]) {
      const config = resolveRunConfig({ runs: 6, maxCommands: 4, services: ["inspector"], shard, reportsDir: tempDir() }, {});
      runs.push(await runConformance(config, {}, () => undefined));
    }
    inputs = runs.map((r) => ({ path: r.paths.json, report: r.report }));
  }, 120_000);

  const copy = (i: number, change: Partial<ConformanceReport>): MergeInput => ({ path: `changed-${i}.json`, report: { ...inputs[i]!.report, ...change } });
  const refusal = (given: MergeInput[]): string => {
    try {
      mergeReports(given);
    } catch (err) {
      if (err instanceof MergeError) return err.message;
      throw err;
    }
    throw new Error("merged");
  };

  it("sums counts, coverage and findings; keeps messages once; concatenates incidents; recomputes the verdict", () => {
    const reports = inputs.map((i) => i.report);
    const incident = { kind: "records-late" as const, blocking: false, count: 1, calls: 1, firstAt: null, lastAt: null, message: "late records" };
    const merged = mergeReports([inputs[2]!, { ...inputs[0]!, report: { ...reports[0]!, incidents: [incident] } }, { ...inputs[1]!, report: { ...reports[1]!, incidents: [incident] } }]);
    expect(merged.calls).toBe(reports.reduce((n, r) => n + r.calls, 0));
    expect(merged.records).toBe(reports.reduce((n, r) => n + r.records, 0));
    expect(merged.services[0]!.calls).toBe(merged.calls);
    const callsOf = (r: ConformanceReport, op: string): number => r.coverage.find((c) => c.operation === op)!.calls;
    for (const row of merged.coverage) expect(row.calls).toBe(reports.reduce((n, r) => n + callsOf(r, row.operation), 0));
    expect(merged.collection.requests).toBe(reports.reduce((n, r) => n + r.collection.requests, 0));
    expect(merged.identities.map((i) => i.callCount)).toEqual(reports[0]!.identities.map((_, k) => reports.reduce((n, r) => n + r.identities[k]!.callCount, 0)));
    expect(merged.incidents).toEqual([incident, incident]);
    expect(new Set(merged.messages).size).toBe(merged.messages.length);
    expect(merged.messages[0]).toMatch(/^Merged from 3 shards of seed 42: 1\/3 .*, 2\/3 .*, 3\/3 /);
    expect(merged.messages.some((m) => m.startsWith("This report is shard"))).toBe(false);
    // Shards 2 and 3 alone are unknown (their operations unobserved); merged, the run passes.
    expect(reports.map((r) => r.verdict)).toEqual(["pass", "unknown", "unknown"]);
    expect([merged.verdict, merged.exitCode, merged.shard, merged.expectations]).toEqual(["pass", 0, null, null]);
    expect(merged.messages.at(-1)).toMatch(/Every required check passed/);
    expect(() => ConformanceReportSchema.parse(merged)).not.toThrow();
  });

  it("a single whole run merges to itself; the verdict is applied against expectations after merging", () => {
    const whole = copy(0, { shard: null });
    expect(mergeReports([whole]).checks).toEqual(whole.report.checks);
    const id = inputs[0]!.report.checks.find((c) => c.status === "pass")!.id;
    const judged = applyExpectations(mergeReports(inputs), { file: "e.json", expectations: { [id]: { status: "fail", reason: "r" } } }, true);
    expect([judged.verdict, judged.exitCode, judged.expectations?.unexpectedPasses]).toEqual(["fail", 1, [id]]);
  });

  it("refuses different seeds, targets, run sizes and splits, naming the files", () => {
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { seed: 7 })])).toMatch(/different seeds \(.*: 42, .*: 42, changed-2\.json: 7\)/);
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { target: "endpoint", endpoint: "http://127.0.0.1:4566" })])).toMatch(/different targets .*changed-2\.json: "endpoint http:\/\/127\.0\.0\.1:4566 us-east-1"/);
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { runs: 7 })])).toMatch(/different sizes/);
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { shard: "3/4" })])).toMatch(/different splits .*changed-2\.json: 3\/4/);
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { schemaVersion: 3 as 2 })])).toMatch(/different schema versions/);
    expect(() => checkSchemaVersions([{ path: "a.json", json: { schemaVersion: 2 } }, { path: "b.json", json: { schemaVersion: 1 } }])).toThrow(/different schema versions \(a\.json: 2, b\.json: 1\)/);
    expect(() => checkSchemaVersions([{ path: "a.json", json: { schemaVersion: 2 } }, { path: "b.json", json: { schemaVersion: 2 } }])).not.toThrow();
  });

  it("refuses the same shard twice, an incomplete set (saying which shard is missing), a whole run among shards, and nothing", () => {
    expect(refusal([inputs[0]!, inputs[1]!, inputs[1]!, inputs[2]!])).toMatch(/shard 2\/3 is given twice/);
    expect(refusal([inputs[0]!, inputs[2]!])).toBe("the shard set is not complete: shard 2/3 is missing");
    expect(refusal([inputs[1]!])).toBe("the shard set is not complete: shards 1/3, 3/3 are missing");
    expect(refusal([inputs[0]!, inputs[1]!, copy(2, { shard: null })])).toMatch(/changed-2\.json is a whole run \(no shard\)/);
    expect(refusal([])).toMatch(/no report to merge/);
    expect(() => mergeReports(inputs)).not.toThrow();
  });

  it("npm run merge-reports writes the merged JSON, Markdown and HTML (exit 0); --strict with an unexpected pass exits 1; a refusal exits 2", { timeout: 90_000 }, async () => {
    const out = tempDir();
    const paths = inputs.map((i) => i.path);
    const id = inputs[0]!.report.checks.find((c) => c.status === "pass")!.id;
    const expectations = join(tempDir(), "expectations.json");
    writeFileSync(expectations, JSON.stringify({ schemaVersion: 1, expectations: { [id]: { status: "fail", reason: "fixed upstream?" } } }));
    const bumped = join(tempDir(), "v3.json");
    writeFileSync(bumped, JSON.stringify({ ...JSON.parse(readFileSync(paths[2]!, "utf8")), schemaVersion: 3 }));
    const [ok, strict, missing, versions] = await Promise.all([
      runScript("scripts/merge-reports.ts", [...paths, "--out", out]),
      runScript("scripts/merge-reports.ts", [...paths, "--out", tempDir(), "--expectations", expectations, "--strict"]),
      runScript("scripts/merge-reports.ts", [paths[0]!, paths[2]!, "--out", join(out, "never")]),
      runScript("scripts/merge-reports.ts", [paths[0]!, paths[1]!, bumped, "--out", join(out, "never")]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/verdict: PASS \(exit 0\)/);
    const written = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(out, "conformance.json"), "utf8")));
    expect(written.calls).toBe(inputs.reduce((n, i) => n + i.report.calls, 0));
    expect(existsSync(join(out, "conformance.md")) && existsSync(join(out, "conformance.html"))).toBe(true);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`1 unexpected pass`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("merge-reports: the shard set is not complete: shard 2/3 is missing");
    expect(missing.stderr).toContain("Nothing was merged (exit 2).");
    expect(versions.code).toBe(2);
    expect(versions.stderr).toMatch(/different schema versions .*v3\.json: 3/);
    expect(existsSync(join(out, "never"))).toBe(false);
  });
});
