/**
 * `npm run emulator` serves Inspector v2 on the same port as Classic, CloudTrail and STS, says so in
 * its ready line, and throttles v2 when `--throttle-inspector2` asks for it.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Inspector2Client, ListFiltersCommand } from "@aws-sdk/client-inspector2";
import { InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;

function runCli(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", ...args], { cwd: ROOT, env: { ...process.env, EMULATOR_FAULTS: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
  return { child, exited };
}

describe("npm run emulator with Inspector v2", () => {
  it("names the services it serves and answers both Inspector APIs on one port; v2 throttles when asked", async () => {
    const { child, exited } = runCli(["--port", "0", "--throttle-inspector2", "1"]);
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
    const ready = JSON.parse(line) as Record<string, string> & { services: string[] };
    expect(ready.services).toEqual(["inspector", "inspector2", "cloudtrail", "sts"]);
    const config = { region: ready["region"]!, endpoint: ready["endpoint"]!, credentials: { accessKeyId: ready["accessKeyId"]!, secretAccessKey: ready["secretAccessKey"]! }, maxAttempts: 1 };
    try {
      expect((await new Inspector2Client(config).send(new ListFiltersCommand({}))).filters).toEqual([]);
      const throttled = await new Inspector2Client(config).send(new ListFiltersCommand({})).catch((e: Error & { $metadata: { httpStatusCode: number } }) => e);
      expect(throttled).toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });
      expect((await new InspectorClient(config).send(new ListRulesPackagesCommand({}))).rulesPackageArns?.length).toBeGreaterThan(0);
    } finally {
      child.kill("SIGTERM");
    }
    expect((await exited).code).toBe(0);
  }, 30_000);

  it("refuses a bad --throttle-inspector2 with exit 2", async () => {
    const { code, stderr } = await runCli(["--port", "0", "--throttle-inspector2", "0"]).exited;
    expect(code).toBe(2);
    expect(stderr).toContain("--throttle-inspector2 / EMULATOR_THROTTLE_INSPECTOR2");
  }, 30_000);
});
