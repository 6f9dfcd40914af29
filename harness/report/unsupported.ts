/**
 * What a target could not do, and what that means for the checks. Inspector Classic reached end of
 * support on 2026-05-20 (facts §1.4), so `inspector` is the usual scope against AWS.
 */
import type { Unsupported } from "./check-types.js";

/**
 * The scope that makes every check unobservable: Inspector unreachable (`target`, `inspector`), or no
 * records collectable (`lookupEvents`: every rule family is read from records). `sts` only makes
 * identity kinds `na`, which by themselves do not change the verdict (DESIGN.md "Contracts").
 */
export function blockingScope(unsupported: readonly Unsupported[]): Unsupported | undefined {
  return unsupported.find((u) => u.scope === "target" || u.scope === "inspector") ?? unsupported.find((u) => u.scope === "lookupEvents");
}
