/**
 * How late records arrive: a call's delivery latency is the time from the end of the call (the
 * suite's clock) to the LookupEvents page that first returned its record. It is an upper bound, as
 * fine as the collector's polling (30 s on AWS). Pure: figures and the progress line from numbers.
 */

/** Delivery latency of the records found: quantiles in ms, or null when none was found. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/** The `q` quantile (0..1) of ascending `sorted` by the nearest-rank method. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p50, p95 and max of `samples` (ms), or null for none. */
export function latencySummary(samples: readonly number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1]! };
}

/**
 * How much longer the records still missing should take, by the latency seen so far: the latest
 * (call end + p95 latency) among them, from `nowMs`; 0 when that is past, undefined with no
 * latency seen yet or nothing missing.
 */
export function remainingEstimateMs(missingEndedAtMs: readonly number[], seen: LatencySummary | null, nowMs: number): number | undefined {
  if (seen === null || missingEndedAtMs.length === 0) return undefined;
  let latest = Number.NEGATIVE_INFINITY;
  for (const ended of missingEndedAtMs) latest = Math.max(latest, ended + seen.p95);
  return Math.max(0, latest - nowMs);
}

/** `1m05s`, `42s`, `0.3s`. */
export function duration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** One collection's progress, as the collector sees it after a pass. */
export interface CollectionProgress {
  found: number;
  expected: number;
  elapsedMs: number;
  /** Until the collector gives up on the rest. */
  deadlineInMs: number;
  latency: LatencySummary | null;
  remainingMs: number | undefined;
}

/** The stderr line a long collection prints after each pass. */
export function progressLine(p: CollectionProgress): string {
  const head = `collecting: ${p.found} of ${p.expected} records, ${duration(p.elapsedMs)} elapsed`;
  if (p.found >= p.expected) return `${head}, all found`;
  const seen =
    p.latency === null
      ? "no record yet (CloudTrail delivers in about 5 minutes on average)"
      : `latency so far p50 ${duration(p.latency.p50)}, p95 ${duration(p.latency.p95)}; the rest in about ${duration(p.remainingMs ?? 0)}`;
  return `${head}; ${seen}; giving up in ${duration(p.deadlineInMs)}`;
}

/**
 * An onProgress that prints `progressLine` while records are still awaited: not at all when the
 * first pass finds every record, at most once per `everyMs` while waiting, and once when all are found.
 */
export function progressReporter(print: (line: string) => void, now: () => number = Date.now, everyMs = 5_000): (p: CollectionProgress) => void {
  let last: number | undefined;
  return (p) => {
    const done = p.found >= p.expected;
    if (done && last === undefined) return;
    const t = now();
    if (!done && last !== undefined && t - last < everyMs) return;
    last = t;
    print(progressLine(p));
  };
}
