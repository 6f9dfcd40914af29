/** The small pieces the rules stand on: version order, record input, JSON diff, history schema, messages. */
import { describe, expect, it } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { compareEventVersions, parseEventVersion, versionAtLeast } from "../../oracles/event-version.js";
import { finding } from "../../oracles/finding.js";
import { firstJsonDifference, jsonEqual } from "../../oracles/json-diff.js";
import { ObservedCallSchema } from "../../history/observed-call.js";
import { oracleContext } from "../../oracles/context.js";
import { readRecord } from "../../oracles/record-input.js";
import { requiredFieldsFor } from "../../oracles/shape-rule.js";
import { buildPair } from "./record-builder.js";

describe("eventVersion", () => {
  it('compares numerically: "1.10" > "1.09", "1.0" < "1.01"', () => {
    expect(compareEventVersions(parseEventVersion("1.10")!, parseEventVersion("1.09")!)).toBeGreaterThan(0);
    expect(versionAtLeast("1.10", "1.09")).toBe(true);
    expect(versionAtLeast("1.0", "1.01")).toBe(false);
    expect(versionAtLeast("2.0", "1.11")).toBe(true);
    expect(parseEventVersion("1.x")).toBeUndefined();
  });
  it("gates always-present fields by version", () => {
    expect(requiredFieldsFor("1.0")).not.toContain("eventID");
    expect(requiredFieldsFor("1.01")).toContain("eventID");
    expect(requiredFieldsFor("1.06")).not.toContain("eventCategory");
    expect(requiredFieldsFor("1.10")).toContain("eventCategory");
    expect(requiredFieldsFor("1.11")).not.toContain("responseElements");
  });
  it("does not demand eventType from a 1.01 record", () => {
    const p = buildPair({ kind: "IAMUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.03" });
    p.record["eventVersion"] = "1.01";
    delete p.record["eventType"];
    delete p.record["recipientAccountId"];
    expect(checkCall(p.call, p.record, p.ctx)).toEqual([]);
  });
});

describe("record input", () => {
  it("accepts objects and CloudTrailEvent strings; reports the rest", () => {
    expect(readRecord({ a: 1 })).toEqual({ ok: true, record: { a: 1 } });
    expect(readRecord('{"a":1}')).toEqual({ ok: true, record: { a: 1 } });
    expect(readRecord("{").ok).toBe(false);
    expect(readRecord("[1]")).toMatchObject({ ok: false, finding: { code: "shape.not_an_object" } });
    expect(readRecord(null)).toMatchObject({ ok: false, finding: { code: "shape.not_an_object" } });
  });
});

describe("JSON diff", () => {
  it("ignores key order, not array order, and names the first differing path", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(firstJsonDifference({ a: [1, 2] }, { a: [2, 1] })).toEqual({ path: ".a[0]", expected: 1, actual: 2 });
    expect(firstJsonDifference({ a: 1 }, { a: 1, b: null })).toEqual({ path: ".b", expected: undefined, actual: null });
    expect(firstJsonDifference(null, {})).toEqual({ path: "", expected: null, actual: {} });
  });
});

describe("history line schema", () => {
  it("accepts a built call and rejects a line without times", () => {
    const { call } = buildPair({ kind: "FederatedUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    expect(ObservedCallSchema.parse(JSON.parse(JSON.stringify(call)))).toEqual(call);
    const { startedAt: _s, ...withoutTime } = call;
    expect(ObservedCallSchema.safeParse(withoutTime).success).toBe(false);
  });
  it("context defaults are stated: edition 2020, 5 s skew, inspector.amazonaws.com", () => {
    expect(oracleContext("111122223333")).toEqual({ rulesEdition: "2020", clockSkewMs: 5000, eventSource: "inspector.amazonaws.com", accountId: "111122223333" });
  });
});

describe("messages", () => {
  it("say what happened, what was expected and what to do", () => {
    const f = finding("correlated.aws_region", "awsRegion", "us-west-2", "eu-west-1");
    expect(f.message).toBe(
      '[correlated.aws_region] awsRegion is not the region the call was sent to at awsRegion: expected "us-west-2", got "eu-west-1".\nHint: awsRegion is the region of the endpoint (the SigV4 scope).\n' +
        'See: "CloudTrail record contents for management, data, and network activity events", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
    );
    expect(finding("shape.missing_field", "eventID", "present", undefined).message).toContain("got (absent)");
  });
});
