import { describe, expect, it } from "vitest";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { CloudTrailOptions } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { LookupEvent } from "../../../emulator/cloudtrail/lookup-events.js";
import type { Principal, ServiceResult } from "../../../emulator/core/types.js";
import { ACCOUNT, OTHER_ACCOUNT, completedCall, contextFor, ok, principals } from "./helpers.js";

const T0 = Date.parse("2026-03-04T05:00:00Z");
const TARGET = `arn:aws:inspector:us-west-2:${ACCOUNT}:target/0-abc`;
const TEMPLATE = `${TARGET}/template/0-def`;
const RUN = `${TEMPLATE}/run/0-ghi`;

/** A service on a hand-driven clock. */
function setup(options: CloudTrailOptions = {}) {
  let now = T0;
  const service = new CloudTrailService({ ...options, clock: () => new Date(now) });
  return {
    service,
    advance: (ms: number) => void (now += ms),
    now: () => now,
    /** Records `op` by `principal`, ended at the current clock plus `offsetMs`. */
    add(op: string, request: unknown, output: Record<string, unknown>, principal: Principal = principals().IAMUser, region = "us-west-2", offsetMs = 0) {
      const ctx = contextFor(principal, region, new Date(now + offsetMs - 100));
      return service.record(completedCall(op, request, ok(output), ctx, new Date(now + offsetMs)));
    },
  };
}

function events(result: ServiceResult): LookupEvent[] {
  if (!result.ok) throw new Error(`expected success, got ${result.error.type}: ${result.error.message}`);
  return result.output.Events as LookupEvent[];
}

function errorType(result: ServiceResult): string | undefined {
  return result.ok ? undefined : result.error.type;
}

const caller = (principal: Principal = principals().IAMUser, region = "us-west-2") => contextFor(principal, region);

describe("LookupEvents: events and their fields", () => {
  it("returns every record newest first with the Event fields filled", () => {
    const s = setup();
    const p = principals();
    const a = s.add("CreateAssessmentTarget", { assessmentTargetName: "t" }, { assessmentTargetArn: TARGET }, p.IAMUser, "us-west-2", 0);
    const b = s.add("ListFindings", { assessmentRunArns: [RUN] }, { findingArns: [] }, p.AssumedRole, "us-west-2", 2000);
    s.advance(5000);
    const got = events(s.service.call("LookupEvents", {}, caller()));
    expect(got.map((e) => e.EventId)).toEqual([b.eventID, a.eventID]);
    expect(got[1]).toEqual({
      EventId: a.eventID,
      EventName: "CreateAssessmentTarget",
      ReadOnly: "false",
      AccessKeyId: "AKIAIOSFODNN7EXAMPLE",
      EventTime: Date.parse(a.eventTime) / 1000,
      EventSource: "inspector.amazonaws.com",
      Username: "Alice",
      Resources: [{ ResourceType: "AWS::Inspector::AssessmentTarget", ResourceName: TARGET }],
      CloudTrailEvent: JSON.stringify(a),
    });
    expect(got[0]).toMatchObject({ ReadOnly: "true", Username: "sess-1", Resources: [{ ResourceName: RUN }] });
    expect(got[0]!.Resources[0]).not.toHaveProperty("ResourceType");
    expect(JSON.parse(got[0]!.CloudTrailEvent)).toEqual(b);
  });

  it("Username per principal kind: user name, root, session name, federated name", () => {
    const s = setup();
    const p = principals();
    for (const principal of [p.IAMUser, p.Root, p.AssumedRole, p.FederatedUser]) s.add("ListRulesPackages", {}, { rulesPackageArns: [] }, principal);
    const names = events(s.service.call("LookupEvents", {}, caller())).map((e) => e.Username);
    expect(names.sort()).toEqual(["Alice", "Bob", "root", "sess-1"]);
  });

  it("is scoped to the caller's account and region", () => {
    const s = setup();
    s.add("ListRulesPackages", {}, { rulesPackageArns: [] }, principals().IAMUser, "us-west-2");
    s.add("ListRulesPackages", {}, { rulesPackageArns: [] }, principals().IAMUser, "eu-west-1");
    s.add("ListRulesPackages", {}, { rulesPackageArns: [] }, principals(OTHER_ACCOUNT).IAMUser, "us-west-2");
    expect(events(s.service.call("LookupEvents", {}, caller()))).toHaveLength(1);
    expect(events(s.service.call("LookupEvents", {}, caller(principals().Root, "eu-west-1")))).toHaveLength(1);
    const other = events(s.service.call("LookupEvents", {}, caller(principals(OTHER_ACCOUNT).AssumedRole)));
    expect(other.map((e) => JSON.parse(e.CloudTrailEvent).recipientAccountId)).toEqual([OTHER_ACCOUNT]);
    expect(events(s.service.call("LookupEvents", {}, caller(principals().IAMUser, "ap-south-1")))).toHaveLength(0);
  });

  it("returns no management events for EventCategory insight", () => {
    const s = setup();
    s.add("ListRulesPackages", {}, { rulesPackageArns: [] });
    const r = s.service.call("LookupEvents", { EventCategory: "insight" }, caller());
    expect(r).toEqual({ ok: true, output: { Events: [] } });
  });

  it("leaves out records older than 90 days", () => {
    const s = setup();
    s.add("ListRulesPackages", {}, { rulesPackageArns: [] });
    s.advance(90 * 86_400_000 + 1000);
    expect(events(s.service.call("LookupEvents", {}, caller()))).toHaveLength(0);
  });
});

