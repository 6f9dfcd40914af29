/**
 * Against moto_server (a real, independent AWS emulator with STS and some of Inspector v2, but
 * without Inspector Classic or LookupEvents): `npm run conformance` exits 2 within a minute, the
 * report names what moto lacks and, for Inspector v2, which operations answered as AWS would.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { hasMoto, runConformanceProcess, startMoto } from "./processes.js";

const dir = mkdtempSync(join(tmpdir(), "moto-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MOTO_ENV = {
  CONFORMANCE_TARGET: "endpoint",
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

// Each test starts its own moto_server; the two run side by side.
describe.skipIf(!hasMoto()).concurrent("npm run conformance against moto_server", () => {
  it("exits 2 within a minute and names what moto lacks", async ({ expect }) => {
    const moto = await startMoto();
    try {
      const result = await runConformanceProcess(["--reports-dir", dir], { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint });
      expect(result.code, result.stderr + result.stdout).toBe(2);
      expect(result.ms).toBeLessThan(60_000);
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
      expect(report.verdict).toBe("unknown");
      const scopes = report.collection.unsupported.map((u) => u.scope).sort();
      expect(scopes).toContain("inspector");
      expect(scopes).toContain("lookupEvents");
      const text = report.messages.join("\n");
      expect(text).toMatch(/Inspector/);
      expect(text).toMatch(/LookupEvents/);
      expect(report.checks.filter((c) => c.operation !== "*").every((c) => c.status === "unknown")).toBe(true);
    } finally {
      moto.child.kill();
    }
  }, 90_000);

  it("--services inspector2: exits 2 within a minute, names LookupEvents and lists which operations answered as AWS would", async ({ expect }) => {
    const moto = await startMoto();
    const reportsDir = join(dir, "inspector2");
    try {
      const result = await runConformanceProcess(["--services", "inspector2", "--reports-dir", reportsDir], { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint });
      expect(result.code, result.stderr + result.stdout).toBe(2);
      expect(result.ms).toBeLessThan(60_000);
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(reportsDir, "conformance.json"), "utf8")));
      expect(report.verdict).toBe("unknown");
      expect(report.services.map((s) => s.service)).toEqual(["inspector2"]);
      expect(report.collection.unsupported.map((u) => u.scope)).toContain("lookupEvents");
      const text = report.messages.join("\n");
      expect(text).toMatch(/LookupEvents/);
      // moto 5.2.1 implements ListFilters and CreateFilter (among 19); it has no CIS scans.
      const answered = /(\d+) answered as AWS would \(([^)]*)\)/.exec(text);
      expect(answered, text).not.toBeNull();
      const answeredOps = answered![2]!.split(", ");
      expect(answeredOps).toEqual(expect.arrayContaining(["CreateFilter", "ListFilters"]));
      expect(answeredOps).not.toContain("StartCisSession");
      expect(Number(answered![1])).toBe(answeredOps.length);
      // What moto lacks answers with one HTML 404 page: those operations are named together.
      expect(text).toMatch(/\d+ did not: .*HTTP 404 "<!doctype html>[^"]*": [^;]*StartCisSession/);
      expect(report.checks.filter((c) => c.operation !== "*").every((c) => c.status === "unknown")).toBe(true);
    } finally {
      moto.child.kill();
    }
  }, 90_000);
});
