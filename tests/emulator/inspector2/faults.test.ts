/**
 * The Inspector v2 faults of the catalogue: the same v2 calls recorded by a faithful and by a faulty
 * CloudTrail service; the faulty records equal the faithful ones but for exactly the field the
 * fault names (expectations written from the catalogue's descriptions). v2 faults leave Classic
 * records alone and Classic faults leave v2 records alone.
 */
import { describe, expect, it } from "vitest";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { BoundInput } from "../../../emulator/core/rest-json-binding.js";
import type { CompletedRestCall } from "../../../emulator/core/rest-service.js";
import type { CallContext, ServiceResult } from "../../../emulator/core/types.js";
import { CLASSIC_FAULTS, INSPECTOR2_FAULTS, type FaultName } from "../../../emulator/faults/catalogue.js";
import { inspector2EventOf } from "../../../emulator/inspector2/cloudtrail-rules.js";
import { completedCall, contextFor, ok, principals } from "../cloudtrail/helpers.js";

type Rec = Record<string, unknown>;
const P = principals();
const FILTER = "arn:aws:inspector2:us-west-2:111122223333:owner/111122223333/filter/0123456789abcdef";

function restCall(operation: string, method: string, path: string, input: Rec, locations: BoundInput["locations"], result: ServiceResult, ctx: CallContext = contextFor(P.IAMUser)): CompletedRestCall {
  const status = result.ok ? 200 : result.error.status;
  return {
    ctx,
    operation,
    bound: { input, locations },
    result,
    endedAt: new Date(ctx.startedAt.getTime() + 300),
    exchange: { method, path, status, ...(result.ok ? { output: result.output } : {}), boundMembers: Object.entries(locations).filter(([, l]) => l !== "body").map(([m]) => m) },
  };
}

const fail = (type: string, status: number, message: string): ServiceResult => ({ ok: false, error: { type, status, message } });
const create = (ctx?: CallContext) =>
  restCall("CreateFilter", "POST", "/filters/create", { name: "f", action: "NONE", filterCriteria: {} }, { name: "body", action: "body", filterCriteria: "body" }, ok({ arn: FILTER }), ctx);

/** Calls of every class, method, binding and outcome, and every caller kind. */
function sampleCalls(): CompletedRestCall[] {
  return [
    restCall("ListFindings", "POST", "/findings/list", { maxResults: 5 }, { maxResults: "body" }, ok({ findings: [] })),
    create(),
    restCall("TagResource", "POST", `/tags/${encodeURIComponent(FILTER)}`, { resourceArn: FILTER, tags: { a: "b" } }, { resourceArn: "uri", tags: "body" }, ok({})),
    restCall("ListTagsForResource", "GET", `/tags/${encodeURIComponent(FILTER)}`, { resourceArn: FILTER }, { resourceArn: "uri" }, ok({ tags: { a: "b" } })),
    restCall("GetEncryptionKey", "GET", "/encryptionkey/get", { scanType: "CODE", resourceType: "CODE_REPOSITORY" }, { scanType: "querystring", resourceType: "querystring" }, fail("ResourceNotFoundException", 404, "no key")),
    restCall("CreateFilter", "POST", "/filters/create", { name: "f", action: "NONE", filterCriteria: {} }, { name: "body", action: "body", filterCriteria: "body" }, fail("ConflictException", 409, "duplicate name")),
    create(contextFor(P.AssumedRole)),
    create(contextFor(P.FederatedUser)),
    create(contextFor(P.Root)),
  ];
}

function run(calls: CompletedRestCall[], faults: string[] = []): Rec[] {
  const service = new CloudTrailService({ faults, clock: () => new Date("2026-03-04T05:10:00Z") });
  for (const call of calls) service.recordEvent(inspector2EventOf(call));
  return service.records().map((r) => {
    const { eventID: _, ...rest } = JSON.parse(JSON.stringify(r)) as Rec;
    return rest;
  });
}

