/**
 * Runs the conformance pipeline once for the whole `conformance` project (execute, collect, check,
 * write reports) and hands the report to the suite files, which assert one rule family each.
 */
import type { TestProject } from "vitest/node";
import { resolveRunConfig } from "../harness/config.js";
import { runConformance } from "../harness/run/run-conformance.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the reports/conformance.json the suites assert on. */
    conformanceReport: string;
  }
}

/** vitest globalSetup: one run per `vitest run`. */
export default async function setup(project: TestProject): Promise<void> {
  const config = resolveRunConfig({}, process.env);
  const run = await runConformance(config, process.env, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`${run.summary}\n`);
  project.provide("conformanceReport", run.paths.json);
}
