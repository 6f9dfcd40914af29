/**
 * The same verdict against the reference emulator started with `npm run emulator` in another
 * process, through the endpoint target, configured only with the standard AWS variables (plus the
 * documented root-credential variables for the Root identity).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { endpointEnv, runConformanceProcess, startEmulatorProcess } from "./processes.js";

const dir = mkdtempSync(join(tmpdir(), "endpoint-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run conformance against npm run emulator (endpoint target)", () => {
  it("passes both services with every identity kind", async () => {
    const { child, ready } = await startEmulatorProcess();
    try {
      const result = await runConformanceProcess(["--runs", "10", "--reports-dir", dir], endpointEnv(ready, DEFAULT_ROOT_ACCESS_KEY));
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toContain("verdict: PASS");
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
      expect(report).toMatchObject({ target: "endpoint", endpoint: ready["endpoint"], verdict: "pass" });
      expect(report.identities.every((i) => i.status === "available")).toBe(true);
      expect(report.services.map((s) => [s.service, s.verdict, s.operations])).toEqual([["inspector", "pass", 37], ["inspector2", "pass", 81]]);
      expect(report.services.every((s) => s.records === s.calls && s.calls > 0)).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("without root credentials, Root is na and the verdict is still pass", async () => {
    const { child, ready } = await startEmulatorProcess();
    try {
      const result = await runConformanceProcess(["--runs", "3", "--reports-dir", dir], endpointEnv(ready));
      expect(result.code, result.stderr + result.stdout).toBe(0);
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
      const root = report.identities.find((i) => i.kind === "Root")!;
      expect(root.status).toBe("na");
      expect(root.reason).toContain("CONFORMANCE_ROOT");
      expect(report.checks.find((c) => c.id === "inspector:*/identity:Root")?.status).toBe("na");
      expect(report.checks.find((c) => c.id === "inspector2:*/identity:Root")?.status).toBe("na");
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("an unreachable endpoint is unknown (exit 2) with a message, within the call deadline", async () => {
    const result = await runConformanceProcess(["--reports-dir", dir, "--call-timeout-ms", "2000"], {
      CONFORMANCE_TARGET: "endpoint",
      AWS_ENDPOINT_URL: "http://127.0.0.1:9",
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
    expect(result.code).toBe(2);
    expect(result.ms).toBeLessThan(30_000);
    const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
    expect(report.verdict).toBe("unknown");
    expect(report.messages.join("\n")).toMatch(/127\.0\.0\.1:9/);
  });

  it("a bad configuration is refused with exit 2 and names the variable", async () => {
    const result = await runConformanceProcess([], { CONFORMANCE_TARGET: "mainframe" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CONFORMANCE_TARGET");
  });
});
