/**
 * Builds the report's checks from a run: one per (operation x rule family), one per identity kind,
 * and run-wide ones for findings about records that match no operation.
 *
 * Status rules (decided here, documented in the report's README section):
 * - `fail`: a required finding of the family on a call of the operation (or on a record naming it).
 *   Evidence wins: a failure is reported even when other parts of the run were not observed.
 * - `unknown`: the operation was never observed (no call reached the service, the target lacks
 *   it, Inspector or record collection is unsupported), or the family's rules could not be applied
 *   (no record joined; for `error`, no failed call: see noFailedCallMessage).
 * - `pass`: calls were checked and no required finding; advisory findings are counted and named.
 * - `na`: a rule that does not apply. Every operation of either service has a request, a logging
 *   mode, a caller, correlated fields, a completeness rule and can fail (AccessDeniedException at
 *   least), so no (operation, family) cell is `na` but the `error` cell of an operation no input can
 *   make fail; `na` is for identity kinds the target cannot provide (README "Exit codes and reports").
 */
import type { Finding } from "../../oracles/finding.js";
import { familyOf } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { SERVICES, type ServiceId } from "../../model/services.js";
import {
  failMessage, lacksOperationMessage, neverObservedMessage, noFailedCallMessage,
  cannotFailMessage, noRecordMessage, notCalledMessage, passMessage, uncollectedMessage, unsupportedMessage,
} from "./check-messages.js";
import type { Check, CheckInput, CheckStatus } from "./check-types.js";
import { failingOperationOf, smallestCounterexample } from "./counterexample.js";
import { attributeFindings, type RecordFinding } from "./finding-attribution.js";
import { channelsOf, distinctFindings } from "./channels.js";
import { identityChecks } from "./identity-checks.js";
import { blockingScope } from "./unsupported.js";
import { ALL_OPERATIONS, CHECK_PROPERTIES, isCheckProperty, type CheckProperty } from "./properties.js";

export type { Check, CheckInput, CheckStatus, IdentityStatus, Unsupported } from "./check-types.js";
export type { Counterexample, CounterexampleCall } from "./counterexample.js";

/**
 * Error codes that say the target has no such operation (the emulator's and AWS JSON protocol's
 * `UnknownOperationException`, the Query protocol's `InvalidAction`), so the operation is unknown, not failing.
 */
const NOT_IMPLEMENTED_CODES: ReadonlySet<string> = new Set(["UnknownOperationException", "InvalidAction", "NotImplemented", "UnsupportedOperation"]);

/** The service the checks are of (Classic unless the input says). */
function serviceOf(input: CheckInput): ServiceId {
  return input.service ?? "inspector";
}

/** Default rows: the service's operations in its model, then any other operation the history names. */
function operationsOf(input: CheckInput): string[] {
  const rows = [...(input.operations ?? SERVICES[serviceOf(input)].operations)];
  for (const c of input.calls) if (!rows.includes(c.operation)) rows.push(c.operation);
  return rows;
}

interface OperationView {
  operation: string;
  calls: ObservedCall[];
  sent: ObservedCall[];
  /** Sent calls with a record joined (per-record rules ran on them). */
  joined: ObservedCall[];
  /** Set when the target answered every call with "no such operation". */
  lacking: string[] | undefined;
}

function viewOf(operation: string, calls: readonly ObservedCall[], joinedSeqs: ReadonlySet<number>): OperationView {
  const mine = calls.filter((c) => c.operation === operation);
  const sent = mine.filter((c) => c.sentToService);
  const notImplemented = sent.filter((c) => c.outcome === "error" && (NOT_IMPLEMENTED_CODES.has(c.error?.code ?? "") || c.error?.httpStatus === 501));
  const lacking = sent.length > 0 && notImplemented.length === sent.length ? [...new Set(notImplemented.map((c) => c.error?.code ?? "HTTP 501"))] : undefined;
  return { operation, calls: mine, sent, joined: sent.filter((c) => joinedSeqs.has(c.seq)), lacking };
}

/** The calls a family's rules examine for one operation. */
function examinedCalls(view: OperationView, property: CheckProperty, uncollected: ReadonlySet<number> | undefined): ObservedCall[] {
  // A call whose records could not be read was not examined for completeness: nobody knows.
  if (property === "completeness") return view.calls.filter((c) => uncollected?.has(c.seq) !== true);
  if (property === "error") return view.joined.filter((c) => c.outcome === "error");
  return view.joined;
}

/** The id of a check: `inspector2:ListFilters/echo`, `inspector:*\/identity:Root`. */
export function checkId(service: ServiceId, operation: string, property: string): string {
  return `${service}:${operation}/${property}`;
}

function check(input: CheckInput, operation: string, property: string, status: CheckStatus, fields: Partial<Check> & { message: string }): Check {
  const service = serviceOf(input);
  return { id: checkId(service, operation, property), service, operation, property, status, severity: "required", count: 0, failed: 0, advisories: 0, counterexample: null, ...fields };
}

