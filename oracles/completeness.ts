/**
 * Rule 6, completeness: each call that reached the service has exactly one record; re-deliveries
 * (same eventID) are collapsed and counted; no record from the run's principals lacks a call; a call
 * the SDK rejected before sending has none, since nothing reached AWS (docs/rules.md
 * rule 6; eventID in AWS's "CloudTrail record contents for management, data, and network activity events",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html;
 * duplicates in "Finding your CloudTrail log files").
 * Records are joined to calls by requestID. A call without a request id (unsent, or no answer) is
 * joined, when possible, by eventName + accessKeyId + the call's time window (the near match),
 * preferring a record whose requestParameters equal the request as sent.
 *
 * A record's eventSource tells its service (oracles/services): a call never claims a record whose
 * eventSource is another service's, by requestID or by near match, so a Classic ListTagsForResource
 * call and a v2 ListTagsForResource record of the same caller and second stay apart. A record whose
 * eventSource is no service's (a misspelling) is still claimed by the call whose requestID it
 * carries, and the correlated rule reports its eventSource; a near match needs the call's own
 * eventSource.
 *
 * Calls whose outcome is unknown (docs/targets.md, "When the target misbehaves") may or may not have reached the
 * service: a missing record is advisory (completeness.unknown_call_without_record), and a record that
 * no call claims but that such a call could have made (same operation and caller, inside its window)
 * is advisory too (completeness.record_of_unknown_call), as is one that a call in flight when the
 * run was killed could have made (`ctx.interrupted`). Calls whose records could not be read
 * (`ctx.uncollected`: the collector failed) get no completeness finding at all: they are unknown.
 */
import { finding, type Finding } from "./finding.js";
import { firstJsonDifference } from "./json-diff.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { OracleContext } from "./context.js";
import { readRecord, valueAt, type RecordObject } from "./record-input.js";
import { eventSourceOf, serviceOfEventSource } from "./services/index.js";
import type { ServiceId } from "../model/services.js";

/** Outcome of the completeness check. */
export interface CompletenessResult {
  findings: Finding[];
  /** The record joined to each call, by call seq. */
  matched: Map<number, RecordObject>;
  /** How many re-delivered copies (same eventID, same requestID) were collapsed. */
  duplicatesCollapsed: number;
  /** Records that belong neither to the run's principals nor to any call (other activity in the account). */
  ignored: number;
  /** Seqs of calls without a record whose records could not be read (ctx.uncollected): not judged. */
  uncollected: number[];
}

interface Event {
  index: number;
  record: RecordObject;
  consumed: boolean;
}

const callPath = (call: ObservedCall): string => `calls[seq=${call.seq}]`;
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Parses records and collapses re-deliveries; flags one eventID on different requestIDs. */
function collapse(records: readonly unknown[], findings: Finding[]): { events: Event[]; collapsed: number } {
  const events: Event[] = [];
  const byEventId = new Map<string, Event[]>();
  let collapsed = 0;
  records.forEach((input, index) => {
    const parsed = readRecord(input, `records[${index}]`);
    if (!parsed.ok) {
      findings.push(parsed.finding);
      return;
    }
    const record = parsed.record;
    const eventId = str(record["eventID"]);
    const same = eventId !== undefined ? (byEventId.get(eventId) ?? []) : [];
    const copyOf = same.find((e) => e.record["requestID"] === record["requestID"]);
    if (copyOf) {
      collapsed++;
      findings.push(finding("completeness.duplicate_delivery", `records[${index}]`, `one copy of eventID ${eventId}`, `copy of records[${copyOf.index}]`));
      return;
    }
    if (same.length > 0) {
      findings.push(finding("correlated.event_id_duplicate", `records[${index}].eventID`, "an eventID not used by another request", { eventID: eventId, alsoIn: same.map((e) => `records[${e.index}]`) }));
    }
    const event = { index, record, consumed: false };
    events.push(event);
    if (eventId !== undefined) byEventId.set(eventId, [...same, event]);
  });
  return { events, collapsed };
}

