/**
 * Calls whose outcome is unknown (no complete answer): a record joined to one is checked by every rule
 * against the request as sent; what depends on the answer that never came whole is not judged.
 */
import { describe, expect, it } from "vitest";
import { checkRun } from "../../oracles/check-call.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { buildPair } from "./record-builder.js";

const lost = (call: ObservedCall): ObservedCall => {
  const c: ObservedCall = { ...call, outcome: "unknown", unknownCause: "truncated", response: null };
  delete c.error;
  return c;
};
const codes = (call: ObservedCall, record: Record<string, unknown>) =>
  checkRun([call], [record], buildPair({ kind: "IAMUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08" }).ctx).all
    .filter((f) => f.severity === "required").map((f) => f.code);

describe("records of calls with an unknown outcome", () => {
  it("a faithful record of a lost read or mutating call has no required finding", () => {
    for (const operation of ["ListFindings", "CreateAssessmentTarget"]) {
      const p = buildPair({ kind: "AssumedRole", operation, outcome: "ok", edition: "2020", eventVersion: "1.08" });
      expect(codes(lost(p.call), p.record), operation).toEqual([]);
    }
  });

  it("a record claiming a failure for a lost call is not judged by the error rule (the error never arrived)", () => {
    const p = buildPair({ kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    expect(codes(lost(p.call), { ...p.record, errorCode: "InternalException", errorMessage: "boom", responseElements: null })).toEqual([]);
  });

  it("a read operation's record still must log no response, whatever the outcome", () => {
    const p = buildPair({ kind: "IAMUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    expect(codes(lost(p.call), { ...p.record, responseElements: { findingArns: [] } })).toEqual(["logging.response_logged_for_read"]);
  });

  it("the record is compared with the request as sent, and with the caller", () => {
    const p = buildPair({ kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    expect(codes(lost(p.call), { ...p.record, requestParameters: { assessmentTargetName: "not what was sent" } })).toEqual(["echo.request_mismatch"]);
    expect(codes(lost(p.call), { ...p.record, userIdentity: { ...(p.record["userIdentity"] as object), type: "Root" } })).toContain("identity.type_mismatch");
  });
});
