/**
 * One non-conforming case per finding code. The table is typed Record<FindingCode, …>, so the
 * compiler refuses a code without a case: the closed set and its tests stay in step.
 */
import { describe, expect, it } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { checkCompleteness } from "../../oracles/completeness.js";
import { checkLookupConsistency } from "../../oracles/lookup-consistency.js";
import { parseDocExample } from "../../oracles/doc-example.js";
import { FindingCodeSchema, defaultSeverity, type Finding, type FindingCode } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { buildPair, type Pair, type PairSpec } from "./record-builder.js";
import { checkBoundMembers } from "../../oracles/echo-rule.js";
import { buildV2Pair } from "./inspector2-builder.js";

const base: PairSpec = { kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "ok", edition: "2020", eventVersion: "1.08" };

/** Builds a pair, applies one edit to its record (and optionally its call), and checks it. */
function check(spec: Partial<PairSpec>, edit: (record: Record<string, unknown>, p: Pair) => void): Finding[] {
  const p = buildPair({ ...base, ...spec });
  edit(p.record, p);
  return checkCall(p.call, p.record, p.ctx);
}
const ui = (r: Record<string, unknown>) => r["userIdentity"] as Record<string, unknown>;
const issuer = (r: Record<string, unknown>) => (ui(r)["sessionContext"] as Record<string, Record<string, unknown>>)["sessionIssuer"]!;

function run(pairs: Pair[], records: unknown[], calls?: ObservedCall[]): Finding[] {
  return checkCompleteness(calls ?? pairs.map((p) => p.call), records, pairs[0]!.ctx).findings;
}
/** Builds a faithful v2 pair, edits its requestParameters, and checks it. */
function checkV2(operation: string, edit: (params: Record<string, unknown>) => void): Finding[] {
  const p = buildV2Pair({ operation });
  edit(p.record["requestParameters"] as Record<string, unknown>);
  return checkCall(p.call, p.record, p.ctx);
}
/** A header-bound member (no v2 input binds one today), checked through the bindings directly. */
const HEADER_BINDING = [{ member: "clientToken", location: "header" as const, wireName: "X-Client-Token", required: false }];
const two = (): Pair[] => [buildPair({ ...base, seq: 1 }), buildPair({ ...base, seq: 2 })];

