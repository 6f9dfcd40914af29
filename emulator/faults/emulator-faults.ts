/**
 * The faults active in one emulator instance, with their every-Nth counters: the single object the
 * CloudTrail service consults at its three hooks (record storing, LookupEvents, trail delivery).
 */
import { randomUUID } from "node:crypto";
import type { CompletedCall } from "../cloudtrail/completed-call.js";
import type { ApiEvent } from "../core/api-event.js";
import type { LookupEventsQuery } from "../cloudtrail/lookup-events-input.js";
import type { ServiceResult } from "../core/types.js";
import { FAULT_NAMES, parseFaultList, type FaultName } from "./catalogue.js";
import { INSPECTOR2_RECORD_FAULTS } from "./inspector2-faults.js";
import { LOOKUP_FAULTS } from "./lookup-faults.js";
import { RECORD_FAULTS, type MutableRecord, type RecordFaultContext } from "./record-faults.js";
import { renderTrailBody, TRAIL_FAULTS, type TrailBodyRenderer } from "./trail-faults.js";

// Every catalogue name has exactly one implementation, at one hook.
for (const name of FAULT_NAMES) {
  const hooks = [RECORD_FAULTS, INSPECTOR2_RECORD_FAULTS, LOOKUP_FAULTS, TRAIL_FAULTS].filter((table) => table[name] !== undefined).length;
  if (hooks !== 1) throw new Error(`[emulator/faults] fault ${name} is implemented at ${hooks} hooks; expected exactly 1`);
}

/** What faults may need from the rest of the emulator. */
export interface FaultEnvironment {
  /** Every access key id of the account directory (for `other-access-key`). */
  accessKeyIds?: () => readonly string[];
  /** Fresh ids; random UUIDs by default. */
  newId?: () => string;
}

/** A different, well-formed key id when the directory offers no other: the last character changed. */
function alteredKey(current: string): string {
  const last = current.slice(-1);
  return `${current.slice(0, -1)}${last === "A" ? "B" : "A"}`;
}

/**
 * Applies `faults` in order to a private copy of `record`; each maps a record to the records to
 * store instead. A fault that throws leaves its input unchanged.
 */
function applyFaults<C>(record: object, faults: readonly ((r: MutableRecord, ctx: C) => MutableRecord[])[], ctx: C): MutableRecord[] {
  let records: MutableRecord[] = [structuredClone(record) as MutableRecord];
  for (const fault of faults) {
    records = records.flatMap((r) => {
      try {
        return fault(r, ctx);
      } catch {
        return [r];
      }
    });
  }
  return records;
}

/** The active faults of one emulator instance. Never throws from a hook: a fault that fails leaves its input unchanged. */
export class EmulatorFaults {
  /** The active fault names, in catalogue order. */
  readonly names: readonly FaultName[];
  private readonly active: ReadonlySet<FaultName>;
  private readonly env: FaultEnvironment;
  private calls = 0;
  private v2Calls = 0;
  private lastEventId: string | undefined;

  /**
   * @param faults names or `name,name` text; validated with parseFaultList.
   * @throws FaultListError for a name not in the catalogue.
   */
  constructor(faults: string | readonly string[] = [], env: FaultEnvironment = {}) {
    this.active = new Set(parseFaultList(faults));
    this.names = FAULT_NAMES.filter((n) => this.active.has(n));
    this.env = env;
  }

  /** True when no fault is active. */
  get none(): boolean {
    return this.names.length === 0;
  }

  /**
   * The records to store for one Inspector Classic call, given its faithful record: `[record]` itself when no
   * Classic record fault is active, otherwise changed copies (possibly none, possibly two). Counts the call.
   */
  applyToRecord(record: object, call: CompletedCall): MutableRecord[] {
    this.calls += 1;
    const faults = this.names.map((n) => RECORD_FAULTS[n]).filter((f) => f !== undefined);
    let records: MutableRecord[] = [record as MutableRecord];
    if (faults.length > 0) {
      const ctx: RecordFaultContext = {
        call,
        callNumber: this.calls,
        previousEventId: this.lastEventId,
        otherAccessKeyId: (current) => this.env.accessKeyIds?.().find((k) => k !== current) ?? alteredKey(current),
        newId: this.env.newId ?? randomUUID,
      };
      records = applyFaults(record, faults, ctx);
    }
    const lastId = records.at(-1)?.["eventID"];
    if (typeof lastId === "string") this.lastEventId = lastId;
    return records;
  }

  /**
   * The records to store for one Inspector v2 call, given its faithful record and its event:
   * `[record]` itself when no v2 fault is active, otherwise changed copies (possibly none). Counts
   * the call (v2 calls have their own count; Classic's every-Nth faults never see them).
   */
  applyToEvent(record: object, event: ApiEvent): MutableRecord[] {
    this.v2Calls += 1;
    const faults = this.names.map((n) => INSPECTOR2_RECORD_FAULTS[n]).filter((f) => f !== undefined);
    if (faults.length === 0) return [record as MutableRecord];
    return applyFaults(record, faults, { event, callNumber: this.v2Calls });
  }

  /** The LookupEvents query as the active faults run it. */
  lookupQuery(query: LookupEventsQuery): LookupEventsQuery {
    let q = query;
    for (const n of this.names) q = LOOKUP_FAULTS[n]?.query?.(q) ?? q;
    return q;
  }

  /** The LookupEvents answer as the active faults return it. */
  lookupResult(query: LookupEventsQuery, result: ServiceResult): ServiceResult {
    let r = result;
    for (const n of this.names) r = LOOKUP_FAULTS[n]?.result?.(query, r) ?? r;
    return r;
  }

  /** How trail file bodies are written under the active faults. */
  get trailBody(): TrailBodyRenderer {
    const fault = this.names.map((n) => TRAIL_FAULTS[n]).find((f) => f !== undefined);
    return fault ?? renderTrailBody;
  }
}
