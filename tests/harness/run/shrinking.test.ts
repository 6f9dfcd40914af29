/**
 * Interactive mode on a non-conforming target: a failing property shrinks to a minimal sequence,
 * the report shows the failing call with expected against actual record fields and a replay
 * command, and that command's seed and paths reproduce the failure.
 * The target is the embedded emulator behind an msw handler that rewrites LookupEvents answers:
 * every DeleteAssessmentTemplate record claims region eu-west-3 (rule 5, awsRegion).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { afterAll, describe, expect, it } from "vitest";
import { toWireRequest, AWS_HOST_PATTERN } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { runConformance } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";
import { MSW_TRANSPORT } from "../../../harness/targets/embedded-msw.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An embedded target whose LookupEvents misreports the region of DeleteAssessmentTemplate records. */
function wrongRegionTarget(config: RunConfig) {
  const target = createEmbeddedTarget(config, {}, { transport: MSW_TRANSPORT });
  target.msw!.use(
    http.all(AWS_HOST_PATTERN, async ({ request }) => {
      const res = await target.emulator.handle(await toWireRequest(request, "127.0.0.1"));
      let body = res.body;
      if ((request.headers.get("x-amz-target") ?? "").endsWith(".LookupEvents") && res.status === 200) {
        const out = JSON.parse(body) as { Events: { CloudTrailEvent: string }[] };
        for (const e of out.Events) {
          const record = JSON.parse(e.CloudTrailEvent) as Record<string, unknown>;
          if (record["eventName"] === "DeleteAssessmentTemplate") e.CloudTrailEvent = JSON.stringify({ ...record, awsRegion: "eu-west-3" });
        }
        body = JSON.stringify(out);
      }
      return new HttpResponse(body, { status: res.status, headers: res.headers });
    }),
  );
  return target;
}

async function run(flags: Partial<Record<keyof RunConfig, unknown>>, log: (line: string) => void = () => undefined) {
  const reportsDir = mkdtempSync(join(tmpdir(), "shrink-"));
  dirs.push(reportsDir);
  const config = resolveRunConfig({ services: ["inspector"], runs: 30, maxCommands: 10, ...flags, reportsDir }, {});
  return runConformance(config, {}, log, { target: wrongRegionTarget(config) });
}

/** A run's counterexample of the broken rule, and how many random sequences it ran (its log says). */
async function counterexampleOf(flags: Partial<Record<keyof RunConfig, unknown>>) {
  const lines: string[] = [];
  const r = await run(flags, (line) => lines.push(line));
  const sequences = Number(/(\d+) random sequences, shrunk/.exec(lines.join("\n"))?.[1]);
  return { calls: r.report.checks.find((c) => c.id === "inspector:DeleteAssessmentTemplate/correlated")!.counterexample!.calls, sequences };
}

describe("interactive mode shrinks a failure to a minimal, replayable counterexample", () => {
  it("reports the failing call, expected against actual, and a replay command that reproduces it", async () => {
    const first = await run({});
    expect(first.report.verdict).toBe("fail");
    const check = first.report.checks.find((c) => c.id === "inspector:DeleteAssessmentTemplate/correlated")!;
    expect(check.status).toBe("fail");
    const shrunk = check.counterexample!;
    expect(shrunk.replay).toMatch(/^npm run conformance -- --seed \d+ .*--path [\d:]+/);
    expect(shrunk.calls.length).toBeLessThanOrEqual(2);
    expect(shrunk.calls.at(-1)!.operation).toBe("DeleteAssessmentTemplate");
    expect(shrunk.findings).toContainEqual(
      expect.objectContaining({ code: "correlated.aws_region", path: "awsRegion", expected: "us-east-1", actual: "eu-west-3" }),
    );
    // Nothing else is blamed.
    expect(first.report.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["inspector:DeleteAssessmentTemplate/correlated"]);

    // Replay: the seed, path and commands replay path from the printed command.
    const seed = Number(/--seed (\d+)/.exec(shrunk.replay!)![1]);
    const path = /--path ([\d:]+)/.exec(shrunk.replay!)![1]!;
    const commandsReplayPath = /--commands-replay-path '([^']+)'/.exec(shrunk.replay!)?.[1];
    const replayed = await run({ seed, replayPath: path, ...(commandsReplayPath ? { commandsReplayPath } : {}) });
    const again = replayed.report.checks.find((c) => c.id === "inspector:DeleteAssessmentTemplate/correlated")!;
    expect(again.status).toBe("fail");
    expect(again.counterexample!.calls.map((c) => c.operation)).toEqual(shrunk.calls.map((c) => c.operation));
  }, 120_000);

  it("--max-shrinks bounds the sequences run while shrinking; 0 reports the failure as drawn", async () => {
    const whole = await counterexampleOf({});
    const drawn = await counterexampleOf({ maxShrinks: 0 });
    const bounded = await counterexampleOf({ maxShrinks: 3 });
    // The same failing run is found first in each: only what follows it differs.
    const failingRun = drawn.sequences;
    expect(whole.sequences).toBeGreaterThan(failingRun + 3);
    expect(bounded.sequences).toBe(failingRun + 3);
    expect(drawn.calls.length).toBeGreaterThan(whole.calls.length);
    expect(drawn.calls.at(-1)!.operation).toBe("DeleteAssessmentTemplate");
    expect(bounded.calls.length).toBeLessThanOrEqual(drawn.calls.length);
    expect(bounded.calls.length).toBeGreaterThanOrEqual(whole.calls.length);
  }, 120_000);
});
