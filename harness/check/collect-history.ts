/**
 * Collecting and checking a recorded history chunk by chunk (harness/check/chunked-check.ts) through a
 * target's LookupEvents: what a deferred run does after executing, and what `npm run check --
 * <history> --collect` does later, for a run whose collection was cut short or killed.
 */
import type { ObservedCall } from "../../history/observed-call.js";
import type { OracleContext } from "../../oracles/context.js";
import type { ServiceId } from "../../model/services.js";
import { collectAndCheck, type CheckedBatch, type CollectSettings } from "./batch-check.js";
import { checkInChunks, type ChunkedCheck } from "./chunked-check.js";
import { appendRecordsFile } from "../collect/records-file.js";
import { readHistoryChunks, type HistoryProblem } from "../execute/history.js";

/** What a history holds, read once without keeping its bodies. */
export interface HistoryIndex {
  /** The calls without their request and response bodies. */
  calls: ObservedCall[];
  requestIds: Set<string>;
  accessKeys: Set<string>;
  problems: HistoryProblem[];
}

/** Reads a history file in chunks and keeps each call without its bodies. */
export async function indexHistory(historyPath: string, chunkCalls: number): Promise<HistoryIndex> {
  const index: HistoryIndex = { calls: [], requestIds: new Set(), accessKeys: new Set(), problems: [] };
  for await (const chunk of readHistoryChunks(historyPath, chunkCalls, index.problems)) {
    for (const call of chunk) {
      index.calls.push({ ...call, request: null, response: null, answer: undefined });
      if (call.requestId !== undefined) index.requestIds.add(call.requestId);
      index.accessKeys.add(call.identity.accessKeyId);
    }
  }
  return index;
}

/** How a history is collected and checked. */
export interface CollectHistoryOptions {
  historyPath: string;
  /** Each chunk's records are appended here as it is collected. */
  recordsPath: string;
  /** Request ids of every call of the run. */
  runRequestIds: ReadonlySet<string>;
  /** Access keys of every call of the run (an extra record of one of them is the run's). */
  runAccessKeys: ReadonlySet<string>;
  /** Request ids outside the history whose records are not the run's (the probe's). */
  unchecked: ReadonlySet<string>;
  collect: CollectSettings;
  ctx: OracleContext;
  chunkCalls: number;
  /** Told of each checked chunk (collection figures, first detection). */
  onBatch: (batch: CheckedBatch) => void;
  /** Collect and check only this service's calls (ctx is that service's). */
  service?: ServiceId;
}

/** Collects each chunk's window through LookupEvents, checks it, and appends its records to the records file. */
export async function collectHistory(o: CollectHistoryOptions): Promise<ChunkedCheck> {
  const ctx = { ...o.ctx, runAccessKeys: o.runAccessKeys };
  return checkInChunks(
    o.historyPath,
    o.runRequestIds,
    o.unchecked,
    async (calls, select, interrupted) => {
      const batch = await collectAndCheck(calls, o.collect, interrupted.length > 0 ? { ...ctx, interrupted } : ctx, select);
      o.onBatch(batch);
      await appendRecordsFile(o.recordsPath, batch.records);
      return batch;
    },
    { chunkCalls: o.chunkCalls, skewMs: o.ctx.clockSkewMs, ...(o.service !== undefined ? { service: o.service } : {}) },
  );
}
