/**
 * SIGKILL of the suite mid-run, then `npm run check -- <history> --collect`: the records of the
 * killed run are read again from the endpoint its run file names, and the verdict is that of an
 * uninterrupted run of the same seed: pass on the faithful emulator, fail with the fault's code on
 * an emulator with a CloudTrail fault. Without --collect, and on an embedded history, it says why not.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { ConformanceReportSchema } from "../../../harness/report/index.js";
import { readRunFile } from "../../../harness/run/run-file.js";
import { endpointEnv, ROOT, runCheckProcess, runConformanceProcess, startEmulatorProcess } from "../run/processes.js";

const dir = mkdtempSync(join(tmpdir(), "killed-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FLAGS = ["--services", "inspector", "--deferred", "--runs", "100", "--seed", "7"];

/** Starts a deferred run, kills it with SIGKILL once it has made `afterSweep` calls past the coverage sweep. */
async function killedRun(env: NodeJS.ProcessEnv, reportsDir: string, afterSweep: number): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/conformance.ts", ...FLAGS, "--reports-dir", reportsDir], {
    cwd: ROOT, env: { PATH: process.env["PATH"], HOME: process.env["HOME"], ...env }, stdio: ["ignore", "ignore", "pipe"],
  });
  const history = join(reportsDir, "run", "history.jsonl");
  const calls = (): number => {
    try {
      return readFileSync(history, "utf8").split("\n").filter((l) => l.startsWith('{"seq"')).length;
    } catch {
      return 0;
    }
  };
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    let swept: number | undefined;
    child.once("exit", (code) => reject(new Error(`the run ended (${code}) before it was killed:\n${stderr}`)));
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const poll = setInterval(() => {
      const made = /coverage sweep made (\d+) calls/.exec(stderr);
      if (made !== null && swept === undefined) swept = calls();
      if (swept !== undefined && calls() >= swept + afterSweep) {
        clearInterval(poll);
        child.removeAllListeners("exit");
        child.kill("SIGKILL");
        child.once("exit", () => resolve());
      }
    }, 20);
  });
  return history;
}

describe("a killed endpoint run, collected again later", () => {
  for (const fault of [undefined, "read-only-wrong"] as const) {
    it(fault === undefined ? "faithful emulator: pass, as the uninterrupted run" : `with ${fault}: fail with correlated.read_only, as the uninterrupted run`, { timeout: 180_000 }, async () => {
      const faults = fault === undefined ? [] : ["--faults", fault];
      const expected = fault === undefined ? 0 : 1;
      // Each run has an emulator of its own: the same keys' records of another run would be extra records of this one.
      const first = await startEmulatorProcess(faults);
      try {
        const whole = await runConformanceProcess([...FLAGS, "--reports-dir", join(dir, `whole-${fault}`)], endpointEnv(first.ready, DEFAULT_ROOT_ACCESS_KEY));
        expect(whole.code, whole.stderr).toBe(expected);
      } finally {
        first.child.kill("SIGTERM");
      }
      const { child: emulator, ready } = await startEmulatorProcess(faults);
      try {
        const env = endpointEnv(ready, DEFAULT_ROOT_ACCESS_KEY);

        const killedDir = join(dir, `killed-${fault}`);
        const history = await killedRun(env, killedDir, 40);
        const run = readRunFile(join(killedDir, "run", "history.run.json"));
        expect(run.ok && run.run.completed).toBe(false);

        const plain = await runCheckProcess([history, "--reports-dir", join(dir, `plain-${fault}`)], env);
        expect(plain.code).toBe(2);
        expect(plain.stderr).toContain("does not exist: the run stopped before it collected its records");
        expect(plain.stderr).toContain(`npm run check -- ${history} --collect`);

        const checked = await runCheckProcess([history, "--collect", "--reports-dir", join(dir, `check-${fault}`)], env);
        expect(checked.code, checked.stderr + checked.stdout).toBe(expected);
        const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, `check-${fault}`, "conformance.json"), "utf8")));
        expect(report.target).toBe("endpoint");
        expect(report.messages.join("\n")).toContain("did not end (it was killed");
        if (fault !== undefined) expect(report.findingsByCode["correlated.read_only"]).toBeGreaterThan(0);
        else expect(report.verdict).toBe("pass");
      } finally {
        emulator.kill("SIGTERM");
      }
    });
  }

  it("--collect on an embedded run says in one line why it cannot", { timeout: 120_000 }, async () => {
    const reportsDir = join(dir, "embedded");
    const made = await runConformanceProcess(["--services", "inspector", "--runs", "1", "--reports-dir", reportsDir], {});
    expect(made.code, made.stderr).toBe(0);
    const checked = await runCheckProcess([join(reportsDir, "run", "history.jsonl"), "--collect", "--reports-dir", join(dir, "embedded-check")], {});
    expect(checked.code).toBe(2);
    const lines = checked.stderr.trim().split("\n").filter((l) => !/NodeVersionSupportWarning|node >=22|AWS SDK|a\.co\/|trace-warnings|^\s*$|versions published|updates to AWS|will require/.test(l));
    expect(lines[0]).toMatch(/^check: --collect cannot read the records of .* embedded target, whose emulator lived in the process that made the run/);
    expect(lines).toHaveLength(2);
  });
});
