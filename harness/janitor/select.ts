/**
 * Which things in the account the janitor takes: exactly those a conformance run stamped (the tag
 * `conformance-run` holding a run id, or a name starting with a run id and a hyphen,
 * harness/run/run-stamp.ts) whose run started more than `--older-than` ago. A tag value that is not a
 * run id stamps nothing; a thing the user made keeps its tags and names, so it is never taken.
 */
import { RUN_TAG_KEY, runIdOfName, runIdTime } from "../run/run-stamp.js";
import type { AccountThing } from "./kinds.js";

/** A thing a run stamped, with the run it belongs to. */
export interface StampedThing extends AccountThing {
  runId: string;
  /** When the run started (from its id). */
  runStartedAt: Date;
  /** How the run id was read: the `conformance-run` tag, else the name. */
  stampedBy: "tag" | "name";
}

/** The run that stamped `thing` (its tag first, then its name), or undefined when none did. */
export function stampOf(thing: AccountThing): Pick<StampedThing, "runId" | "runStartedAt" | "stampedBy"> | undefined {
  const tagged = thing.tags?.[RUN_TAG_KEY];
  const tagTime = tagged !== undefined ? runIdTime(tagged) : undefined;
  if (tagged !== undefined && tagTime !== undefined) return { runId: tagged, runStartedAt: tagTime, stampedBy: "tag" };
  const named = runIdOfName(thing.name);
  const nameTime = named !== undefined ? runIdTime(named) : undefined;
  if (named !== undefined && nameTime !== undefined) return { runId: named, runStartedAt: nameTime, stampedBy: "name" };
  return undefined;
}

/**
 * The stamped things among `things` whose run started more than `olderThanMs` before `now`;
 * `olderThanMs` 0 takes every stamped thing, whenever its run started.
 */
export function selectLeftovers(things: readonly AccountThing[], now: Date, olderThanMs: number): StampedThing[] {
  return things.flatMap((thing) => {
    const stamp = stampOf(thing);
    if (stamp === undefined) return [];
    const old = olderThanMs === 0 || now.getTime() - stamp.runStartedAt.getTime() > olderThanMs;
    return old ? [{ ...thing, ...stamp }] : [];
  });
}
