/**
 * Which collected records belong to which service's check, when one file holds the records of a run
 * of several services (a re-check): a record goes to the service of the call whose requestID it
 * carries; a record no call claims goes to the service whose eventSource it names, and one that names
 * neither (a misspelled eventSource) to the first service, so that it is judged once.
 */
import type { ObservedCall } from "../../history/observed-call.js";
import { recordField, serviceOfEventSource } from "../../oracles/index.js";
import type { ServiceId } from "../../model/services.js";

/** The records of each service, in the order of `services`. */
export function splitByService(
  records: readonly unknown[],
  calls: readonly ObservedCall[],
  services: readonly { id: ServiceId; eventSource: string }[],
): Map<ServiceId, unknown[]> {
  const byRequestId = new Map<string, ServiceId>();
  for (const c of calls) if (c.requestId !== undefined) byRequestId.set(c.requestId, c.service);
  const out = new Map<ServiceId, unknown[]>(services.map((s) => [s.id, []]));
  for (const record of records) {
    const requestId = recordField(record, "requestID");
    const source = recordField(record, "eventSource");
    const owner =
      (typeof requestId === "string" ? byRequestId.get(requestId) : undefined) ??
      services.find((s) => s.eventSource === source)?.id ??
      services[0]?.id;
    if (owner !== undefined) out.get(owner)?.push(record);
  }
  return out;
}

/**
 * Whether `record`, from a source that holds every service's records (trail files), is for the check
 * of the service whose eventSource is `eventSource`: it carries the request id of one of its calls,
 * or no such id and an eventSource that is not another service's (a misspelled one included).
 */
export function isForService(record: unknown, requestIds: ReadonlySet<string>, eventSource: string): boolean {
  const requestId = recordField(record, "requestID");
  if (typeof requestId === "string" && requestIds.has(requestId)) return true;
  const source = recordField(record, "eventSource");
  return serviceOfEventSource(source) === undefined || source === eventSource;
}