/** True when the record's eventTime could be `call`'s: within its start (to the second) and end, widened by the skew. */
export function inWindow(call: Pick<ObservedCall, "startedAt" | "endedAt">, record: RecordObject, skewMs: number): boolean {
  const t = Date.parse(String(record["eventTime"]));
  return !Number.isNaN(t) && t >= Math.floor((Date.parse(call.startedAt) - skewMs) / 1000) * 1000 && t <= Date.parse(call.endedAt) + skewMs;
}

/** True unless `record`'s eventSource is that of another service than `service`. */
function claimable(service: ServiceId, record: RecordObject): boolean {
  const of = serviceOfEventSource(record["eventSource"]);
  return of === undefined || of === service;
}

/** True when `record`'s eventSource is `service`'s own. */
function ofService(service: ServiceId, record: RecordObject): boolean {
  return serviceOfEventSource(record["eventSource"]) === service;
}

/** Among `candidates`, the one whose requestParameters equal the call's request, else the first. */
function nearest(call: ObservedCall, candidates: readonly Event[]): Event | undefined {
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((e) => firstJsonDifference(call.request, e.record["requestParameters"]) === undefined) ?? candidates[0];
}

/** A call that may have been logged without the client seeing its answer: an unknown call, or one in flight when the run was killed. */
interface UncertainCall {
  service: ServiceId;
  operation: string;
  startedAt: string;
  /** When it ended (unknown call) or would have given up (its deadline, for an interrupted call). */
  endedAt: string;
  identity: { accessKeyId: string };
  path: string;
}

/** True when an uncertain call could have made `record`: same service, operation and access key, eventTime within its window (with the skew). */
function couldBeOf(call: UncertainCall, record: RecordObject, skewMs: number): boolean {
  return ofService(call.service, record) && record["eventName"] === call.operation && valueAt(record, "userIdentity.accessKeyId") === call.identity.accessKeyId && inWindow(call, record, skewMs);
}

