/**
 * Checking the trail log files of a run (the second collector, beside LookupEvents): read the gzipped
 * `{"Records":[...]}` files delivered under a folder, waiting (up to a deadline) until every call
 * that reached the service is there, and run the same oracles on them as on LookupEvents' records.
 */
import type { ServiceId } from "../../model/services.js";
import { checkRun, recordField, requiredFindings, type Finding, type RunResult } from "../../oracles/index.js";
import type { FindingChannel } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { OracleContext } from "../../oracles/context.js";
import { collectTrailFiles, forEachTrailFile, type TrailFilesCollection } from "../collect/trail-files.js";
import { copyKeyOf } from "../collect/record-keys.js";
import { checkInChunks } from "./chunked-check.js";
import { isForService } from "./service-records.js";

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
  // The folder holds every service's records: those of another service's calls are its check's.
  const ofThisRun = collection.records.filter(
    (r) => !unchecked.has(String((r as Record<string, unknown> | null)?.["requestID"])) && belongsToRun(r, runIds, span) && isForService(r, runIds, ctx.eventSource),
  );
  const result = checkRun(calls, ofThisRun, ctx);
  const messages = [
    `Trail files under ${dir}: ${collection.files} files, ${ofThisRun.length} records of this run (${collection.records.length - ofThisRun.length} set aside: earlier runs, the probe, other services), ${requiredFindings(result.all).length} required findings.`,
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

/** A trail record kept as JSON text until its chunk is checked, with its eventTime. */
interface PendingRecord {
  text: string;
  eventTimeMs: number;
}

/**
 * The trail files' records indexed for chunked checking (checkInChunks): JSON text by requestID, and
 * the records whose requestID is none of the run's calls (they go to the chunk whose call window
 * holds their eventTime, so a record with a wrong requestID still meets its call). Copies collapse
 * as in collectTrailFiles.
 */
export class TrailRecordIndex {
  private readonly byRequestId = new Map<string, PendingRecord[]>();
  private others: PendingRecord[] = [];
  files = 0;
  duplicatesCollapsed = 0;
  problems: TrailFilesCollection["problems"] = [];

  private constructor(private readonly runRequestIds: ReadonlySet<string>) {}

  /** Reads `dir` once, file by file, keeping each record as text. */
  static async read(dir: string, runRequestIds: ReadonlySet<string>): Promise<TrailRecordIndex> {
    const index = new TrailRecordIndex(runRequestIds);
    const seen = new Set<string>();
    const { files, problems } = await forEachTrailFile(dir, (records) => {
      for (const record of records) {
        const key = copyKeyOf(record);
        if (key !== undefined && seen.has(key)) {
          index.duplicatesCollapsed++;
          continue;
        }
        if (key !== undefined) seen.add(key);
        index.add(record);
      }
    });
    index.files = files;
    index.problems = problems;
    return index;
  }

  private add(record: unknown): void {
    const requestId = recordField(record, "requestID");
    const time = recordField(record, "eventTime");
    const pending = { text: JSON.stringify(record), eventTimeMs: typeof time === "string" ? Date.parse(time) : Number.NaN };
    if (typeof requestId === "string" && this.runRequestIds.has(requestId)) {
      const list = this.byRequestId.get(requestId);
      if (list === undefined) this.byRequestId.set(requestId, [pending]);
      else list.push(pending);
    } else {
      this.others.push(pending);
    }
  }

  /** True when every request id of the run has a record. */
  holdsAll(): boolean {
    for (const id of this.runRequestIds) if (!this.byRequestId.has(id)) return false;
    return true;
  }

  /** Records not taken (yet). */
  remaining(): number {
    let n = this.others.length;
    for (const list of this.byRequestId.values()) n += list.length;
    return n;
  }

  /**
   * Takes (and forgets) the records of `calls`: those carrying their request ids, and the others
   * whose eventTime lies within the calls' span widened by `skewMs` (records of no span stay, and are
   * never the run's: earlier runs in the same folder).
   */
  take(calls: readonly ObservedCall[], skewMs: number): unknown[] {
    const out: unknown[] = [];
    for (const c of calls) {
      if (c.requestId === undefined) continue;
      for (const p of this.byRequestId.get(c.requestId) ?? []) out.push(JSON.parse(p.text));
      this.byRequestId.delete(c.requestId);
    }
    const span = runSpan(calls, skewMs);
    if (span !== undefined) {
      const rest: PendingRecord[] = [];
      for (const p of this.others) {
        if (Number.isNaN(p.eventTimeMs) || (p.eventTimeMs >= span.start && p.eventTimeMs <= span.end)) out.push(JSON.parse(p.text));
        else rest.push(p);
      }
      this.others = rest;
    }
    return out;
  }
}

/** What checkTrailFilesInChunks found: the merged oracles' result and the report's lines. */
export interface ChunkedTrailCheck {
  result: RunResult;
  messages: string[];
}

/**
 * checkTrailFiles for a deferred run whose calls are read back from `historyPath` in chunks
 * (checkInChunks): waits as checkTrailFiles does until every request id of `runRequestIds` is in the
 * files or `deadlineMs` passes, then checks each chunk of calls against its own records only.
 */
export async function checkTrailFilesInChunks(
  dir: string,
  historyPath: string,
  runRequestIds: ReadonlySet<string>,
  ctx: OracleContext,
  deadlineMs: number,
  pollIntervalMs: number,
  unchecked: ReadonlySet<string> = new Set(),
  chunkCalls?: number,
  /** Check only this service's calls (ctx is that service's). */
  service?: ServiceId,
): Promise<ChunkedTrailCheck> {
  const deadline = Date.now() + deadlineMs;
  let index = await TrailRecordIndex.read(dir, runRequestIds);
  while (Date.now() < deadline && !index.holdsAll()) {
    await new Promise((r) => setTimeout(r, Math.min(pollIntervalMs, Math.max(0, deadline - Date.now()))));
    index = await TrailRecordIndex.read(dir, runRequestIds);
  }
  let ofThisRun = 0;
  let otherServices = 0;
  const checked = await checkInChunks(
    historyPath,
    runRequestIds,
    unchecked,
    async (calls, select) => {
      const ids = new Set(calls.flatMap((c) => (c.requestId !== undefined ? [c.requestId] : [])));
      const selected = select(index.take(calls, ctx.clockSkewMs), calls);
      const records = selected.filter((r) => isForService(r, ids, ctx.eventSource));
      otherServices += selected.length - records.length;
      ofThisRun += records.length;
      return { records, result: checkRun(calls, records, ctx) };
    },
    { ...(chunkCalls !== undefined ? { chunkCalls } : {}), skewMs: ctx.clockSkewMs, ...(service !== undefined ? { service } : {}) },
  );
  const messages = [
    `Trail files under ${dir}: ${index.files} files, ${ofThisRun} records of this run (${index.remaining() + otherServices} set aside: earlier runs, the probe, other services), ${requiredFindings(checked.result.all).length} required findings; checked in ${checked.chunks} chunks of the history.`,
    ...index.problems.map((p) => `Trail file ${p.file}: ${p.message}`),
  ];
  return { result: checked.result, messages };
}

/**
 * Marks every finding of `result` (in `all`, `findings` and `byCall`, which share finding objects)
 * as seen through `channel`, in place; a finding already marked keeps its channel.
 */
export function tagChannel(result: RunResult, channel: FindingChannel): void {
  const tag = (f: Finding): void => {
    if (f.channel === undefined) f.channel = channel;
  };
  result.all.forEach(tag);
  result.findings.forEach(tag);
  for (const list of result.byCall.values()) list.forEach(tag);
}

/**
 * Adds the trail files' findings to the LookupEvents ones of the same calls, each marked with its
 * channel (`lookup-events`, `trail-file`). Both are kept as evidence; the report counts a finding
 * both channels saw on the same call once (harness/report/channels.ts).
 */
export function mergeTrailFindings(result: RunResult, trail: RunResult): void {
  tagChannel(result, "lookup-events");
  tagChannel(trail, "trail-file");
  result.all.push(...trail.all);
  for (const [seq, found] of trail.byCall) result.byCall.set(seq, [...(result.byCall.get(seq) ?? []), ...found]);
}
