/**
 * A record as the CloudTrail service keeps it: the record plus what LookupEvents and the trail writer
 * need to find, order and serialise it without recomputing.
 */
import type { CloudTrailRecord } from "./record-types.js";
import type { LookupResource } from "./event-resources.js";

/** One stored record and its derived lookup fields. */
export interface StoredRecord {
  /** Arrival order, 1-based, strictly increasing. */
  seq: number;
  record: CloudTrailRecord;
  /** `JSON.stringify(record)`: the LookupEvents CloudTrailEvent and the trail file entry. */
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
}
