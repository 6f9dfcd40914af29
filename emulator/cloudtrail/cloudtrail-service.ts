/**
 * The CloudTrail side of the reference emulator: records every authenticated Inspector Classic call as
 * exactly one record, serves LookupEvents, and (optionally) delivers trail log files.
 */
import type { CallContext, ServiceResult } from "../core/types.js";
import { cloudtrailModel, operationOf } from "../../model/service-model.js";
import type { CompletedCall } from "./completed-call.js";
import type { CloudTrailRecord } from "./record-types.js";
import type { RulesEdition } from "./logging-mode.js";
import type { StoredRecord } from "./stored-record.js";
import { buildRecord } from "./build-record.js";
import { lookupUsernameOf } from "./user-identity.js";
import { resourcesOf } from "./event-resources.js";
import { cloudTrailError, throttlingError } from "./cloudtrail-errors.js";
import { parseLookupEventsInput } from "./lookup-events-input.js";
import { lookupEvents } from "./lookup-events.js";
import { SlidingWindowLimiter } from "./rate-limiter.js";
import { DEFAULT_TRAIL_INTERVAL_MS, TrailWriter } from "./trail-writer.js";

/** How the CloudTrail service behaves. */
export interface CloudTrailOptions {
  /** Which wording of the Inspector logging note decides the four other read-only operations; default "2020" (DESIGN.md rule 2). */
  rulesEdition?: "2020" | "2017";
  /** Default 0: a record becomes visible to LookupEvents N ms after its call ended. */
  deliveryDelayMs?: number;
  /** Default false: when true, more than 2 LookupEvents per second per account+region -> ThrottlingException. */
  throttleLookupEvents?: boolean;
  /** When set, deliver trail log files under it (`<trailDir>/AWSLogs/...`). */
  trailDir?: string;
  /** Default 60000 (DEFAULT_TRAIL_INTERVAL_MS): how often pending records are delivered as trail files. */
  trailIntervalMs?: number;
  /** Time source for visibility, throttling, lookback and delivery; default `() => new Date()`. */
  clock?: () => Date;
}

/** "limited to two per second, per account, per Region" (LookupEvents model doc). */
const LOOKUP_EVENTS_PER_SECOND = 2;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The emulator's CloudTrail: recorder, LookupEvents and trail delivery. */
export class CloudTrailService {
  private readonly entries: StoredRecord[] = [];
  private readonly plain: CloudTrailRecord[] = [];
  private readonly rulesEdition: RulesEdition;
  private readonly deliveryDelayMs: number;
  private readonly clock: () => Date;
  private readonly limiter: SlidingWindowLimiter | undefined;
  private readonly trail: TrailWriter | undefined;

  /** Creates the service; starts the trail delivery timer when `trailDir` is set. */
  constructor(options: CloudTrailOptions = {}) {
    this.rulesEdition = options.rulesEdition ?? "2020";
    this.deliveryDelayMs = options.deliveryDelayMs ?? 0;
    if (!(this.deliveryDelayMs >= 0)) throw new RangeError(`deliveryDelayMs must be >= 0; got ${options.deliveryDelayMs}`);
    this.clock = options.clock ?? (() => new Date());
    this.limiter = options.throttleLookupEvents ? new SlidingWindowLimiter(LOOKUP_EVENTS_PER_SECOND, 1000) : undefined;
    const interval = options.trailIntervalMs ?? DEFAULT_TRAIL_INTERVAL_MS;
    if (!(interval > 0)) throw new RangeError(`trailIntervalMs must be > 0; got ${options.trailIntervalMs}`);
    this.trail = options.trailDir !== undefined ? new TrailWriter(options.trailDir, interval, this.clock) : undefined;
  }

  /**
   * Builds and stores the record for one completed Inspector call; returns it (deeply frozen).
   * Throws a TypeError when `call.operation` is not an Inspector Classic operation.
   */
  record(call: CompletedCall): CloudTrailRecord {
    const record = deepFreeze(buildRecord(call, { rulesEdition: this.rulesEdition }));
    const entry: StoredRecord = {
      seq: this.entries.length + 1,
      record,
      json: JSON.stringify(record),
      account: record.recipientAccountId,
      region: record.awsRegion,
      eventTimeMs: Date.parse(record.eventTime),
      visibleAtMs: this.deliveryDelayMs > 0 ? call.endedAt.getTime() + this.deliveryDelayMs : Number.NEGATIVE_INFINITY,
      username: lookupUsernameOf(call.ctx.principal),
      resources: resourcesOf(record.requestParameters, record.responseElements),
    };
    this.entries.push(entry);
    this.plain.push(record);
    this.trail?.enqueue(entry);
    return record;
  }

  /** CloudTrail JSON 1.1 operations; only LookupEvents is implemented, anything else -> a ServiceError the lead renders. */
  call(operation: string, input: unknown, ctx: CallContext): ServiceResult {
    if (operation !== "LookupEvents") {
      if (operationOf(cloudtrailModel, operation) !== undefined) {
        return { ok: false, error: cloudTrailError("UnsupportedOperationException", `The reference emulator implements only LookupEvents of CloudTrail; ${operation} is not supported.`) };
      }
      return { ok: false, error: cloudTrailError("UnknownOperationException", `${operation} is not a CloudTrail operation.`) };
    }
    const now = this.clock().getTime();
    const account = ctx.principal.accountId;
    if (this.limiter !== undefined && !this.limiter.tryAcquire(`${account}\u0000${ctx.region}`, now)) {
      return { ok: false, error: throttlingError() };
    }
    const parsed = parseLookupEventsInput(input);
    if (!parsed.ok) return parsed;
    return lookupEvents(this.entries, parsed.query, { account, region: ctx.region, nowMs: now });
  }

  /** All records so far (for tests and the trail writer), in arrival order. */
  records(): readonly CloudTrailRecord[] {
    return this.plain;
  }

  /** Flushes pending trail files; stops timers. Loses no record (a failed delivery keeps them pending and throws). */
  async close(): Promise<void> {
    await this.trail?.close();
  }
}
