/**
 * Whether the target still answers: the run's breaker. Calls without a complete answer (outcome
 * `unknown`) are counted by cause; after `TARGET_DOWN_AFTER` of them in a row the target is taken as
 * down and the run stops executing (TargetDownError), so a dead endpoint ends the run within
 * `TARGET_DOWN_AFTER` call deadlines instead of one deadline per planned call. Collections that fail
 * (LookupEvents refused, hanging, 5xx) are counted the same way: after `COLLECTOR_DOWN_AFTER` failed
 * collections in a row the run stops too, since nothing it executes could be checked.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { ObservedCall, UnknownCause } from "../../history/observed-call.js";

/** Consecutive calls without an answer after which the target is taken as down. */
export const TARGET_DOWN_AFTER = 5;
/** Consecutive failed collections after which the run stops executing. */
export const COLLECTOR_DOWN_AFTER = 2;

/** Raised by the executor once the target is down: the run stops executing and goes on to check and report. */
export class TargetDownError extends Error {
  override name = "TargetDownError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Calls without a complete answer, by cause, with when they happened. */
export interface IndeterminateCalls {
  count: number;
  byCause: Partial<Record<UnknownCause, number>>;
  firstAt: string | undefined;
  lastAt: string | undefined;
}

/** The breaker and the tally of indeterminate calls of one run. */
export class TargetHealth {
  private inARow = 0;
  private collectionsFailedInARow = 0;
  private downReason: string | undefined;
  private downAt: string | undefined;
  private foreignAnswersAreAlive = false;
  private interruptReason: string | undefined;
  private failedFastReason: string | undefined;
  private readonly stopping = new AbortController();
  readonly indeterminate: IndeterminateCalls = { count: 0, byCause: {}, firstAt: undefined, lastAt: undefined };

  constructor(
    /** Where the target is, for messages (`http://127.0.0.1:4566`, or AWS's endpoints). */
    private readonly where: string,
    private readonly limits = { calls: TARGET_DOWN_AFTER, collections: COLLECTOR_DOWN_AFTER },
  ) {}

  /**
   * From now on an answer that is not the service's (an HTML 404 page) shows that the target is up:
   * for the survey of a target without LookupEvents, which calls every operation, and a target that
   * lacks some answers each of them that way.
   */
  surveying(): void {
    this.foreignAnswersAreAlive = true;
  }

  /** Notes one completed call. */
  observe(call: ObservedCall): void {
    if (call.outcome !== "unknown") {
      this.inARow = 0;
      return;
    }
    const cause = call.unknownCause ?? "no-answer";
    const ind = this.indeterminate;
    ind.count++;
    ind.byCause[cause] = (ind.byCause[cause] ?? 0) + 1;
    ind.firstAt ??= call.startedAt;
    ind.lastAt = call.endedAt;
    if (this.foreignAnswersAreAlive && cause === "foreign-answer") {
      this.inARow = 0;
      return;
    }
    this.inARow++;
    if (this.inARow >= this.limits.calls && this.downReason === undefined) {
      this.trip(`Inspector at ${this.where} gave no complete answer to ${this.inARow} calls in a row (the last: ${call.operation}, ${cause}: ${call.error?.message ?? "no answer"})`, call.endedAt);
    }
  }

  /** Notes whether a collection read every page it needed (`reason` says why not). */
  observeCollection(ok: boolean, reason?: string): void {
    if (ok) {
      this.collectionsFailedInARow = 0;
      return;
    }
    this.collectionsFailedInARow++;
    if (this.collectionsFailedInARow >= this.limits.collections && this.downReason === undefined) {
      this.trip(`CloudTrail LookupEvents at ${this.where} failed ${this.collectionsFailedInARow} collections in a row (${reason ?? "no answer"})`, new Date().toISOString());
    }
  }

  /** Notes that STS could not provide credentials of a kind it provided before: the target is down. Returns the error to throw. */
  stsFailed(reason: string): TargetDownError {
    if (this.downReason === undefined) this.trip(`STS at ${this.where} stopped providing credentials: ${reason}`, new Date().toISOString());
    return new TargetDownError(this.downReason ?? reason);
  }

  private trip(reason: string, at: string): void {
    this.downReason = reason;
    this.downAt = at;
  }

  /** Set once the target is taken as down: why, and when. */
  get down(): { reason: string; at: string } | undefined {
    return this.downReason === undefined ? undefined : { reason: this.downReason, at: this.downAt ?? "" };
  }

  /**
   * The run was asked to stop (SIGINT, SIGTERM): nothing more is executed, but the target is up, so
   * what the run created can still be cleaned up.
   */
  interrupt(reason: string): void {
    this.interruptReason ??= reason;
    this.stopping.abort();
  }

  /** Why the run was asked to stop, if it was. */
  get interrupted(): string | undefined {
    return this.interruptReason;
  }

  /**
   * A failure was found with --fail-fast: nothing more is executed, but the target is up, so what
   * the run created can still be cleaned up, and what it executed is checked as usual.
   */
  stopAtFailure(reason: string): void {
    this.failedFastReason ??= reason;
    this.stopping.abort();
  }

  /** Which failure stopped the run (--fail-fast), if one did. */
  get failedFast(): string | undefined {
    return this.failedFastReason;
  }

  /** Why execution stops (the target is down, the run was interrupted, or it failed with --fail-fast), if it does. */
  get halted(): string | undefined {
    return this.downReason ?? this.interruptReason ?? this.failedFastReason;
  }

  /** Waits `ms`, or less when the run is interrupted (or fails fast) meanwhile. */
  async sleep(ms: number): Promise<void> {
    if (this.stopping.signal.aborted) return;
    await delay(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  /** Throws TargetDownError once the target is down (called before each call is sent). */
  assertUp(): void {
    if (this.downReason !== undefined) throw new TargetDownError(this.downReason);
  }
}
