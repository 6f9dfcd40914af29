/**
 * Node 22 and 24, through the npm package `node` (`npx -y node@22`, `npx -y node@24`), inside the
 * Node 20 `npm test`: under each, a fast subset of the unit tests (the AWS SDK clients, msw, the
 * emulator over loopback) and an embedded conformance run with 2 random sequences must pass. The
 * type-check is not repeated: tsc's verdict depends on the sources, TypeScript and @types/node, all
 * pinned, not on the Node that runs it (`npm test` runs it once). The whole of `npm test` on 22
 * and 24 is the nightly workflow's job (.github/workflows/conformance.yml, job `test`); this file
 * takes about 40 s of each `npm test`. When npx cannot provide a version (no registry, nothing
 * cached), the test fails and says so.
 * Each step's duration is printed and written to reports/node-versions.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { ConformanceReportSchema } from "../../harness/report/schema.js";
import { nodeFromNpx, runUnder, type ChildOutcome, type NpxNode } from "./node-from-npx.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The unit-test files run under each version: what differs between Node versions is exercised by these. */
const NODE_VERSION_SUBSET = [
  // @aws-sdk/client-inspector, -cloudtrail, -sts against the emulator, in-process (msw) and over a loopback HTTP server.
  "tests/emulator/e2e/all-operations.test.ts",
  // @aws-sdk/client-inspector2 (rest-json) for every v2 operation, the same two ways.
  "tests/emulator/inspector2/sdk-operations.test.ts",
  // The LookupEvents collector against msw stubs: retries, paging, timeouts (timers and aborts).
  "tests/harness/collect/lookup-events.stub.test.ts",
] as const;

/** The part of vitest's JSON report the assertions read. */
const vitestJson = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  testResults: z.array(z.object({ name: z.string(), status: z.string() })),
});

const timings: Record<string, Record<string, number>> = {};
const scratch = mkdtempSync(join(tmpdir(), "node-versions-"));

/** A failure message that shows what the child printed last. */
function said(step: string, out: ChildOutcome): string {
  const tail = `${out.stdout}\n${out.stderr}`.trim().split("\n").slice(-30).join("\n");
  return `${step} exited ${out.code ?? "killed"} after ${out.ms} ms:\n${tail}`;
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (Object.values(timings).every((steps) => Object.keys(steps).length === 0)) return;
  mkdirSync(join(ROOT, "reports"), { recursive: true });
  writeFileSync(join(ROOT, "reports/node-versions.json"), `${JSON.stringify(timings, null, 2)}\n`);
  console.info(`node versions (ms): ${JSON.stringify(timings)}`);
});

it("fails, saying why, when npx can neither fetch node@22 nor find it in its cache", async () => {
  // npm offline with an empty cache: what a machine without the registry and without the package sees.
  const env = { npm_config_offline: "true", npm_config_cache: mkdtempSync(join(scratch, "empty-npm-cache-")) };
  await expect(nodeFromNpx(22, { cwd: ROOT, timeoutMs: 30_000, env })).rejects.toThrow(
    /`npx -y node@22` could not provide Node 22 \(exit 1 .*\)\. npx fetches the npm package node@22 from the npm registry[\s\S]*ENOTCACHED/,
  );
});

for (const major of [22, 24]) describe(`Node ${major} through npx -y node@${major}`, () => {
  let node: NpxNode | undefined;
  const times: Record<string, number> = (timings[`node${major}`] = {});
  const provided = (): NpxNode => {
    if (node === undefined) throw new Error(`Node ${major} was not provided: see "npx -y node@${major} provides Node ${major}" above`);
    return node;
  };

  it(`npx -y node@${major} provides Node ${major}`, async () => {
    node = await nodeFromNpx(major, { cwd: ROOT, timeoutMs: 60_000 });
    times["npx"] = node.ms;
    expect(node.version).toMatch(new RegExp(`^v${major}\\.`));
  }, 70_000);

  it("the unit subset passes", async () => {
    for (const file of NODE_VERSION_SUBSET) expect(existsSync(join(ROOT, file)), `${file} is gone: update NODE_VERSION_SUBSET`).toBe(true);
    const report = join(scratch, `vitest-${major}.json`);
    const args = ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=json", `--outputFile.json=${report}`, ...NODE_VERSION_SUBSET];
    const out = await runUnder(provided(), args, { cwd: ROOT, timeoutMs: 60_000 });
    times["vitest"] = out.ms;
    expect(out.code, said("vitest", out)).toBe(0);
    const result = vitestJson.parse(JSON.parse(readFileSync(report, "utf8")));
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBeGreaterThan(400);
    expect(result.testResults.map((r) => [r.name.slice(ROOT.length), r.status]).sort()).toEqual(NODE_VERSION_SUBSET.map((f) => [f, "passed"]).sort());
  }, 70_000);

  it("an embedded conformance run (--runs 2) passes", async () => {
    const dir = join(scratch, `conformance-${major}`);
    const out = await runUnder(provided(), ["--import", "tsx", "scripts/conformance.ts", "--runs", "2", "--reports-dir", dir], { cwd: ROOT, timeoutMs: 60_000 });
    times["conformance"] = out.ms;
    expect(out.code, said("npm run conformance", out)).toBe(0);
    const report = ConformanceReportSchema.parse(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")));
    expect(report).toMatchObject({ verdict: "pass" });
    expect(report.calls).toBeGreaterThan(500);
  }, 70_000);
});
