/**
 * `runConformance` on the embedded default: verdict pass; all 37 operations exercised under every
 * identity kind, with both succeeding and failing calls, and the counts in the report; the run
 * re-checks from disk (`npm run check`) to the same verdict; deferred mode agrees.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveRunConfig } from "../../../harness/config.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "../../../harness/run/failing-input.js";
import { recheckHistory } from "../../../harness/check/recheck.js";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
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
    expect(report).toMatchObject({ schemaVersion: 1, target: "embedded", seed: 42, runs: 15, rulesEdition: "2020", mode: "interactive" });
    expect(report.calls).toBeGreaterThan(300);
    expect(report.records).toBe(report.calls);
    expect(report.identities.map((i) => i.status)).toEqual(["available", "available", "available", "available"]);
    for (const row of report.coverage) {
      expect(INSPECTOR_OPERATIONS).toContain(row.operation);
      expect(row.ok, `${row.operation} succeeded`).toBeGreaterThan(0);
      if (!OPERATIONS_WITHOUT_FAILING_INPUT.includes(row.operation)) expect(row.error, `${row.operation} failed`).toBeGreaterThan(0);
      for (const kind of KINDS) expect(row.byIdentity[kind], `${row.operation} as ${kind}`).toBeGreaterThan(0);
    }
    expect(report.coverage).toHaveLength(37);
    // Every identity kind made both successful and failing calls of every operation.
    const history = readFileSync(run.paths.history, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { operation: string; outcome: string; identity: { kind: string } });
    for (const op of INSPECTOR_OPERATIONS) {
      for (const kind of KINDS) {
        const mine = history.filter((c) => c.operation === op && c.identity.kind === kind);
        expect(mine.some((c) => c.outcome === "ok"), `${op} ok as ${kind}`).toBe(true);
        if (!OPERATIONS_WITHOUT_FAILING_INPUT.includes(op)) expect(mine.some((c) => c.outcome === "error"), `${op} error as ${kind}`).toBe(true);
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
    const config = resolveRunConfig({ runs: 5, rulesEdition: "2017", reportsDir: tempDir() }, {});
    const run = await runConformance(config, {}, () => undefined);
    expect(run.report.rulesEdition).toBe("2017");
    expect(run.report.verdict, run.report.messages.join("\n")).toBe("pass");
  });
});

describe("the rules edition is checked, not assumed", () => {
  it("a 2020-edition emulator fails a 2017-edition run on the four other read-only operations", async () => {
    const { createEmbeddedTarget } = await import("../../../harness/targets/index.js");
    const config = resolveRunConfig({ runs: 3, rulesEdition: "2017", reportsDir: tempDir() }, {});
    const target = createEmbeddedTarget({ ...config, rulesEdition: "2020" });
    const run = await runConformance(config, {}, () => undefined, { target });
    expect(run.report.verdict).toBe("fail");
    const failing = run.report.checks.filter((c) => c.status === "fail").map((c) => c.id).sort();
    expect(failing).toEqual(
      ["GetAssessmentReport/logging", "GetExclusionsPreview/logging", "GetTelemetryMetadata/logging", "PreviewAgents/logging"],
    );
    expect(run.report.findingsByCode["logging.response_missing"]).toBeGreaterThan(0);
  });
});
