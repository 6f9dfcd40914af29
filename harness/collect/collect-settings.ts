/**
 * How the records of a run are collected on each target (AWS is slow and rate-limited; emulators
 * answer at once), for the run itself and for collecting again later (`npm run check -- --collect`).
 */
import type { OracleContext } from "../../oracles/context.js";
import type { CollectSettings } from "../check/batch-check.js";
import type { RunConfig } from "../config.js";
import { LookupMargin, MIN_LOOKUP_MARGIN_MS } from "./lookup-margin.js";
import type { ProvisionedIdentity } from "../targets/target.js";
import type { HarnessTarget } from "../targets/index.js";
import { targetProfile } from "../targets/target-profile.js";
import { pacerBelow } from "./token-bucket.js";

/** Collector behaviour per target: AWS is slow and rate-limited; emulators answer at once. */
export function collectSettings(config: RunConfig, target: HarnessTarget, base: ProvisionedIdentity, ctx: OracleContext, deferred: boolean): CollectSettings {
  const profile = targetProfile(config.target);
  // The embedded emulator reads this process's clock: its records need no skew margin, but each
  // query keeps reaching a second back, over records already collected, so that every query pages
  // and its window overlaps earlier ones (a margin of 0 made LookupEvents' pagination go unchecked:
  // lookup-drops-last-page went undetected in `npm run bench`), and so that the batch's own records
  // lie at least 1 s inside the window, where a record LookupEvents leaves out is blamed on it
  // (oracles/lookup-consistency.ts: eventTime is whole seconds). Anything else may run on another
  // clock: up to the skew tolerance. An endpoint's interactive queries start at 1 s and widen to what
  // its records show (harness/collect/lookup-margin.ts); deferred chunks are long, so the full margin costs
  // them little, and AWS is always deferred.
  const widest = profile.lookupMargin === "second" ? MIN_LOOKUP_MARGIN_MS : ctx.clockSkewMs;
  const margin = profile.lookupMargin === "adaptive" && !deferred ? new LookupMargin(MIN_LOOKUP_MARGIN_MS, widest) : new LookupMargin(widest);
  const requestsPerSecond = config.lookupRequestsPerSecond ?? profile.lookupRequestsPerSecond;
  return {
    // The target's own CloudTrail client: its endpoint (AWS_ENDPOINT_URL[_CLOUDTRAIL]), one attempt per request.
    client: target.cloudtrail(base.credentials),
    requestsPerSecond,
    pacer: pacerBelow(requestsPerSecond, { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }),
    deadlineMs: config.collectDeadlineMs ?? profile.collectDeadlineMs,
    pollIntervalMs: config.collectPollMs ?? profile.collectPollMs,
    margin,
    lateIsUnknown: profile.lateRecordsUnknown,
    ...(target.recordsAtOnce === true ? { recordsAtOnce: true } : {}),
  };
}


/** Where the target is, for messages. */
export function whereOf(config: RunConfig, target: HarnessTarget | undefined): string {
  if (target?.endpoint !== undefined) return target.endpoint;
  return config.target === "aws" ? `AWS's endpoints in ${config.region}` : "the embedded emulator";
}

