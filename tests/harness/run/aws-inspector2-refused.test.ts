/**
 * The aws target offline (the reference emulator mounted on AWS's own hostnames through msw): Inspector
 * v2 is probed with one read and not run, since nothing yet keeps its calls to an allowed account and
 * safe operations; its verdict is unknown with the reason, and no other inspector2 call is made.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createAwsTarget } from "../../../harness/targets/aws.js";
import { AWS_INSPECTOR2_NOT_YET } from "../../../harness/targets/target-profile.js";

const emulator = createEmulator();
const server = setupServer(...mswHandlers(emulator.handle));
const dir = mkdtempSync(join(tmpdir(), "aws-refused-"));
const seen: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    const host = new URL(request.url).hostname;
    if (host.startsWith("inspector2.")) seen.push(`${request.method} ${new URL(request.url).pathname}`);
  });
});
afterAll(async () => {
  server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("aws target: Inspector v2 is not run against a real account yet", () => {
  it("is unknown with the reason; only the probe's ListFilters reached inspector2", async () => {
    const config = resolveRunConfig({ target: "aws", collectDeadlineMs: 500, callTimeoutMs: 2000, reportsDir: dir }, {});
    const env = { AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey };
    const run = await runConformance(config, env, () => undefined, { target: createAwsTarget(config, env) });
    expect(run.report.verdict).toBe("unknown");
    expect(run.exitCode).toBe(2);
    expect(run.report.services.map((s) => [s.service, s.verdict, s.calls])).toEqual([["inspector2", "unknown", 0]]);
    expect(run.report.collection.unsupported).toContainEqual({ scope: "inspector2", reason: AWS_INSPECTOR2_NOT_YET, refused: true });
    expect(run.report.messages.join("\n")).toContain("Amazon Inspector (v2) was not run on this target: Amazon Inspector v2 is not run against a real account yet");
    expect(seen).toEqual(["POST /filters/list"]);
  });
});
