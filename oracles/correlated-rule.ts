/**
 * Rule 5, correlated fields: fields whose value follows from the call (docs/rules.md rule 5;
 * "CloudTrail record contents for management, data, and network activity events", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 * eventSource, apiVersion (advisory) and readOnly by class come from the call's service profile
 * (oracles/services): Classic `inspector.amazonaws.com`, v2 `inspector2.amazonaws.com`.
 * eventID uniqueness needs all records and lives in completeness.ts.
 */
import { versionAtLeast } from "./event-version.js";
import { finding, type Finding } from "./finding.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { OracleContext } from "./context.js";
import { hasField, type RecordObject } from "./record-input.js";
import { INSPECTOR_API_VERSION, rulesFor } from "./services/index.js";

/** apiVersion as AWS's Inspector Classic example records write it ("Logging Amazon Inspector Classic API calls with AWS CloudTrail"); checked as advisory only. */
export const EXPECTED_API_VERSION = INSPECTOR_API_VERSION;

const nonEmptyString = (v: unknown): boolean => typeof v === "string" && v.length > 0;

function checkEventTime(call: ObservedCall, record: RecordObject, ctx: OracleContext): Finding[] {
  const t = typeof record["eventTime"] === "string" ? Date.parse(record["eventTime"]) : Number.NaN;
  if (Number.isNaN(t)) return []; // the shape rule reports it
  const from = Date.parse(call.startedAt) - ctx.clockSkewMs;
  const to = Date.parse(call.endedAt) + ctx.clockSkewMs;
  // CloudTrail writes whole seconds (the eventTime examples of "CloudTrail record contents for management, data, and network activity events"): allow the truncation below `from`.
  if (t >= Math.floor(from / 1000) * 1000 && t <= to) return [];
  const window = `[${new Date(from).toISOString()}, ${new Date(to).toISOString()}] (skew ${ctx.clockSkewMs} ms)`;
  return [finding("correlated.event_time_outside_call", "eventTime", window, record["eventTime"])];
}

/**
 * Checks the fields that follow from the call and the run context. The expected eventSource is the
 * call's service's, whatever ctx.eventSource (the collection's scope) says.
 */
export function checkCorrelated(call: ObservedCall, record: RecordObject, ctx: OracleContext): Finding[] {
  const out: Finding[] = [];
  const version = record["eventVersion"];
  const eq = (field: string, code: Parameters<typeof finding>[0], expected: unknown): void => {
    if (record[field] !== expected) out.push(finding(code, field, expected, record[field]));
  };
  const rules = rulesFor(call.service);
  eq("eventSource", "correlated.event_source", rules.eventSource);
  eq("eventName", "correlated.event_name", call.operation);
  eq("awsRegion", "correlated.aws_region", call.region);
  if (versionAtLeast(version, "1.02")) {
    eq("recipientAccountId", "correlated.recipient_account", ctx.accountId);
    eq("eventType", "correlated.event_type", "AwsApiCall");
  }
  if (versionAtLeast(version, "1.01") && record["apiVersion"] !== rules.apiVersion) {
    out.push(finding("correlated.api_version", "apiVersion", rules.apiVersion, record["apiVersion"]));
  }
  const row = rules.operation(call.operation, ctx.rulesEdition);
  if (row !== undefined) {
    if (!hasField(record, "readOnly")) {
      if (versionAtLeast(version, "1.01")) out.push(finding("correlated.read_only_missing", "readOnly", row.readOnly, undefined));
    } else if (typeof record["readOnly"] === "boolean" && record["readOnly"] !== row.readOnly) {
      // A readOnly that is not a boolean (the string "true") is the shape rule's finding (shape.wrong_type) only.
      out.push(finding("correlated.read_only", "readOnly", row.readOnly, record["readOnly"]));
    }
  }
  // managementEvent: shown from 1.06 for AwsApiCall; eventCategory: Optional False from 1.07 ("CloudTrail record contents for management, data, and network activity events").
  if (versionAtLeast(version, "1.06")) eq("managementEvent", "correlated.management_event", true);
  if (versionAtLeast(version, "1.07")) eq("eventCategory", "correlated.event_category", "Management");
  if (call.requestId !== undefined) eq("requestID", "correlated.request_id", call.requestId);
  out.push(...checkEventTime(call, record, ctx));
  if (!nonEmptyString(record["sourceIPAddress"])) out.push(finding("correlated.source_ip", "sourceIPAddress", "a non-empty string", record["sourceIPAddress"]));
  if (!nonEmptyString(record["userAgent"])) out.push(finding("correlated.user_agent", "userAgent", "a non-empty string", record["userAgent"]));
  return out;
}
