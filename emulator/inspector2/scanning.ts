/**
 * Scan types switched on and off by Enable and Disable, with their clock-driven transitions:
 * Enable makes a type ENABLING, then ENABLED after `transitionMs`; Disable makes it DISABLING, then
 * DISABLED. Findings and coverage of a type exist while it is ENABLED.
 */
import { SCAN_TYPES, type ScanKind } from "./estate/finding-catalogue.js";
import type { RegionState, ScanSwitch } from "./state.js";

/** The model's Status values an account and its scan types go through. */
export type ScanStatus = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED";

/** The status of one switch at `now`. */
export function switchStatus(s: ScanSwitch, now: Date, transitionMs: number): ScanStatus {
  const settled = now.getTime() - s.changedAt.getTime() >= transitionMs;
  if (s.wanted === "ENABLED") return settled ? "ENABLED" : "ENABLING";
  return settled ? "DISABLED" : "DISABLING";
}

/** When scan type `type` became ENABLED (its findings' first observation), or undefined. */
export function enabledSince(state: RegionState, type: ScanKind, now: Date, transitionMs: number): Date | undefined {
  const s = state.scanning[type];
  return switchStatus(s, now, transitionMs) === "ENABLED" ? new Date(s.changedAt.getTime() + transitionMs) : undefined;
}

/** Asks for `type` to be enabled; a type already enabled or enabling keeps its history. */
export function enable(state: RegionState, type: ScanKind, now: Date): void {
  const s = state.scanning[type];
  if (s.wanted === "ENABLED") return;
  state.scanning[type] = { wanted: "ENABLED", changedAt: now, firstEnabledAt: s.firstEnabledAt ?? now };
}

/** Asks for `type` to be disabled. */
export function disable(state: RegionState, type: ScanKind, now: Date): void {
  const s = state.scanning[type];
  if (s.wanted === "DISABLED") return;
  state.scanning[type] = { ...s, wanted: "DISABLED", changedAt: now };
}

/** The resource-type key of ResourceStatus / ResourceState for a scan type (`lambdaCode`). */
export const RESOURCE_KEYS: Readonly<Record<ScanKind, string>> = {
  EC2: "ec2",
  ECR: "ecr",
  LAMBDA: "lambda",
  LAMBDA_CODE: "lambdaCode",
  CODE_REPOSITORY: "codeRepository",
};

/** The ResourceStatus shape: the status of every scan type. */
export function resourceStatus(state: RegionState, now: Date, transitionMs: number): Record<string, ScanStatus> {
  return Object.fromEntries(SCAN_TYPES.map((t) => [RESOURCE_KEYS[t], switchStatus(state.scanning[t], now, transitionMs)]));
}

/**
 * The account's overall status: ENABLED when any type is enabled, else ENABLING when any is on
 * its way, else DISABLING when any is still stopping, else DISABLED.
 */
export function accountStatus(state: RegionState, now: Date, transitionMs: number): ScanStatus {
  const all = SCAN_TYPES.map((t) => switchStatus(state.scanning[t], now, transitionMs));
  for (const s of ["ENABLED", "ENABLING", "DISABLING"] as const) if (all.includes(s)) return s;
  return "DISABLED";
}
