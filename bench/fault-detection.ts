/**
 * (c) Fault detection: for every fault of the emulator's catalogue (emulator/faults/catalogue.ts,
 * Classic's and v2's), one conformance run (interactive, default budget, the fault's service) on an
 * embedded target with only that fault, recording
 * whether the verdict is fail, the finding codes, and calls and seconds to the first required finding
 * (RunOptions.onDetection). `region-fixed-us-east-1` runs in eu-west-1, where it shows.
 * Runs one after another: msw intercepts per process, so one embedded target at a time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAULTS, type FaultService } from "../emulator/faults/catalogue.js";
import { resolveRunConfig } from "../harness/config.js";
import { runConformance } from "../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../harness/targets/index.js";
import { median } from "./table.js";

/** One fault's run. */
export interface FaultResult {
  name: string;
  family: string;
  region: string;
  detected: boolean;
  verdict: string;
  /** Codes of the run's required findings, most frequent first. */
  findingCodes: string[];
  callsToDetection: number | null;
  secondsToDetection: number | null;
  totalSeconds: number;
  calls: number;
}

/** Medians and maxima over the detected faults, and the faults not detected. */
export interface FaultSummary {
  faults: number;
  detected: number;
  medianSecondsToDetection: number | null;
  maxSecondsToDetection: number | null;
  medianCallsToDetection: number | null;
  maxCallsToDetection: number | null;
  undetected: string[];
}

/** Faults that only show away from us-east-1. */
const REGION_FOR: Readonly<Record<string, string>> = { "region-fixed-us-east-1": "eu-west-1" };

/** Runs the suite once against an emulator with the one fault `name`. */
export async function runWithFault(name: string, family: string, service: FaultService): Promise<FaultResult> {
  const region = REGION_FOR[name] ?? "us-east-1";
  const reportsDir = mkdtempSync(join(tmpdir(), "bench-fault-"));
  try {
    // A fault acts on one service's records: the run checks that service.
    const config = resolveRunConfig({ target: "embedded", services: [service], region, reportsDir }, {});
    const target = createEmbeddedTarget(config, { faults: [name] });
    let detection: { calls: number; elapsedMs: number } | undefined;
    const started = performance.now();
    let run: Awaited<ReturnType<typeof runConformance>>;
    try {
      run = await runConformance(config, {}, () => undefined, { target, onDetection: (at) => (detection ??= at) });
    } finally {
      await target.close(); // runConformance closes it too; close is idempotent, and msw must be off before the next fault
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const required = run.report.checks.filter((c) => c.status === "fail").flatMap((c) => c.counterexample?.findings ?? []).filter((f) => f.severity === "required");
    const counts = new Map<string, number>();
    for (const f of required) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    return {
      name,
      family,
      region,
      detected: run.report.verdict === "fail",
      verdict: run.report.verdict,
      findingCodes: [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code),
      callsToDetection: detection?.calls ?? null,
      secondsToDetection: detection === undefined ? null : detection.elapsedMs / 1000,
      totalSeconds,
      calls: run.report.calls,
    };
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** Every fault of the catalogue, one run each; `limit` keeps the first N (for --quick). */
export async function measureFaultDetection(limit?: number, progress: (line: string) => void = () => undefined): Promise<{ results: FaultResult[]; summary: FaultSummary }> {
  const results: FaultResult[] = [];
  const chosen = limit === undefined ? FAULTS : FAULTS.slice(0, limit);
  for (const f of chosen) {
    const r = await runWithFault(f.name, f.family, f.service);
    progress(`fault ${f.name}: ${r.detected ? `detected in ${r.secondsToDetection?.toFixed(2)} s, ${r.callsToDetection} calls` : `NOT detected (${r.verdict})`}`);
    results.push(r);
  }
  const found = results.filter((r) => r.detected && r.secondsToDetection !== null);
  const secs = found.map((r) => r.secondsToDetection!);
  const calls = found.map((r) => r.callsToDetection!);
  return {
    results,
    summary: {
      faults: results.length,
      detected: results.filter((r) => r.detected).length,
      medianSecondsToDetection: median(secs),
      maxSecondsToDetection: secs.length ? Math.max(...secs) : null,
      medianCallsToDetection: median(calls),
      maxCallsToDetection: calls.length ? Math.max(...calls) : null,
      undetected: results.filter((r) => !r.detected).map((r) => r.name),
    },
  };
}
