/**
 * The abstract executor the command sequences run against. Generators know nothing of what is behind
 * it (the embedded emulator, an endpoint or AWS): the harness implements it.
 */
import type { IdentityRequest } from "./identities.js";
import type { PlanLabel } from "./plan-label.js";
import type { ResolvedReference } from "./plan-value.js";
import type { RefKind } from "./resource-pool.js";

/** What a call returned, as observed: the output body on success, the error code on failure. */
export interface CallOutcome {
  ok: boolean;
  output?: unknown;
  errorCode?: string;
}

/** What the generators know about a call, for the history: its label and where its ARNs came from. */
export interface CallMeta {
  /** `DescribeFindings[invalid tooLong(>300) at findingArns[0]]` */
  plan: string;
  label: PlanLabel;
  /** Each ARN or preview token, and whether it came from the pool or is a well-formed unknown. */
  references: ResolvedReference<RefKind>[];
}

/** Runs one call (of the service the sequence is for) as the requested identity. */
export interface CallExecutor {
  call(identity: IdentityRequest, operation: string, input: Record<string, unknown>, meta?: CallMeta): Promise<CallOutcome>;
}
