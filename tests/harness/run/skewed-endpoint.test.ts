/**
 * An endpoint on another clock: its interactive lookup windows start 1 s around the calls, so records
 * stamped a few seconds off fall outside the first window. They must still be found (by the second
 * lookup, by access key), judged by the eventTime rule, and not blamed on LookupEvents; within the
 * skew tolerance the run passes, beyond it the eventTime rule fails.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { startHttpServer } from "../../../emulator/transports/http-server.js";
import { resolveRunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createEndpointTarget } from "../../../harness/targets/index.js";
import { endpointEnv } from "./processes.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An interactive run against a loopback emulator whose clock is `aheadMs` ahead of ours. */
async function runAgainstClockAhead(aheadMs: number) {
  const emulator = createEmulator({ clock: () => new Date(Date.now() + aheadMs) });
  const server = await startHttpServer(emulator.handle, { host: "127.0.0.1", port: 0, maxBodyBytes: 1024 * 1024 });
  const reportsDir = mkdtempSync(join(tmpdir(), "skewed-endpoint-"));
  dirs.push(reportsDir);
  // A short collection deadline: a record outside the window is looked for again at once. No test
  // reads a counterexample, so shrinking one is cut short.
  const config = resolveRunConfig({ target: "endpoint", services: ["inspector"], runs: 4, maxCommands: 4, seed: 11, reportsDir, collectDeadlineMs: 500, maxShrinks: 10 }, {});
  const ready = { endpoint: server.endpoint, region: config.region, ...DEFAULT_USER_ACCESS_KEY };
  const target = createEndpointTarget(config, endpointEnv(ready, DEFAULT_ROOT_ACCESS_KEY));
  try {
    return await runConformance(config, {}, () => undefined, { target });
  } finally {
    await server.close();
    await emulator.close();
  }
}

// Each test has its own emulator; the two run side by side.
describe.concurrent("an endpoint on another clock, interactive", () => {
  it("3 s ahead (inside the 5 s tolerance): every record is found and the run passes", async ({ expect }) => {
    const run = await runAgainstClockAhead(3000);
    expect(run.report.findingsByCode).toEqual({});
    expect(run.report.verdict).toBe("pass");
    expect(run.report.records).toBe(run.report.calls);
  }, 120_000);

  it("9 s ahead: the eventTime rule fails on the records, and LookupEvents is not blamed", async ({ expect }) => {
    const run = await runAgainstClockAhead(9000);
    expect(run.report.verdict).toBe("fail");
    expect(run.report.findingsByCode["correlated.event_time_outside_call"]).toBeGreaterThan(0);
    expect(run.report.findingsByCode["completeness.lookup_incomplete"]).toBeUndefined();
    expect(run.report.findingsByCode["completeness.missing_record"]).toBeUndefined();
  }, 120_000);
});
