/**
 * The CloudTrail side of the reference emulator: records every authenticated Inspector call (Classic
 * and v2) as exactly one record (and STS AssumeRole / GetFederationToken calls as `sts.amazonaws.com`
 * records), serves LookupEvents, and (optionally) delivers trail log files. The recorder is told each
 * call's eventSource, eventName, readOnly, requestParameters, responseElements and error by the
 * service's own rule table (an ApiEvent; Classic's through classic-event.ts) and knows nothing else
 * about either service. Emulator faults, when enabled, act at its three hooks: storing an Inspector
 * record, answering LookupEvents, writing a trail file.
 */
import type { ApiEvent } from "../core/api-event.js";
import type { CallContext, ServiceResult } from "../core/types.js";
import { cloudtrailModel, operationOf } from "../../model/service-model.js";
import type { CompletedCall } from "./completed-call.js";
import type { CloudTrailRecord } from "./record-types.js";
import type { RulesEdition } from "./logging-mode.js";
import type { StoredRecord } from "./stored-record.js";
import { buildEventRecord, buildRecord } from "./build-record.js";
import { lookupUsernameOf } from "./user-identity.js";
import { resourcesOf } from "./event-resources.js";
import { cloudTrailError, throttlingError } from "./cloudtrail-errors.js";
import { parseLookupEventsInput } from "./lookup-events-input.js";
import { LookupMatchCache, lookupEvents } from "./lookup-events.js";
import { SlidingWindowLimiter } from "../core/rate-limiter.js";
import { DEFAULT_TRAIL_INTERVAL_MS, TrailWriter } from "./trail-writer.js";
import type { StsCall } from "./sts-call.js";
import { parseStsOutcome } from "./sts-response.js";
import { buildStsRecord, RECORDED_STS_ACTIONS, type StsRecord } from "./sts-record.js";
import type { LookupIndex } from "./stored-record.js";
import type { LookupResource } from "./event-resources.js";
import { EmulatorFaults } from "../faults/emulator-faults.js";

/** How the CloudTrail service behaves. */
export interface CloudTrailOptions {
  /** Which wording of the Inspector logging note decides the four other read-only operations; default "2020" (docs/decisions.md 1). */
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
  /**
   * Emulator faults to enable (names of emulator/faults/catalogue.ts FAULTS); default none.
   * Unknown names throw a FaultListError listing the valid ones.
   */
  faults?: readonly string[];
  /** Every access key id of the account directory: the `other-access-key` fault picks one of these. */
  accessKeyIds?: () => readonly string[];
}

/** "limited to two per second, per account, per Region" (LookupEvents model doc). */
const LOOKUP_EVENTS_PER_SECOND = 2;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const stringOr = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);

