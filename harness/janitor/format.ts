/** The janitor's output: one line per thing found, and the summary lines of a dry run or a deletion. */
import type { CleanupResult } from "../run/cleanup.js";
import { formatSdkFailure, type SdkFailure } from "../targets/sdk-error.js";
import { formatAge } from "./older-than.js";
import type { StampedThing } from "./select.js";

/** How `thing` is named in messages: `filter arn:aws:inspector2:…`. */
export function whatOf(thing: Pick<StampedThing, "kind" | "arn">): string {
  return `${thing.kind.label} ${thing.arn}`;
}

/** The widest kind label, so that the ARNs line up. */
const KIND_WIDTH = "code-security scan configuration".length;

/** `filter  arn:…  name "…"  run ict-…  age 3h00m`: one thing found. */
export function thingLine(thing: StampedThing, now: Date): string {
  return `${thing.kind.label.padEnd(KIND_WIDTH)}  ${thing.arn}  name ${JSON.stringify(thing.name)}  run ${thing.runId}  age ${formatAge(now.getTime() - thing.runStartedAt.getTime())}`;
}

/** `ListFilters: ECONNREFUSED: …`, or the deadline's own message (`ListFilters: no answer within 500 ms`). */
export function failureText(operation: string, f: SdkFailure): string {
  return f.code === "Deadline" ? f.message : `${operation}: ${formatSdkFailure(f)}`;
}

/** `3 things` / `1 thing`. */
export function things(n: number): string {
  return `${n} ${n === 1 ? "thing" : "things"}`;
}

/** The summary of a dry run. */
export function dryRunSummary(found: readonly StampedThing[], olderThan: string): string {
  if (found.length === 0) return `janitor: nothing that a conformance run left (older than ${olderThan}) was found; nothing to delete.`;
  return `janitor: found ${things(found.length)} that conformance runs left (older than ${olderThan}); would delete ${found.length}; pass --yes to delete them.`;
}

/** What deleting did: a line per thing not deleted, then the summary. */
export function deletionLines(found: readonly StampedThing[], result: CleanupResult): string[] {
  const deleted = new Set(result.undone);
  const lines = found.filter((t) => deleted.has(whatOf(t))).map((t) => `deleted ${whatOf(t)}`);
  for (const f of result.failed) lines.push(`could not delete ${f.what}: ${f.error}`);
  const done = `janitor: deleted ${result.undone.length} of ${things(found.length)}`;
  lines.push(result.failed.length === 0 ? `${done}.` : `${done}; could not delete ${result.failed.length} (above): remove ${result.failed.length === 1 ? "it" : "them"} by hand or run the janitor again.`);
  return lines;
}
