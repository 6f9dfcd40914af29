/**
 * The words of checks, built in one place: what happened, and what to do next
 * (a message says what happened, what was expected, and what to do).
 */
import { isServiceId, SERVICES } from "../../model/services.js";
import type { Finding, FindingChannel } from "../../oracles/finding.js";
import { sourcesOf } from "../../oracles/messages.js";
import type { Unsupported } from "./check-types.js";
import { channelsOf, channelWords } from "./channels.js";

/** `code ×n, code ×m` for a list of findings, most frequent first. */
export function codeTally(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `${code} ×${n}`).join(", ");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The first line of a finding's message (the oracles put the hint on the next line). */
function firstLine(f: Finding): string {
  return f.message.split("\n")[0] ?? f.code;
}

/** A passing check: how much was checked, and the advisory findings if any. */
export function passMessage(checked: number, what: string, advisories: readonly Finding[]): string {
  const base = `${plural(checked, what)} checked, no required finding.`;
  return advisories.length === 0 ? base : `${base} Advisory (does not fail the run): ${codeTally(advisories)}.`;
}

/**
 * A failing check: how many calls broke the rule, the codes, the first finding, where to look, and
 * (when both collectors saw them) the channels, `required` holding each finding once.
 */
export function failMessage(failed: number, checked: number, what: string, required: readonly Finding[], advisories: readonly Finding[], channels: readonly FindingChannel[] = channelsOf(required)): string {
  const first = required[0];
  const parts = [
    `${failed} of ${plural(checked, what)} ${failed === 1 ? "breaks" : "break"} the rule: ${codeTally(required)}.`,
    first ? `First: ${firstLine(first)} See: ${sourcesOf(first.code)}.` : "",
    advisories.length > 0 ? `Also advisory: ${codeTally(advisories)}.` : "",
    channels.length > 1 ? `Seen in ${channelWords(channels)} (each counted once).` : "",
    "Fix the target's record for this case (see the counterexample, its findings and the replay command), then run again.",
  ];
  return parts.filter((p) => p.length > 0).join(" ");
}

/** Why nothing about an operation could be observed because the target cannot serve it. */
export function unsupportedMessage(u: Unsupported): string {
  const what =
    u.scope === "lookupEvents" ? "its CloudTrail records could not be collected" : u.scope === "target" ? "the run could not use the target" : `the target cannot serve ${isServiceId(u.scope) ? SERVICES[u.scope].title : u.scope} calls`;
  return `Not observed: ${what} (${u.scope}: ${u.reason}). Nothing here says whether the target conforms; run against a target that supports it.`;
}

/** Why an operation was never observed. */
export function neverObservedMessage(operation: string, unsent: number): string {
  const rejected = unsent > 0 ? ` (${plural(unsent, "call")} were rejected by the SDK before sending)` : "";
  return `Not observed: no call of ${operation} reached the service${rejected}. Run more cases (CONFORMANCE_RUNS) or check that the generators cover ${operation}.`;
}

/** Why an operation counts as missing from the target. */
export function lacksOperationMessage(operation: string, codes: readonly string[]): string {
  return `Not observed: the target does not implement ${operation} (every call failed with ${codes.join(", ")}). Implement the operation, or read this as a gap of the target.`;
}

/** Why the per-record rules could not be applied: no record was joined to any call. */
export function noRecordMessage(operation: string): string {
  return `Not observed: no CloudTrail record was joined to any call of ${operation}, so record contents were not checked. See ${operation}/completeness; wait longer for delivery or fix the emitter.`;
}

/** Why the per-record rules could not be applied: the collector could not read the records. */
export function uncollectedMessage(operation: string, unread: number): string {
  return `Not observed: the records of ${plural(unread, "call")} of ${operation} could not be read (the collector failed; see the run's incidents), so record contents were not checked. Collect again once CloudTrail answers.`;
}

/**
 * Why `error` is unknown when no call failed: the family's rules (errorCode, errorMessage,
 * responseElements null) are about failed calls. A successful call's record is checked for stray
 * errorCode/errorMessage, and such a finding fails the cell, but its absence cannot show that
 * failures are logged right.
 */
export function noFailedCallMessage(operation: string, okChecked: number): string {
  const ok = okChecked > 0 ? ` (${plural(okChecked, "successful call")} had no stray errorCode/errorMessage)` : "";
  return `Not observed: no failed call of ${operation} was observed${ok}, so the logging of errors was not checked. Run more cases; the generators make invalid inputs that fail.`;
}

/** The error-event rules cannot apply: no input can make this operation fail on purpose. */
export function cannotFailMessage(operation: string): string {
  return `${operation} has no input and no modelled client error (only InternalException), so no call can be made to fail on purpose: the error-event rules do not apply.`;
}

/** An operation the target's call policy kept from being called (to succeed). */
export function notCalledMessage(operation: string, why: string): string {
  return `${operation} was not called on this target: ${why}. Not applicable.`;
}
