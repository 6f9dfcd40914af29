/**
 * Faults that act on the record of one Inspector call, between building it and storing it: each is a
 * small pure function from the faithful record (a private copy) to the records to store instead
 * (none, the changed one, or two).
 */
import { INSPECTOR_OPERATIONS, inspectorModel, operationOf } from "../../model/service-model.js";
import type { CompletedCall } from "../cloudtrail/completed-call.js";
import { OPERATION_CLASSES } from "../cloudtrail/logging-mode.js";
import type { FaultName } from "./catalogue.js";

/** A record as faults see it: a mutable JSON object (fields may be missing or mistyped afterwards). */
export type MutableRecord = Record<string, unknown>;

/** What a record fault may consult besides the record. */
export interface RecordFaultContext {
  call: CompletedCall;
  /** 1-based number of this Inspector call in the emulator instance (the every-Nth counter). */
  callNumber: number;
  /** eventID of the record stored last (for the previous call), if any. */
  previousEventId: string | undefined;
  /** An access key id of the account directory other than `current`. */
  otherAccessKeyId(current: string): string;
  /** A fresh UUID (eventIDs, requestIDs). */
  newId(): string;
}

/** A record fault: the records to store instead of `record`. */
export type RecordFault = (record: MutableRecord, ctx: RecordFaultContext) => MutableRecord[];

/** A fault that drops one top-level field of every record. */
const dropField =
  (field: string): RecordFault =>
  (record) => {
    delete record[field];
    return [record];
  };

/** A fault that changes a record only when `applies` holds. */
const when =
  (applies: (record: MutableRecord, ctx: RecordFaultContext) => boolean, change: (record: MutableRecord, ctx: RecordFaultContext) => void): RecordFault =>
  (record, ctx) => {
    if (applies(record, ctx)) change(record, ctx);
    return [record];
  };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const succeeded = (_: MutableRecord, ctx: RecordFaultContext): boolean => ctx.call.result.ok;
const failed = (_: MutableRecord, ctx: RecordFaultContext): boolean => !ctx.call.result.ok;
const principalIs = (kind: string) => (_: MutableRecord, ctx: RecordFaultContext) => ctx.call.ctx.principal.kind === kind;
const identityOf = (record: MutableRecord): Record<string, unknown> | undefined => (isObject(record["userIdentity"]) ? record["userIdentity"] : undefined);

/** The 9 operations whose model has no output shape (they answer `{}`). */
const hasNoOutput = (operation: string): boolean => operationOf(inspectorModel, operation)?.output === undefined;

/** `assessmentTargetArn` -> `assessment_target_arn`, on every key at every depth. */
function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeCaseKeys(v)]));
}

/** Changes the first leaf value (depth first) inside `container`; false when it holds no leaf. */
function changeFirstLeaf(container: Record<string, unknown> | unknown[]): boolean {
  const entries: [string | number, unknown][] = Array.isArray(container) ? container.map((v, i) => [i, v]) : Object.entries(container);
  for (const [key, v] of entries) {
    const set = (nv: unknown) => ((container as Record<string | number, unknown>)[key] = nv);
    if (typeof v === "string") return set(`${v}-changed`), true;
    if (typeof v === "number") return set(v + 1), true;
    if (typeof v === "boolean") return set(!v), true;
    if ((isObject(v) || Array.isArray(v)) && changeFirstLeaf(v)) return true;
  }
  return false;
}

/** `2026-11-25T08:00:00Z` -> `2026-11-25T09:00:00+01:00`: the same instant, written in UTC+1 local time. */
function toLocalPlusOne(eventTime: string): string {
  const ms = Date.parse(eventTime);
  if (Number.isNaN(ms)) return eventTime;
  return `${new Date(ms + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "")}+01:00`;
}

