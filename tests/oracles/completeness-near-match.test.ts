/**
 * A record whose requestID is wrong is still that call's record when nothing else claims it (same
 * operation, caller and time): the finding names the broken rule (correlated.request_id), and the
 * record is checked as the call's; with no such record the call's record is missing.
 */
import { describe, expect, it } from "vitest";
import { checkCompleteness } from "../../oracles/completeness.js";
import { buildPair } from "./record-builder.js";

const spec = { kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.11" } as const;

describe("completeness near match", () => {
  it("reports a wrong requestID as correlated.request_id and joins the record", () => {
    const p = buildPair(spec);
    p.record["requestID"] = "not-the-response-request-id";
    const result = checkCompleteness([p.call], [p.record], p.ctx);
    expect(result.findings.map((f) => f.code)).toEqual(["correlated.request_id"]);
    expect(result.matched.get(p.call.seq)).toBe(p.record);
  });

  it("reports a record without requestID the same way", () => {
    const p = buildPair(spec);
    delete p.record["requestID"];
    expect(checkCompleteness([p.call], [p.record], p.ctx).findings.map((f) => f.code)).toEqual(["correlated.request_id"]);
  });

  it("does not take another operation's or another caller's record", () => {
    const p = buildPair(spec);
    p.record["requestID"] = "other";
    p.record["eventName"] = "DeleteAssessmentTarget";
    const codes = checkCompleteness([p.call], [p.record], p.ctx).findings.map((f) => f.code).sort();
    expect(codes).toEqual(["completeness.extra_record", "completeness.missing_record"]);
  });
});
