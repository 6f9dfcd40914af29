/**
 * (d) One large deferred conformance run, meant to run alone in a child process
 * (`node --import tsx bench/deferred-100k.ts --target T --runs R --max-commands M --reports-dir DIR`)
 * so that `process.resourceUsage().maxRSS` is this run's high-water mark. `--target endpoint` reads
 * the endpoint and credentials from the environment (AWS_ENDPOINT_URL, ...: an emulator in another
 * process, whose memory is then not the suite's); `embedded` runs the emulator in this process.
 * Prints one JSON line (DeferredRunResult) on stdout as its last line.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { resolveRunConfig } from "../harness/config.js";
import { runConformance } from "../harness/run/run-conformance.js";

/** What the child reports to the parent. */
export const DeferredRunResultSchema = z.object({
  target: z.enum(["embedded", "endpoint"]),
  runs: z.number().int(),
  maxCommands: z.number().int(),
  calls: z.number().int(),
  records: z.number().int(),
  verdict: z.string(),
  wallMs: z.number(),
  callsPerSecond: z.number(),
  /** Process RSS high-water mark in bytes (resourceUsage().maxRSS is in KiB). */
  maxRssBytes: z.number(),
  /** Largest heapUsed seen by a 250 ms sampler, and at the end of the run. */
  peakHeapUsedBytes: z.number(),
  heapUsedAtEndBytes: z.number(),
  /** Required findings by code and the report's messages, when the verdict is not pass (to say why). */
  findingsByCode: z.record(z.string(), z.number()).optional(),
  messages: z.array(z.string()).optional(),
});

/** The child's result line, parsed by the parent with DeferredRunResultSchema. */
export type DeferredRunResult = z.infer<typeof DeferredRunResultSchema>;

const ArgsSchema = z.object({
  target: z.enum(["embedded", "endpoint"]).default("embedded"),
  runs: z.coerce.number().int().min(1).max(100_000),
  "max-commands": z.coerce.number().int().min(1).max(1000),
  "reports-dir": z.string().min(1),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { target: { type: "string" }, runs: { type: "string" }, "max-commands": { type: "string" }, "reports-dir": { type: "string" } }, strict: true });
  const args = ArgsSchema.parse(values);
  const config = resolveRunConfig(
    { target: args.target, deferred: true, runs: args.runs, maxCommands: args["max-commands"], reportsDir: args["reports-dir"] },
    process.env,
  );
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 250);
  sampler.unref();
  const started = performance.now();
  const run = await runConformance(config, process.env, (line) => process.stderr.write(`${line}\n`));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  const heapUsedAtEnd = process.memoryUsage().heapUsed;
  const result: DeferredRunResult = {
    target: args.target,
    runs: args.runs,
    maxCommands: args["max-commands"],
    calls: run.report.calls,
    records: run.report.records,
    verdict: run.report.verdict,
    wallMs,
    callsPerSecond: run.report.calls / (wallMs / 1000),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapUsedBytes: Math.max(peakHeap, heapUsedAtEnd),
    heapUsedAtEndBytes: heapUsedAtEnd,
    ...(run.report.verdict !== "pass" ? { findingsByCode: run.report.findingsByCode, messages: run.report.messages.slice(0, 20) } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Only when run as the child's entry point, not when the parent imports the schema.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`deferred-100k failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