/** The record fault of each record-level name. */
export const RECORD_FAULTS: Partial<Record<FaultName, RecordFault>> = {
  // logging
  "describe-logs-response": when(
    (r, ctx) => succeeded(r, ctx) && OPERATION_CLASSES.get(ctx.call.operation) === "listDescribe",
    (r, ctx) => {
      if (ctx.call.result.ok) r["responseElements"] = structuredClone(ctx.call.result.output);
    },
  ),
  "mutating-response-null": when(
    (r, ctx) => succeeded(r, ctx) && OPERATION_CLASSES.get(ctx.call.operation) === "mutating" && !hasNoOutput(ctx.call.operation),
    (r) => (r["responseElements"] = null),
  ),
  "list-response-empty-object": when(
    (r, ctx) => succeeded(r, ctx) && ctx.call.operation.startsWith("List"),
    (r) => (r["responseElements"] = {}),
  ),
  "empty-output-as-object": when(
    (r, ctx) => succeeded(r, ctx) && hasNoOutput(ctx.call.operation),
    (r) => (r["responseElements"] = {}),
  ),
  // identity
  "assumed-role-as-iam-user": when(principalIs("AssumedRole"), (r) => {
    const id = identityOf(r);
    if (id) id["type"] = "IAMUser";
  }),
  "assumed-role-without-session-context": when(principalIs("AssumedRole"), (r) => {
    delete identityOf(r)?.["sessionContext"];
  }),
  "other-access-key": (r, ctx) => {
    const id = identityOf(r);
    if (id) id["accessKeyId"] = ctx.otherAccessKeyId(String(id["accessKeyId"]));
    return [r];
  },
  "federated-user-without-issuer": when(principalIs("FederatedUser"), (r) => {
    const session = identityOf(r)?.["sessionContext"];
    if (isObject(session)) delete session["sessionIssuer"];
  }),
  "root-with-user-name": when(principalIs("Root"), (r) => {
    const id = identityOf(r);
    if (id) id["userName"] = "root";
  }),
  // shape
  "drop-eventVersion": dropField("eventVersion"),
  "drop-eventTime": dropField("eventTime"),
  "drop-eventSource": dropField("eventSource"),
  "drop-eventName": dropField("eventName"),
  "drop-awsRegion": dropField("awsRegion"),
  "drop-sourceIPAddress": dropField("sourceIPAddress"),
  "drop-requestID": dropField("requestID"),
  "drop-eventID": dropField("eventID"),
  "drop-eventType": dropField("eventType"),
  "drop-recipientAccountId": dropField("recipientAccountId"),
  "drop-userIdentity": dropField("userIdentity"),
  // correlated
  "event-source-misspelled": when(() => true, (r) => (r["eventSource"] = "inspector.amazonaw.com")),
  "event-name-of-other-operation": when(() => true, (r, ctx) => {
    const i = INSPECTOR_OPERATIONS.indexOf(ctx.call.operation);
    r["eventName"] = INSPECTOR_OPERATIONS[(i + 1) % INSPECTOR_OPERATIONS.length];
  }),
  "region-fixed-us-east-1": when(() => true, (r) => (r["awsRegion"] = "us-east-1")),
  "request-id-mismatch": when(() => true, (r, ctx) => (r["requestID"] = ctx.newId())),
  "duplicate-event-id": when(
    (_, ctx) => ctx.callNumber % 2 === 0 && ctx.previousEventId !== undefined,
    (r, ctx) => (r["eventID"] = ctx.previousEventId),
  ),
  "event-time-local": when(
    (r) => typeof r["eventTime"] === "string",
    (r) => (r["eventTime"] = toLocalPlusOne(r["eventTime"] as string)),
  ),
  "event-time-outside-call": when(
    (r) => typeof r["eventTime"] === "string" && !Number.isNaN(Date.parse(r["eventTime"])),
    (r) => (r["eventTime"] = new Date(Date.parse(r["eventTime"] as string) - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z")),
  ),
  "read-only-as-string": when(
    (r) => typeof r["readOnly"] === "boolean",
    (r) => (r["readOnly"] = String(r["readOnly"])),
  ),
  "read-only-wrong": when(
    (r) => typeof r["readOnly"] === "boolean",
    (r) => (r["readOnly"] = !r["readOnly"]),
  ),
  // error
  "failed-calls-not-recorded": (r, ctx) => (failed(r, ctx) ? [] : [r]),
  "error-code-missing": when(failed, (r) => delete r["errorCode"]),
  "error-message-empty": when(failed, (r) => (r["errorMessage"] = "")),
  // echo
  "request-parameters-missing-member": when(
    (r) => isObject(r["requestParameters"]) && Object.keys(r["requestParameters"]).length > 0,
    (r) => {
      const params = r["requestParameters"] as Record<string, unknown>;
      delete params[Object.keys(params)[0]!];
    },
  ),
  "request-parameters-renamed-keys": when(
    (r) => isObject(r["requestParameters"]),
    (r) => (r["requestParameters"] = snakeCaseKeys(r["requestParameters"])),
  ),
  "response-elements-nested-value": when(
    (r) => isObject(r["responseElements"]),
    (r) => changeFirstLeaf(r["responseElements"] as Record<string, unknown>),
  ),
  // completeness
  "drop-one-in-50": (r, ctx) => (ctx.callNumber % 50 === 0 ? [] : [r]),
  "extra-record-without-call": (r, ctx) => {
    if (ctx.callNumber % 25 !== 0) return [r];
    const copy = structuredClone(r);
    copy["eventID"] = ctx.newId();
    copy["requestID"] = ctx.newId();
    return [r, copy];
  },
};
