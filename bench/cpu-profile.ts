/**
 * CPU profiling of a stretch of this process through node:inspector (the same V8 sampling profiler
 * as `node --cpu-prof`, limited to the code under test), and the analysis the benchmark prints:
 * the top self-time functions by file, and self time by area of the project.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The parts of a V8 .cpuprofile the analysis reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** One row of the top self-time list. */
export interface SelfTimeRow {
  functionName: string;
  /** Project-relative file (or node_modules/…, node:…) and 1-based line. */
  location: string;
  ms: number;
  share: number;
}

/** What a profile says. */
export interface ProfileSummary {
  file: string;
  totalMs: number;
  top: SelfTimeRow[];
  /** Self time by area (the leaf-most project frame's folder, else the package), largest first. */
  areas: { area: string; ms: number; share: number }[];
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function location(url: string, line: number): string {
  if (url === "") return "(native)";
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  return `${path.startsWith("/") ? relative(ROOT, path) : path}:${line + 1}`;
}

/** The project area a file belongs to, or undefined for dependencies and node internals. */
function projectArea(url: string): string | undefined {
  if (!url.startsWith("file://")) return undefined;
  const rel = relative(ROOT, fileURLToPath(url));
  if (rel.startsWith("node_modules") || rel.startsWith("..")) return undefined;
  if (rel.startsWith("harness/report/")) return "reporting (harness/report)";
  if (rel.startsWith("harness/collect/")) return "collection (harness/collect)";
  if (rel.startsWith("oracles/") || rel === "harness/check/batch-check.ts") return "checking (oracles)";
  if (rel.startsWith("generators/")) return "generation (generators)";
  if (rel.startsWith("emulator/")) return "emulator";
  if (rel.startsWith("harness/")) return "execution (harness)";
  return `other project (${rel.split("/")[0]})`;
}

function packageArea(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  const pkg = m?.[1] ?? "other";
  if (pkg.startsWith("@aws-sdk/") || pkg.startsWith("@smithy/") || pkg.startsWith("@aws-crypto/")) return "AWS SDK (@aws-sdk, @smithy)";
  if (pkg === "msw" || pkg.startsWith("@mswjs/")) return "msw (interception)";
  return `dependency ${pkg}`;
}

/** Reads the top `n` self-time functions and the areas out of a profile. */
export function summariseProfile(profile: CpuProfile, file: string, n = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const areaOf = new Map<number, string>();
  const area = (id: number): string => {
    const known = areaOf.get(id);
    if (known !== undefined) return known;
    const leaf = byId.get(id)!;
    let found: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined && found === undefined; cur = parent.get(cur)) {
      found = projectArea(byId.get(cur)?.callFrame.url ?? "");
    }
    const result = found ?? packageArea(leaf.callFrame.url, leaf.callFrame.functionName);
    areaOf.set(id, result);
    return result;
  };
  const fns = new Map<string, SelfTimeRow>();
  const areas = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const loc = location(url, lineNumber);
    const key = `${functionName}\u0000${loc}`;
    const row = fns.get(key) ?? { functionName: functionName || "(anonymous)", location: loc, ms: 0, share: 0 };
    row.ms += ms;
    fns.set(key, row);
    const a = area(id);
    areas.set(a, (areas.get(a) ?? 0) + ms);
  }
  const top = [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, n).map((r) => ({ ...r, share: r.ms / totalMs }));
  return {
    file,
    totalMs,
    top,
    areas: [...areas].map(([a, ms]) => ({ area: a, ms, share: ms / totalMs })).sort((x, y) => y.ms - x.ms),
  };
}

/** Profiles `fn` (sampling every 500 µs), writes the .cpuprofile to `file` and returns fn's result and the summary. */
export async function profiled<T>(file: string, fn: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  let result: T;
  let profile: CpuProfile;
  try {
    result = await fn();
  } finally {
    const stopped = await session.post("Profiler.stop");
    profile = stopped.profile as unknown as CpuProfile;
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
  return { result, summary: summariseProfile(profile, file) };
}
