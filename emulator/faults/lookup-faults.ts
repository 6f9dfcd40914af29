/**
 * Faults that act on LookupEvents: on the validated query before it runs, or on its answer. They
 * apply to every event source (the query does not know which records it will meet).
 */
import type { LookupEventsQuery } from "../cloudtrail/lookup-events-input.js";
import type { ServiceResult } from "../core/types.js";
import type { FaultName } from "./catalogue.js";

/** A LookupEvents fault: rewrites the query, the answer, or both. */
export interface LookupFault {
  query?(query: LookupEventsQuery): LookupEventsQuery;
  result?(query: LookupEventsQuery, result: ServiceResult): ServiceResult;
}

/** The LookupEvents fault of each lookup-level name. */
export const LOOKUP_FAULTS: Partial<Record<FaultName, LookupFault>> = {
  "lookup-ignores-event-source": {
    query: (query) => {
      if (query.attribute?.key !== "EventSource") return query;
      const { attribute: _ignored, ...rest } = query;
      return rest;
    },
  },
  "lookup-drops-last-page": {
    // The last page of a paginated query: it was asked for with a NextToken and hands none back.
    // A first page without NextToken is a one-page result and stays as it is.
    result: (query, result) =>
      result.ok && query.nextToken !== undefined && result.output["NextToken"] === undefined
        ? { ok: true, output: { ...result.output, Events: [] } }
        : result,
  },
};
