/**
 * validate's record-level rules, both ways: conforming API-call records, AWS's service event (no
 * userIdentity type) and AWS's Insights event (no userIdentity, eventSource, eventName,
 * sourceIPAddress) pass; a field removed is missing_field; a self-contradicting userIdentity is named.
 */
import { describe, expect, it } from "vitest";
import { checkRecord, identityConsistency } from "../../../harness/validate/record-rules.js";
import { apiRecords, insightEvent, serviceEvent } from "./samples.js";

const codes = (value: unknown) => checkRecord(value).findings.map((f) => `${f.code} ${f.path}`);

describe("record rules of npm run validate", () => {
  it.each(apiRecords.map((r) => [(r["userIdentity"] as { type: string }).type, r] as const))("a conforming %s API call passes", (_, record) => {
    expect(checkRecord(record)).toEqual({ kind: "api", findings: [] });
  });

  it("AWS's service event, whose userIdentity has no type but invokedBy, passes", () => {
    expect(checkRecord(serviceEvent())).toEqual({ kind: "service-without-type", findings: [] });
  });

  it("a service event without type and without invokedBy: invokedBy is missing", () => {
    const r = serviceEvent();
    r["userIdentity"] = { accountId: "123456789012" };
    expect(codes(r)).toEqual(["shape.missing_field userIdentity.invokedBy"]);
  });

  it("a service event's identity fields are still typed", () => {
    const r = serviceEvent();
    r["userIdentity"] = { accountId: 123456789012, invokedBy: "AWS Internal" };
    expect(codes(r)).toEqual(["shape.wrong_type userIdentity.accountId"]);
  });

  it("an API call (not a service event) without userIdentity.type: missing_field", () => {
    const r = structuredClone(apiRecords[0]!);
    delete (r["userIdentity"] as Record<string, unknown>)["type"];
    expect(codes(r)).toEqual(["shape.missing_field userIdentity.type"]);
  });

  it("AWS's Insights event passes, and is judged by the Insights fields", () => {
    expect(checkRecord(insightEvent())).toEqual({ kind: "insight", findings: [] });
    const broken = insightEvent();
    delete broken["insightDetails"];
    broken["eventID"] = "abcd00b0-ccfe-422d-961c-98a2198a408x";
    expect(codes(broken)).toEqual(["shape.bad_event_id eventID", "shape.missing_field insightDetails"]);
    const badState = insightEvent();
    (badState["insightDetails"] as Record<string, unknown>)["state"] = "Begin";
    expect(codes(badState)).toEqual(["shape.wrong_type insightDetails.state"]);
  });

  it.each(["eventTime", "eventVersion", "eventSource", "awsRegion", "requestParameters", "eventID"])("an API call with %s removed: missing_field", (key) => {
    const r: Record<string, unknown> = { ...apiRecords[1]! };
    delete r[key];
    expect(codes(r)).toEqual([`shape.missing_field ${key}`]);
  });

  it("the JSON-schema types hold: readOnly as a string is wrong_type", () => {
    expect(codes({ ...apiRecords[1]!, readOnly: "false" })).toEqual(["shape.wrong_type readOnly"]);
  });

  it("a userIdentity that contradicts itself is named; a consistent one is not", () => {
    expect(identityConsistency(apiRecords[2]!)).toEqual([]);
    const r = structuredClone(apiRecords[2]!);
    Object.assign(r["userIdentity"] as object, { arn: "arn:aws:iam::111122223333:user/Alice", principalId: "AIDACKCEVSQ6C2EXAMPLE" });
    expect(codes(r)).toEqual(["identity.arn_form userIdentity.arn", "identity.principal_id_mismatch userIdentity.principalId"]);
  });

  it("a string in place of a record is not an object; the same string as record text is parsed", () => {
    expect(checkRecord(JSON.stringify(apiRecords[0]), { isText: false, identity: true }).findings.map((f) => f.code)).toEqual(["shape.not_an_object"]);
    expect(checkRecord(JSON.stringify(apiRecords[0]), { isText: true, identity: true }).findings).toEqual([]);
  });
});