function cellCheck(view: OperationView, property: CheckProperty, byCall: ReadonlyMap<number, Finding[]>, orphans: readonly RecordFinding[], input: CheckInput): Check {
  const { operation } = view;
  const blocked = blockingScope(input.unsupported);
  if (blocked) return check(input, operation, property, "unknown", { message: unsupportedMessage(blocked) });
  if (view.lacking) return check(input, operation, property, "unknown", { message: lacksOperationMessage(operation, view.lacking) });

  // A finding both collectors (LookupEvents, trail files) saw on one call counts once.
  const ofFamily = (c: ObservedCall): Finding[] => distinctFindings((byCall.get(c.seq) ?? []).filter((f) => familyOf(f.code) === property));
  const failing = view.calls.map((call) => ({ call, findings: ofFamily(call) })).filter((x) => x.findings.some((f) => f.severity === "required"));
  const orphanFindings = orphans.filter((o) => o.operation === operation && familyOf(o.finding.code) === property).map((o) => o.finding);
  const all = [...view.calls.flatMap(ofFamily), ...orphanFindings];
  const required = all.filter((f) => f.severity === "required");
  const advisories = all.filter((f) => f.severity === "advisory");
  const examined = examinedCalls(view, property, input.uncollected);
  const what = "call";

  if (required.length > 0) {
    const orphanFailures = orphanFindings.filter((f) => f.severity === "required");
    const failed = failing.length + orphanFailures.length;
    const counterexample = smallestCounterexample(failing, input.calls, input.replayCommand) ??
      { calls: [], findings: orphanFailures, replay: null };
    return check(input, operation, property, "fail", {
      count: examined.length, failed, advisories: advisories.length, counterexample,
      message: failMessage(failed, Math.max(examined.length, failed), what, required, advisories, channelsOf(view.calls.flatMap((c) => byCall.get(c.seq) ?? []).filter((f) => familyOf(f.code) === property && f.severity === "required"))),
    });
  }
  const refused = input.notCalled?.get(operation);
  if (view.sent.length === 0) {
    if (refused !== undefined) return check(input, operation, property, "na", { advisories: advisories.length, message: notCalledMessage(operation, refused) });
    return check(input, operation, property, "unknown", { advisories: advisories.length, message: neverObservedMessage(operation, view.calls.length) });
  }
  if (examined.length === 0) {
    if (refused !== undefined) return check(input, operation, property, "na", { advisories: advisories.length, message: notCalledMessage(operation, refused) });
    if (property === "error" && (input.cannotFail ?? []).includes(operation)) {
      return check(input, operation, property, "na", { advisories: advisories.length, message: cannotFailMessage(operation) });
    }
    const unread = view.sent.filter((c) => input.uncollected?.has(c.seq) === true).length;
    const message =
      property === "error" && view.joined.length > 0
        ? noFailedCallMessage(operation, view.joined.length)
        : view.joined.length === 0 && unread > 0
          ? uncollectedMessage(operation, unread)
          : noRecordMessage(operation);
    return check(input, operation, property, "unknown", { advisories: advisories.length, message });
  }
  return check(input, operation, property, "pass", { count: examined.length, advisories: advisories.length, message: passMessage(examined.length, what, advisories) });
}

/** Checks for findings about records that name no known operation (or none at all), one per family. */
function runWideChecks(input: CheckInput, orphans: readonly RecordFinding[], rows: readonly string[]): Check[] {
  const homeless = orphans.filter((o) => o.operation === undefined || !rows.includes(o.operation) || !isCheckProperty(familyOf(o.finding.code)));
  const families = [...new Set(homeless.map((o) => familyOf(o.finding.code)))];
  return families.map((family) => {
    const found = homeless.filter((o) => familyOf(o.finding.code) === family).map((o) => o.finding);
    const required = found.filter((f) => f.severity === "required");
    const advisories = found.filter((f) => f.severity === "advisory");
    const severity = isCheckProperty(family) ? "required" : "advisory";
    if (required.length === 0) {
      return check(input, ALL_OPERATIONS, family, "pass", { severity, count: found.length, advisories: advisories.length, message: `Records that match no operation: ${passMessage(found.length, "record", advisories)}` });
    }
    return check(input, ALL_OPERATIONS, family, "fail", {
      severity, count: found.length, failed: required.length, advisories: advisories.length,
      counterexample: { calls: [], findings: required, replay: null },
      message: `Records that match no operation of the run: ${failMessage(required.length, found.length, "record", required, advisories)}`,
    });
  });
}

/** Attaches shrunk counterexamples: each to the check of its failing operation and family, which it proves failing. */
function attachCounterexamples(checks: Check[], input: CheckInput): void {
  for (const cx of input.counterexamples ?? []) {
    const operation = failingOperationOf(cx);
    const families = new Set(cx.findings.filter((f) => f.severity === "required").map((f) => familyOf(f.code)));
    for (const family of families) {
      const target = checks.find((c) => c.operation === operation && c.property === family);
      if (!target) continue;
      target.counterexample = cx;
      if (target.status !== "fail") {
        target.status = "fail";
        target.failed = Math.max(target.failed, 1);
        target.message = `A shrunk counterexample of the interactive run breaks this rule: ${failMessage(1, Math.max(1, cx.calls.length), "call", cx.findings.filter((f) => familyOf(f.code) === family), [])}`;
      }
    }
  }
}

/** All checks of a run: the operation x family matrix (rows in model order), identity kinds, run-wide ones. */
export function buildChecks(input: CheckInput): Check[] {
  const { byCall, unattached } = attributeFindings(input.calls, input.findings, input.records);
  const joinedSeqs = new Set(input.findings.byCall.keys());
  const rows = operationsOf(input);
  const checks: Check[] = [];
  for (const operation of rows) {
    const view = viewOf(operation, input.calls, joinedSeqs);
    for (const property of CHECK_PROPERTIES) checks.push(cellCheck(view, property, byCall, unattached, input));
  }
  checks.push(...identityChecks(input, byCall, joinedSeqs));
  checks.push(...runWideChecks(input, unattached, rows));
  attachCounterexamples(checks, input);
  return checks;
}
