/**
 * The per-record rules on Amazon Inspector (v2) calls, both ways: a faithful record passes, and each
 * broken one gives exactly the code that names the rule it breaks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { oracleContext } from "../../oracles/context.js";
import { checkBoundMembers } from "../../oracles/echo-rule.js";
import type { Finding } from "../../oracles/finding.js";
import { ACCOUNT, buildPair } from "./record-builder.js";
import { buildV2Pair, FILTER_ARN, v2PairArb, type V2Spec } from "./inspector2-builder.js";

/** Builds a faithful v2 pair, applies one edit to its record, and checks it. */
function check(spec: V2Spec, edit: (record: Record<string, unknown>) => void = () => {}): Finding[] {
  const p = buildV2Pair(spec);
  edit(p.record);
  return checkCall(p.call, p.record, p.ctx);
}
const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code).sort();
const params = (r: Record<string, unknown>): Record<string, unknown> => r["requestParameters"] as Record<string, unknown>;

describe("faithful v2 records pass", () => {
  it("every operation, outcome, identity kind and eventVersion: no finding", () => {
    fc.assert(fc.property(v2PairArb, (p) => {
      expect(checkCall(p.call, p.record, p.ctx)).toEqual([]);
    }), { numRuns: 300 });
  });

  it("under the default context (Classic scope) and under edition 2017 too: the expected eventSource comes from the call", () => {
    for (const op of ["ListTagsForResource", "GetConfiguration", "CreateFilter", "UntagResource"]) {
      const p = buildV2Pair({ operation: op });
      expect(checkCall(p.call, p.record, oracleContext(ACCOUNT)), op).toEqual([]);
      expect(checkCall(p.call, p.record, oracleContext(ACCOUNT, { rulesEdition: "2017" })), op).toEqual([]);
    }
  });
});

