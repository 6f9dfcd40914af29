/**
 * Every record-level fault, through the CloudTrail service: the same calls recorded by a faithful and
 * by a faulty service; the faulty records equal the faithful ones with exactly the fault's difference
 * (eventIDs, random per record, are compared separately), and LookupEvents still answers.
 */
import { describe, expect, it } from "vitest";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { CompletedCall } from "../../../emulator/cloudtrail/completed-call.js";
import { FAULTS, type FaultName } from "../../../emulator/faults/catalogue.js";
import { RECORD_FAULTS } from "../../../emulator/faults/record-faults.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { completedCall, contextFor, ok, principals } from "../cloudtrail/helpers.js";

type Rec = Record<string, unknown>;
type Expectation = (faithful: Rec, call: CompletedCall, index: number) => Rec[];

const P = principals();
const GROUP_ARN = "arn:aws:inspector:us-west-2:111122223333:resourcegroup/0-AB6DMKnv";
const TARGET_ARN = "arn:aws:inspector:us-west-2:111122223333:target/0-nvgVhaxX";
const RUN_ARN = `${TARGET_ARN}/template/0-7sbz2Kz0/run/0-MKkpXXPE`;
const KEYS = ["AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE"];

const create = (principal = P.IAMUser) =>
  completedCall("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: "web" }] }, ok({ resourceGroupArn: GROUP_ARN }), contextFor(principal));

/** A sample of calls: each fault affects some and leaves the others alone. */
function sampleCalls(): CompletedCall[] {
  return [
    create(),
    completedCall("ListAssessmentTargets", { filter: { assessmentTargetNamePattern: "web" }, maxResults: 10 }, ok({ assessmentTargetArns: [TARGET_ARN] }), contextFor(P.IAMUser)),
    completedCall("DeleteAssessmentRun", { assessmentRunArn: RUN_ARN }, ok({}), contextFor(P.IAMUser)),
    completedCall(
      "CreateResourceGroup",
      { resourceGroupTags: [] },
      { ok: false, error: { type: "InvalidInputException", status: 400, message: "resourceGroupTags must have at least 1 item" } },
      contextFor(P.IAMUser),
    ),
    create(P.AssumedRole),
    create(P.FederatedUser),
    create(P.Root),
  ];
}

const clone = (r: Rec): Rec => structuredClone(r);
const edit = (r: Rec, change: (c: Rec) => void): Rec[] => {
  const c = clone(r);
  change(c);
  return [c];
};
const onlyIf = (cond: (call: CompletedCall, i: number) => boolean, change: (c: Rec, call: CompletedCall, i: number) => void): Expectation => (r, call, i) =>
  cond(call, i) ? edit(r, (c) => change(c, call, i)) : [clone(r)];
const drop = (field: string): Expectation => (r) => edit(r, (c) => delete c[field]);
const identity = (c: Rec) => c["userIdentity"] as Rec;
const isKind = (kind: string) => (call: CompletedCall) => call.ctx.principal.kind === kind;
const failedCall = (call: CompletedCall) => !call.result.ok;
const snake = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(snake) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), snake(x)])) : v;

