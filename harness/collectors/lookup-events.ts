/**
 * The LookupEvents collector: reads back, through CloudTrail's LookupEvents API, the records of a run's
 * calls. Paginated (MaxResults 50, NextToken resent with the same parameters), paced by a token bucket
 * (2 requests/s, "limited to two per second, per account, per Region", facts §5), backing off with
 * jitter on throttling, and repeating passes until every expected record is found or the deadline
 * passes (records arrive "within an average of about 5 minutes", not guaranteed: facts §4).
 * Every wait is bounded by the deadline, so it never hangs.
 */
import { LookupEventsCommand, type CloudTrailClient, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { INSPECTOR_EVENT_SOURCE, type ObservedCall } from "../../oracles/observed-call.js";
import { backoffDelay } from "./backoff.js";
import { PassRecords } from "./dedupe.js";
import { joinByRequestId } from "./join.js";
import { attemptsOf, DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS } from "./lookup-client.js";
import { classifyLookupError, describeLookupError, type LookupError } from "./lookup-errors.js";
import { recordsOfPage } from "./lookup-page.js";
import { LOOKUP_WINDOW_MARGIN_MS, lookupWindow } from "./lookup-window.js";
import { TokenBucket, type Timekeeping } from "./token-bucket.js";

/** LookupEvents' largest page (model: MaxResults 1..50). */
export const LOOKUP_PAGE_SIZE = 50;
/** AWS's LookupEvents rate limit, requests per second (facts §5). */
export const LOOKUP_REQUESTS_PER_SECOND = 2;
/** Default wait between passes while records are missing, 10 s. */
export const DEFAULT_POLL_INTERVAL_MS = 10_000;
/** Consecutive transient failures (network, timeout, 5xx) of one page before the collector gives up. */
export const MAX_TRANSIENT_RETRIES = 3;

/** Progress after each pass. */
export interface LookupProgress {
  pass: number;
  found: number;
  expected: number;
  requests: number;
}

/** What the collector is given. */
export interface LookupCollectorOptions {
  /** Client of the collecting identity; build it with createLookupClient (maxAttempts 1). */
  client: CloudTrailClient;
  /** The run's calls; expected to have a record: those with sentToService and a requestId. */
  calls: readonly ObservedCall[];
  /** The EventSource LookupAttribute; default "inspector.amazonaws.com". */
  eventSource?: string;
  /** Look up by this attribute instead of EventSource (e.g. AccessKeyId, to find records filed under a wrong eventSource). */
  attribute?: { AttributeKey: "EventSource" | "AccessKeyId" | "EventName" | "Username"; AttributeValue: string };
  /** StartTime/EndTime, widened by `windowMarginMs` on both sides. */
  window: { start: Date; end: Date };
  /** Margin added to each side of the window (clock skew); default LOOKUP_WINDOW_MARGIN_MS (5 s). */
  windowMarginMs?: number;
  /** Default 2 (AWS's limit); 0 = unlimited (fast emulators). */
  requestsPerSecond?: number;
  /** Give up after this long; calls still without a record are `missing`. */
  deadlineMs: number;
  /** Wait between full passes while records are missing; default DEFAULT_POLL_INTERVAL_MS. */
  pollIntervalMs?: number;
  /** Longest wait for one request (never past the deadline); default 15 s. */
  requestTimeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Random source for backoff jitter; default Math.random. */
  random?: () => number;
  onProgress?: (p: LookupProgress) => void;
}

/** What the collector found. */
export interface LookupCollection {
  /** Parsed CloudTrailEvent objects (raw string kept when it does not parse), deduplicated by eventID. */
  records: unknown[];
  /** Copies of one event (same eventID and requestID) returned more than once within a pass. */
  duplicatesCollapsed: number;
  /** Seqs of calls expected to have a record but none was found by the deadline. */
  missing: number[];
  requests: number;
  throttled: number;
  passes: number;
  elapsedMs: number;
  /** Every expected call found. */
  complete: boolean;
  /** The target has no LookupEvents (UnknownOperation, 404, NotImplemented...): what it answered. */
  unsupported?: string;
  /** Other errors (network, access denied), each with what to do. */
  errors: string[];
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a pass ended. */
type PassEnd = "done" | "deadline" | "stopped";

/** Collects the run's records through LookupEvents. Never throws for target behaviour: errors are data. */
export async function collectLookupEvents(options: LookupCollectorOptions): Promise<LookupCollection> {
  const time: Timekeeping = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep };
  const startedAt = time.now();
  const deadlineAt = startedAt + Math.max(0, options.deadlineMs);
  const bucket = new TokenBucket(options.requestsPerSecond ?? LOOKUP_REQUESTS_PER_SECOND, time);
  const pollMs = Math.max(0, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS;
  const { StartTime, EndTime } = lookupWindow(options.window, options.windowMarginMs ?? LOOKUP_WINDOW_MARGIN_MS);
  const eventSource = options.eventSource ?? INSPECTOR_EVENT_SOURCE;
  const store = new PassRecords();
  const errors: string[] = [];
  let unsupported: string | undefined;
  let requests = 0;
  let throttled = 0;
  let passes = 0;

  const attempts = await attemptsOf(options.client);
  if (attempts > 1) {
    errors.push(
      `The CloudTrail client retries up to ${attempts} times on its own, so requests and throttling are undercounted and may exceed the rate: build it with createLookupClient (maxAttempts 1).`,
    );
  }

  /** Adds an error once (passes re-read the same pages). */
  const note = (message: string): void => {
    if (!errors.includes(message)) errors.push(message);
  };

  /** One page, retried on throttling and transient errors; "deadline" or "stopped" when the pass must end. */
  const fetchPage = async (nextToken: string | undefined): Promise<LookupEventsCommandOutput | "deadline" | "stopped"> => {
    let throttleAttempt = 0;
    let transientAttempt = 0;
    for (;;) {
      if (time.now() >= deadlineAt) return "deadline";
      if (!(await bucket.take(deadlineAt))) return "deadline";
      const remaining = deadlineAt - time.now();
      if (remaining <= 0) return "deadline";
      requests++;
      let failure: LookupError;
      try {
        // Same parameters on every page: "NextToken must be resent with the same parameters" (facts §5).
        return await options.client.send(
          new LookupEventsCommand({
            LookupAttributes: [options.attribute ?? { AttributeKey: "EventSource", AttributeValue: eventSource }],
            StartTime,
            EndTime,
            MaxResults: LOOKUP_PAGE_SIZE,
            ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
          }),
          { abortSignal: AbortSignal.timeout(Math.max(1, Math.min(requestTimeoutMs, remaining))) },
        );
      } catch (e) {
        failure = classifyLookupError(e);
      }
      if (failure.kind === "unsupported") {
        unsupported = `${failure.code}${failure.httpStatus !== undefined ? ` (HTTP ${failure.httpStatus})` : ""}: ${failure.message}`;
        return "stopped";
      }
      if (failure.kind === "fatal" || (failure.kind === "transient" && transientAttempt >= MAX_TRANSIENT_RETRIES)) {
        errors.push(describeLookupError(failure));
        return "stopped";
      }
      let delay: number;
      if (failure.kind === "throttled") {
        throttled++;
        delay = backoffDelay(throttleAttempt++, { random: options.random });
      } else {
        delay = backoffDelay(transientAttempt++, { random: options.random });
      }
      if (time.now() + delay >= deadlineAt) {
        if (failure.kind === "transient") errors.push(describeLookupError(failure));
        return "deadline";
      }
      await time.sleep(delay);
    }
  };

  /** One full pass over every page of the window. */
  const runPass = async (): Promise<PassEnd> => {
    store.beginPass();
    let nextToken: string | undefined;
    do {
      const page = await fetchPage(nextToken);
      if (page === "deadline" || page === "stopped") return page;
      const { records, withoutRecord } = recordsOfPage(page.Events);
      for (const record of records) store.add(record);
      if (withoutRecord.length > 0) {
        note(`LookupEvents returned ${withoutRecord.length} event(s) without a CloudTrailEvent (${withoutRecord.slice(0, 3).join(", ")}): the target's LookupEvents is incomplete; those records cannot be checked.`);
      }
      nextToken = page.NextToken;
    } while (nextToken !== undefined && nextToken !== "");
    return "done";
  };

  let join = joinByRequestId(options.calls, []);
  for (;;) {
    if (time.now() >= deadlineAt && passes > 0) break;
    passes++;
    const end = await runPass();
    join = joinByRequestId(options.calls, store.records());
    options.onProgress?.({ pass: passes, found: join.expected - join.missing.length, expected: join.expected, requests });
    if (end !== "done" || join.missing.length === 0) break;
    const remaining = deadlineAt - time.now();
    if (remaining <= 0) break;
    await time.sleep(Math.min(pollMs, remaining));
    if (time.now() >= deadlineAt) break;
  }

  return {
    records: store.records(),
    duplicatesCollapsed: store.duplicatesCollapsed(),
    missing: join.missing,
    requests,
    throttled,
    passes,
    elapsedMs: time.now() - startedAt,
    complete: join.missing.length === 0 && unsupported === undefined,
    ...(unsupported !== undefined ? { unsupported } : {}),
    errors,
  };
}
