/**
 * Checking a deferred run chunk by chunk, so that memory does not grow with the run (a
 * 100,000-call deferred run stays under 1 GiB, issue 4): the history is read back from disk
 * `CHECK_CHUNK_CALLS` calls at a time; each chunk's records are fetched and checked by the caller's
 * `checkChunk` (LookupEvents over the chunk's window, or the trail files' records), and only the
 * findings, the counts and the records a finding names are kept. Record indexes in findings
 * (`records[i]`) are renumbered run-wide, and an eventID that a later chunk finds on another
 * requestID is reported as within one chunk (correlated.event_id_duplicate).
 *
 * Windows overlap (the clock-skew margin), so a chunk sees records of its neighbours: a record
 * carrying a call's requestID belongs to that call's chunk; a record carrying no run call's
 * requestID (a wrong one, none, or an extra record) is given to exactly one chunk: the first with a
 * call still missing its record that it could be (same operation, access key, time window: the
 * oracles' near-match), else the first that ends a second or more after its eventTime, else the last.
 */
import { readRecord, recordField, type Finding, type RunResult } from "../../oracles/index.js";
import { inWindow } from "../../oracles/completeness.js";
import { valueAt } from "../../oracles/record-input.js";
import { finding } from "../../oracles/finding.js";
import type { RecordSelector } from "./batch-check.js";
import type { Invocation, ObservedCall } from "../../history/observed-call.js";
import { readHistoryChunks, type HistoryProblem } from "../execute/history.js";
import type { ServiceId } from "../../model/services.js";

/** Calls checked at a time by default (RunConfig.checkChunkCalls has the same default). */
export const CHECK_CHUNK_CALLS = 5_000;

/** One chunk checked: its records (the array the findings' `records[i]` index) and the oracles' result. */
export interface ChunkOutcome {
  records: readonly unknown[];
  result: RunResult;
}

/**
 * Fetches the records of one chunk's calls and checks those `select` keeps. `interrupted` lists the
 * calls that were in flight when the run was killed; it is given to the last chunk only.
 */
export type CheckChunk = (calls: ObservedCall[], select: RecordSelector, interrupted: readonly Invocation[]) => Promise<ChunkOutcome>;

/** The merged outcome of every chunk. */
export interface ChunkedCheck {
  /** Every chunk's findings in order; `matched` is left empty (it would hold every record). */
  result: RunResult;
  /** One entry per record checked; only the records a finding names are present (the rest are holes). */
  records: unknown[];
  /** History lines that could not be read back. */
  problems: HistoryProblem[];
  /** Invocations without a call line: calls in flight when the run was killed. */
  interrupted: Invocation[];
  chunks: number;
}

const RECORD_INDEX = /records\[(\d+)\]/g;

/** `value` with every `records[i]` in its strings renumbered to `records[offset + i]`. */
function renumber(value: unknown, offset: number): unknown {
  if (typeof value === "string") return value.replace(RECORD_INDEX, (_, i: string) => `records[${offset + Number(i)}]`);
  if (Array.isArray(value)) return value.map((v) => renumber(v, offset));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v, offset)]));
  return value;
}

/**
 * Decides which chunk each record is checked in (see the file comment); keeps, between chunks, the
 * keys of records already given to a chunk and the records passed on to the next one.
 */
class RecordAllocation {
  private readonly given = new Set<string>();
  private carried = new Map<string, unknown>();

  constructor(
    private readonly runRequestIds: ReadonlySet<string>,
    private readonly unchecked: ReadonlySet<string>,
    private readonly skewMs: number,
  ) {}

  /** A selector for one chunk (`last`: no chunk follows). */
  selector(last: boolean): RecordSelector {
    return (seen, calls) => {
      const mine = new Set(calls.flatMap((c) => (c.requestId !== undefined ? [c.requestId] : [])));
      const own: unknown[] = [];
      const loose = new Map<string, unknown>(this.carried);
      for (const r of seen) {
        const id = recordField(r, "requestID");
        if (typeof id === "string" && this.unchecked.has(id)) continue;
        if (typeof id === "string" && this.runRequestIds.has(id)) {
          if (mine.has(id)) own.push(r);
          continue;
        }
        const key = looseKey(r);
        if (!this.given.has(key)) loose.set(key, r);
      }
      const found = new Set(own.map((r) => recordField(r, "requestID")));
      const missing = calls.filter((c) => c.sentToService && !found.has(c.requestId));
      let end = Number.NEGATIVE_INFINITY;
      for (const c of calls) end = Math.max(end, Date.parse(c.endedAt));
      this.carried = new Map();
      for (const [key, r] of loose) {
        const parsed = readRecord(r, "record");
        const record = parsed.ok ? parsed.record : undefined;
        const time = record !== undefined ? Date.parse(String(record["eventTime"])) : Number.NaN;
        const couldBe =
          record !== undefined &&
          missing.some((c) => record["eventName"] === c.operation && valueAt(record, "userIdentity.accessKeyId") === c.identity.accessKeyId && inWindow(c, record, this.skewMs));
        if (last || couldBe || Number.isNaN(time) || time <= end - 1000) {
          own.push(r);
          this.given.add(key);
        } else {
          this.carried.set(key, r);
        }
      }
      return own;
    };
  }
}

