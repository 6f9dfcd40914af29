/**
 * The data of a check: one cell of the matrix (operation x rule family) or one identity kind.
 * The report schema (schema.ts) validates exactly these shapes.
 */
import type { Finding } from "../../oracles/finding.js";
import type { IdentityKind, ObservedCall } from "../../history/observed-call.js";
import type { z } from "zod";
import type { ServiceId } from "../../model/services.js";
import type { Counterexample } from "./counterexample.js";
import type { UnsupportedSchema } from "./schema.js";

/** pass: checked, no required finding; fail: a required finding; na: does not apply; unknown: could not be observed. */
export type CheckStatus = "pass" | "fail" | "na" | "unknown";

/** One check of the report (README "Exit codes and reports", conformance.json `checks`). */
export interface Check {
  /** `<service>:<operation>/<property>`, e.g. `inspector:CreateResourceGroup/echo`, or `inspector:*\/identity:AssumedRole`. */
  id: string;
  service: ServiceId;
  /** Inspector operation, or `*` for run-wide checks. */
  operation: string;
  /** Rule family (`shape`, `logging`, …) or `identity:<Kind>`. */
  property: string;
  status: CheckStatus;
  /** required checks decide the verdict; advisory ones are only reported. */
  severity: "required" | "advisory";
  /** How many calls the check examined (0 when it could not examine any). */
  count: number;
  /** Calls (or, for records without a call, records) with at least one required finding. */
  failed: number;
  /** Advisory findings seen (never change the status). */
  advisories: number;
  /** What happened and what to do. */
  message: string;
  counterexample: Counterexample | null;
}

/** A scope the target could not serve, and why (e.g. Inspector Classic past its end of support). */
export type Unsupported = z.infer<typeof UnsupportedSchema>;

/**
 * Something that went wrong with the target or the transport, said once with counts and times.
 * A blocking incident makes the verdict unknown unless a required check fails.
 */
export interface Incident {
  /** target-down: the run stopped executing; collector-failed: records could not be read; indeterminate-calls: calls without a complete answer. */
  kind: "target-down" | "collector-failed" | "records-late" | "indeterminate-calls";
  blocking: boolean;
  /** Requests (collector-failed) or calls (indeterminate-calls) that went wrong; 1 for target-down. */
  count: number;
  /** Calls affected: left unchecked (collector-failed), without an answer (indeterminate-calls), made before the stop (target-down). */
  calls: number;
  firstAt: string | null;
  lastAt: string | null;
  /** What happened, where, what the verdict means, what to do. */
  message: string;
}

/** Whether the target could provide an identity kind. */
export interface IdentityStatus {
  kind: IdentityKind;
  status: "available" | "na";
  reason?: string;
}

/** Everything buildChecks needs: one service's history, checkRun's findings, and what the target could not do. */
export interface CheckInput {
  /** The service the calls are of (default Classic): it names the checks and gives the rows. */
  service?: ServiceId;
  calls: readonly ObservedCall[];
  /** From oracles' checkRun. */
  findings: { all: Finding[]; byCall: Map<number, Finding[]> };
  identities: IdentityStatus[];
  unsupported: Unsupported[];
  /** The collected records (objects or CloudTrailEvent strings), to place findings about records that matched no call. */
  records?: readonly unknown[];
  /** Command that replays the run up to a call, e.g. `npm run conformance -- --seed 42 --path 3:1`. */
  replayCommand?: (seq: number) => string | null;
  /** Shrunk counterexamples from interactive mode, attached to their checks. */
  counterexamples?: Counterexample[];
  /** Operations to report (rows); defaults to the service's operations plus any other the history names. */
  operations?: readonly string[];
  /** Operations no input can make fail (harness/run/failing-input.ts): their `error` cell is `na` when no call failed. */
  cannotFail?: readonly string[];
  /** Seqs of calls whose records could not be read (the collector failed). */
  uncollected?: ReadonlySet<number>;
  /** Operations the target's call policy did not let the run call (to succeed), with why: cells with nothing observed are `na`. */
  notCalled?: ReadonlyMap<string, string>;
}
