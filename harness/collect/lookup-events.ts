/**
 * The LookupEvents collector: reads back, through CloudTrail's LookupEvents API, the records of a run's
 * calls. Paginated (MaxResults 50, NextToken resent with the same parameters), paced by a token bucket
 * (2 requests/s, "limited to two per second, per account, per Region": CloudTrail API reference, LookupEvents), backing off with
 * jitter on throttling, and repeating passes until every expected record is found or the deadline
 * passes (records arrive "within an average of about 5 minutes", not guaranteed: CloudTrail user guide, https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html).
 * Every wait is bounded by the deadline, so it never hangs.
 */
import { LookupEventsCommand, type CloudTrailClient, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { type ObservedCall } from "../../history/observed-call.js";
import { INSPECTOR_EVENT_SOURCE } from "../../oracles/context.js";
import { backoffDelay } from "./backoff.js";
import { PassRecords } from "./dedupe.js";
import { joinByRequestId } from "./join.js";
import { attemptsOf, DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS } from "./lookup-client.js";
import { classifyLookupError, describeLookupError, type LookupError } from "./lookup-errors.js";
import { recordsOfPage } from "./lookup-page.js";
import { LOOKUP_WINDOW_MARGIN_MS, lookupWindow } from "./lookup-window.js";
import { pacerBelow, type TokenBucket, type Timekeeping } from "./token-bucket.js";
import { latencySummary, remainingEstimateMs, type LatencySummary } from "./delivery-latency.js";
import { requestIdOf } from "./record-keys.js";

/** LookupEvents' largest page (model: MaxResults 1..50). */
export const LOOKUP_PAGE_SIZE = 50;
/** AWS's LookupEvents rate limit, requests per second (CloudTrail API reference, LookupEvents; the CloudTrail quotas page: "This limit cannot be increased"). */
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
  elapsedMs: number;
  /** Until the collector gives up on the records still missing. */
  deadlineInMs: number;
  /** Delivery latency of the records found so far (harness/collect/delivery-latency.ts). */
  latency: LatencySummary | null;
  /** How much longer the missing records should take by that latency; undefined before any was seen. */
  remainingMs: number | undefined;
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
  /**
   * The pacing shared by every collection of a run (AWS counts LookupEvents per account and Region,
   * not per query); default: a new one at `requestsPerSecond` on this collection's clock.
   */
  pacer?: TokenBucket;
  /** Give up after this long; calls still without a record are `missing`. */
  deadlineMs: number;
  /** Wait between full passes while records are missing; default DEFAULT_POLL_INTERVAL_MS. */
  pollIntervalMs?: number;
  /**
   * End after the first pass that read every page, whatever is missing, and count that pass as
   * reading everything: the target stored each record before it answered the call (the embedded
   * emulator without a delivery delay), or the main collection already waited for these records.
   */
  onePass?: boolean;
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
  /** Pages LookupEvents answered (each request that did not fail). */
  pages: number;
  throttled: number;
  passes: number;
  elapsedMs: number;
  /** Delivery latency of each expected call's record (ms from the call's end to the page that first returned it). */
  latenciesMs: number[];
  /** Every expected call found. */
  complete: boolean;
  /** The target has no LookupEvents (UnknownOperation, 404, NotImplemented...): what it answered. */
  unsupported?: string;
  /** Other errors (network, access denied), each with what to do. */
  errors: string[];
  /** What the collector noticed that is not a failed request (a client that retries on its own, events without a record), each once. */
  notes: string[];
  /**
   * False when calls are missing and no pass read every page late enough to show that they lack a
   * record (LookupEvents refused, timed out, answered 5xx or unreadable pages, or was throttled, from
   * well before the deadline): those calls could not be checked (unknown), they are not missing.
   */
  readAll: boolean;
  /** Requests that failed (throttling aside), by error code, with the first and last time. */
  failures: LookupFailures;
}

/** Failed LookupEvents requests of a collection, for one message with counts and times. */
export interface LookupFailures {
  count: number;
  /** `ECONNREFUSED`, `HTTP 502`, `TimeoutError`, ... */
  byCode: Record<string, number>;
  firstAt: string | undefined;
  lastAt: string | undefined;
  /** What to do about the last one. */
  advice: string | undefined;
}

