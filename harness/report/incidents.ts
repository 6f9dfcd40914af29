/**
 * Incidents: what went wrong with the target or the transport during a run, said once with counts
 * and times (never once per request). A blocking incident (the target went down, records could not
 * be read) makes the verdict `unknown` unless a record that was read breaks a rule; indeterminate
 * calls alone do not (their records are checked where found, docs/targets.md, "When the target misbehaves").
 */
import type { IndeterminateCalls, TargetHealth } from "../execute/target-health.js";
import { mergeFailures, type LookupFailures } from "../collect/lookup-events.js";
import type { Incident } from "./check-types.js";

/** `14:02:11Z` of an ISO instant (the date is in the report's startedAt). */
function clock(iso: string | undefined): string {
  return iso === undefined ? "?" : `${iso.slice(11, 19)}Z`;
}

/** `ECONNREFUSED ×20, HTTP 502 ×3`, most frequent first. */
function tally(counts: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(counts)
    .filter((e): e is [string, number] => e[1] !== undefined && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Collector trouble across a run's collections: failed requests, calls left unread, LookupEvents gone mid-run. */
export class CollectorTrouble {
  readonly failures: LookupFailures = { count: 0, byCode: {}, firstAt: undefined, lastAt: undefined, advice: undefined };
  /** Calls whose records could not be read. */
  uncollected = 0;
  /** Collections that could not read every page. */
  failedCollections = 0;
  /** What LookupEvents answered when it stopped being one mid-run (after the probe found it). */
  vanished: string | undefined;
  /** Calls read to the end without a record where one may still come (the collection's `late`). */
  late = 0;

  /** Adds one collection's figures (`late` calls are among `uncollected`, but not the collector's fault). */
  add(failures: LookupFailures, uncollected: number, readAll: boolean, unsupported: string | undefined, late = 0): void {
    mergeFailures(this.failures, failures);
    this.uncollected += uncollected - late;
    this.late += late;
    if (!readAll) this.failedCollections++;
    if (unsupported !== undefined) this.vanished ??= unsupported;
  }
}

/** Where the run's calls went, for messages. */
export interface IncidentContext {
  /** `http://127.0.0.1:4566`, `AWS's regional endpoints` or `the embedded emulator`. */
  where: string;
  /** The history file, for the `npm run check -- … --collect` hint; undefined when collecting again cannot help. */
  historyFile: string | undefined;
  /** How many calls the run made. */
  calls: number;
}

/** The incidents of a run, from its breaker and its collector trouble. */
export function incidentsOf(health: TargetHealth | undefined, trouble: CollectorTrouble, ctx: IncidentContext): Incident[] {
  const out: Incident[] = [];
  const collectLater = ctx.historyFile !== undefined ? ` Once it answers, check them with \`npm run check -- ${ctx.historyFile} --collect\`.` : "";
  const down = health?.down;
  if (down !== undefined) {
    out.push({
      kind: "target-down",
      blocking: true,
      count: 1,
      calls: ctx.calls,
      firstAt: down.at,
      lastAt: down.at,
      message:
        `The target stopped answering at ${clock(down.at)}: ${down.reason}. The run stopped executing there, after ${plural(ctx.calls, "call")} ` +
        `(the history holds every finished call). Verdict unknown unless a record that was read breaks a rule. Check that ${ctx.where} is up, then run again.`,
    });
  }
  if (trouble.uncollected > 0 || trouble.failedCollections > 0) {
    const f = trouble.failures;
    const what = f.count > 0 ? `LookupEvents at ${ctx.where} failed ${plural(f.count, "request")} from ${clock(f.firstAt)} to ${clock(f.lastAt)} (${tally(f.byCode)})` : `LookupEvents at ${ctx.where} could not be read to the end before the collection deadline`;
    const vanished = trouble.vanished !== undefined ? `; it answered as if it had no LookupEvents (${trouble.vanished}), though the probe had found it` : "";
    out.push({
      kind: "collector-failed",
      blocking: true,
      count: f.count,
      calls: trouble.uncollected,
      firstAt: f.firstAt ?? null,
      lastAt: f.lastAt ?? null,
      message:
        `${what}${vanished}: ${plural(trouble.uncollected, "call")} could not be checked, their records could not be read (unknown, not missing). ` +
        `Verdict unknown unless a record that was read breaks a rule.${f.advice !== undefined ? ` ${f.advice}` : ""}${collectLater}`,
    });
  }
  if (trouble.late > 0) {
    out.push({
      kind: "records-late",
      blocking: true,
      count: trouble.late,
      calls: trouble.late,
      firstAt: null,
      lastAt: null,
      message:
        `${plural(trouble.late, "call")} had no record in LookupEvents when the collection deadline came (--collect-deadline-ms): CloudTrail delivers most records within about 5 minutes but promises no time, ` +
        `so ${trouble.late === 1 ? "it is" : "they are"} unknown, not missing. Verdict unknown unless a record that was read breaks a rule.${ctx.historyFile !== undefined ? ` Check ${trouble.late === 1 ? "it" : "them"} later with \`npm run check -- ${ctx.historyFile} --collect\`.` : ""}`,
    });
  }
  const ind: IndeterminateCalls | undefined = health?.indeterminate;
  if (ind !== undefined && ind.count > 0) {
    out.push({
      kind: "indeterminate-calls",
      blocking: false,
      count: ind.count,
      calls: ind.count,
      firstAt: ind.firstAt ?? null,
      lastAt: ind.lastAt ?? null,
      message:
        `${plural(ind.count, "call")} got no complete answer from ${ctx.where} between ${clock(ind.firstAt)} and ${clock(ind.lastAt)} (${tally(ind.byCause)}): ` +
        "each may or may not have reached the service, so a missing record is no finding; a record that can be the call's (by the request id of the headers that arrived, or by operation, caller and time) " +
        "was checked against the request as sent. This alone does not change the verdict; if it is more than a few calls, look at the network between the suite and the target.",
    });
  }
  return out;
}
