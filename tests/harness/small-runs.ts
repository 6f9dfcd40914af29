/**
 * Small embedded runs for the tests of what reads reports (expectations, compare, shards and
 * merges): temporary folders removed after the file, and a Classic run with an optional fault.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { resolveRunConfig, type RunConfig } from "../../harness/config.js";
import { runConformance, type ConformanceRun } from "../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../harness/targets/index.js";

/** A function making temporary folders named `prefix…`, all removed after the test file. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** Runs the suite on the embedded emulator (with `fault`, if given) with `flags` over `base`, reporting into `reportsDir`. */
export async function smallRun(base: Partial<Record<keyof RunConfig, unknown>>, flags: Partial<Record<keyof RunConfig, unknown>>, reportsDir: string, fault?: string): Promise<ConformanceRun> {
  const config = resolveRunConfig({ ...base, ...flags, reportsDir }, {});
  const target = fault !== undefined ? createEmbeddedTarget(config, { faults: [fault] }) : undefined;
  return runConformance(config, {}, () => undefined, target !== undefined ? { target } : {});
}