describe("LookupEvents: the eight lookup attributes", () => {
  const s = setup();
  const p = principals();
  const create = s.add("CreateAssessmentTemplate", { assessmentTargetArn: TARGET }, { assessmentTemplateArn: TEMPLATE }, p.IAMUser);
  const list = s.add("ListAssessmentRuns", { assessmentTemplateArns: [TEMPLATE] }, { assessmentRunArns: [RUN] }, p.AssumedRole);
  const group = s.add("CreateResourceGroup", { resourceGroupTags: [{ key: "k" }] }, { resourceGroupArn: `arn:aws:inspector:us-west-2:${ACCOUNT}:resourcegroup/0-rg` }, p.Root);
  const lookup = (AttributeKey: string, AttributeValue: string) =>
    events(s.service.call("LookupEvents", { LookupAttributes: [{ AttributeKey, AttributeValue }] }, caller())).map((e) => e.EventId).sort();
  const ids = (...recs: { eventID: string }[]) => recs.map((r) => r.eventID).sort();

  it("EventId", () => expect(lookup("EventId", list.eventID)).toEqual(ids(list)));
  it("EventName", () => expect(lookup("EventName", "CreateResourceGroup")).toEqual(ids(group)));
  it("ReadOnly", () => {
    expect(lookup("ReadOnly", "true")).toEqual(ids(list));
    expect(lookup("ReadOnly", "false")).toEqual(ids(create, group));
    expect(lookup("ReadOnly", "TRUE")).toEqual([]);
  });
  it("Username", () => {
    expect(lookup("Username", "sess-1")).toEqual(ids(list));
    expect(lookup("Username", "root")).toEqual(ids(group));
    expect(lookup("Username", "Auditor")).toEqual([]);
  });
  it("ResourceType", () => {
    expect(lookup("ResourceType", "AWS::Inspector::AssessmentTemplate")).toEqual(ids(create, list));
    expect(lookup("ResourceType", "AWS::Inspector::ResourceGroup")).toEqual(ids(group));
  });
  it("ResourceName (request and logged response ARNs)", () => {
    expect(lookup("ResourceName", TEMPLATE)).toEqual(ids(create, list));
    expect(lookup("ResourceName", TARGET)).toEqual(ids(create));
    // ListAssessmentRuns logs the request only, so the run ARN of its response is not a resource.
    expect(lookup("ResourceName", RUN)).toEqual([]);
  });
  it("EventSource", () => {
    expect(lookup("EventSource", "inspector.amazonaws.com")).toEqual(ids(create, list, group));
    expect(lookup("EventSource", "iam.amazonaws.com")).toEqual([]);
  });
  it("AccessKeyId", () => expect(lookup("AccessKeyId", "ASIAROLEROLEEXAMPLE1")).toEqual(ids(list)));
});

