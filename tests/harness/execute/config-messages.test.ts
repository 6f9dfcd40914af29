/**
 * Messages about configuration name the setting as the user types it: every flag in a message is one
 * the command-line parser accepts (both taken from CONFIG_OPTIONS), with its variable, and say what
 * to do. A target that cannot be built from the configuration stops the run before anything is
 * written, with what to set.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, CONFIG_OPTIONS, parseArgsOptions, resolveRunConfig, servicesOf, type ConfigKey } from "../../../harness/config.js";
import { endpointsFromEnv } from "../../../harness/targets/endpoint-env.js";
import { CHECK_OPTIONS } from "../../../harness/check/recheck.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { unsupportedVerdictMessage } from "../../../harness/report/verdict.js";
import { ROOT, runCheckProcess, runConformanceProcess } from "../run/processes.js";
import { testConfig } from "./helpers.js";

/** A value each validated setting refuses. */
const BAD: Partial<Record<ConfigKey, string>> = {
  target: "mainframe", services: "inspector3", awsAccounts: "1234", allow: "billing", region: "mars", seed: "x", runs: "0", maxCommands: "1.5", maxShrinks: "-1", rulesEdition: "1999", roleArn: "nope",
  collectDeadlineMs: "-1", collectPollMs: "soon", lookupRequestsPerSecond: "x", callTimeoutMs: "5", reportsDir: "", trailDir: "",
  checkChunkCalls: "0", expectations: "", updateExpectations: "", shard: "0/3", replayPath: "x", commandsReplayPath: "",
};

const messageFor = (run: () => unknown): string => {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error("no ConfigError");
};

