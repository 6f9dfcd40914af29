/**
 * Rule 3, request echo: requestParameters equals the request as sent, and is null for an operation
 * without input (docs/rules.md rule 3; DescribeCrossAccountAccessRole has no input shape in
 * fixtures/models/inspector-2016-02-16.service-2.json).
 * - Inspector Classic (JSON 1.1): the request body as sent on the wire.
 * - Amazon Inspector v2 (rest-json): every input member by its member name, wherever the protocol
 *   bound it (path, query string, header, body), as the harness decoded it from the wire. AWS
 *   documents path and query members in requestParameters for other REST services (CloudTrail
 *   examples of S3 GetBucketNotification: `bucketName` from the path and the `notification` query
 *   key; MediaStore CreateContainer: `containerName`), so a path or query member that is missing or
 *   different is a required finding, with a code naming its location. No AWS record shows a
 *   header-bound member: those findings are UNVERIFIED and advisory.
 */
import type { InputBinding } from "../model/http-bindings.js";
import { inputBindingsOf } from "../model/http-bindings.js";
import { SERVICES } from "../model/services.js";
import { shapeOf, type ModelDocument } from "../model/service-model.js";
import { finding, type Finding, type FindingCode } from "./finding.js";
import { firstJsonDifference } from "./json-diff.js";
import type { ObservedCall } from "../history/observed-call.js";
import { hasField, type RecordObject } from "./record-input.js";
import { rulesFor } from "./services/index.js";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isEmptyObject(v: unknown): boolean {
  return isPlainObject(v) && Object.keys(v).length === 0;
}

/** The codes of a member found missing or different, by where the protocol bound it. */
const LOCATION_CODES: Readonly<Record<Exclude<InputBinding["location"], "body">, { missing: FindingCode; mismatch: FindingCode }>> = {
  uri: { missing: "echo.uri_member_missing", mismatch: "echo.uri_member_mismatch" },
  querystring: { missing: "echo.query_member_missing", mismatch: "echo.query_member_mismatch" },
  header: { missing: "echo.header_member_missing", mismatch: "echo.header_member_mismatch" },
  headers: { missing: "echo.header_member_missing", mismatch: "echo.header_member_mismatch" },
};

/**
 * Compares a rest-json request (input members by member name) with requestParameters: each member
 * bound to the path, query string or headers on its own, with its location's code; the body members
 * (and any key of the record that is no input member) together, as echo.request_mismatch.
 */
export function checkBoundMembers(bindings: readonly InputBinding[], request: unknown, logged: unknown, undecodable: (member: string, sent: unknown) => boolean = () => false): Finding[] {
  // requestParameters null where members were sent lacks each of them: each is named by its location.
  const actual = logged === null && isPlainObject(request) ? {} : logged;
  if (!isPlainObject(request) || !isPlainObject(actual)) {
    const diff = firstJsonDifference(request, actual);
    return diff ? [finding("echo.request_mismatch", `requestParameters${diff.path}`, diff.expected, diff.actual)] : [];
  }
  const out: Finding[] = [];
  const bound = new Set<string>();
  // A value that is not of its member's type (text for a number) fails the call before its input
  // is read: what CloudTrail logs of that request (the text as sent, the other members, or nothing)
  // is UNVERIFIED, so every echo finding of it is advisory (docs/decisions.md, decision 12).
  const unreadable = bindings.some((b) => b.location !== "body" && undecodable(b.member, request[b.member]));
  const severity = unreadable ? ("advisory" as const) : undefined;
  for (const b of bindings) {
    if (b.location === "body") continue;
    bound.add(b.member);
    const codes = LOCATION_CODES[b.location];
    const sent = request[b.member];
    const logged = actual[b.member];
    if (sent === undefined && logged === undefined) continue;
    if (logged === undefined) {
      out.push(finding(codes.missing, `requestParameters.${b.member}`, sent, undefined, severity));
      continue;
    }
    const diff = firstJsonDifference(sent, logged);
    if (diff) out.push(finding(codes.mismatch, `requestParameters.${b.member}${diff.path}`, diff.expected, diff.actual, severity));
  }
  const rest = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => !bound.has(k)));
  const diff = firstJsonDifference(rest(request), rest(actual));
  if (diff) out.push(finding("echo.request_mismatch", `requestParameters${diff.path}`, diff.expected, diff.actual, severity));
  return out;
}

const NUMERIC_OR_BOOLEAN = new Set(["integer", "long", "short", "byte", "float", "double", "boolean"]);

/** True when a path, query or header value as sent is text where its member's model type is a number or boolean (or a list of them). */
export function notOfItsType(model: ModelDocument, operation: string, member: string, sent: unknown): boolean {
  const input = model.operations[operation]?.input?.shape;
  const ref = input === undefined ? undefined : shapeOf(model, input).members?.[member];
  if (ref === undefined) return false;
  const shape = shapeOf(model, ref.shape);
  if (shape.type === "list" && shape.member !== undefined && Array.isArray(sent)) {
    const item = shapeOf(model, shape.member.shape);
    return NUMERIC_OR_BOOLEAN.has(item.type) && sent.some((v) => typeof v === "string");
  }
  return NUMERIC_OR_BOOLEAN.has(shape.type) && typeof sent === "string";
}

/** Checks requestParameters against the request the call sent, by the rules of the call's service. */
export function checkRequestEcho(call: ObservedCall, record: RecordObject): Finding[] {
  if (!hasField(record, "requestParameters")) return [finding("echo.request_missing", "requestParameters", call.request, undefined)];
  const actual = record["requestParameters"];
  const noInput = rulesFor(call.service).operation(call.operation, "2020")?.noInput ?? false;
  if (noInput) {
    if (actual === null) return [];
    // What CloudTrail writes for an operation without input is UNVERIFIED (AWS's record contents page implies null when nothing was sent): {} is advisory.
    return [finding(isEmptyObject(actual) ? "echo.no_input_not_null" : "echo.request_mismatch", "requestParameters", null, actual)];
  }
  const facts = SERVICES[call.service];
  if (facts.protocol === "rest-json") return checkBoundMembers(inputBindingsOf(facts.model, call.operation), call.request, actual, (member, sent) => notOfItsType(facts.model, call.operation, member, sent));
  const diff = firstJsonDifference(call.request, actual);
  return diff ? [finding("echo.request_mismatch", `requestParameters${diff.path}`, diff.expected, diff.actual)] : [];
}
