/**
 * The context the rules need besides a call and its record: the rules edition, the clock skew, the
 * run's account, the expected eventSource, and what the collection could not read.
 */
import { z } from "zod";
import type { Invocation } from "../history/observed-call.js";

/** Which wording of the Inspector Classic logging note applies ("Logging Amazon Inspector Classic API calls with AWS CloudTrail", https://docs.aws.amazon.com/inspector/v1/userguide/logging-using-cloudtrail.html, 2017-12-07 and 2020-11-10 wordings): 2020 (default) or 2017. Amazon Inspector v2 has none. */
export const RulesEditionSchema = z.enum(["2020", "2017"]);
/** Which wording of the Inspector logging note applies. */
export type RulesEdition = z.infer<typeof RulesEditionSchema>;

/** Tolerance on eventTime against the call window: 5 s, stated here and in every report. */
export const DEFAULT_CLOCK_SKEW_MS = 5000;

/** Inspector Classic's eventSource (the example records of "Logging Amazon Inspector Classic API calls with AWS CloudTrail", https://docs.aws.amazon.com/inspector/v1/userguide/logging-using-cloudtrail.html). */
export const INSPECTOR_EVENT_SOURCE = "inspector.amazonaws.com";

/** Everything the rules need besides the call and the record. */
export interface OracleContext {
  /** The edition of the Classic logging note; ignored for v2 calls. */
  rulesEdition: RulesEdition;
  /** Allowed clock difference between the harness and CloudTrail, in ms. */
  clockSkewMs: number;
  /** The account the calls were made in: the expected recipientAccountId. */
  accountId: string;
  /**
   * The eventSource of the records being checked (a service part's collection scope),
   * `inspector.amazonaws.com` by default. A record of the run's principals that no call claims is an
   * extra record when it has this eventSource or that of a checked call's service. The rules take
   * the expected eventSource of a call's record from the call's service (oracles/services), not from here.
   */
  eventSource: string;
  /**
   * The EventSource lookup attribute the records were collected with (LookupEvents), if any: a
   * returned record of another source means the filter was ignored. Unset for trail files, which
   * hold every source.
   */
  lookupEventSource?: string;
  /**
   * Access keys of the whole run, when the calls checked are only a part of it (a chunk of a long
   * deferred run): a record of one of these keys that no call claims is an extra record even if no
   * call of this part used the key.
   */
  runAccessKeys?: ReadonlySet<string>;
  /**
   * Seqs of calls whose records could not be read because the collector failed (LookupEvents
   * refused, hanging, 5xx): a missing record of theirs is no finding; they are unknown, not missing.
   */
  uncollected?: ReadonlySet<number>;
  /**
   * Calls that were sent and never finished because the run was killed (an invocation line without
   * its call line): a record no call claims that one of them could have made is advisory.
   */
  interrupted?: readonly Invocation[];
}

/** An OracleContext with the stated defaults (edition 2020, 5 s skew, inspector.amazonaws.com). */
export function oracleContext(accountId: string, overrides: Partial<OracleContext> = {}): OracleContext {
  return {
    rulesEdition: "2020",
    clockSkewMs: DEFAULT_CLOCK_SKEW_MS,
    eventSource: INSPECTOR_EVENT_SOURCE,
    accountId,
    ...overrides,
  };
}