describe("configuration messages", () => {
  const parser = Object.keys(parseArgsOptions()).map((name) => `--${name}`);

  it.each(Object.keys(BAD) as ConfigKey[])("a bad %s names its flag as the parser takes it, and its variable", (key) => {
    const { flag, env } = CONFIG_OPTIONS[key];
    expect(parser).toContain(flag);
    const viaFlag = messageFor(() => resolveRunConfig({ [key]: BAD[key] }, {}));
    const named = [...viaFlag.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    expect(named).toEqual([flag]);
    if (env !== undefined) expect(viaFlag).toContain(env);
    expect(viaFlag).toContain("Fix the flag or variable");
    if (env !== undefined && BAD[key] !== "") expect(messageFor(() => resolveRunConfig({}, { [env]: BAD[key] }))).toContain(`${flag} / ${env}`);
  });

  it("every setting that is not validated as a value is a switch, and every flag of the parser is a setting's", () => {
    expect(Object.keys(CONFIG_OPTIONS).filter((k) => !(k in BAD))).toEqual(["failFast", "deferred", "strict"]);
    expect(parser.sort()).toEqual(Object.values(CONFIG_OPTIONS).map((o) => o.flag).sort());
  });

  it("npm run conformance names the flag as typed (--lookup-rps, --path) and runs nothing", { timeout: 60_000 }, async () => {
    const out = await runConformanceProcess(["--lookup-rps", "fast", "--path", "x", "--reports-dir", "/nonexistent/never-written"], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--lookup-rps / CONFORMANCE_LOOKUP_RPS: must be a number");
    expect(out.stderr).toContain("--path: a fast-check path such as 0:1:3");
    expect(out.stderr).not.toMatch(/--lookup-requests-per-second|--replay-path/);
    expect(out.stderr).toContain("Nothing was run (exit 2).");
  });

  it("the conformance suites (vitest's conformance project) stop before any suite on a bad variable, with the run's message", { timeout: 60_000 }, async () => {
    const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
    const env = { PATH: process.env["PATH"], HOME: process.env["HOME"], CONFORMANCE_RUNS: "many", CONFORMANCE_REPORTS_DIR: "/nonexistent/never-written" };
    const out = spawnSync(process.execPath, [vitest, "run", "--project", "conformance"], { cwd: ROOT, env, encoding: "utf8", timeout: 50_000 });
    expect(out.status, out.stdout + out.stderr).not.toBe(0);
    const said = out.stdout + out.stderr;
    expect(said).toContain("--runs / CONFORMANCE_RUNS: must be a whole number");
    expect(said).toContain("npm run conformance exited 2 without writing its reports");
    expect(said).not.toMatch(/Tests +\d+ passed/);
  });

  it("npm run check's flags come from its own table, and an unknown one is refused with exit 2", { timeout: 60_000 }, async () => {
    expect(Object.values(CHECK_OPTIONS).map((o) => o.flag)).toContain("--collect");
    const out = await runCheckProcess(["history.jsonl", "--colect"], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/check: Unknown option '--colect'/);
  });

  it("an endpoint target without AWS_ENDPOINT_URL stops before anything runs, saying what to set", async () => {
    const config = testConfig({ target: "endpoint", reportsDir: "/nonexistent/never-written" });
    const err = await runConformance(config, {}, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/AWS_ENDPOINT_URL.*not set[\s\S]*Set AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:4566/);
  });

  it("a bad EMULATOR_FAULTS stops before anything runs, naming the variable, the valid names and the fix", async () => {
    const err = await runConformance(testConfig({ reportsDir: "/nonexistent/never-written" }), { EMULATOR_FAULTS: "nope" }, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^EMULATOR_FAULTS: unknown fault: "nope"\. Valid faults: .*read-only-wrong[\s\S]*unset it to run the faithful emulator/);
  });

  it("what a target lacks is said per scope, never as 'does not support target'", () => {
    for (const scope of ["target", "inspector", "inspector2", "lookupEvents", "sts"] as const) {
      const text = unsupportedVerdictMessage({ scope, reason: "why" });
      expect(text).not.toMatch(/support target/);
      expect(text).toContain("why");
    }
    expect(unsupportedVerdictMessage({ scope: "target", reason: "no credentials" })).toMatch(/^The run could not use the target: no credentials\. .*verdict is unknown/);
    expect(unsupportedVerdictMessage({ scope: "inspector2", reason: "HTTP 404" })).toMatch(/^The target does not serve Amazon Inspector \(v2\) \(HTTP 404\)/);
  });

  it("--services / CONFORMANCE_SERVICES: a list of service ids, in the suite's order; both by default on emulators, v2 on aws", () => {
    expect(servicesOf(resolveRunConfig({}, {}))).toEqual(["inspector", "inspector2"]);
    expect(servicesOf(resolveRunConfig({ target: "endpoint" }, {}))).toEqual(["inspector", "inspector2"]);
    expect(servicesOf(resolveRunConfig({ target: "aws" }, {}))).toEqual(["inspector2"]);
    expect(servicesOf(resolveRunConfig({ services: "inspector2, inspector" }, {}))).toEqual(["inspector", "inspector2"]);
    expect(servicesOf(resolveRunConfig({}, { CONFORMANCE_SERVICES: "inspector2" }))).toEqual(["inspector2"]);
    expect(servicesOf(resolveRunConfig({ target: "aws", services: "inspector" }, {}))).toEqual(["inspector"]);
    expect(() => resolveRunConfig({ services: "inspector3" }, {})).toThrow(/--services \/ CONFORMANCE_SERVICES: each service must be one of inspector, inspector2 \(got "inspector3"\)/);
    expect(() => resolveRunConfig({}, { CONFORMANCE_SERVICES: " , " })).toThrow(/--services \/ CONFORMANCE_SERVICES: name at least one service/);
  });

  it("an endpoint target checking only v2 needs only v2's endpoint besides CloudTrail and STS", () => {
    const env = { AWS_ENDPOINT_URL_INSPECTOR2: "http://127.0.0.1:1", AWS_ENDPOINT_URL_CLOUDTRAIL: "http://127.0.0.1:2", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:3" };
    expect(endpointsFromEnv(env, ["inspector2"])).toEqual({ inspector2: "http://127.0.0.1:1", cloudtrail: "http://127.0.0.1:2", sts: "http://127.0.0.1:3" });
    expect(() => endpointsFromEnv(env)).toThrow(/AWS_ENDPOINT_URL \(or AWS_ENDPOINT_URL_INSPECTOR\): not set/);
  });
});
