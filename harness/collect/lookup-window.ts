/**
 * The LookupEvents time window of a collection: the run's window widened on both sides by a stated
 * margin, so records whose eventTime CloudTrail stamped with a slightly different clock are not cut off.
 */
import { DEFAULT_CLOCK_SKEW_MS } from "../../oracles/context.js";

/** The StartTime/EndTime sent to LookupEvents. */
export interface LookupWindow {
  StartTime: Date;
  EndTime: Date;
}

/**
 * The margin added on each side, 5 s: the same clock skew the oracles allow on eventTime
 * (oracles/observed-call.ts DEFAULT_CLOCK_SKEW_MS), so every record the oracles could accept is fetched,
 * and few records of earlier runs in the same account are.
 */
export const LOOKUP_WINDOW_MARGIN_MS = DEFAULT_CLOCK_SKEW_MS;

/**
 * The window `[start - margin, end + margin]`. A window given end-first is put in order, since
 * LookupEvents rejects a StartTime after the EndTime (InvalidTimeRangeException, CloudTrail API reference, LookupEvents, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 * @throws RangeError when a bound is an invalid Date or the margin is negative.
 */
export function lookupWindow(window: { start: Date; end: Date }, marginMs = LOOKUP_WINDOW_MARGIN_MS): LookupWindow {
  const a = window.start.getTime();
  const b = window.end.getTime();
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError("collector window: start and end must be valid Dates");
  if (!(marginMs >= 0)) throw new RangeError(`collector window: margin must be >= 0 ms; got ${marginMs}`);
  return { StartTime: new Date(Math.min(a, b) - marginMs), EndTime: new Date(Math.max(a, b) + marginMs) };
}

/** The window covering every call of a run (earliest startedAt to latest endedAt); undefined for no calls. */
export function windowOfCalls(calls: readonly { startedAt: string; endedAt: string }[]): { start: Date; end: Date } | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const call of calls) {
    start = Math.min(start, Date.parse(call.startedAt));
    end = Math.max(end, Date.parse(call.endedAt));
  }
  return Number.isFinite(start) && Number.isFinite(end) ? { start: new Date(start), end: new Date(end) } : undefined;
}
