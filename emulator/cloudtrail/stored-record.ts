/**
 * A record as the CloudTrail service keeps it: the record plus what LookupEvents and the trail writer
 * need to find, order and serialise it without recomputing.
 */
import type { LookupResource } from "./event-resources.js";

/**
 * The LookupEvents fields of a stored record, taken once from the record as stored (so a fault that
 * changes a field shows there too) and, where a fault removed or mistyped it, from the faithful record.
 */
export interface LookupIndex {
  eventId: string;
  eventName: string;
  /** "true" or "false". */
  readOnly: string;
  eventSource: string;
  accessKeyId: string;
}

/** One stored record and its derived lookup fields. */
export interface StoredRecord {
  /** Arrival order, 1-based, strictly increasing. */
  seq: number;
  /** Which service's call the record is of: the emulator's service name (`inspector`, `inspector2`, `sts`). */
  service: string;
  /**
   * The record as stored (an Inspector or an STS record; under emulator faults, possibly not well
   * formed), as JSON text only: it is the LookupEvents CloudTrailEvent and the trail file entry, and
   * one copy per record keeps a 100,000-call run's store small.
   */
  json: string;
  /** Account and region the record belongs to (recipientAccountId, awsRegion). */
  account: string;
  region: string;
  /** eventTime in epoch milliseconds (whole seconds). */
  eventTimeMs: number;
  /** From when LookupEvents may return it (epoch ms); -Infinity when there is no delivery delay. */
  visibleAtMs: number;
  /** LookupEvents `Username`. */
  username: string;
  /** LookupEvents `Resources`. */
  resources: LookupResource[];
  /** The other LookupEvents fields and lookup attributes. */
  lookup: LookupIndex;
}
