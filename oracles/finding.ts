/**
 * Findings: what a rule reports. Data first (a closed code, a JSON path, expected and actual
 * values, a severity), words second (the message, built in messages.ts). Modelled on zod's issues.
 */
import { z } from "zod";
import { messageFor } from "./messages.js";

/** Every finding code, grouped by rule family (docs/rules.md). The set is closed on purpose. */
export const FindingCodeSchema = z.enum([
  // 1. shape
  "shape.unparseable_record",
  "shape.not_an_object",
  "shape.nesting_too_deep",
  "shape.missing_field",
  "shape.wrong_type",
  "shape.bad_event_time",
  "shape.bad_event_id",
  "shape.bad_event_version",
  // 2. logging mode by operation class
  "logging.unknown_operation",
  "logging.response_logged_for_read",
  "logging.response_missing",
  "logging.response_mismatch",
  "logging.response_not_null_for_empty_output",
  "logging.response_absent_not_null",
  // 2. (last bullet) error events
  "error.code_missing",
  "error.code_mismatch",
  "error.message_missing",
  "error.message_mismatch",
  "error.response_not_null",
  "error.unexpected_error_code",
  // 3. request echo
  "echo.request_missing",
  "echo.request_mismatch",
  "echo.no_input_not_null",
  "echo.uri_member_missing",
  "echo.uri_member_mismatch",
  "echo.query_member_missing",
  "echo.query_member_mismatch",
  "echo.header_member_missing",
  "echo.header_member_mismatch",
  // 4. identity
  "identity.type_mismatch",
  "identity.arn_mismatch",
  "identity.arn_form",
  "identity.principal_id_mismatch",
  "identity.access_key_mismatch",
  "identity.account_mismatch",
  "identity.session_context_missing",
  "identity.session_issuer_mismatch",
  "identity.user_name_rule",
  "identity.expectation_incomplete",
  // 5. correlated fields
  "correlated.event_source",
  "correlated.event_name",
  "correlated.aws_region",
  "correlated.recipient_account",
  "correlated.event_type",
  "correlated.api_version",
  "correlated.read_only",
  "correlated.read_only_missing",
  "correlated.management_event",
  "correlated.event_category",
  "correlated.request_id",
  "correlated.event_id_duplicate",
  "correlated.event_time_outside_call",
  "correlated.source_ip",
  "correlated.user_agent",
  // 6. completeness
  "completeness.missing_record",
  "completeness.duplicate_record",
  "completeness.duplicate_delivery",
  "completeness.extra_record",
  "completeness.record_for_unsent_call",
  "completeness.outside_filter",
  "completeness.lookup_incomplete",
  "completeness.unknown_call_without_record",
  "completeness.record_of_unknown_call",
  // test data (AWS documentation records)
  "fixture.repaired_json",
  "fixture.inconsistent_identity",
]);

/** A finding code: `<family>.<what>`. */
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** The rule family of a code: the part before the dot. */
export type RuleFamily = "shape" | "logging" | "error" | "echo" | "identity" | "correlated" | "completeness" | "fixture";

/** required: breaks a documented rule (fails the run). advisory: reported, never fails the run. */
export const SeveritySchema = z.enum(["required", "advisory"]);
/** How much a finding weighs in the verdict. */
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * Where the record a finding is about was read: LookupEvents (`lookup-events`) or a trail log file
 * (`trail-file`). The oracles leave it unset; the harness sets it when it merges the two collectors.
 */
export const FindingChannelSchema = z.enum(["lookup-events", "trail-file"]);
/** The collector a finding's record came from. */
export type FindingChannel = z.infer<typeof FindingChannelSchema>;

/** One finding: a rule the record (or the set of records) does not meet. */
export const FindingSchema = z.object({
  code: FindingCodeSchema,
  /** JSON path into the record (`userIdentity.type`), or `calls[seq=N]` / `records[i]` for completeness. */
  path: z.string(),
  /** Absent (undefined, so not in JSON) when the rule expects the field to be absent. */
  expected: z.unknown().optional(),
  /** Absent (undefined, so not in JSON) when the record lacks the field. */
  actual: z.unknown().optional(),
  severity: SeveritySchema,
  message: z.string(),
  /** The collector whose record showed it; absent where no harness said (older reports, the oracles' own tests). */
  channel: FindingChannelSchema.optional(),
});
/** One finding. */
export type Finding = z.infer<typeof FindingSchema>;

/**
 * Codes that are advisory by default: where AWS's documents disagree or say nothing firm
 * (responseElements null vs absent: the current and 2023 editions of AWS's "CloudTrail record contents" page;
 * apiVersion "v20160216": the examples of "Logging Amazon Inspector Classic API calls with AWS CloudTrail";
 * requestParameters of an operation without input: UNVERIFIED; docs/decisions.md),
 * and the UNVERIFIED rules of Amazon Inspector (v2) (oracles/services: its apiVersion, header-bound
 * members in requestParameters).
 */
const ADVISORY_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "logging.response_absent_not_null",
  "echo.no_input_not_null",
  "echo.header_member_missing",
  "echo.header_member_mismatch",
  "correlated.api_version",
  "correlated.read_only_missing",
  "completeness.duplicate_delivery",
  // A call without a complete answer may or may not have reached the service (docs/targets.md, "When the target misbehaves").
  "completeness.unknown_call_without_record",
  "completeness.record_of_unknown_call",
  "fixture.repaired_json",
  "fixture.inconsistent_identity",
]);

/** The default severity of a code. */
export function defaultSeverity(code: FindingCode): Severity {
  return ADVISORY_CODES.has(code) ? "advisory" : "required";
}

/** The rule family a code belongs to. */
export function familyOf(code: FindingCode): RuleFamily {
  return code.slice(0, code.indexOf(".")) as RuleFamily;
}

/** Builds a finding with its message (from messages.ts) and its default severity unless one is given. */
export function finding(code: FindingCode, path: string, expected: unknown, actual: unknown, severity?: Severity): Finding {
  return { code, path, expected, actual, severity: severity ?? defaultSeverity(code), message: messageFor(code, path, expected, actual) };
}

/** Only the findings that fail a run. */
export function requiredFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "required");
}
