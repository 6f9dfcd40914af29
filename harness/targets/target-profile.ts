/**
 * How the run behaves on each target, in one table: what differs between the embedded emulator (this
 * process, this clock, records at once), an endpoint (another process, maybe another clock, records
 * soon) and AWS (records in about 5 minutes, LookupEvents at 2 requests per second). Everything the
 * pipeline does differently per target reads it from here.
 */
import { SERVICE_IDS, type ServiceId } from "../../model/services.js";
import type { TargetName } from "./target.js";

/** One target's behaviour. */
export interface TargetProfile {
  /** Services checked when `--services` is not given. */
  services: readonly ServiceId[];
  /** Deferred (execute, then collect and check) even without `--deferred`. */
  alwaysDeferred: boolean;
  /** How long a collection waits for records (`--collect-deadline-ms` overrides). */
  collectDeadlineMs: number;
  /** How often a collection asks LookupEvents again while records are missing. */
  collectPollMs: number;
  /**
   * Whether a record not there by the deadline may still come: the call is then unknown (`late`,
   * collected again later), not missing. An emulator records at once; AWS promises no delivery time.
   */
  lateRecordsUnknown: boolean;
  /** LookupEvents requests per second (`--lookup-rps` overrides); 0: unlimited. */
  lookupRequestsPerSecond: number;
  /**
   * How far a LookupEvents window reaches beyond its calls: `second` (1 s: the same clock, but
   * every query pages over earlier records), `adaptive` (1 s, widening to what the records show, up
   * to the skew tolerance: interactive runs on another clock), `skew` (the skew tolerance).
   */
  lookupMargin: "second" | "adaptive" | "skew";
  /** How long the trail-file check waits for files to hold every call's record, and how often it looks. */
  trailDeadlineMs: number;
  trailPollMs: number;
  /** How long the coverage sweep waits for a long-running resource (a run, a report, a scan), and its first wait between asking (v2 doubles it up to 30 s). */
  sweepCompletionTimeoutMs: number;
  sweepPollMs: number;
  /** Whether `npm run check --collect` can read the records again later (the embedded emulator died with its run). */
  collectLater: boolean;
  /** The run calls only an account that `--aws-accounts` (CONFORMANCE_AWS_ACCOUNTS) lists. */
  requiresAccountAllowList: boolean;
  /** Inspector v2 operations are called by class (harness/targets/call-policy.ts). */
  gatesOperationClasses: boolean;
  /**
   * Whether each service's part ends by undoing what its calls created and did not delete
   * (harness/run/cleanup.ts), and how hard it tries: an emulator is thrown away, an account is not.
   */
  cleanUp: { attempts: number; backoffMs: number } | undefined;
  /** Whether what a run creates is named and tagged with its run id (harness/run/run-stamp.ts), for `npm run janitor`. */
  stampsResources: boolean;
}

/** The profile of every target. */
export const TARGET_PROFILES: Readonly<Record<TargetName, TargetProfile>> = Object.freeze({
  // The reference emulator in this process: it records synchronously, so a record not there at once
  // is missing and the deadline only absorbs scheduling.
  embedded: {
    services: SERVICE_IDS,
    alwaysDeferred: false,
    collectDeadlineMs: 300,
    collectPollMs: 100,
    lateRecordsUnknown: false,
    lookupRequestsPerSecond: 0,
    lookupMargin: "second",
    trailDeadlineMs: 2_000,
    trailPollMs: 200,
    sweepCompletionTimeoutMs: 10_000,
    sweepPollMs: 50,
    collectLater: false,
    requiresAccountAllowList: false,
    gatesOperationClasses: false,
    cleanUp: undefined,
    stampsResources: false,
  },
  // Any emulator at AWS_ENDPOINT_URL: it may deliver a little later and run on another clock.
  endpoint: {
    services: SERVICE_IDS,
    alwaysDeferred: false,
    collectDeadlineMs: 5_000,
    collectPollMs: 250,
    lateRecordsUnknown: false,
    lookupRequestsPerSecond: 0,
    lookupMargin: "adaptive",
    trailDeadlineMs: 2_000,
    trailPollMs: 200,
    sweepCompletionTimeoutMs: 10_000,
    sweepPollMs: 50,
    collectLater: true,
    requiresAccountAllowList: false,
    gatesOperationClasses: false,
    cleanUp: undefined,
    stampsResources: false,
  },
  // A real account: CloudTrail delivers in about 5 minutes, LookupEvents allows 2 requests per
  // second, Inspector Classic reached its end of support on 2026-05-20.
  aws: {
    services: ["inspector2"],
    alwaysDeferred: true,
    collectDeadlineMs: 20 * 60_000,
    collectPollMs: 30_000,
    lateRecordsUnknown: true,
    lookupRequestsPerSecond: 2,
    lookupMargin: "skew",
    trailDeadlineMs: 20 * 60_000,
    trailPollMs: 30_000,
    sweepCompletionTimeoutMs: 3 * 60_000,
    sweepPollMs: 1_000,
    collectLater: true,
    requiresAccountAllowList: true,
    gatesOperationClasses: true,
    cleanUp: { attempts: 3, backoffMs: 2_000 },
    stampsResources: true,
  },
});

/** The profile of `target`. */
export function targetProfile(target: TargetName): TargetProfile {
  return TARGET_PROFILES[target];
}