/** Identifies a record that carries no run call's requestID: by eventID, else by its text. */
function looseKey(record: unknown): string {
  const eventId = recordField(record, "eventID");
  return typeof eventId === "string" ? `eventID ${eventId}` : `text ${typeof record === "string" ? record : JSON.stringify(record)}`;
}

/** Reads `historyPath` in chunks and checks each with `checkChunk`; `runRequestIds` are the request ids of every call of the run. */
export async function checkInChunks(
  historyPath: string,
  runRequestIds: ReadonlySet<string>,
  /** Request ids outside the history whose records are not the run's (the probe's). */
  unchecked: ReadonlySet<string>,
  checkChunk: CheckChunk,
  /** `service`: check only that service's calls (a run of two services checks each on its own). */
  options: { chunkCalls?: number; skewMs: number; service?: ServiceId },
): Promise<ChunkedCheck> {
  const result: RunResult = { findings: [], all: [], byCall: new Map(), matched: new Map(), duplicatesCollapsed: 0, ignored: 0, uncollected: [] };
  const records: unknown[] = [];
  const problems: HistoryProblem[] = [];
  const interrupted: Invocation[] = [];
  const allocation = new RecordAllocation(runRequestIds, unchecked, options.skewMs);
  /** eventID -> requestID and run-wide record index, for records of earlier chunks. */
  const eventIds = new Map<string, { requestId: unknown; index: number }>();
  let chunks = 0;
  const source = readHistoryChunks(historyPath, options.chunkCalls ?? CHECK_CHUNK_CALLS, problems, interrupted)[Symbol.asyncIterator]();
  let next = await source.next();
  while (!next.done) {
    const calls = options.service === undefined ? next.value : next.value.filter((c) => c.service === options.service);
    next = await source.next();
    const last = next.done === true;
    const stopped = last ? interrupted.filter((i) => options.service === undefined || i.service === options.service) : [];
    if (calls.length === 0 && stopped.length === 0) continue;
    chunks++;
    const outcome = await checkChunk(calls, allocation.selector(last), stopped);
    const offset = records.length;
    records.length += outcome.records.length;
    const renumbered = new Map<Finding, Finding>();
    const own = (f: Finding): Finding => {
      let r = renumbered.get(f);
      if (r === undefined) {
        r = offset === 0 ? f : (renumber(f, offset) as Finding);
        renumbered.set(f, r);
        for (const m of r.path.matchAll(RECORD_INDEX)) {
          const index = Number(m[1]);
          records[index] = outcome.records[index - offset];
        }
      }
      return r;
    };
    result.findings.push(...outcome.result.findings.map(own));
    result.all.push(...outcome.result.all.map(own));
    for (const [seq, found] of outcome.result.byCall) result.byCall.set(seq, found.map(own));
    result.duplicatesCollapsed += outcome.result.duplicatesCollapsed;
    result.ignored += outcome.result.ignored;
    result.uncollected.push(...outcome.result.uncollected);
    outcome.records.forEach((record, i) => {
      const eventId = recordField(record, "eventID");
      if (typeof eventId !== "string") return;
      const requestId = recordField(record, "requestID");
      const earlier = eventIds.get(eventId);
      if (earlier === undefined) return void eventIds.set(eventId, { requestId, index: offset + i });
      if (earlier.index >= offset || earlier.requestId === requestId) return;
      // Within a chunk the oracles report this; across chunks only this map can. The earlier record
      // is not kept in memory; the records file holds it at that index.
      const found = finding("correlated.event_id_duplicate", `records[${offset + i}].eventID`, "an eventID not used by another request", { eventID: eventId, alsoIn: [`records[${earlier.index}]`] });
      records[offset + i] = record;
      result.findings.push(found);
      result.all.push(found);
    });
  }
  return { result, records, problems, interrupted, chunks };
}
