/**
 * What a target could not do, and what that means for the checks. Inspector Classic reached end of
 * support on 2026-05-20, so `inspector` is the usual scope against AWS.
 */
import { isServiceId, type ServiceId } from "../../model/services.js";
import type { Unsupported } from "./check-types.js";

/**
 * The scope that makes every check of a service unobservable: the run could not use the target
 * (`target`), the service is unreachable (its id), or no records are collectable (`lookupEvents`:
 * every rule family is read from records). `sts` only makes identity kinds `na`, which by
 * themselves do not change the verdict (docs/targets.md). Pass one service's scopes only
 * (unsupportedOf).
 */
export function blockingScope(unsupported: readonly Unsupported[]): Unsupported | undefined {
  return unsupported.find((u) => u.scope === "target" || isServiceId(u.scope)) ?? unsupported.find((u) => u.scope === "lookupEvents");
}

/** What the run could not do that concerns `service`: the run-wide scopes and its own. */
export function unsupportedOf(unsupported: readonly Unsupported[], service: ServiceId): Unsupported[] {
  return unsupported.filter((u) => !isServiceId(u.scope) || u.scope === service);
}