/** Adds the failed requests of `more` to `into`. */
export function mergeFailures(into: LookupFailures, more: LookupFailures): void {
  into.count += more.count;
  for (const [code, n] of Object.entries(more.byCode)) into.byCode[code] = (into.byCode[code] ?? 0) + n;
  if (more.firstAt !== undefined && (into.firstAt === undefined || more.firstAt < into.firstAt)) into.firstAt = more.firstAt;
  if (more.lastAt !== undefined && (into.lastAt === undefined || more.lastAt > into.lastAt)) into.lastAt = more.lastAt;
  into.advice = more.advice ?? into.advice;
}

/** Error names that say only that the body could not be read, not what the service said. */
const GENERIC_ERRORS: ReadonlySet<string> = new Set(["Error", "SyntaxError", "UnknownError", "TypeError"]);

/** How a failed request is counted in messages: `ECONNREFUSED`, `no answer in time`, `HTTP 502 (not an AWS answer)`, `AccessDeniedException (HTTP 403)`. */
export function failureLabel(f: LookupError): string {
  if (f.httpStatus !== undefined) return GENERIC_ERRORS.has(f.code) ? `HTTP ${f.httpStatus} (not an AWS answer)` : `${f.code} (HTTP ${f.httpStatus})`;
  return f.code === "AbortError" || f.code === "TimeoutError" ? "no answer in time" : f.code;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a pass ended: every page read, the deadline came, or LookupEvents failed (or is not there). */
type PassEnd = "done" | "deadline" | "failed";

/**
 * Whether the last pass that read every page is as late as a collection without failures would have
 * made it: started within one poll interval and two pass durations (and a second) of the deadline.
 * Records missing from it are missing: CloudTrail had until then to deliver them. A stale last
 * complete pass (later passes failed, or were throttled, long before the deadline) leaves them unknown.
 */
function fresh(last: { startedAt: number; ms: number } | undefined, deadlineAt: number, pollMs: number): boolean {
  return last !== undefined && last.startedAt >= deadlineAt - (pollMs + 2 * last.ms + 1000);
}

/** Collects the run's records through LookupEvents. Never throws for target behaviour: errors are data. */
export async function collectLookupEvents(options: LookupCollectorOptions): Promise<LookupCollection> {
  const time: Timekeeping = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep };
  const startedAt = time.now();
  const deadlineAt = startedAt + Math.max(0, options.deadlineMs);
  const bucket = options.pacer ?? pacerBelow(options.requestsPerSecond ?? LOOKUP_REQUESTS_PER_SECOND, time);
  const pollMs = Math.max(0, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS;
  const { StartTime, EndTime } = lookupWindow(options.window, options.windowMarginMs ?? LOOKUP_WINDOW_MARGIN_MS);
  const eventSource = options.eventSource ?? INSPECTOR_EVENT_SOURCE;
  const store = new PassRecords();
  const errors: string[] = [];
  const notes: string[] = [];
  /** EventIds (or positions) of Events that carried no CloudTrailEvent. */
  const eventsWithoutRecord = new Set<string>();
  let unsupported: string | undefined;
  let requests = 0;
  let pages = 0;
  let throttled = 0;
  let passes = 0;
  /** End time (ms) of each expected call, by request id, until its record is first seen. */
  const awaited = new Map<string, number>();
  for (const c of options.calls) if (c.sentToService && c.requestId !== undefined) awaited.set(c.requestId, Date.parse(c.endedAt));
  const latenciesMs: number[] = [];
  const failures: LookupFailures = { count: 0, byCode: {}, firstAt: undefined, lastAt: undefined, advice: undefined };
  const countFailure = (f: LookupError): void => {
    const at = new Date(time.now()).toISOString();
    const code = failureLabel(f);
    failures.count++;
    failures.byCode[code] = (failures.byCode[code] ?? 0) + 1;
    failures.firstAt ??= at;
    failures.lastAt = at;
    failures.advice = f.advice;
  };

  const attempts = await attemptsOf(options.client);
  if (attempts > 1) {
    notes.push(
      `The CloudTrail client retries up to ${attempts} times on its own, so requests and throttling are undercounted and may exceed the rate: build it with createLookupClient (maxAttempts 1).`,
    );
  }

  /** Adds an error once (passes re-read the same pages). */
  const note = (message: string): void => {
    if (!errors.includes(message)) errors.push(message);
  };

  /** One page, retried on throttling and transient errors; "deadline" or "failed" when the pass must end. */
  const fetchPage = async (nextToken: string | undefined): Promise<LookupEventsCommandOutput | "deadline" | "failed"> => {
    let throttleAttempt = 0;
    let transientAttempt = 0;
    /** The deadline came: while retrying a failed request, that request failed. */
    let retrying = false;
    const atDeadline = (): "deadline" | "failed" => (retrying ? "failed" : "deadline");
    for (;;) {
      if (time.now() >= deadlineAt) return atDeadline();
      if (!(await bucket.take(deadlineAt))) return atDeadline();
      const remaining = deadlineAt - time.now();
      if (remaining <= 0) return atDeadline();
      requests++;
      let failure: LookupError;
      try {
        // Same parameters on every page: "NextToken must be resent with the same parameters" (the CloudTrail model, fixtures/models/cloudtrail-2013-11-01.service-2.json).
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
      if (failure.kind !== "throttled") countFailure(failure);
      if (failure.kind === "unsupported") {
        unsupported = `${failure.code}${failure.httpStatus !== undefined ? ` (HTTP ${failure.httpStatus})` : ""}: ${failure.message}`;
        return "failed";
      }
      if (failure.kind === "fatal" || (failure.kind === "transient" && transientAttempt >= MAX_TRANSIENT_RETRIES)) {
        note(describeLookupError(failure));
        return "failed";
      }
      retrying = true;
      let delay: number;
      if (failure.kind === "throttled") {
        throttled++;
        delay = backoffDelay(throttleAttempt++, { random: options.random });
      } else {
        delay = backoffDelay(transientAttempt++, { random: options.random });
      }
      if (time.now() + delay >= deadlineAt) {
        if (failure.kind === "transient") note(describeLookupError(failure));
        return "failed";
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
      if (page === "deadline" || page === "failed") return page;
      pages++;
      const { records, withoutRecord } = recordsOfPage(page.Events);
      for (const record of records) {
        store.add(record);
        const id = requestIdOf(record);
        const ended = id !== undefined ? awaited.get(id) : undefined;
        if (ended !== undefined) {
          latenciesMs.push(Math.max(0, time.now() - ended));
          awaited.delete(id!);
        }
      }
      for (const id of withoutRecord) eventsWithoutRecord.add(id);
      nextToken = page.NextToken;
    } while (nextToken !== undefined && nextToken !== "");
    return "done";
  };

  let join = joinByRequestId(options.calls, []);
  /** When the last pass that read every page started, and how long it took. */
  let lastComplete: { startedAt: number; ms: number } | undefined;
  for (;;) {
    if (time.now() >= deadlineAt && passes > 0) break;
    passes++;
    const passStart = time.now();
    const end = await runPass();
    if (end === "done") lastComplete = { startedAt: passStart, ms: time.now() - passStart };
    join = joinByRequestId(options.calls, store.records());
    if (options.onProgress !== undefined) {
      const latency = latencySummary(latenciesMs);
      const now = time.now();
      options.onProgress({
        pass: passes, found: join.expected - join.missing.length, expected: join.expected, requests,
        elapsedMs: now - startedAt, deadlineInMs: Math.max(0, deadlineAt - now), latency, remainingMs: remainingEstimateMs([...awaited.values()], latency, now),
      });
    }
    if (end !== "done" || join.missing.length === 0 || options.onePass === true) break;
    const remaining = deadlineAt - time.now();
    if (remaining <= 0) break;
    await time.sleep(Math.min(pollMs, remaining));
    if (time.now() >= deadlineAt) break;
  }

  if (eventsWithoutRecord.size > 0) {
    const ids = [...eventsWithoutRecord];
    notes.push(`LookupEvents returned ${ids.length} event(s) without a CloudTrailEvent (${ids.slice(0, 3).join(", ")}): the target's LookupEvents is incomplete; those records cannot be checked.`);
  }
  return {
    records: store.records(),
    duplicatesCollapsed: store.duplicatesCollapsed(),
    missing: join.missing,
    requests,
    pages,
    throttled,
    passes,
    elapsedMs: time.now() - startedAt,
    latenciesMs,
    complete: join.missing.length === 0 && unsupported === undefined,
    ...(unsupported !== undefined ? { unsupported } : {}),
    errors,
    notes,
    readAll: join.missing.length === 0 || (options.onePass === true && lastComplete !== undefined) || fresh(lastComplete, deadlineAt, pollMs),
    failures,
  };
}