/** What each record fault must change in the sample (written from the catalogue's descriptions). */
const EXPECTED: Partial<Record<FaultName, Expectation>> = {
  "describe-logs-response": onlyIf((call) => call.operation === "ListAssessmentTargets", (c) => (c["responseElements"] = { assessmentTargetArns: [TARGET_ARN] })),
  "mutating-response-null": onlyIf((call) => call.operation === "CreateResourceGroup" && call.result.ok, (c) => (c["responseElements"] = null)),
  "list-response-empty-object": onlyIf((call) => call.operation === "ListAssessmentTargets", (c) => (c["responseElements"] = {})),
  "empty-output-as-object": onlyIf((call) => call.operation === "DeleteAssessmentRun", (c) => (c["responseElements"] = {})),
  "assumed-role-as-iam-user": onlyIf(isKind("AssumedRole"), (c) => (identity(c)["type"] = "IAMUser")),
  "assumed-role-without-session-context": onlyIf(isKind("AssumedRole"), (c) => delete identity(c)["sessionContext"]),
  "other-access-key": (r) => edit(r, (c) => (identity(c)["accessKeyId"] = KEYS.find((k) => k !== identity(c)["accessKeyId"]))),
  "federated-user-without-issuer": onlyIf(isKind("FederatedUser"), (c) => delete (identity(c)["sessionContext"] as Rec)["sessionIssuer"]),
  "root-with-user-name": onlyIf(isKind("Root"), (c) => (identity(c)["userName"] = "root")),
  "drop-eventVersion": drop("eventVersion"),
  "drop-eventTime": drop("eventTime"),
  "drop-eventSource": drop("eventSource"),
  "drop-eventName": drop("eventName"),
  "drop-awsRegion": drop("awsRegion"),
  "drop-sourceIPAddress": drop("sourceIPAddress"),
  "drop-requestID": drop("requestID"),
  "drop-eventID": drop("eventID"),
  "drop-eventType": drop("eventType"),
  "drop-recipientAccountId": drop("recipientAccountId"),
  "drop-userIdentity": drop("userIdentity"),
  "event-source-misspelled": (r) => edit(r, (c) => (c["eventSource"] = "inspector.amazonaw.com")),
  "event-name-of-other-operation": (r, call) =>
    edit(r, (c) => (c["eventName"] = INSPECTOR_OPERATIONS[(INSPECTOR_OPERATIONS.indexOf(call.operation) + 1) % INSPECTOR_OPERATIONS.length])),
  "region-fixed-us-east-1": (r) => edit(r, (c) => (c["awsRegion"] = "us-east-1")),
  // 05:06:07.650Z ends every sample call: eventTime 05:06:07Z, in UTC+1 06:06:07+01:00, an hour early 04:06:07Z.
  "event-time-local": (r) => edit(r, (c) => (c["eventTime"] = "2026-03-04T06:06:07+01:00")),
  "event-time-outside-call": (r) => edit(r, (c) => (c["eventTime"] = "2026-03-04T04:06:07Z")),
  "read-only-as-string": (r) => edit(r, (c) => (c["readOnly"] = String(c["readOnly"]))),
  "read-only-wrong": (r) => edit(r, (c) => (c["readOnly"] = !c["readOnly"])),
  "failed-calls-not-recorded": (r, call) => (failedCall(call) ? [] : [clone(r)]),
  "error-code-missing": onlyIf(failedCall, (c) => delete c["errorCode"]),
  "error-message-empty": onlyIf(failedCall, (c) => (c["errorMessage"] = "")),
  "request-parameters-missing-member": (r) =>
    edit(r, (c) => {
      const params = c["requestParameters"] as Rec;
      delete params[Object.keys(params)[0]!];
    }),
  "request-parameters-renamed-keys": (r) => edit(r, (c) => (c["requestParameters"] = snake(c["requestParameters"]))),
  "response-elements-nested-value": onlyIf(
    (call) => call.operation === "CreateResourceGroup" && call.result.ok,
    (c) => (c["responseElements"] = { resourceGroupArn: `${GROUP_ARN}-changed` }),
  ),
};

/** Records the calls on a fresh service with `faults`; returns the stored records as plain JSON. */
function run(calls: CompletedCall[], faults: string[] = []) {
  const service = new CloudTrailService({ faults, accessKeyIds: () => KEYS, clock: () => new Date("2026-03-04T05:10:00Z") });
  for (const call of calls) service.record(call);
  return { service, records: service.records().map((r) => JSON.parse(JSON.stringify(r)) as Rec) };
}

const withoutEventId = (r: Rec): Rec => {
  const { eventID: _, ...rest } = r;
  return rest;
};

/** LookupEvents as the IAM user in us-west-2: every stored record comes back, unharmed by the fault. */
function lookupAll(service: CloudTrailService): Rec[] {
  const result = service.call("LookupEvents", {}, contextFor(P.IAMUser));
  expect(result.ok).toBe(true);
  const events = (result as unknown as { output: { Events: { CloudTrailEvent: string }[] } }).output.Events;
  return events.map((e) => JSON.parse(e.CloudTrailEvent) as Rec);
}