/** LookupEvents fields of `stored`, falling back to `faithful` where a fault removed or mistyped one. */
function lookupIndexOf(stored: Record<string, unknown>, faithful: CloudTrailRecord | StsRecord): LookupIndex {
  const identity = isObject(stored["userIdentity"]) ? stored["userIdentity"] : {};
  const readOnly = stored["readOnly"];
  return {
    eventId: stringOr(stored["eventID"], faithful.eventID),
    eventName: stringOr(stored["eventName"], faithful.eventName),
    readOnly: typeof readOnly === "boolean" || readOnly === "true" || readOnly === "false" ? String(readOnly) : String(faithful.readOnly),
    eventSource: stringOr(stored["eventSource"], faithful.eventSource),
    accessKeyId: stringOr(identity["accessKeyId"], faithful.userIdentity.accessKeyId),
  };
}

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
  /** Later pages of a LookupEvents query reuse its first page's match. */
  private readonly lookupMatches = new LookupMatchCache();
  private readonly faults: EmulatorFaults;
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
    this.faults = new EmulatorFaults(options.faults ?? [], options.accessKeyIds !== undefined ? { accessKeyIds: options.accessKeyIds } : {});
    this.trail = options.trailDir !== undefined ? new TrailWriter(options.trailDir, interval, this.clock, this.faults.trailBody) : undefined;
  }

  /** The emulator faults enabled on this service, in catalogue order (empty for a faithful emulator). */
  get activeFaults(): readonly string[] {
    return this.faults.names;
  }

  /**
   * Builds and stores the record for one completed Inspector call; returns it (deeply frozen).
   * Under emulator faults the stored records may differ from the returned faithful one (changed,
   * none, or two); the first stored one is returned when there is one.
   * Throws a TypeError when `call.operation` is not an Inspector Classic operation.
   */
  record(call: CompletedCall): CloudTrailRecord {
    // Classic's rule table describes the call (classic-event.ts); Classic faults act on the result.
    const faithful = deepFreeze(buildRecord(call, { rulesEdition: this.rulesEdition }));
    const stored = this.faults.applyToRecord(faithful, call).map((r) => deepFreeze(r as unknown as CloudTrailRecord));
    for (const record of stored) {
      const r = record as unknown as Record<string, unknown>;
      this.store(record, faithful, call.endedAt, call.ctx, resourcesOf(r["requestParameters"], r["responseElements"]), "inspector");
    }
    return stored[0] ?? faithful;
  }

  /**
   * Builds and stores the record of one call a service described itself (Inspector v2); returns it
   * (deeply frozen). Under the v2 emulator faults the stored records may differ from the returned
   * faithful one (changed, or none); the first stored one is returned when there is one.
   */
  recordEvent(event: ApiEvent): CloudTrailRecord {
    const faithful = deepFreeze(buildEventRecord(event));
    const stored = this.faults.applyToEvent(faithful, event).map((r) => deepFreeze(r as unknown as CloudTrailRecord));
    for (const record of stored) {
      const r = record as unknown as Record<string, unknown>;
      this.store(record, faithful, event.endedAt, event.ctx, resourcesOf(r["requestParameters"], r["responseElements"]), event.service);
    }
    return stored[0] ?? faithful;
  }

  /**
   * Records one STS call as an `sts.amazonaws.com` event when it is an AssumeRole or GetFederationToken
   * that succeeded or failed in the action itself (not an unknown Action or Version); returns the
   * record, or undefined when nothing is recorded. Emulator faults do not touch STS records.
   */
  recordSts(call: StsCall): StsRecord | undefined {
    const action = call.form.get("Action") ?? "";
    if (!RECORDED_STS_ACTIONS.has(action)) return undefined;
    const outcome = parseStsOutcome(action, call.response.body);
    if (outcome === undefined || (!outcome.ok && (outcome.errorCode === "InvalidAction" || outcome.errorCode === "MissingAction"))) return undefined;
    const record = deepFreeze(buildStsRecord(call, action, outcome));
    const resources: LookupResource[] = (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN }));
    this.store(record, record, call.endedAt, call.ctx, resources, "sts");
    return record;
  }

  private store(
    record: CloudTrailRecord | StsRecord,
    faithful: CloudTrailRecord | StsRecord,
    endedAt: Date,
    ctx: CallContext,
    resources: LookupResource[],
    service: StoredRecord["service"],
  ): void {
    const r = record as unknown as Record<string, unknown>;
    const eventTimeMs = typeof r["eventTime"] === "string" ? Date.parse(r["eventTime"]) : Number.NaN;
    // The call's account and region partition the store (where CloudTrail received the event), so a
    // fault in recipientAccountId or awsRegion shows in the record rather than hiding it.
    const entry: StoredRecord = {
      seq: this.entries.length + 1,
      service,
      json: JSON.stringify(record),
      account: faithful.recipientAccountId,
      region: faithful.awsRegion,
      eventTimeMs: Number.isNaN(eventTimeMs) ? Date.parse(faithful.eventTime) : eventTimeMs,
      visibleAtMs: this.deliveryDelayMs > 0 ? endedAt.getTime() + this.deliveryDelayMs : Number.NEGATIVE_INFINITY,
      username: lookupUsernameOf(ctx.principal),
      resources,
      lookup: lookupIndexOf(r, faithful),
    };
    this.entries.push(entry);
    // Trail files hold the Inspector records (Classic and v2), as the emulator's trail contract has
    // been (tests/emulator/e2e/trail-files.test.ts); on AWS a trail would deliver the STS events too.
    if (service !== "sts") this.trail?.enqueue(entry);
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
    const query = this.faults.lookupQuery(parsed.query);
    return this.faults.lookupResult(query, lookupEvents(this.entries, query, { account, region: ctx.region, nowMs: now }, this.lookupMatches));
  }

  /**
   * All Inspector records so far (for tests), Classic and v2, in arrival order, as stored (under
   * faults, possibly ill-formed); parsed anew on each call. `service` keeps one service's records
   * (`inspector` or `inspector2`).
   */
  records(service?: "inspector" | "inspector2"): readonly CloudTrailRecord[] {
    return this.entries
      .filter((e) => (service === undefined ? e.service !== "sts" : e.service === service))
      .map((e) => JSON.parse(e.json) as CloudTrailRecord);
  }

  /** All STS records so far (AssumeRole, GetFederationToken), in arrival order; parsed anew on each call. */
  stsRecords(): readonly StsRecord[] {
    return this.entries.filter((e) => e.service === "sts").map((e) => JSON.parse(e.json) as StsRecord);
  }

  /** Flushes pending trail files; stops timers. Loses no record (a failed delivery keeps them pending and throws). */
  async close(): Promise<void> {
    await this.trail?.close();
  }
}
