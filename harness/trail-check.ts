/**
 * Checking the trail log files of a run (the second collector of DESIGN.md): read the gzipped
 * `{"Records":[...]}` files delivered under a folder, waiting (up to a deadline) until every call
 * that reached the service is there, and run the same oracles on them as on LookupEvents' records.
 */
import { checkRun, requiredFindings, type RunResult } from "../oracles/index.js";
import type { ObservedCall, OracleContext } from "../oracles/observed-call.js";
import { collectTrailFiles, type TrailFilesCollection } from "./collectors/trail-files.js";

/** The trail files' records, what could not be read, and the oracles' findings on them. */
export interface TrailCheck {
  collection: TrailFilesCollection;
  result: RunResult;
  /** Lines for the report's messages. */
  messages: string[];
}

function requestIdsIn(records: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) {
    const id = r !== null && typeof r === "object" ? (r as Record<string, unknown>)["requestID"] : undefined;
    if (typeof id === "string") ids.add(id);
  }
  return ids;
}

/** Reads `dir` until every sent call's record is there or `deadlineMs` passes, then checks. */
export async function checkTrailFiles(
  dir: string,
  calls: readonly ObservedCall[],
  ctx: OracleContext,
  deadlineMs: number,
  pollIntervalMs: number,
  /** Request ids of calls outside the history (the probe's): their records are set aside. */
  unchecked: ReadonlySet<string> = new Set(),
): Promise<TrailCheck> {
  const expected = calls.filter((c) => c.sentToService && c.requestId !== undefined).map((c) => c.requestId!);
  const deadline = Date.now() + deadlineMs;
  let collection = await collectTrailFiles(dir);
  const allThere = (): boolean => {
    const found = requestIdsIn(collection.records);
    return expected.every((id) => found.has(id));
  };
  while (Date.now() < deadline && !allThere()) {
    await new Promise((r) => setTimeout(r, Math.min(pollIntervalMs, Math.max(0, deadline - Date.now()))));
    collection = await collectTrailFiles(dir);
  }
  const runIds = new Set(expected);
  const span = runSpan(calls, ctx.clockSkewMs);
  const ofThisRun = collection.records.filter(
    (r) => !unchecked.has(String((r as Record<string, unknown> | null)?.["requestID"])) && belongsToRun(r, runIds, span),
  );
  const result = checkRun(calls, ofThisRun, ctx);
  const messages = [
    `Trail files under ${dir}: ${collection.files} files, ${ofThisRun.length} records of this run (${collection.records.length - ofThisRun.length} set aside: earlier runs, the probe), ${requiredFindings(result.all).length} required findings.`,
    ...collection.problems.map((p) => `Trail file ${p.file}: ${p.message}`),
  ];
  return { collection, result, messages };
}

/**
 * A folder may hold earlier runs' files: a record is this run's when its requestID is one of the
 * run's calls, or its eventTime falls within the run (with the skew), so that a record with a
 * wrong requestID is still judged.
 */
function belongsToRun(record: unknown, requestIds: ReadonlySet<string>, span: { start: number; end: number } | undefined): boolean {
  if (record === null || typeof record !== "object") return true;
  const r = record as Record<string, unknown>;
  if (typeof r["requestID"] === "string" && requestIds.has(r["requestID"])) return true;
  const time = typeof r["eventTime"] === "string" ? Date.parse(r["eventTime"]) : Number.NaN;
  if (Number.isNaN(time) || span === undefined) return true;
  return time >= span.start && time <= span.end;
}

/** From the first call's start (minus the skew and the second eventTime is truncated to) to the last call's end plus the skew. */
function runSpan(calls: readonly ObservedCall[], skewMs: number): { start: number; end: number } | undefined {
  if (calls.length === 0) return undefined;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const c of calls) {
    start = Math.min(start, Date.parse(c.startedAt));
    end = Math.max(end, Date.parse(c.endedAt));
  }
  return { start: start - skewMs - 1000, end: end + skewMs };
}