type Expectation = (faithful: Rec, call: CompletedRestCall) => Rec[];
const edit = (r: Rec, change: (c: Rec) => void): Rec[] => {
  const c = structuredClone(r);
  change(c);
  return [c];
};
const when = (cond: (call: CompletedRestCall) => boolean, change: (c: Rec, call: CompletedRestCall) => void): Expectation => (r, call) => (cond(call) ? edit(r, (c) => change(c, call)) : [structuredClone(r)]);
const isRead = (call: CompletedRestCall) => /^(List|Get|Describe|BatchGet|Search)/.test(call.operation);
const failed = (call: CompletedRestCall) => !call.result.ok;

/** What each v2 fault must change in the sample. */
const EXPECTED: Record<string, Expectation> = {
  "v2-event-name-from-http": (r, call) => edit(r, (c) => (c["eventName"] = `${call.exchange.method}.inspector2`)),
  "v2-event-source-classic": (r) => edit(r, (c) => (c["eventSource"] = "inspector.amazonaws.com")),
  "v2-read-only-from-http-method": (r, call) => edit(r, (c) => (c["readOnly"] = call.exchange.method === "GET")),
  "v2-read-only-as-string": (r) => edit(r, (c) => (c["readOnly"] = String(c["readOnly"]))),
  "v2-request-parameters-without-bound-members": when(
    (call) => call.exchange.boundMembers.length > 0,
    (c, call) => call.exchange.boundMembers.forEach((m) => delete (c["requestParameters"] as Rec)[m]),
  ),
  "v2-mutating-response-not-logged": when((call) => !isRead(call) && !failed(call) && call.operation === "CreateFilter", (c) => (c["responseElements"] = null)),
  "v2-read-logs-response": when((call) => isRead(call) && !failed(call), (c, call) => (c["responseElements"] = (call.result as { output: Rec }).output)),
  "v2-empty-output-as-object": when((call) => call.operation === "TagResource", (c) => (c["responseElements"] = {})),
  "v2-error-code-from-http-status": when(failed, (c, call) => (c["errorCode"] = String(call.exchange.status))),
  "v2-error-message-missing": when(failed, (c) => delete c["errorMessage"]),
  "v2-failed-calls-not-recorded": (r, call) => (failed(call) ? [] : [structuredClone(r)]),
  "v2-identity-type-fixed": (r) => edit(r, (c) => ((c["userIdentity"] as Rec)["type"] = "IAMUser")),
};

describe("Inspector v2 faults change exactly what they name", () => {
  it("has at least ten v2 faults, each with an expectation here", () => {
    expect(INSPECTOR2_FAULTS.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(EXPECTED).sort()).toEqual(INSPECTOR2_FAULTS.map((f) => f.name).sort());
    for (const f of INSPECTOR2_FAULTS) expect(f.service).toBe("inspector2");
  });

  for (const [name, expectation] of Object.entries(EXPECTED)) {
    it(name, () => {
      const calls = sampleCalls();
      const faithful = run(calls);
      const faulty = run(calls, [name]);
      expect(faulty).toEqual(faithful.flatMap((r, i) => expectation(r, calls[i]!)));
      expect(faulty).not.toEqual(faithful);
    });
  }

  it("v2 faults leave Inspector Classic records unchanged", () => {
    const classic = () => completedCall("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: "x" }] }, ok({ resourceGroupArn: "arn:aws:inspector:us-west-2:111122223333:resourcegroup/0-AB6DMKnv" }));
    const record = (faults: string[]) => {
      const service = new CloudTrailService({ faults });
      service.record(classic());
      const { eventID: _, requestID: __, ...rest } = JSON.parse(JSON.stringify(service.records()[0])) as Rec;
      return rest;
    };
    expect(record(INSPECTOR2_FAULTS.map((f) => f.name))).toEqual(record([]));
  });

  it("Classic record faults leave v2 records unchanged", () => {
    const calls = sampleCalls();
    const classicRecordFaults = CLASSIC_FAULTS.map((f) => f.name as FaultName).filter((n) => !n.startsWith("lookup-") && !n.startsWith("trail-"));
    expect(run(calls, classicRecordFaults)).toEqual(run(calls));
  });
});
