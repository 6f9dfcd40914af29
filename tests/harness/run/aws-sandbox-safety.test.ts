/**
 * The aws target offline: the reference emulator mounted on AWS's own hostnames through msw (its
 * account 111122223333). A run refuses to start for an account CONFORMANCE_AWS_ACCOUNTS does not
 * list, calling nothing but STS; for a listed account it runs Inspector v2 deferred, calling only the
 * classes allowed (reads and self-contained resources by default, agent-only operations only to
 * fail), and reports every operation it left out as `na` with the reason.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ROLE_ARN, DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { ConfigError, resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createAwsTarget } from "../../../harness/targets/aws.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { inspector2SafetyClassOf } from "../../../model/inspector2-operation-classes.js";
import { leftoversOf } from "../../../harness/run/cleanup.js";
import { runFileBeside } from "../../../harness/run/run-file.js";
import { RUN_TAG_KEY, runIdOfName, runIdTime } from "../../../harness/run/run-stamp.js";
import type { ObservedCall } from "../../../history/observed-call.js";

// Transitions complete at once: the aws profile polls every 30 s, as AWS needs, and nothing here waits.
const emulator = createEmulator({ inspector2Timing: { transitionMs: 0, reportMs: 0, scanMs: 0 } });
const server = setupServer(...mswHandlers(emulator.handle));
const dirs: string[] = [];
/** Inspector v2 operations requested, by method and path (from the model's URI templates). */
const requested: string[] = [];
const hosts: string[] = [];