describe("record faults change exactly what they name", () => {
  it("every record-level fault of the catalogue has an expectation here", () => {
    const recordFaults = FAULTS.map((f) => f.name).filter((n) => RECORD_FAULTS[n] !== undefined);
    const covered = [...Object.keys(EXPECTED), "duplicate-event-id", "request-id-mismatch", "drop-one-in-50", "extra-record-without-call"];
    expect(new Set(covered)).toEqual(new Set(recordFaults));
  });

  for (const [name, expectation] of Object.entries(EXPECTED) as [FaultName, Expectation][]) {
    it(name, () => {
      const calls = sampleCalls();
      const faithful = run(calls).records;
      const { service, records } = run(calls, [name]);
      const expected = faithful.flatMap((r, i) => expectation(r, calls[i]!, i));
      expect(records.map(withoutEventId)).toEqual(expected.map(withoutEventId));
      expect(records).not.toEqual(faithful); // the fault shows in the sample
      // eventIDs are untouched (fresh UUIDs) unless the fault drops them.
      for (const r of records) expect(r["eventID"] === undefined).toBe(name === "drop-eventID");
      // LookupEvents keeps working and returns the records as stored (in the call's region, whatever awsRegion says).
      const looked = lookupAll(service);
      expect(looked).toHaveLength(records.length);
      expect(new Set(looked.map((r) => JSON.stringify(r)))).toEqual(new Set(records.map((r) => JSON.stringify(r))));
    });
  }

  it("request-id-mismatch: requestID is a fresh id, not the response's; nothing else changes", () => {
    const calls = sampleCalls();
    const faithful = run(calls).records;
    const { records } = run(calls, ["request-id-mismatch"]);
    expect(records).toHaveLength(faithful.length);
    records.forEach((r, i) => {
      expect(r["requestID"]).not.toBe(calls[i]!.ctx.requestId);
      expect(r["requestID"]).toMatch(/^[0-9a-f-]{36}$/);
      expect({ ...withoutEventId(r), requestID: "x" }).toEqual({ ...withoutEventId(faithful[i]!), requestID: "x" });
    });
  });

  it("duplicate-event-id: every 2nd record reuses the previous record's eventID; nothing else changes", () => {
    const calls = [...sampleCalls(), create()];
    const faithful = run(calls).records;
    const { service, records } = run(calls, ["duplicate-event-id"]);
    expect(records.map(withoutEventId)).toEqual(faithful.map(withoutEventId));
    const ids = records.map((r) => r["eventID"]);
    for (let i = 1; i < ids.length; i += 2) expect(ids[i]).toBe(ids[i - 1]);
    expect(new Set(ids).size).toBe(ids.length / 2);
    expect(lookupAll(service)).toHaveLength(records.length);
  });

  it("drop-one-in-50: calls 50 and 100 have no record; the others are unchanged", () => {
    const calls = Array.from({ length: 100 }, () => create());
    const faithful = run(calls).records;
    const { records } = run(calls, ["drop-one-in-50"]);
    expect(records.map((r) => r["requestID"])).toEqual(calls.filter((_, i) => (i + 1) % 50 !== 0).map((c) => c.ctx.requestId));
    expect(records.map(withoutEventId)).toEqual(faithful.filter((_, i) => (i + 1) % 50 !== 0).map(withoutEventId));
  });

  it("extra-record-without-call: calls 25 and 50 also store a copy with a new eventID and requestID", () => {
    const calls = Array.from({ length: 50 }, () => create());
    const faithful = run(calls).records;
    const { records } = run(calls, ["extra-record-without-call"]);
    expect(records).toHaveLength(52);
    const copies = [records[25]!, records[51]!];
    const originals = [records[24]!, records[50]!];
    copies.forEach((copy, k) => {
      expect(copy["eventID"]).not.toBe(originals[k]!["eventID"]);
      expect(copy["requestID"]).not.toBe(originals[k]!["requestID"]);
      expect({ ...withoutEventId(copy), requestID: "x" }).toEqual({ ...withoutEventId(originals[k]!), requestID: "x" });
    });
    const withoutCopies = records.filter((_, i) => i !== 25 && i !== 51);
    expect(withoutCopies.map(withoutEventId)).toEqual(faithful.map(withoutEventId));
    expect(new Set(records.map((r) => r["eventID"])).size).toBe(52);
  });

  it("all record faults at once never crash recording or LookupEvents", () => {
    const names = FAULTS.map((f) => f.name);
    const calls = Array.from({ length: 60 }, (_, i) => sampleCalls()[i % 7]!);
    const { service, records } = run(calls, names);
    expect(records.length).toBeGreaterThan(0);
    expect(lookupAll(service).length).toBeGreaterThan(0);
  });
});