describe("correlated fields of v2 records", () => {
  it("eventName POST.inspector2 (the HTTP method) is correlated.event_name", () => {
    expect(codes(check({ operation: "CreateFilter" }, (r) => (r["eventName"] = "POST.inspector2")))).toEqual(["correlated.event_name"]);
  });

  it("eventSource inspector.amazonaws.com on a v2 call is correlated.event_source, and the reverse too", () => {
    const found = check({ operation: "ListTagsForResource" }, (r) => (r["eventSource"] = "inspector.amazonaws.com"));
    expect(codes(found)).toEqual(["correlated.event_source"]);
    expect(found[0]).toMatchObject({ expected: "inspector2.amazonaws.com", actual: "inspector.amazonaws.com", severity: "required" });
    const classic = buildPair({ kind: "IAMUser", operation: "ListTagsForResource", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    classic.record["eventSource"] = "inspector2.amazonaws.com";
    expect(codes(checkCall(classic.call, classic.record, oracleContext(ACCOUNT, { eventSource: "inspector2.amazonaws.com" })))).toEqual(["correlated.event_source"]);
  });

  it("readOnly from the HTTP method: UntagResource (DELETE) true, ListTagsForResource (GET) false, ListFindings (POST) false", () => {
    expect(codes(check({ operation: "UntagResource" }, (r) => (r["readOnly"] = true)))).toEqual(["correlated.read_only"]);
    expect(codes(check({ operation: "ListTagsForResource" }, (r) => (r["readOnly"] = false)))).toEqual(["correlated.read_only"]);
    expect(codes(check({ operation: "ListFindings" }, (r) => (r["readOnly"] = false)))).toEqual(["correlated.read_only"]);
    expect(codes(check({ operation: "TagResource" }, (r) => (r["readOnly"] = true)))).toEqual(["correlated.read_only"]);
  });

  it("readOnly as a string is shape.wrong_type only", () => {
    expect(codes(check({ operation: "ListTagsForResource" }, (r) => (r["readOnly"] = "true")))).toEqual(["shape.wrong_type"]);
    expect(codes(check({ operation: "UntagResource" }, (r) => (r["readOnly"] = "true")))).toEqual(["shape.wrong_type"]);
  });

  it("apiVersion other than 2020-06-08 is an advisory correlated.api_version (UNVERIFIED)", () => {
    const found = check({ operation: "CreateFilter" }, (r) => (r["apiVersion"] = "v20160216"));
    expect(codes(found)).toEqual(["correlated.api_version"]);
    expect(found[0]!.severity).toBe("advisory");
  });
});

describe("logging mode of v2 records", () => {
  it("a mutating call whose response is not logged is logging.response_missing", () => {
    expect(codes(check({ operation: "CreateFilter" }, (r) => (r["responseElements"] = null)))).toEqual(["logging.response_missing"]);
    expect(codes(check({ operation: "CreateFilter" }, (r) => (r["responseElements"] = { arn: `${FILTER_ARN}x` })))).toEqual(["logging.response_mismatch"]);
  });

  it("a read with responseElements is logging.response_logged_for_read (Get, BatchGet, Search included)", () => {
    for (const op of ["ListFindings", "GetEncryptionKey", "BatchGetAccountStatus", "SearchVulnerabilities", "DescribeOrganizationConfiguration"]) {
      expect(codes(check({ operation: op }, (r) => (r["responseElements"] = { findings: [] }))), op).toEqual(["logging.response_logged_for_read"]);
    }
  });

  it("a read whose responseElements is absent is the advisory logging.response_absent_not_null", () => {
    const found = check({ operation: "ListTagsForResource" }, (r) => delete r["responseElements"]);
    expect(codes(found)).toEqual(["logging.response_absent_not_null"]);
    expect(found[0]!.severity).toBe("advisory");
  });

  it("an operation without output members logging {} is logging.response_not_null_for_empty_output", () => {
    for (const op of ["TagResource", "UntagResource", "UpdateEncryptionKey", "DeleteConnector"]) {
      expect(codes(check({ operation: op }, (r) => (r["responseElements"] = {}))), op).toEqual(["logging.response_not_null_for_empty_output"]);
    }
  });

  it("a v2 call naming a Classic-only operation is logging.unknown_operation, naming v2 and its 81 operations", () => {
    const p = buildV2Pair({ operation: "ListFindings" });
    p.call.operation = "DescribeFindings";
    p.record["eventName"] = "DescribeFindings";
    const found = checkCall(p.call, p.record, p.ctx).filter((f) => f.code === "logging.unknown_operation");
    expect(found).toHaveLength(1);
    expect(found[0]!.expected).toBe("one of the 81 Amazon Inspector (v2) operations");
    const classic = buildPair({ kind: "IAMUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08" });
    classic.call.operation = "TagResource";
    expect(checkCall(classic.call, classic.record, classic.ctx).find((f) => f.code === "logging.unknown_operation")!.expected)
      .toBe("one of the 37 Inspector Classic operations");
  });
});

describe("v2 calls whose outcome is unknown", () => {
  const lost = (spec: V2Spec) => {
    const p = buildV2Pair(spec);
    p.call = { ...p.call, outcome: "unknown", unknownCause: "truncated", response: null };
    return p;
  };

  it("a faithful record passes; a read or an empty-output operation must still log no response", () => {
    for (const op of ["ListFindings", "CreateFilter", "TagResource"]) {
      const p = lost({ operation: op });
      expect(checkCall(p.call, p.record, p.ctx), op).toEqual([]);
    }
    const read = lost({ operation: "ListFindings" });
    read.record["responseElements"] = { findings: [] };
    expect(codes(checkCall(read.call, read.record, read.ctx))).toEqual(["logging.response_logged_for_read"]);
    const tag = lost({ operation: "TagResource" });
    tag.record["responseElements"] = {};
    expect(codes(checkCall(tag.call, tag.record, tag.ctx))).toEqual(["logging.response_not_null_for_empty_output"]);
  });
});

describe("error fields of v2 records", () => {
  const failed: V2Spec = { operation: "CreateFilter", outcome: "error", error: { code: "AccessDeniedException", message: "User is not authorized", httpStatus: 403 } };

  it("errorCode \"403\" (the HTTP status) or \"400\" instead of the error type is error.code_mismatch", () => {
    expect(codes(check(failed, (r) => (r["errorCode"] = "403")))).toEqual(["error.code_mismatch"]);
    const validation: V2Spec = { operation: "TagResource", outcome: "error" };
    expect(codes(check(validation, (r) => (r["errorCode"] = "400")))).toEqual(["error.code_mismatch"]);
  });

  it("a missing errorMessage, or responseElements on a failed call, are their own codes", () => {
    expect(codes(check(failed, (r) => delete r["errorMessage"]))).toEqual(["error.message_missing"]);
    expect(codes(check(failed, (r) => (r["responseElements"] = { arn: FILTER_ARN })))).toEqual(["error.response_not_null"]);
    expect(codes(check({ operation: "CreateFilter" }, (r) => (r["errorCode"] = "ValidationException")))).toEqual(["error.unexpected_error_code"]);
  });
});

describe("requestParameters of v2 records (members by member name, from every location)", () => {
  it("TagResource without the path member resourceArn is echo.uri_member_missing; another ARN is echo.uri_member_mismatch", () => {
    const missing = check({ operation: "TagResource" }, (r) => delete params(r)["resourceArn"]);
    expect(codes(missing)).toEqual(["echo.uri_member_missing"]);
    expect(missing[0]).toMatchObject({ path: "requestParameters.resourceArn", expected: FILTER_ARN, severity: "required" });
    expect(codes(check({ operation: "TagResource" }, (r) => (params(r)["resourceArn"] = encodeURIComponent(FILTER_ARN))))).toEqual(["echo.uri_member_mismatch"]);
    expect(codes(check({ operation: "ListTagsForResource" }, (r) => delete params(r)["resourceArn"]))).toEqual(["echo.uri_member_missing"]);
  });

  it("UntagResource without the query member tagKeys is echo.query_member_missing; other keys are echo.query_member_mismatch", () => {
    const missing = check({ operation: "UntagResource" }, (r) => delete params(r)["tagKeys"]);
    expect(codes(missing)).toEqual(["echo.query_member_missing"]);
    expect(missing[0]).toMatchObject({ path: "requestParameters.tagKeys", expected: ["team", "owner"], severity: "required" });
    expect(codes(check({ operation: "UntagResource" }, (r) => (params(r)["tagKeys"] = ["team"])))).toEqual(["echo.query_member_mismatch"]);
    expect(codes(check({ operation: "UntagResource" }, (r) => (params(r)["tagKeys"] = "team,owner")))).toEqual(["echo.query_member_mismatch"]);
    expect(codes(check({ operation: "GetEncryptionKey" }, (r) => delete params(r)["scanType"]))).toEqual(["echo.query_member_missing"]);
  });

  it("a query value not of its member's type (maxResults=ten): left out or logged otherwise is advisory; a number left out is required", () => {
    const text = buildV2Pair({ operation: "ListCodeSecurityIntegrations", request: { maxResults: "ten" } });
    delete params(text.record)["maxResults"];
    const found = checkCall(text.call, text.record, text.ctx);
    expect(found.map((f) => [f.code, f.severity])).toEqual([["echo.query_member_missing", "advisory"]]);
    const other = buildV2Pair({ operation: "ListCodeSecurityIntegrations", request: { maxResults: "ten" } });
    params(other.record)["maxResults"] = 10;
    expect(checkCall(other.call, other.record, other.ctx).map((f) => [f.code, f.severity])).toEqual([["echo.query_member_mismatch", "advisory"]]);
    // The other members of such a request are undetermined too: a body member left out is advisory there, required elsewhere.
    const withBody = buildV2Pair({ operation: "ListCodeSecurityScanConfigurationAssociations", request: { maxResults: "not-a-number", scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/codesecurity-configuration/abc" } });
    withBody.record["requestParameters"] = null;
    expect(checkCall(withBody.call, withBody.record, withBody.ctx).map((f) => [f.code, f.severity]).sort()).toEqual([["echo.query_member_missing", "advisory"], ["echo.request_mismatch", "advisory"]]);
    const valid = buildV2Pair({ operation: "ListCodeSecurityScanConfigurationAssociations", request: { maxResults: 5, scanConfigurationArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/codesecurity-configuration/abc" } });
    valid.record["requestParameters"] = null;
    expect(checkCall(valid.call, valid.record, valid.ctx).map((f) => [f.code, f.severity]).sort()).toEqual([["echo.query_member_missing", "required"], ["echo.request_mismatch", "required"]]);
    const number = buildV2Pair({ operation: "ListCodeSecurityIntegrations", request: { maxResults: 5 } });
    delete params(number.record)["maxResults"];
    expect(checkCall(number.call, number.record, number.ctx).map((f) => [f.code, f.severity])).toEqual([["echo.query_member_missing", "required"]]);
  });

  it("a query member the call did not send but the record holds is echo.query_member_mismatch", () => {
    const p = buildV2Pair({ operation: "ListCodeSecurityIntegrations", request: { maxResults: 5 } });
    params(p.record)["nextToken"] = "t9";
    expect(codes(checkCall(p.call, p.record, p.ctx))).toEqual(["echo.query_member_mismatch"]);
  });

  it("a body member missing or renamed, or requestParameters null, is echo.request_mismatch; absent is echo.request_missing (and shape)", () => {
    expect(codes(check({ operation: "TagResource" }, (r) => delete params(r)["tags"]))).toEqual(["echo.request_mismatch"]);
    expect(codes(check({ operation: "CreateFilter" }, (r) => {
      params(r)["filter_criteria"] = params(r)["filterCriteria"];
      delete params(r)["filterCriteria"];
    }))).toEqual(["echo.request_mismatch"]);
    expect(codes(check({ operation: "CreateFilter" }, (r) => (r["requestParameters"] = null)))).toEqual(["echo.request_mismatch"]);
    // null where path and query members were sent lacks each of them, named by its location.
    expect(codes(check({ operation: "ListTagsForResource" }, (r) => (r["requestParameters"] = null)))).toEqual(["echo.uri_member_missing"]);
    expect(codes(check({ operation: "UntagResource" }, (r) => (r["requestParameters"] = null))).sort()).toEqual(["echo.query_member_missing", "echo.uri_member_missing"]);
    expect(codes(check({ operation: "TagResource" }, (r) => (r["requestParameters"] = "resourceArn")))).toEqual(["echo.request_mismatch"]);
    // requestParameters is Optional False: its absence is the shape rule's finding as well.
    expect(codes(check({ operation: "TagResource" }, (r) => delete r["requestParameters"]))).toEqual(["echo.request_missing", "shape.missing_field"]);
  });

  it("an operation without input members: null passes, {} is the advisory echo.no_input_not_null, anything else echo.request_mismatch", () => {
    expect(check({ operation: "DescribeOrganizationConfiguration" })).toEqual([]);
    const empty = check({ operation: "GetDelegatedAdminAccount" }, (r) => (r["requestParameters"] = {}));
    expect(codes(empty)).toEqual(["echo.no_input_not_null"]);
    expect(empty[0]!.severity).toBe("advisory");
    expect(codes(check({ operation: "GetEc2DeepInspectionConfiguration" }, (r) => (r["requestParameters"] = { x: 1 })))).toEqual(["echo.request_mismatch"]);
  });

  it("a header-bound member missing or different is advisory (UNVERIFIED); no v2 input binds one today", () => {
    const bindings = [
      { member: "clientToken", location: "header" as const, wireName: "X-Client-Token", required: false },
      { member: "name", location: "body" as const, wireName: "name", required: true },
    ];
    const request = { clientToken: "tok-1", name: "n" };
    expect(checkBoundMembers(bindings, request, { clientToken: "tok-1", name: "n" })).toEqual([]);
    const missing = checkBoundMembers(bindings, request, { name: "n" });
    expect(missing.map((f) => [f.code, f.severity])).toEqual([["echo.header_member_missing", "advisory"]]);
    const other = checkBoundMembers(bindings, request, { clientToken: "tok-2", name: "n" });
    expect(other.map((f) => [f.code, f.severity])).toEqual([["echo.header_member_mismatch", "advisory"]]);
  });
});
