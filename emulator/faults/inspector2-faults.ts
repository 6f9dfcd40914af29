/**
 * Faults that act on the record of one Inspector v2 call, between building it and storing it: each
 * is a small pure function from the faithful record (a private copy) and the call's ApiEvent to the
 * records to store instead. Each changes the one field its catalogue line names.
 */
import type { ApiEvent } from "../core/api-event.js";
import type { FaultName } from "./catalogue.js";
import type { MutableRecord } from "./record-faults.js";

/** What a v2 record fault may consult besides the record. */
export interface EventFaultContext {
  event: ApiEvent;
  /** 1-based number of this v2 call in the emulator instance. */
  callNumber: number;
}

/** A v2 record fault: the records to store instead of `record`. */
export type EventFault = (record: MutableRecord, ctx: EventFaultContext) => MutableRecord[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const failed = (ctx: EventFaultContext): boolean => ctx.event.error !== undefined;
const output = (ctx: EventFaultContext): Record<string, unknown> | undefined => (failed(ctx) ? undefined : ctx.event.exchange?.output);

/** A fault that changes a record only when `applies` holds. */
const when =
  (applies: (record: MutableRecord, ctx: EventFaultContext) => boolean, change: (record: MutableRecord, ctx: EventFaultContext) => void): EventFault =>
  (record, ctx) => {
    if (applies(record, ctx)) change(record, ctx);
    return [record];
  };

/** The v2 record fault of each v2 name. */
export const INSPECTOR2_RECORD_FAULTS: Partial<Record<FaultName, EventFault>> = {
  "v2-event-name-from-http": when(
    (_, ctx) => ctx.event.exchange !== undefined,
    (r, ctx) => (r["eventName"] = `${ctx.event.exchange!.method}.${ctx.event.service}`),
  ),
  "v2-event-source-classic": when(() => true, (r) => (r["eventSource"] = "inspector.amazonaws.com")),
  "v2-read-only-from-http-method": when(
    (r, ctx) => typeof r["readOnly"] === "boolean" && ctx.event.exchange !== undefined,
    (r, ctx) => (r["readOnly"] = ctx.event.exchange!.method === "GET"),
  ),
  "v2-read-only-as-string": when(
    (r) => typeof r["readOnly"] === "boolean",
    (r) => (r["readOnly"] = String(r["readOnly"])),
  ),
  "v2-request-parameters-without-bound-members": when(
    (r, ctx) => isObject(r["requestParameters"]) && (ctx.event.exchange?.boundMembers.length ?? 0) > 0,
    (r, ctx) => {
      const params = r["requestParameters"] as Record<string, unknown>;
      for (const member of ctx.event.exchange!.boundMembers) delete params[member];
    },
  ),
  "v2-mutating-response-not-logged": when(
    (r, ctx) => !ctx.event.readOnly && !failed(ctx) && r["responseElements"] !== null,
    (r) => (r["responseElements"] = null),
  ),
  "v2-read-logs-response": when(
    (_, ctx) => ctx.event.readOnly && output(ctx) !== undefined,
    (r, ctx) => (r["responseElements"] = structuredClone(output(ctx))),
  ),
  "v2-empty-output-as-object": when(
    (_, ctx) => !ctx.event.readOnly && output(ctx) !== undefined && Object.keys(output(ctx)!).length === 0,
    (r) => (r["responseElements"] = {}),
  ),
  "v2-error-code-from-http-status": when(
    (r, ctx) => typeof r["errorCode"] === "string" && ctx.event.exchange !== undefined,
    (r, ctx) => (r["errorCode"] = String(ctx.event.exchange!.status)),
  ),
  "v2-error-message-missing": when((_, ctx) => failed(ctx), (r) => delete r["errorMessage"]),
  "v2-failed-calls-not-recorded": (r, ctx) => (failed(ctx) ? [] : [r]),
  "v2-identity-type-fixed": when(
    (r) => isObject(r["userIdentity"]),
    (r) => ((r["userIdentity"] as Record<string, unknown>)["type"] = "IAMUser"),
  ),
};
