/**
 * `npm run emulator`: starts, prints one JSON line with its endpoint and default credentials, serves
 * SDK clients, delivers trail files on SIGTERM, and rejects bad options with exit 2 and a message.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";
import { CreateResourceGroupCommand, InspectorClient } from "@aws-sdk/client-inspector";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(child: ReturnType<typeof runCli>): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("npm run emulator", () => {
  it("prints its endpoint and credentials, serves the SDK, and delivers trail files on SIGTERM", async () => {
    const trailDir = mkdtempSync(join(tmpdir(), "trail-"));
    dirs.push(trailDir);
    const child = runCli(["--port", "0", "--host", "127.0.0.1", "--trail-dir", trailDir, "--trail-interval-ms", "600000"]);
    const exited = exitOf(child);
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
    const ready = JSON.parse(line) as Record<string, string>;
    expect(ready).toMatchObject({ region: "us-east-1", accountId: "111122223333", userName: "conformance-user" });
    expect(ready["endpoint"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const client = new InspectorClient({
      region: ready["region"]!,
      endpoint: ready["endpoint"]!,
      credentials: { accessKeyId: ready["accessKeyId"]!, secretAccessKey: ready["secretAccessKey"]! },
      maxAttempts: 1,
    });
    const out = await client.send(new CreateResourceGroupCommand({ resourceGroupTags: [{ key: "Name", value: "cli" }] }));
    expect(filesUnder(trailDir)).toHaveLength(0);

    child.kill("SIGTERM");
    const { code } = await exited;
    expect(code).toBe(0);
    const files = filesUnder(trailDir);
    expect(files).toHaveLength(1);
    const { Records } = JSON.parse(gunzipSync(readFileSync(files[0]!)).toString("utf8")) as { Records: { requestID: string }[] };
    expect(Records.map((r) => r.requestID)).toEqual([out.$metadata.requestId]);
  });

  it("rejects a bad option value with exit 2 and names the option", async () => {
    const { code, stderr } = await exitOf(runCli(["--port", "not-a-port"]));
    expect(code).toBe(2);
    expect(stderr).toContain("--port");
    expect(stderr).toContain("EMULATOR_PORT");
  });

  it("rejects a bad environment value with exit 2", async () => {
    const { code, stderr } = await exitOf(runCli(["--port", "0"], { CONFORMANCE_RULES_EDITION: "1999" }));
    expect(code).toBe(2);
    expect(stderr).toContain("--rules-edition / CONFORMANCE_RULES_EDITION");
  });

  it("rejects an unknown option with exit 2 and the usage", async () => {
    const { code, stderr } = await exitOf(runCli(["--frobnicate"]));
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run emulator");
  });

  it("rejects an invalid accounts file with exit 2 and says what is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acct-"));
    dirs.push(dir);
    const file = join(dir, "accounts.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, JSON.stringify({ accounts: [{ accountId: "12" }] })));
    const { code, stderr } = await exitOf(runCli(["--port", "0", "--accounts", file]));
    expect(code).toBe(2);
    expect(stderr).toContain("accountId");
  });
});