describe("LookupEvents: time range", () => {
  it("StartTime and EndTime are inclusive epoch seconds", () => {
    const s = setup();
    const recs = [0, 10_000, 20_000, 30_000].map((off) => s.add("ListRulesPackages", {}, { rulesPackageArns: [] }, principals().IAMUser, "us-west-2", off));
    s.advance(60_000);
    const times = recs.map((r) => Date.parse(r.eventTime) / 1000);
    const q = (StartTime?: number, EndTime?: number) =>
      events(s.service.call("LookupEvents", { StartTime, EndTime }, caller())).map((e) => e.EventTime);
    expect(q(times[1], times[2])).toEqual([times[2], times[1]]);
    expect(q(times[3])).toEqual([times[3]]);
    expect(q(undefined, times[0])).toEqual([times[0]]);
    expect(q(times[1]! + 0.5, times[1]! + 0.9)).toEqual([]);
    expect(q(times[2], times[2])).toEqual([times[2]]);
  });

  it("start after end -> InvalidTimeRangeException", () => {
    const s = setup();
    expect(errorType(s.service.call("LookupEvents", { StartTime: 200, EndTime: 100 }, caller()))).toBe("InvalidTimeRangeException");
  });
});

describe("LookupEvents: validation", () => {
  const s = setup();
  const err = (input: unknown) => {
    const r = s.service.call("LookupEvents", input, caller());
    if (r.ok) return undefined;
    expect(r.error.status).toBe(400);
    expect(r.error.message.length).toBeGreaterThan(0);
    return r.error.type;
  };

  it("MaxResults 1..50", () => {
    expect(err({ MaxResults: 0 })).toBe("InvalidMaxResultsException");
    expect(err({ MaxResults: 51 })).toBe("InvalidMaxResultsException");
    expect(err({ MaxResults: -3 })).toBe("InvalidMaxResultsException");
    expect(err({ MaxResults: 1 })).toBeUndefined();
    expect(err({ MaxResults: 50 })).toBeUndefined();
  });

  it("at most one lookup attribute, a known key and a value of 1..2000 weighted characters", () => {
    const attr = (AttributeKey: string, AttributeValue: string) => ({ AttributeKey, AttributeValue });
    expect(err({ LookupAttributes: [attr("EventName", "a"), attr("EventName", "b")] })).toBe("InvalidLookupAttributesException");
    expect(err({ LookupAttributes: [attr("Region", "a")] })).toBe("InvalidLookupAttributesException");
    expect(err({ LookupAttributes: [attr("EventName", "")] })).toBe("InvalidLookupAttributesException");
    expect(err({ LookupAttributes: [{ AttributeKey: "EventName" }] })).toBe("InvalidLookupAttributesException");
    expect(err({ LookupAttributes: [attr("EventName", "a".repeat(2000))] })).toBeUndefined();
    expect(err({ LookupAttributes: [attr("EventName", "a".repeat(2001))] })).toBe("InvalidLookupAttributesException");
    // '_' counts twice: 1000 of them are 2000, 1001 are too many.
    expect(err({ LookupAttributes: [attr("EventName", "_".repeat(1000))] })).toBeUndefined();
    expect(err({ LookupAttributes: [attr("EventName", "_".repeat(1001))] })).toBe("InvalidLookupAttributesException");
    expect(err({ LookupAttributes: [] })).toBeUndefined();
  });

  it("EventCategory must be insight", () => {
    expect(err({ EventCategory: "management" })).toBe("InvalidEventCategoryException");
  });

  it("wrong wire types -> SerializationException; an empty body is an empty request", () => {
    expect(err({ MaxResults: "5" })).toBe("SerializationException");
    expect(err({ StartTime: "yesterday" })).toBe("SerializationException");
    expect(err({ LookupAttributes: "EventName" })).toBe("SerializationException");
    expect(err([])).toBe("SerializationException");
    expect(err(null)).toBeUndefined();
  });

  it("NextToken must be one issued for the same parameters, account and region", () => {
    const t = setup();
    for (let i = 0; i < 3; i++) t.add("ListRulesPackages", {}, { rulesPackageArns: [] });
    const first = t.service.call("LookupEvents", { MaxResults: 1 }, caller());
    const token = first.ok ? (first.output.NextToken as string) : "";
    expect(token).not.toBe("");
    const e = (input: unknown, ctx = caller()) => errorType(t.service.call("LookupEvents", input, ctx));
    expect(e({ MaxResults: 1, NextToken: "garbage" })).toBe("InvalidNextTokenException");
    expect(e({ NextToken: token, LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "ListRulesPackages" }] })).toBe("InvalidNextTokenException");
    expect(e({ NextToken: token, StartTime: 0 })).toBe("InvalidNextTokenException");
    expect(e({ NextToken: token }, caller(principals().IAMUser, "eu-west-1"))).toBe("InvalidNextTokenException");
    expect(e({ NextToken: token }, caller(principals(OTHER_ACCOUNT).IAMUser))).toBe("InvalidNextTokenException");
    // Same filters, another page size and another principal of the same account: accepted.
    expect(e({ NextToken: token, MaxResults: 5 }, caller(principals().Root))).toBeUndefined();
  });

  it("other CloudTrail operations are refused", () => {
    expect(errorType(s.service.call("DescribeTrails", {}, caller()))).toBe("UnsupportedOperationException");
    expect(errorType(s.service.call("NoSuchThing", {}, caller()))).toBe("UnknownOperationException");
  });
});

