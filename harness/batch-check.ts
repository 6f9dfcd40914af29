/**
 * Collect-then-check for one batch of calls (a sequence in interactive mode, the whole run in
 * deferred mode): read the batch's records back through LookupEvents and run the oracles on them.
 */
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { checkRun, requiredFindings, type RunResult } from "../oracles/index.js";
import type { ObservedCall, OracleContext } from "../oracles/observed-call.js";
import { collectLookupEvents, type LookupCollection } from "./collectors/lookup-events.js";

/** How the collector is to behave for this target. */
export interface CollectSettings {
  client: CloudTrailClient;
  requestsPerSecond: number;
  deadlineMs: number;
  pollIntervalMs: number;
  /** Widening of the lookup window on both sides (clock skew). */
  marginMs: number;
}

/** A checked batch. */
export interface CheckedBatch {
  collection: LookupCollection;
  /** Records attributed to this batch (records of earlier batches' calls removed). */
  records: unknown[];
  result: RunResult;
  /** True when a required finding was found. */
  failed: boolean;
}

function requestIdOf(record: unknown): string | undefined {
  const parsed = typeof record === "string" ? safeParse(record) : record;
  if (parsed === null || typeof parsed !== "object") return undefined;
  const id = (parsed as Record<string, unknown>)["requestID"];
  return typeof id === "string" ? id : undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Collects the batch's records and checks them. `earlierRequestIds` are the request ids of calls of
 * previous batches: their records fall in this batch's window too, and are not extras of this batch.
 */
export async function collectAndCheck(
  calls: readonly ObservedCall[],
  settings: CollectSettings,
  ctx: OracleContext,
  earlierRequestIds: ReadonlySet<string>,
): Promise<CheckedBatch> {
  const times = calls.flatMap((c) => [Date.parse(c.startedAt), Date.parse(c.endedAt)]);
  const start = new Date(Math.min(...times) - settings.marginMs);
  const end = new Date(Math.max(...times) + settings.marginMs);
  const collection = await collectLookupEvents({
    client: settings.client,
    calls,
    eventSource: ctx.eventSource,
    window: { start, end },
    windowMarginMs: 0,
    requestsPerSecond: settings.requestsPerSecond,
    deadlineMs: settings.deadlineMs,
    pollIntervalMs: settings.pollIntervalMs,
  });
  const records = collection.records.filter((r) => {
    const id = requestIdOf(r);
    return id === undefined || !earlierRequestIds.has(id);
  });
  const result = checkRun(calls, records, ctx);
  return { collection, records, result, failed: requiredFindings(result.all).length > 0 };
}
