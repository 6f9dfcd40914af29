/**
 * Which calls a run may make on its target. An emulator may be called with anything. A real account
 * (the aws target) is called only for the Inspector v2 classes that are safe by default (reads and
 * self-contained resources, model/inspector2-operation-classes.ts), the classes `--allow` names,
 * and the agent-only operations only to see them fail; the generators and the coverage sweep ask
 * before each call, and an operation left out is `na` in the report with the reason given here.
 */
import { inspector2SafetyClassOf, type Inspector2SafetyClass, type OptInClass } from "../../model/inspector2-operation-classes.js";
import type { ServiceId } from "../../model/services.js";
import type { RunConfig } from "../config.js";
import { targetProfile } from "./target-profile.js";

/** What a call is for: to succeed (the sweep's session, valid and boundary plans) or to fail (a broken input). */
export type CallPurpose = "success" | "failure";

/** Why each opt-in class is left out unless allowed. */
const OPT_IN_WHY: Readonly<Record<OptInClass, string>> = {
  "account-state": "it changes the account's scanning or configuration (Enable starts billing)",
  organization: "it changes the organization's members or delegated administrator",
  external: "it reaches systems outside Inspector (code repositories, connectors, a bucket you name)",
};

/** The calls a run may make. */
export interface CallPolicy {
  /** Why `operation` of `service` may not be called for `purpose`, or undefined when it may. */
  refusal(service: ServiceId, operation: string, purpose: CallPurpose): string | undefined;
}

/** Every call allowed: the emulator targets. */
export const ALLOW_ALL: CallPolicy = { refusal: () => undefined };

/** The policy of `config`'s target. */
export function callPolicyOf(config: Pick<RunConfig, "target" | "allow">): CallPolicy {
  if (!targetProfile(config.target).gatesOperationClasses) return ALLOW_ALL;
  const allowed = new Set<Inspector2SafetyClass>(["read", "self-contained", ...config.allow]);
  return {
    refusal: (service, operation, purpose) => {
      if (service !== "inspector2") return undefined;
      const cls = inspector2SafetyClassOf(operation);
      if (cls === undefined) return `${operation} is not an Amazon Inspector v2 operation`;
      if (cls === "agent-only") {
        return purpose === "failure" ? undefined : "agent-only: only the SSM agent on an instance calls it during a CIS scan, so on a real account it is called only with a broken input";
      }
      if (allowed.has(cls) || cls === "read" || cls === "self-contained") return undefined;
      return `${cls}: not called on a real account unless --allow ${cls} (CONFORMANCE_ALLOW) names it: ${OPT_IN_WHY[cls]}`;
    },
  };
}

/** Whether the generators may draw a plan of `operation` of `service` in `mode` (an invalid plan is a call made to fail). */
export function planAllows(policy: CallPolicy, service: ServiceId): (operation: string, mode: "valid" | "boundary" | "invalid") => boolean {
  return (operation, mode) => policy.refusal(service, operation, mode === "invalid" ? "failure" : "success") === undefined;
}

/**
 * The operations of `service` that `policy` let no call be made to succeed and that `calls` (the
 * service's) never called, with why: what a re-check of a recorded run reports `na`, as the run did.
 */
export function notCalledOf(policy: CallPolicy, service: ServiceId, operations: readonly string[], calls: readonly { operation: string }[]): Map<string, string> {
  const called = new Set(calls.map((c) => c.operation));
  const out = new Map<string, string>();
  for (const operation of operations) {
    const refusal = policy.refusal(service, operation, "success");
    if (refusal !== undefined && !called.has(operation)) out.set(operation, refusal);
  }
  return out;
}
