/** Conforming records pass every rule family with zero findings: hand-built, then generated. */
import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { checkCorrelated } from "../../oracles/correlated-rule.js";
import { checkRequestEcho } from "../../oracles/echo-rule.js";
import { checkErrorFields } from "../../oracles/error-rule.js";
import { checkIdentity } from "../../oracles/identity-rule.js";
import { checkLoggingMode } from "../../oracles/logging-rule.js";
import { checkShape } from "../../oracles/shape-rule.js";
import { buildPair, pairArb } from "./record-builder.js";

const kinds = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;

describe("hand-built conforming records", () => {
  const create = buildPair({ kind: "IAMUser", operation: "CreateResourceGroup", outcome: "ok", edition: "2020", eventVersion: "1.08",
    request: { resourceGroupTags: [{ key: "Name", value: "web" }] }, response: { resourceGroupArn: "arn:aws:inspector:us-west-2:111122223333:resourcegroup/0-oclRMp8B" } });
  const list = buildPair({ kind: "AssumedRole", operation: "ListAssessmentTargets", outcome: "ok", edition: "2020", eventVersion: "1.11" });
  const failed = buildPair({ kind: "FederatedUser", operation: "DeleteAssessmentRun", outcome: "error", edition: "2020", eventVersion: "1.05" });
  const noInput = buildPair({ kind: "Root", operation: "DescribeCrossAccountAccessRole", outcome: "ok", edition: "2017", eventVersion: "1.09" });
  const emptyOutput = buildPair({ kind: "Root", operation: "SetTagsForResource", outcome: "ok", edition: "2020", eventVersion: "1.10", alias: "prod" });
  const report2017 = buildPair({ kind: "IAMUser", operation: "GetAssessmentReport", outcome: "ok", edition: "2017", eventVersion: "1.07", response: { status: "COMPLETED", url: "https://example.com/r" } });

  it("shape: required fields present and typed", () => {
    for (const p of [create, list, failed, noInput]) expect(checkShape(p.record)).toEqual([]);
  });
  it("logging: response logged for mutating, null for list, null for empty output, logged for Get* under 2017", () => {
    expect(create.record["responseElements"]).toEqual(create.call.response);
    expect(list.record["responseElements"]).toBeNull();
    expect(emptyOutput.record["responseElements"]).toBeNull();
    expect(report2017.record["responseElements"]).toEqual({ status: "COMPLETED", url: "https://example.com/r" });
    for (const p of [create, list, emptyOutput, report2017, noInput]) expect(checkLoggingMode(p.call, p.record, p.ctx)).toEqual([]);
  });
  it("error events: errorCode, errorMessage, responseElements null", () => {
    expect(failed.record).toMatchObject({ errorCode: "InvalidInputException", errorMessage: "Invalid ARN", responseElements: null });
    expect(checkErrorFields(failed.call, failed.record)).toEqual([]);
    expect(checkErrorFields(create.call, create.record)).toEqual([]);
  });
  it("echo: requestParameters equals the request, null without input", () => {
    expect(noInput.record["requestParameters"]).toBeNull();
    for (const p of [create, list, failed, noInput]) expect(checkRequestEcho(p.call, p.record)).toEqual([]);
  });
  it.each(kinds)("identity: %s", (kind) => {
    const p = buildPair({ kind, operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    expect(checkIdentity(p.call.identity, p.record)).toEqual([]);
  });
  it("identity: Root with an account alias carries it as userName", () => {
    expect(checkIdentity(emptyOutput.call.identity, emptyOutput.record)).toEqual([]);
  });
  it("correlated fields", () => {
    for (const p of [create, list, failed, noInput, emptyOutput]) expect(checkCorrelated(p.call, p.record, p.ctx)).toEqual([]);
  });
  it("the LookupEvents CloudTrailEvent string form is accepted", () => {
    expect(checkCall(create.call, JSON.stringify(create.record), create.ctx)).toEqual([]);
  });
});

describe("generated conforming records", () => {
  test.prop([pairArb], { numRuns: 300 })("every family finds nothing", ({ call, record, ctx }) => {
    expect(checkCall(call, record, ctx)).toEqual([]);
  });
  test.prop([pairArb.map((p) => ({ ...p, record: { ...p.record, somethingNew: { x: 1 } } }))], { numRuns: 50 })(
    "unknown extra fields are allowed",
    ({ call, record, ctx }) => {
      expect(checkCall(call, record, ctx)).toEqual([]);
    },
  );
});
