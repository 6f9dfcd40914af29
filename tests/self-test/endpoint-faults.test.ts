/**
 * Some Classic faults through the endpoint target over loopback: `npm run emulator -- --faults <name>`
 * in another process, `npm run conformance --services inspector` against it: exit 1, and the finding
 * that names the rule (shrinking bounded to 40 sequences, `--max-shrinks`; stopping there, `--fail-fast`).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY } from "../../emulator/accounts/index.js";
import { ConformanceReportSchema } from "../../harness/report/index.js";
import { endpointEnv, runConformanceProcess, startEmulatorProcess } from "../harness/run/processes.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CASES: [fault: string, code: string][] = [
  ["read-only-wrong", "correlated.read_only"],
  ["assumed-role-without-session-context", "identity.session_context_missing"],
  ["lookup-ignores-event-source", "completeness.outside_filter"],
];

describe("faults through the endpoint target over loopback", () => {
  it.for(CASES)("%s is caught by %s", async ([fault, code]) => {
    const dir = mkdtempSync(join(tmpdir(), "endpoint-fault-"));
    dirs.push(dir);
    const { child, ready } = await startEmulatorProcess(["--faults", fault]);
    try {
      const result = await runConformanceProcess(["--services", "inspector", "--runs", "8", "--max-commands", "8", "--max-shrinks", "40", "--fail-fast", "--reports-dir", dir], endpointEnv(ready, DEFAULT_ROOT_ACCESS_KEY));
      expect(result.code, result.stderr.slice(-2000)).toBe(1);
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
      expect(report.verdict).toBe("fail");
      expect(report.findingsByCode[code as keyof typeof report.findingsByCode] ?? 0).toBeGreaterThan(0);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