describe("LookupEvents: delivery delay", () => {
  it("hides a record until deliveryDelayMs after its call ended", () => {
    const s = setup({ deliveryDelayMs: 300_000 });
    const rec = s.add("ListRulesPackages", {}, { rulesPackageArns: [] });
    expect(events(s.service.call("LookupEvents", {}, caller()))).toHaveLength(0);
    expect(s.service.records()).toEqual([rec]);
    s.advance(299_999);
    expect(events(s.service.call("LookupEvents", {}, caller()))).toHaveLength(0);
    s.advance(1);
    expect(events(s.service.call("LookupEvents", {}, caller())).map((e) => e.EventId)).toEqual([rec.eventID]);
  });
});

describe("LookupEvents: throttling", () => {
  it("allows 2 per second per account+region, then ThrottlingException 'Rate exceeded'", () => {
    const s = setup({ throttleLookupEvents: true });
    const call = (ctx = caller()) => s.service.call("LookupEvents", {}, ctx);
    expect(call().ok).toBe(true);
    s.advance(100);
    expect(call().ok).toBe(true);
    s.advance(100);
    const third = call();
    expect(third).toEqual({ ok: false, error: { type: "ThrottlingException", status: 400, message: "Rate exceeded" } });
    // Other region and other account have their own budget.
    expect(call(caller(principals().IAMUser, "eu-west-1")).ok).toBe(true);
    expect(call(caller(principals(OTHER_ACCOUNT).IAMUser)).ok).toBe(true);
    // One second after the first accepted call, one slot is free again.
    s.advance(800);
    expect(call().ok).toBe(true);
    expect(errorType(call())).toBe("ThrottlingException");
  });

  it("is off by default", () => {
    const s = setup();
    for (let i = 0; i < 10; i++) expect(s.service.call("LookupEvents", {}, caller()).ok).toBe(true);
  });
});
