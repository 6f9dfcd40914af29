/**
 * Property: every single-field corruption of a conforming record yields at least one required
 * finding with the expected code. Pairs come from the test's own builder, never from the emulator.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { versionAtLeast } from "../../oracles/event-version.js";
import type { FindingCode } from "../../oracles/finding.js";
import { expectedResponseElements, operationLogging } from "../../oracles/logging-mode.js";
import { pairArb, type Pair } from "./record-builder.js";

type Rec = Record<string, unknown>;
interface Mutation {
  name: string;
  code: FindingCode;
  applies: (p: Pair) => boolean;
  apply: (r: Rec, p: Pair) => void;
}

const always = (): boolean => true;
const ui = (r: Rec) => r["userIdentity"] as Rec;
const temporary = (p: Pair) => p.spec.kind === "AssumedRole" || p.spec.kind === "FederatedUser";
const okWith = (want: "null" | "response", emptyOutput?: boolean) => (p: Pair) => {
  const row = operationLogging(p.spec.operation)!;
  return p.spec.outcome === "ok" && expectedResponseElements(row, p.spec.edition) === want && (emptyOutput === undefined || row.emptyOutput === emptyOutput);
};
const readOnlyNull = (p: Pair) => okWith("null")(p) && operationLogging(p.spec.operation)!.mode[p.spec.edition] === "request-only";
const hasInput = (p: Pair) => !operationLogging(p.spec.operation)!.noInput;

const MUTATIONS: Mutation[] = [
  { name: "drop eventTime", code: "shape.missing_field", applies: always, apply: (r) => delete r["eventTime"] },
  { name: "drop eventID", code: "shape.missing_field", applies: always, apply: (r) => delete r["eventID"] },
  { name: "drop eventCategory (>=1.07)", code: "shape.missing_field", applies: (p) => versionAtLeast(p.spec.eventVersion, "1.07"), apply: (r) => delete r["eventCategory"] },
  { name: "readOnly as string", code: "shape.wrong_type", applies: always, apply: (r) => (r["readOnly"] = String(r["readOnly"])) },
  { name: "eventTime with offset", code: "shape.bad_event_time", applies: always, apply: (r) => (r["eventTime"] = "2026-05-01T14:00:01+02:00") },
  { name: "eventID not a GUID", code: "shape.bad_event_id", applies: always, apply: (r) => (r["eventID"] = "5f0c3a9e1b2d4c3e9f4a") },
  { name: "eventVersion garbage", code: "shape.bad_event_version", applies: always, apply: (r) => (r["eventVersion"] = "v1") },
  { name: "response logged for read", code: "logging.response_logged_for_read", applies: readOnlyNull, apply: (r, p) => (r["responseElements"] = p.call.response ?? {}) },
  { name: "response dropped", code: "logging.response_missing", applies: okWith("response"), apply: (r) => (r["responseElements"] = null) },
  { name: "response altered", code: "logging.response_mismatch", applies: okWith("response"), apply: (r) => (r["responseElements"] = { ...(r["responseElements"] as Rec), injected: 1 }) },
  { name: "response for empty output", code: "logging.response_not_null_for_empty_output", applies: okWith("null", true), apply: (r) => (r["responseElements"] = {}) },
  { name: "errorCode dropped", code: "error.code_missing", applies: (p) => p.spec.outcome === "error", apply: (r) => delete r["errorCode"] },
  { name: "errorCode altered", code: "error.code_mismatch", applies: (p) => p.spec.outcome === "error", apply: (r) => (r["errorCode"] = "AccessDeniedException") },
  { name: "errorMessage dropped", code: "error.message_missing", applies: (p) => p.spec.outcome === "error", apply: (r) => delete r["errorMessage"] },
  { name: "errorMessage altered", code: "error.message_mismatch", applies: (p) => p.spec.outcome === "error", apply: (r) => (r["errorMessage"] = "changed") },
  { name: "error with response", code: "error.response_not_null", applies: (p) => p.spec.outcome === "error", apply: (r) => (r["responseElements"] = { x: 1 }) },
  { name: "success with errorCode", code: "error.unexpected_error_code", applies: (p) => p.spec.outcome === "ok", apply: (r) => (r["errorCode"] = "InternalException") },
  { name: "requestParameters dropped", code: "echo.request_missing", applies: always, apply: (r) => delete r["requestParameters"] },
  { name: "requestParameters altered", code: "echo.request_mismatch", applies: hasInput, apply: (r) => (r["requestParameters"] = { ...(r["requestParameters"] as Rec), injected: true }) },
  { name: "type changed", code: "identity.type_mismatch", applies: always, apply: (r, p) => (ui(r)["type"] = p.spec.kind === "IAMUser" ? "AssumedRole" : "IAMUser") },
  { name: "arn changed", code: "identity.arn_mismatch", applies: always, apply: (r) => (ui(r)["arn"] = `${String(ui(r)["arn"])}x`) },
  { name: "principalId changed", code: "identity.principal_id_mismatch", applies: always, apply: (r) => (ui(r)["principalId"] = "AIDAZZZZZZZZZZEXAMPLE") },
  { name: "accessKeyId emptied", code: "identity.access_key_mismatch", applies: always, apply: (r) => (ui(r)["accessKeyId"] = "") },
  { name: "accountId changed", code: "identity.account_mismatch", applies: always, apply: (r) => (ui(r)["accountId"] = "999999999999") },
  { name: "sessionContext dropped", code: "identity.session_context_missing", applies: temporary, apply: (r) => delete ui(r)["sessionContext"] },
  { name: "sessionIssuer arn changed", code: "identity.session_issuer_mismatch", applies: temporary,
    apply: (r) => (((ui(r)["sessionContext"] as Rec)["sessionIssuer"] as Rec)["arn"] = "arn:aws:iam::111122223333:role/Other") },
  { name: "sessionIssuer added to long-term key", code: "identity.session_issuer_mismatch", applies: (p) => !temporary(p),
    apply: (r) => (ui(r)["sessionContext"] = { sessionIssuer: { type: "Role", arn: "arn:aws:iam::111122223333:role/X" } }) },
  { name: "userName rule broken", code: "identity.user_name_rule", applies: always,
    apply: (r, p) => (ui(r)["userName"] = p.spec.kind === "Root" ? "Root" : p.spec.kind === "IAMUser" ? "Bob" : "session-user") },
  { name: "eventSource", code: "correlated.event_source", applies: always, apply: (r) => (r["eventSource"] = "inspector2.amazonaws.com") },
  { name: "eventName", code: "correlated.event_name", applies: always, apply: (r) => (r["eventName"] = `${String(r["eventName"])}V2`) },
  { name: "awsRegion", code: "correlated.aws_region", applies: always, apply: (r) => (r["awsRegion"] = "eu-west-1") },
  { name: "recipientAccountId", code: "correlated.recipient_account", applies: always, apply: (r) => (r["recipientAccountId"] = "999999999999") },
  { name: "eventType", code: "correlated.event_type", applies: always, apply: (r) => (r["eventType"] = "AwsConsoleAction") },
  { name: "readOnly flipped", code: "correlated.read_only", applies: always, apply: (r) => (r["readOnly"] = !r["readOnly"]) },
  { name: "managementEvent false", code: "correlated.management_event", applies: (p) => versionAtLeast(p.spec.eventVersion, "1.06"), apply: (r) => (r["managementEvent"] = false) },
  { name: "eventCategory Data", code: "correlated.event_category", applies: (p) => versionAtLeast(p.spec.eventVersion, "1.07"), apply: (r) => (r["eventCategory"] = "Data") },
  { name: "requestID changed", code: "correlated.request_id", applies: always, apply: (r) => (r["requestID"] = "other-request") },
  { name: "eventTime an hour late", code: "correlated.event_time_outside_call", applies: always, apply: (r) => (r["eventTime"] = "2026-05-01T13:00:01Z") },
  { name: "eventTime a minute early", code: "correlated.event_time_outside_call", applies: always, apply: (r) => (r["eventTime"] = "2026-05-01T11:59:00Z") },
  { name: "sourceIPAddress empty", code: "correlated.source_ip", applies: always, apply: (r) => (r["sourceIPAddress"] = "") },
  { name: "userAgent empty", code: "correlated.user_agent", applies: always, apply: (r) => (r["userAgent"] = "") },
];

const caseArb = fc
  .tuple(pairArb, fc.constantFrom(...MUTATIONS))
  .filter(([p, m]) => m.applies(p));

test.prop([caseArb], { numRuns: 600 })("a single-field corruption yields a required finding with the expected code", ([p, m]) => {
  m.apply(p.record, p);
  const findings = checkCall(p.call, p.record, p.ctx);
  const hit = findings.find((f) => f.code === m.code && f.severity === "required");
  expect(hit, `${m.name}: ${JSON.stringify(findings.map((f) => f.code))}`).toBeDefined();
});

test.prop([pairArb], { numRuns: 100 })("every mutation that applies to a pair is detected on it", (p) => {
  for (const m of MUTATIONS.filter((x) => x.applies(p))) {
    const copy = structuredClone(p);
    m.apply(copy.record, copy);
    const codes = checkCall(copy.call, copy.record, copy.ctx).filter((f) => f.severity === "required").map((f) => f.code);
    expect(codes, m.name).toContain(m.code);
  }
});