const CASES: Record<FindingCode, () => Finding[]> = {
  "shape.unparseable_record": () => { const p = buildPair(base); return checkCall(p.call, `${JSON.stringify(p.record).slice(0, 40)}`, p.ctx); },
  "shape.not_an_object": () => { const p = buildPair(base); return checkCall(p.call, [p.record], p.ctx); },
  "shape.nesting_too_deep": () => { const p = buildPair(base); return checkCall(p.call, { ...p.record, requestParameters: JSON.parse(`${"[".repeat(65)}1${"]".repeat(65)}`) as unknown }, p.ctx); },
  "shape.missing_field": () => check({}, (r) => delete r["awsRegion"]),
  "shape.wrong_type": () => check({}, (r) => (r["readOnly"] = "false")),
  "shape.bad_event_time": () => check({}, (r) => (r["eventTime"] = "2026-05-01 12:00:01")),
  "shape.bad_event_id": () => check({}, (r) => (r["eventID"] = "not-a-guid")),
  "shape.bad_event_version": () => check({}, (r) => (r["eventVersion"] = "1.8b")),
  "logging.unknown_operation": () => check({}, (_r, p) => (p.call.operation = "DescribeEverything")),
  "logging.response_logged_for_read": () => check({ operation: "ListFindings" }, (r) => (r["responseElements"] = { findingArns: [] })),
  "logging.response_missing": () => check({}, (r) => (r["responseElements"] = null)),
  "logging.response_mismatch": () => check({}, (r) => (r["responseElements"] = { nextToken: "other" })),
  "logging.response_not_null_for_empty_output": () => check({ operation: "StopAssessmentRun" }, (r) => (r["responseElements"] = {})),
  "logging.response_absent_not_null": () => check({ operation: "DescribeFindings" }, (r) => delete r["responseElements"]),
  "error.code_missing": () => check({ outcome: "error" }, (r) => delete r["errorCode"]),
  "error.code_mismatch": () => check({ outcome: "error" }, (r) => (r["errorCode"] = "InvalidInput")),
  "error.message_missing": () => check({ outcome: "error" }, (r) => delete r["errorMessage"]),
  "error.message_mismatch": () => check({ outcome: "error" }, (r) => (r["errorMessage"] = "Something else")),
  "error.response_not_null": () => check({ outcome: "error" }, (r) => (r["responseElements"] = {})),
  "error.unexpected_error_code": () => check({}, (r) => (r["errorCode"] = "InternalException")),
  "echo.request_missing": () => check({}, (r) => delete r["requestParameters"]),
  "echo.request_mismatch": () => check({}, (r) => (r["requestParameters"] = { resourceArn: "arn:aws:inspector:us-west-2:111122223333:target/0-OTHER" })),
  "echo.no_input_not_null": () => check({ operation: "DescribeCrossAccountAccessRole" }, (r) => (r["requestParameters"] = {})),
  "echo.uri_member_missing": () => checkV2("TagResource", (q) => delete q["resourceArn"]),
  "echo.uri_member_mismatch": () => checkV2("TagResource", (q) => (q["resourceArn"] = "arn:aws:inspector2:us-west-2:111122223333:owner/111122223333/filter/other")),
  "echo.query_member_missing": () => checkV2("UntagResource", (q) => delete q["tagKeys"]),
  "echo.query_member_mismatch": () => checkV2("UntagResource", (q) => (q["tagKeys"] = ["other"])),
  "echo.header_member_missing": () => checkBoundMembers(HEADER_BINDING, { clientToken: "t1" }, {}),
  "echo.header_member_mismatch": () => checkBoundMembers(HEADER_BINDING, { clientToken: "t1" }, { clientToken: "t2" }),
  "identity.type_mismatch": () => check({}, (r) => (ui(r)["type"] = "AssumedRole")),
  "identity.arn_mismatch": () => check({}, (r) => (ui(r)["arn"] = "arn:aws:iam::111122223333:user/Mallory")),
  "identity.arn_form": () => check({ kind: "AssumedRole" }, (r) => (ui(r)["arn"] = "arn:aws:iam::111122223333:user/Alice")),
  "identity.principal_id_mismatch": () => check({}, (r) => (ui(r)["principalId"] = "AIDAOTHEROTHEREXAMPLE")),
  "identity.access_key_mismatch": () => check({}, (r) => (ui(r)["accessKeyId"] = "AKIAOTHEROTHEREXAMPL")),
  "identity.account_mismatch": () => check({}, (r) => (ui(r)["accountId"] = "444455556666")),
  "identity.session_context_missing": () => check({ kind: "AssumedRole" }, (r) => delete ui(r)["sessionContext"]),
  "identity.session_issuer_mismatch": () => check({ kind: "FederatedUser" }, (r) => (issuer(r)["type"] = "Role")),
  "identity.user_name_rule": () => check({ kind: "Root" }, (r) => (ui(r)["userName"] = "Root")),
  "identity.expectation_incomplete": () => check({ kind: "AssumedRole" }, (_r, p) => delete p.call.identity.roleArn),
  "correlated.event_source": () => check({}, (r) => (r["eventSource"] = "inspector2.amazonaws.com")),
  "correlated.event_name": () => check({}, (r) => (r["eventName"] = "CreateAssessmentTemplate")),
  "correlated.aws_region": () => check({}, (r) => (r["awsRegion"] = "us-east-1")),
  "correlated.recipient_account": () => check({}, (r) => (r["recipientAccountId"] = "444455556666")),
  "correlated.event_type": () => check({}, (r) => (r["eventType"] = "AwsServiceEvent")),
  "correlated.api_version": () => check({}, (r) => (r["apiVersion"] = "2016-02-16")),
  "correlated.read_only": () => check({}, (r) => (r["readOnly"] = true)),
  "correlated.read_only_missing": () => check({}, (r) => delete r["readOnly"]),
  "correlated.management_event": () => check({}, (r) => (r["managementEvent"] = false)),
  "correlated.event_category": () => check({}, (r) => (r["eventCategory"] = "Data")),
  "correlated.request_id": () => check({}, (r) => (r["requestID"] = "ffffffff-0000-4000-8000-000000000000")),
  "correlated.event_id_duplicate": () => {
    const [a, b] = two();
    return run([a!, b!], [a!.record, { ...b!.record, eventID: a!.record["eventID"] }]);
  },
  "correlated.event_time_outside_call": () => check({}, (r) => (r["eventTime"] = "2026-05-01T12:10:00Z")),
  "correlated.source_ip": () => check({}, (r) => (r["sourceIPAddress"] = "")),
  "correlated.user_agent": () => check({}, (r) => delete r["userAgent"]),
  "completeness.missing_record": () => { const [a, b] = two(); return run([a!, b!], [a!.record]); },
  "completeness.duplicate_record": () => {
    const [a] = two();
    return run([a!], [a!.record, { ...a!.record, eventID: "6e9d2c1a-0000-4000-8000-000000000001" }]);
  },
  "completeness.duplicate_delivery": () => { const [a] = two(); return run([a!], [a!.record, structuredClone(a!.record)]); },
  "completeness.extra_record": () => { const [a, b] = two(); return run([a!], [a!.record, b!.record]); },
  "completeness.record_for_unsent_call": () => {
    const [a] = two();
    const unsent: ObservedCall = { ...a!.call, sentToService: false, outcome: "error", response: null };
    delete unsent.requestId;
    return run([a!], [a!.record], [unsent]);
  },
  "completeness.unknown_call_without_record": () => {
    const [a] = two();
    const lost: ObservedCall = { ...a!.call, outcome: "unknown", unknownCause: "reset", response: null };
    delete lost.requestId;
    return run([a!], [], [lost]);
  },
  "completeness.record_of_unknown_call": () => {
    // The unknown call's near match takes one record; a second copy under another requestID (a retry) is the unknown call's too.
    const [a] = two();
    const lost: ObservedCall = { ...a!.call, outcome: "unknown", unknownCause: "timeout", response: null };
    delete lost.requestId;
    return run([a!], [a!.record, { ...a!.record, requestID: "retried", eventID: "6e9d2c1a-0000-4000-8000-000000000002" }], [lost]);
  },
  "completeness.lookup_incomplete": () => {
    const p = buildPair(base);
    const t = Date.parse(String(p.record["eventTime"]));
    return checkLookupConsistency([p.call], [p.record], "inspector.amazonaws.com", { start: new Date(t - 5000), end: new Date(t + 5000) });
  },
  "completeness.outside_filter": () => {
    const p = buildPair(base);
    const sts = { ...p.record, eventSource: "sts.amazonaws.com", eventName: "AssumeRole", requestID: "other-request", eventID: "7a3f1c52-9d1e-4f5a-8b8e-2f6c1d0e9a11" };
    return checkCompleteness([p.call], [p.record, sts], { ...p.ctx, lookupEventSource: "inspector.amazonaws.com" }).findings;
  },
  "fixture.repaired_json": () => parseDocExample('{"eventVersion": "1.03"},\n', "inline").findings,
  "fixture.inconsistent_identity": () =>
    parseDocExample(JSON.stringify({ userIdentity: { type: "AssumedRole", principalId: "AIDAX", arn: "arn:aws:iam::444455556666:user/Alice" } }), "inline").findings,
};

describe("every finding code has a non-conforming case that yields it", () => {
  it("the table covers the closed set exactly", () => {
    expect(Object.keys(CASES).sort()).toEqual([...FindingCodeSchema.options].sort());
  });
  it.each(Object.entries(CASES) as Array<[FindingCode, () => Finding[]]>)("%s", (code, make) => {
    const findings = make();
    const hit = findings.find((f) => f.code === code);
    expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(hit!.severity).toBe(defaultSeverity(code));
    expect(hit!.message).toContain(`[${code}]`);
    expect(hit!.message).toContain("Hint:");
  });
});
