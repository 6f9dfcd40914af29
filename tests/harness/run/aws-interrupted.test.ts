/**
 * `CONFORMANCE_TARGET=aws npm run conformance` against an AWS-like emulator (`npm run emulator` in
 * another process, through AWS_ENDPOINT_URL: the aws target's policies, not its transport, are what
 * differ), interrupted with SIGINT while it executes: it stops, undoes what it had created or turned
 * on, writes its reports with verdict unknown and exits 2, and a later `npm run check --collect`
 * reads the records it did not wait for.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leftoversOf } from "../../../harness/run/cleanup.js";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { ROOT, runCheckProcess, startEmulatorProcess } from "./processes.js";

const dir = mkdtempSync(join(tmpdir(), "aws-interrupted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const callsIn = (history: string): ObservedCall[] => {
  try {
    return readFileSync(history, "utf8").split("\n").filter((l) => l.startsWith('{"seq"')).map((l) => JSON.parse(l) as ObservedCall);
  } catch {
    return [];
  }
};

describe("an aws run interrupted with SIGINT", () => {
  it("stops, cleans up, reports unknown with exit 2; the records are collected later", { timeout: 180_000 }, async () => {
    const { child: emulator, ready } = await startEmulatorProcess();
    try {
      const env = {
        PATH: process.env["PATH"], HOME: process.env["HOME"],
        CONFORMANCE_TARGET: "aws", AWS_ENDPOINT_URL: ready["endpoint"], AWS_REGION: ready["region"],
        AWS_ACCESS_KEY_ID: ready["accessKeyId"], AWS_SECRET_ACCESS_KEY: ready["secretAccessKey"],
        CONFORMANCE_AWS_ACCOUNTS: ready["accountId"], CONFORMANCE_ALLOW: "account-state",
      };
      const reportsDir = join(dir, "run");
      const history = join(reportsDir, "run", "history.jsonl");
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/conformance.ts", "--runs", "2000", "--reports-dir", reportsDir], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
      child.stdout!.resume();
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      // Interrupt once the run has turned scanning on, early in the coverage sweep: it has then called
      // only some of the operations, and what it created is still there to undo. (Later, the sweep
      // waits for its CIS scan while it makes every other call: interrupted then, it may have called
      // every operation it may call.)
      const deadline = Date.now() + 120_000;
      while (leftoversOf(callsIn(history)).length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const before = leftoversOf(callsIn(history));
      expect(before.length, stderr).toBeGreaterThanOrEqual(1);
      const interruptedAt = Date.now();
      child.kill("SIGINT");
      const code = await exited;
      expect(code, stderr).toBe(2);
      expect(Date.now() - interruptedAt).toBeLessThan(60_000);
      expect(stderr).toContain("SIGINT: stopping");

      const calls = callsIn(history);
      expect(leftoversOf(calls)).toEqual([]);
      const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(reportsDir, "conformance.json"), "utf8")));
      expect(report.verdict).toBe("unknown");
      expect(report.messages.some((m) => m.startsWith("The run was interrupted (stopped by SIGINT)"))).toBe(true);
      expect(report.messages.some((m) => /^Amazon Inspector \(v2\): cleaned up (\d+) of \1 things the run created or turned on\.$/.test(m))).toBe(true);

      // What it did not wait for is read later, from the same AWS-like target.
      // (Still unknown: an interrupted run never called most operations.)
      const checked = await runCheckProcess([history, "--collect", "--reports-dir", join(dir, "check")], env);
      expect(checked.code, checked.stderr).toBe(2);
      const later = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "check", "conformance.json"), "utf8")));
      expect(later.calls).toBe(calls.length);
      expect(later.records).toBe(calls.length);
      expect(later.collection.uncollected).toBe(0);
      expect(later.checks.filter((c) => c.status === "fail")).toEqual([]);
      expect(later.checks.filter((c) => c.status === "pass").length).toBeGreaterThan(10);
    } finally {
      emulator.kill("SIGTERM");
    }
  });
});
