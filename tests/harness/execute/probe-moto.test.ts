/**
 * The probe against moto (moto 5.2.1's `moto_server`, a real independent emulator with STS but
 * neither Inspector Classic nor LookupEvents, docs/targets.md): Inspector and LookupEvents must be reported
 * missing with moto's actual answer in the reason, STS ok. moto is started on a free port and killed
 * after; the test is skipped, saying why, only when the binary is absent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeTarget } from "../../../harness/targets/probe.js";
import { inspectorService } from "../../../harness/services/inspector.js";
import type { ProvisionedIdentity } from "../../../harness/targets/target.js";
import { createEndpointTarget } from "../../../harness/targets/endpoint.js";
import type { HarnessTarget } from "../../../harness/targets/harness-target.js";
import { closedPort, testConfig } from "./helpers.js";

const motoPresent = spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status === 0;
if (!motoPresent) console.warn("[probe-moto] skipped: `moto_server` is not on PATH (pip install 'moto[server]==5.2.1' to run it)");

/** Resolves once something accepts TCP connections on host:port, or rejects after `ms`. */
async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (up) return;
    if (Date.now() > until) throw new Error(`moto_server did not listen on 127.0.0.1:${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!motoPresent)("probe against moto_server", () => {
  let moto: ChildProcess;
  let target: HarnessTarget;
  const config = testConfig({ target: "endpoint", callTimeoutMs: 5000 });

  beforeAll(async () => {
    const port = await closedPort();
    moto = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    await waitForPort(port, 20_000);
    target = createEndpointTarget(config, {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
  });
  afterAll(async () => {
    await target?.close();
    if (moto !== undefined && moto.exitCode === null) {
      const exited = new Promise((r) => moto.once("exit", r));
      moto.kill("SIGTERM");
      await exited;
    }
  });

  it("says IAMUser is na: moto's GetCallerIdentity names no IAM user ARN", async () => {
    // moto 5.2.1 answers `arn:aws:sts::123456789012:user/moto`, an STS ARN, not `arn:aws:iam::…:user/…`.
    const got = await target.provision("IAMUser");
    expect(got).toMatchObject({ status: "na", reason: expect.stringMatching(/^the base credentials are arn:aws:sts::\d{12}:user\/moto, not an IAM user/) });
  });

  it("reports Inspector and LookupEvents missing with moto's answer, STS ok", async () => {
    const base: ProvisionedIdentity = {
      kind: "IAMUser",
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      expected: { kind: "IAMUser", accountId: "123456789012", accessKeyId: "AKIAIOSFODNN7EXAMPLE", callerArn: "unknown", callerUserId: "unknown" },
    };
    const result = await probeTarget(target, base, config, [inspectorService]);
    expect(result.sts).toEqual({ status: "ok" });
    for (const [cap, op] of [
      [result.services.inspector!, "Inspector Classic ListRulesPackages"],
      [result.lookupEvents, "CloudTrail LookupEvents"],
    ] as const) {
      expect(cap.status).toBe("missing");
      if (cap.status === "missing") {
        expect(cap.reason).toContain(op);
        // What moto actually answers for an action it lacks (moto/core/responses.py raises NotImplementedError).
        expect(cap.reason).toMatch(/HTTP 500 text\/html.*Internal Server Error/);
      }
    }
  });
});
