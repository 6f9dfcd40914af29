/**
 * Against moto_server (a real, independent AWS emulator without Inspector Classic or LookupEvents):
 * `npm run conformance` exits 2 within a minute, and the report names what moto lacks.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { hasMoto, runConformanceProcess, startMoto } from "./processes.js";

const dir = mkdtempSync(join(tmpdir(), "moto-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasMoto())("npm run conformance against moto_server", () => {
  it("exits 2 within a minute and names what moto lacks", async () => {
    const moto = await startMoto();
    try {
      const result = await runConformanceProcess(["--reports-dir", dir], {
        CONFORMANCE_TARGET: "endpoint",
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
        AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      });
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
});