/** Joins calls to records and reports missing, duplicate, extra and forbidden records. */
export function checkCompleteness(calls: readonly ObservedCall[], records: readonly unknown[], ctx: OracleContext): CompletenessResult {
  const findings: Finding[] = [];
  const matched = new Map<number, RecordObject>();
  const { events, collapsed } = collapse(records, findings);

  const byRequestId = new Map<string, Event[]>();
  for (const e of events) {
    const id = str(e.record["requestID"]);
    if (id !== undefined) byRequestId.set(id, [...(byRequestId.get(id) ?? []), e]);
  }

  const unjoined: ObservedCall[] = [];
  const missingById: ObservedCall[] = [];
  const uncollected: number[] = [];
  const notRead = (call: ObservedCall): boolean => ctx.uncollected?.has(call.seq) === true;
  for (const call of calls) {
    // A request id names one request: its record is the call's whatever service its eventSource
    // names (a wrong eventSource is the correlated rule's finding). Only the near matches below,
    // which guess, keep to records of the call's own service.
    const found = call.requestId !== undefined ? (byRequestId.get(call.requestId) ?? []) : [];
    found.forEach((e) => (e.consumed = true));
    if (!call.sentToService) {
      for (const e of found) findings.push(finding("completeness.record_for_unsent_call", callPath(call), "no record", `records[${e.index}]`));
      if (found.length === 0) unjoined.push(call);
      continue;
    }
    if (found.length === 0) {
      // Its record may be on a page that could not be read: neither missing nor near-matched.
      if (call.requestId !== undefined && notRead(call)) uncollected.push(call.seq);
      else if (call.requestId === undefined || call.outcome === "unknown") unjoined.push(call);
      else missingById.push(call);
      continue;
    }
    if (found.length > 1) {
      findings.push(finding("completeness.duplicate_record", callPath(call), "one record", found.map((e) => ({ record: `records[${e.index}]`, eventID: e.record["eventID"] }))));
    }
    matched.set(call.seq, found[0]!.record);
  }

  const runKeys = new Set([...calls.map((c) => c.identity.accessKeyId), ...(ctx.runAccessKeys ?? [])]);
  // The run's records: those of the collection's eventSource and of every checked call's service.
  const runSources = new Set<unknown>([ctx.eventSource, ...calls.map((c) => eventSourceOf(c.service))]);
  const ofRun = (r: RecordObject): boolean =>
    runSources.has(r["eventSource"]) && runKeys.has(String(valueAt(r, "userIdentity.accessKeyId")));

  // A call whose requestID no record carries: a record of the same operation, caller and time that
  // no call claims is its record with a wrong requestID (rule 5), not a missing one (rule 6).
  for (const call of missingById) {
    const e = nearest(call, events.filter(
      (ev) => !ev.consumed && claimable(call.service, ev.record) && ev.record["eventName"] === call.operation &&
        valueAt(ev.record, "userIdentity.accessKeyId") === call.identity.accessKeyId && inWindow(call, ev.record, ctx.clockSkewMs),
    ));
    if (e === undefined) {
      findings.push(finding("completeness.missing_record", callPath(call), `one record with requestID ${call.requestId}`, "none"));
      continue;
    }
    e.consumed = true;
    matched.set(call.seq, e.record);
    findings.push(finding("correlated.request_id", `${callPath(call)}.requestID`, call.requestId, e.record["requestID"]));
  }

  // Calls without a request id, and unknown calls whose request id no record carries: the near match.
  for (const call of unjoined) {
    const e = nearest(call, events.filter(
      (ev) => !ev.consumed && ofRun(ev.record) && ofService(call.service, ev.record) && ev.record["eventName"] === call.operation &&
        valueAt(ev.record, "userIdentity.accessKeyId") === call.identity.accessKeyId && inWindow(call, ev.record, ctx.clockSkewMs),
    ));
    if (e) e.consumed = true;
    if (!call.sentToService) {
      if (e) findings.push(finding("completeness.record_for_unsent_call", callPath(call), "no record", `records[${e.index}]`));
    } else if (e) {
      matched.set(call.seq, e.record);
    } else if (notRead(call)) {
      uncollected.push(call.seq);
    } else if (call.outcome === "unknown") {
      findings.push(finding("completeness.unknown_call_without_record", callPath(call), "a record if the call reached the service", `none (${call.unknownCause ?? "no answer"})`));
    } else {
      findings.push(finding("completeness.missing_record", callPath(call), "one record", "none (no request id to join by)"));
    }
  }

  const unknownCalls: UncertainCall[] = [
    ...calls.filter((c) => c.outcome === "unknown" && c.sentToService).map((c) => ({ ...c, path: callPath(c) })),
    ...(ctx.interrupted ?? []).map((i) => ({ service: i.service, operation: i.operation, startedAt: i.startedAt, endedAt: i.deadlineAt, identity: { accessKeyId: i.accessKeyId }, path: `invocations[seq=${i.seq}]` })),
  ];
  let ignored = 0;
  for (const e of events) {
    if (e.consumed) continue;
    const maker = ofRun(e.record) ? unknownCalls.find((c) => couldBeOf(c, e.record, ctx.clockSkewMs)) : undefined;
    if (maker !== undefined) {
      findings.push(finding("completeness.record_of_unknown_call", `records[${e.index}]`, `a call with this requestID, or a record of ${maker.path} (no complete answer)`, e.record["requestID"]));
    } else if (ofRun(e.record)) findings.push(finding("completeness.extra_record", `records[${e.index}]`, "a call with this requestID", e.record["requestID"]));
    else if (ctx.lookupEventSource !== undefined && e.record["eventSource"] !== ctx.lookupEventSource) {
      findings.push(finding("completeness.outside_filter", `records[${e.index}].eventSource`, ctx.lookupEventSource, e.record["eventSource"]));
    } else ignored++;
  }
  return { findings, matched, duplicatesCollapsed: collapsed, ignored, uncollected };
}
