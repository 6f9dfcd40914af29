/**
 * The suite's self-test table: for each named fault of the reference emulator (emulator/faults),
 * the finding codes that name the rule it breaks. A fault run must end in verdict fail with at least
 * one required finding among these codes. `singleCall`: one call shows the fault, so its
 * counterexample must be at most 2 calls (the call and any setup it needs).
 */
import type { ServiceId } from "../../model/services.js";
import type { FindingCode } from "../../oracles/finding.js";

/** What catching one fault looks like. */
export interface FaultExpectation {
  codes: readonly FindingCode[];
  singleCall: boolean;
  /** Run region, when the fault is invisible in the default one. */
  region?: string;
  /** The fault is in the trail files: the run must also check them. */
  trail?: boolean;
  /** The services the run checks: the one whose records the fault breaks (Inspector Classic unless said). */
  services?: readonly ServiceId[];
}

const single = (...codes: FindingCode[]): FaultExpectation => ({ codes, singleCall: true });
const multi = (...codes: FindingCode[]): FaultExpectation => ({ codes, singleCall: false });
const v2 = (...codes: FindingCode[]): FaultExpectation => ({ codes, singleCall: true, services: ["inspector2"] });

/** Fault name -> expectation. Every fault of the catalogue must be here (a test checks it). */
export const FAULT_EXPECTATIONS: Record<string, FaultExpectation> = {
  "describe-logs-response": single("logging.response_logged_for_read"),
  "mutating-response-null": single("logging.response_missing"),
  "list-response-empty-object": single("logging.response_logged_for_read"),
  "empty-output-as-object": single("logging.response_not_null_for_empty_output"),
  "assumed-role-as-iam-user": single("identity.type_mismatch"),
  "assumed-role-without-session-context": single("identity.session_context_missing"),
  "other-access-key": single("identity.access_key_mismatch"),
  "federated-user-without-issuer": single("identity.session_context_missing", "identity.session_issuer_mismatch"),
  "root-with-user-name": single("identity.user_name_rule"),
  "drop-eventVersion": single("shape.missing_field"),
  "drop-eventTime": single("shape.missing_field"),
  "drop-eventSource": single("shape.missing_field", "correlated.event_source"),
  "drop-eventName": single("shape.missing_field"),
  "drop-awsRegion": single("shape.missing_field"),
  "drop-sourceIPAddress": single("shape.missing_field"),
  "drop-requestID": single("correlated.request_id"),
  "drop-eventID": single("shape.missing_field"),
  "drop-eventType": single("shape.missing_field"),
  "drop-recipientAccountId": single("shape.missing_field", "correlated.recipient_account"),
  "drop-userIdentity": single("shape.missing_field"),
  "event-source-misspelled": single("correlated.event_source"),
  "event-name-of-other-operation": single("correlated.event_name"),
  "region-fixed-us-east-1": { codes: ["correlated.aws_region"], singleCall: true, region: "eu-west-1" },
  "request-id-mismatch": single("correlated.request_id"),
  "duplicate-event-id": multi("correlated.event_id_duplicate"),
  "event-time-local": single("shape.bad_event_time"),
  "event-time-outside-call": single("correlated.event_time_outside_call"),
  "read-only-as-string": single("shape.wrong_type"),
  "read-only-wrong": single("correlated.read_only"),
  "failed-calls-not-recorded": single("completeness.missing_record"),
  "error-code-missing": single("error.code_missing"),
  "error-message-empty": single("error.message_mismatch", "error.message_missing"),
  "request-parameters-missing-member": single("echo.request_mismatch"),
  "request-parameters-renamed-keys": single("echo.request_mismatch"),
  "response-elements-nested-value": single("logging.response_mismatch"),
  "drop-one-in-50": multi("completeness.missing_record"),
  "extra-record-without-call": multi("completeness.extra_record"),
  "lookup-ignores-event-source": multi("completeness.outside_filter"),
  "lookup-drops-last-page": multi("completeness.lookup_incomplete", "completeness.missing_record"),
  "trail-files-unwrapped": { codes: ["completeness.missing_record"], singleCall: false, trail: true },
  // Inspector v2: each fault breaks one rule of the v2 table, on inspector2 records only.
  "v2-event-name-from-http": v2("correlated.event_name"),
  "v2-event-source-classic": v2("correlated.event_source"),
  "v2-read-only-from-http-method": v2("correlated.read_only"),
  "v2-read-only-as-string": v2("shape.wrong_type"),
  "v2-request-parameters-without-bound-members": v2("echo.uri_member_missing", "echo.query_member_missing"),
  "v2-mutating-response-not-logged": v2("logging.response_missing"),
  "v2-read-logs-response": v2("logging.response_logged_for_read"),
  "v2-empty-output-as-object": v2("logging.response_not_null_for_empty_output"),
  "v2-error-code-from-http-status": v2("error.code_mismatch"),
  "v2-error-message-missing": v2("error.message_missing"),
  "v2-failed-calls-not-recorded": v2("completeness.missing_record"),
  "v2-identity-type-fixed": v2("identity.type_mismatch"),
};
