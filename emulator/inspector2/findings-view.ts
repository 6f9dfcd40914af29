/**
 * The findings an account sees now: those of its scan types that are ENABLED, first observed when
 * the type became enabled, SUPPRESSED when a SUPPRESS filter's criteria match them (the
 * "suppression rules" of the Inspector user guide), else ACTIVE.
 */
import type { Facets } from "./criteria.js";
import { matchesCriteria } from "./criteria.js";
import type { SimFinding } from "./estate/finding-catalogue.js";
import { findingFacets, findingWire } from "./estate/finding-wire.js";
import { organizationState, type Inspector2Env } from "./env.js";
import { enabledSince } from "./scanning.js";
import type { RegionState } from "./state.js";

/** A finding as the account sees it now. */
export interface VisibleFinding {
  sim: SimFinding;
  wire: Record<string, unknown>;
  facets: Facets;
}

/** The partitions whose findings the caller sees: its own, and its associated members' when it is the delegated administrator. */
export function partitionsInScope(env: Inspector2Env): RegionState[] {
  const org = organizationState(env);
  const members = org?.delegatedAdmin?.accountId === env.accountId ? [...org.members.keys()] : [];
  return [env.state, ...members.map((m) => env.store.partition(m, env.region, env.now))];
}

/**
 * Every finding the caller sees now, in catalogue order, account by account. The caller's SUPPRESS
 * filters apply to all of them (a delegated administrator's suppression rules cover its members).
 */
export function visibleFindings(env: Inspector2Env): VisibleFinding[] {
  return partitionsInScope(env).flatMap((state) => findingsOfPartition(env, state));
}

function findingsOfPartition(env: Inspector2Env, state: RegionState): VisibleFinding[] {
  const suppressions = [...env.state.filters.values()].filter((f) => f.action === "SUPPRESS");
  const out: VisibleFinding[] = [];
  for (const sim of state.findings) {
    const since = enabledSince(state, sim.scanType, env.now, env.timing.transitionMs);
    if (since === undefined) continue;
    const base = { accountId: state.accountId, region: env.region, observedAt: since };
    const active = findingWire(sim, { ...base, status: "ACTIVE" });
    const activeFacets = findingFacets(active);
    const suppressed = suppressions.some((f) => matchesCriteria("FilterCriteria", f.criteria, activeFacets));
    const wire = suppressed ? findingWire(sim, { ...base, status: "SUPPRESSED" }) : active;
    out.push({ sim, wire, facets: suppressed ? findingFacets(wire) : activeFacets });
  }
  return out;
}

/** The visible findings that match `criteria` (FilterCriteria). */
export function matchingFindings(env: Inspector2Env, criteria: Record<string, unknown> | null | undefined): VisibleFinding[] {
  return visibleFindings(env).filter((f) => matchesCriteria("FilterCriteria", criteria, f.facets));
}

/** The visible finding with ARN `arn`, if any. */
export function findingByArn(env: Inspector2Env, arn: string): VisibleFinding | undefined {
  return visibleFindings(env).find((f) => f.sim.arn === arn);
}
