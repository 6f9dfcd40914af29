/**
 * `runConformance` on the embedded default, both services: verdict pass; all 37 + 81 operations
 * exercised under every identity kind, with both succeeding and failing calls, one matrix per
 * service and the counts in the report; the run
 * re-checks from disk (`npm run check`) to the same verdict; deferred mode agrees.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveRunConfig } from "../../../harness/config.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "../../../harness/run/failing-input.js";
import { INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT } from "../../../harness/run/inspector2-failing-input.js";
import { INSPECTOR2_AGENT_OPERATIONS } from "../../../harness/run/inspector2-sweep.js";
import { recheckHistory } from "../../../harness/check/recheck.js";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "conformance-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const KINDS = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;

describe("conformance run on the embedded reference emulator", () => {
  it("passes, covers every operation x identity kind both ways, and re-checks from disk", async () => {
    const reportsDir = tempDir();
    const config = resolveRunConfig({ runs: 15, reportsDir }, {});
    const run = await runConformance(config, {}, () => undefined);
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
    expect(run.exitCode).toBe(0);

    const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(run.paths.json, "utf8")));
    expect(report).toMatchObject({ schemaVersion: 2, target: "embedded", seed: 42, runs: 15, rulesEdition: "2020", mode: "interactive" });
    // Both services by default, each with its own verdict, every operation x 7 rule families passing.
    expect(report.services.map((s) => [s.service, s.verdict, s.operations])).toEqual([["inspector", "pass", 37], ["inspector2", "pass", 81]]);
    const cells = report.checks.filter((c) => c.operation !== "*");
    expect(cells).toHaveLength((37 + 81) * 7);
    // na: the error family of the operations no input can make fail (1 Classic, 3 v2); the rest pass.
    expect(cells.filter((c) => c.status === "na").map((c) => c.id).sort()).toEqual(
      [...OPERATIONS_WITHOUT_FAILING_INPUT.map((op) => `inspector:${op}/error`), ...INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT.map((op) => `inspector2:${op}/error`)].sort(),
    );
    expect(cells.filter((c) => c.status !== "na").every((c) => c.status === "pass")).toBe(true);
    expect(report.services[1]!.unverified.length).toBeGreaterThan(0);
    expect(report.calls).toBeGreaterThan(300 + 600);
    expect(report.records).toBe(report.calls);
    expect(report.services.reduce((n, s) => n + s.calls, 0)).toBe(report.calls);
    expect(report.identities.map((i) => i.status)).toEqual(["available", "available", "available", "available"]);
    const history = readFileSync(run.paths.history, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { service?: string; operation: string; outcome: string; identity?: { kind: string } }).filter((c) => c.identity !== undefined);
    for (const [service, operations, cannotFail] of [
      ["inspector", INSPECTOR_OPERATIONS, OPERATIONS_WITHOUT_FAILING_INPUT],
      ["inspector2", INSPECTOR2_OPERATIONS, INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT],
    ] as const) {
      const coverage = report.coverage.filter((row) => row.service === service);
      expect(coverage.map((row) => row.operation).sort()).toEqual([...operations].sort());
      for (const row of coverage) {
        expect(row.ok, `${service}:${row.operation} succeeded`).toBeGreaterThan(0);
        if (!cannotFail.includes(row.operation)) expect(row.error, `${service}:${row.operation} failed`).toBeGreaterThan(0);
        for (const kind of KINDS) expect(row.byIdentity[kind], `${service}:${row.operation} as ${kind}`).toBeGreaterThan(0);
      }
      // Every identity kind made both successful and failing calls of every operation (v2's CIS
      // session operations succeed only for an instance agent, which the sweep calls them as).
      for (const op of operations) {
        for (const kind of KINDS) {
          const mine = history.filter((c) => (c.service ?? "inspector") === service && c.operation === op && c.identity!.kind === kind);
          if (!INSPECTOR2_AGENT_OPERATIONS.includes(op) || service === "inspector") expect(mine.some((c) => c.outcome === "ok"), `${service}:${op} ok as ${kind}`).toBe(true);
          if (!cannotFail.includes(op)) expect(mine.some((c) => c.outcome === "error"), `${service}:${op} error as ${kind}`).toBe(true);
        }
      }
    }
    expect(readFileSync(run.paths.md, "utf8")).toContain("PASS");
    expect(readFileSync(run.paths.html, "utf8")).toContain("<table");

    const again = await recheckHistory({ historyPath: run.paths.history, reportsDir: tempDir(), env: {} });
    expect(again.report.verdict).toBe("pass");
    expect(again.report.calls).toBe(report.calls);
  });

  it("deferred mode executes everything, collects once and reaches the same verdict", async () => {
    const config = resolveRunConfig({ runs: 10, deferred: true, reportsDir: tempDir() }, {});
    const run = await runConformance(config, {}, () => undefined);
    expect(run.report.mode).toBe("deferred");
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
  });

  it("the 2017 rules edition passes on an emulator configured for it", async () => {
    const config = resolveRunConfig({ runs: 5, services: ["inspector"], rulesEdition: "2017", reportsDir: tempDir() }, {});
    const run = await runConformance(config, {}, () => undefined);
    expect(run.report.rulesEdition).toBe("2017");
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
  });
});

describe("the rules edition is checked, not assumed", () => {
  it("a 2020-edition emulator fails a 2017-edition run on the four other read-only operations", async () => {
    const { createEmbeddedTarget } = await import("../../../harness/targets/index.js");
    const config = resolveRunConfig({ runs: 3, services: ["inspector"], rulesEdition: "2017", reportsDir: tempDir() }, {});
    const target = createEmbeddedTarget({ ...config, rulesEdition: "2020" });
    const run = await runConformance(config, {}, () => undefined, { target });
    expect(run.report.verdict).toBe("fail");
    const failing = run.report.checks.filter((c) => c.status === "fail").map((c) => c.id).sort();
    expect(failing).toEqual(
      ["inspector:GetAssessmentReport/logging", "inspector:GetExclusionsPreview/logging", "inspector:GetTelemetryMetadata/logging", "inspector:PreviewAgents/logging"],
    );
    expect(run.report.findingsByCode["logging.response_missing"]).toBeGreaterThan(0);
  });
});