const routes = INSPECTOR2_OPERATIONS.map((op) => {
  const { method, requestUri } = inspector2Model.operations[op]!.http;
  const path = requestUri.split("?")[0]!.replace(/\{[^}]+\}/g, "[^/]+");
  return { op, method, re: new RegExp(`^${path}$`) };
});

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    hosts.push(url.hostname.split(".")[0]!);
    if (!url.hostname.startsWith("inspector2.")) return;
    const hit = routes.find((r) => r.method === request.method && r.re.test(url.pathname));
    requested.push(hit?.op ?? `${request.method} ${url.pathname}`);
  });
});
beforeEach(() => {
  requested.length = 0;
  hosts.length = 0;
});
afterAll(async () => {
  server.close();
  await emulator.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

// The aws target takes Root only from a named profile: the root key sits in a temporary credentials file.
const profileDir = mkdtempSync(join(tmpdir(), "aws-sandbox-profile-"));
dirs.push(profileDir);
writeFileSync(
  join(profileDir, "credentials"),
  `[sandbox-root]\naws_access_key_id = ${DEFAULT_ROOT_ACCESS_KEY.accessKeyId}\naws_secret_access_key = ${DEFAULT_ROOT_ACCESS_KEY.secretAccessKey}\n`,
);
writeFileSync(join(profileDir, "config"), "");
const ENV = {
  AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId,
  AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey,
  CONFORMANCE_ROOT_PROFILE: "sandbox-root",
  AWS_SHARED_CREDENTIALS_FILE: join(profileDir, "credentials"),
  AWS_CONFIG_FILE: join(profileDir, "config"),
};

async function awsRun(flags: Partial<Record<keyof RunConfig, unknown>>) {
  const dir = mkdtempSync(join(tmpdir(), "aws-sandbox-"));
  dirs.push(dir);
  const config = resolveRunConfig({ target: "aws", roleArn: DEFAULT_ROLE_ARN, runs: 5, maxCommands: 6, collectDeadlineMs: 3000, lookupRequestsPerSecond: 20, reportsDir: dir, ...flags }, {});
  return runConformance(config, ENV, () => undefined, { target: createAwsTarget(config, ENV) });
}

describe("aws target: only an allowed account, only the allowed classes", () => {
  it("refuses to start for an account CONFORMANCE_AWS_ACCOUNTS does not list, calling nothing but STS", async () => {
    const refused = awsRun({ awsAccounts: "999988887777" });
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(/STS GetCallerIdentity names 111122223333, which --aws-accounts \/ CONFORMANCE_AWS_ACCOUNTS does not list \(it lists 999988887777\)\. .*set CONFORMANCE_AWS_ACCOUNTS=111122223333/);
    await expect(awsRun({})).rejects.toThrow(/it lists none/);
    expect(requested).toEqual([]);
    expect(new Set(hosts)).toEqual(new Set(["sts"]));
  });

  it("for a listed account calls reads and self-contained resources only, and reports the rest na with the reason", { timeout: 120_000 }, async () => {
    const run = await awsRun({ awsAccounts: "111122223333" });
    const calledClasses = new Set(requested.map((op) => inspector2SafetyClassOf(op) ?? op));
    expect([...calledClasses].sort()).toEqual(["agent-only", "read", "self-contained"]);
    expect(run.report.mode).toBe("deferred");
    expect(run.report.services.map((s) => s.service)).toEqual(["inspector2"]);
    const v2 = run.report.checks.filter((c) => c.service === "inspector2" && c.operation !== "*");
    const history = readFileSync(run.paths.history, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { operation?: string; outcome?: string }).filter((c) => c.outcome !== undefined);
    for (const op of INSPECTOR2_OPERATIONS) {
      const cls = inspector2SafetyClassOf(op)!;
      const cells = v2.filter((c) => c.operation === op);
      if (cls === "account-state" || cls === "organization" || cls === "external") {
        expect(requested, op).not.toContain(op);
        expect(cells.every((c) => c.status === "na" && c.message.includes(`--allow ${cls}`)), op).toBe(true);
      }
      if (cls === "agent-only") {
        // Called only with a broken input, and every rule checked on those failed calls' records.
        expect(history.filter((c) => c.operation === op).map((c) => c.outcome), op).toEqual(expect.arrayContaining(["error"]));
        expect(history.filter((c) => c.operation === op && c.outcome === "ok"), op).toEqual([]);
        expect(cells.every((c) => c.status === "pass"), op).toBe(true);
      }
    }
    expect(v2.filter((c) => c.status === "fail")).toEqual([]);
    expect(run.report.verdict).toBe("pass");
    // It leaves nothing behind: every filter and scan configuration it created is deleted again.
    const all = readFileSync(run.paths.history, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ObservedCall).filter((c) => c.outcome !== undefined);
    expect(all.some((c) => c.operation === "CreateFilter" && c.outcome === "ok")).toBe(true);
    expect(leftoversOf(all)).toEqual([]);
    // Everything it created carries the run's stamp: the run tag, and a name that starts with the run id.
    const runId = (JSON.parse(readFileSync(runFileBeside(run.paths.history), "utf8")) as { runId: string }).runId;
    expect(runIdTime(runId)).toBeDefined();
    const creates = all.filter((c) => c.outcome === "ok" && c.operation.startsWith("Create"));
    expect(creates.length).toBeGreaterThan(0);
    for (const c of creates) {
      const input = c.request as Record<string, unknown>;
      expect(input["tags"], c.operation).toMatchObject({ [RUN_TAG_KEY]: runId });
      expect(runIdOfName(String(input["name"] ?? input["scanName"])), c.operation).toBe(runId);
    }
    expect(run.report.identities.filter((i) => i.status === "available").map((i) => i.kind).sort()).toEqual(["AssumedRole", "FederatedUser", "IAMUser", "Root"]);
  });

  it("a failing run cleans up too: what the sequences left is undone and reported", { timeout: 120_000 }, async () => {
    // The same account on an emulator whose v2 read records log their response: the run fails.
    const faulty = createEmulator({ inspector2Timing: { transitionMs: 0, reportMs: 0, scanMs: 0 }, faults: ["v2-read-logs-response"] });
    server.use(...mswHandlers(faulty.handle));
    try {
      const run = await awsRun({ awsAccounts: "111122223333", allow: "account-state", runs: 15 });
      expect(run.report.verdict).toBe("fail");
      const all = readFileSync(run.paths.history, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ObservedCall).filter((c) => c.outcome !== undefined);
      expect(leftoversOf(all)).toEqual([]);
      // The random sequences left resources (the sweep undoes its own); the end of the part undid them.
      const cleaned = run.report.messages.find((m) => m.startsWith("Amazon Inspector (v2): cleaned up"));
      expect(cleaned, run.report.messages.join("\n")).toMatch(/^Amazon Inspector \(v2\): cleaned up (\d+) of \1 things the run created or turned on\.$/);
      const undone = Number(/cleaned up (\d+)/.exec(cleaned!)![1]);
      expect(undone).toBeGreaterThan(0);
      expect(leftoversOf(all.slice(0, all.length - undone))).toHaveLength(undone);
    } finally {
      server.resetHandlers();
      await faulty.close();
    }
  });

  it("--allow account-state opts Enable and Disable in", { timeout: 120_000 }, async () => {
    const run = await awsRun({ awsAccounts: "111122223333", allow: "account-state" });
    expect(requested).toContain("Enable");
    expect(requested).toContain("Disable");
    expect(requested).not.toContain("AssociateMember");
    expect(run.report.checks.find((c) => c.id === "inspector2:Enable/logging")!.status).toBe("pass");
    expect(run.report.checks.find((c) => c.id === "inspector2:AssociateMember/logging")!.status).toBe("na");
  });
});
