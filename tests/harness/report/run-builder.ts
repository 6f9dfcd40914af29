/**
 * Hand-built runs for the reporting tests: history lines and oracle findings written directly,
 * with no emulator and no records checked (the reporting layer only reads checkRun's output).
 */
import { finding, type Finding, type FindingCode } from "../../../oracles/finding.js";
import type { ExpectedIdentity, IdentityKind, ObservedCall } from "../../../history/observed-call.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import type { CheckInput, IdentityStatus } from "../../../harness/report/index.js";

/** Account of every built call. */
export const ACCOUNT = "111122223333";

/** A caller of each kind, as the harness would state it. */
export function identity(kind: IdentityKind): ExpectedIdentity {
  const key = { IAMUser: "AKIAIOSFODNN7EXAMPLE", Root: "AKIAI44QH8DHBEXAMPLE", AssumedRole: "ASIAROLEROLEEXAMPLE1", FederatedUser: "ASIAFEDFEDFEDEXAMPLE" }[kind];
  const arn = {
    IAMUser: `arn:aws:iam::${ACCOUNT}:user/Alice`, Root: `arn:aws:iam::${ACCOUNT}:root`,
    AssumedRole: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s`, FederatedUser: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
  }[kind];
  return { kind, accountId: ACCOUNT, accessKeyId: key, callerArn: arn, callerUserId: "AIDACKCEVSQ6C2EXAMPLE" };
}

/** What a built call varies. */
export interface CallSpec {
  kind?: IdentityKind;
  outcome?: "ok" | "error" | "unknown";
  errorCode?: string;
  request?: unknown;
  response?: unknown;
  sentToService?: boolean;
}

/** One history line. */
export function call(seq: number, operation: string, spec: CallSpec = {}): ObservedCall {
  const outcome = spec.outcome ?? "ok";
  const sent = spec.sentToService ?? true;
  const t = new Date(Date.UTC(2026, 4, 1, 12, 0, seq)).toISOString();
  return {
    service: "inspector",
    seq, operation, identity: identity(spec.kind ?? "IAMUser"), region: "us-east-1",
    request: spec.request ?? { n: seq }, response: outcome === "ok" ? (spec.response ?? {}) : null, outcome,
    ...(outcome === "error" ? { error: { code: spec.errorCode ?? "InvalidInputException", message: "bad input" } } : {}),
    ...(sent && outcome !== "unknown" ? { requestId: `req-${seq}` } : {}),
    sentToService: sent, startedAt: t, endedAt: t,
  };
}

/** A finding as the oracles build it. */
export function f(code: FindingCode, path = "requestParameters", severity?: "required" | "advisory"): Finding {
  return finding(code, path, "expected-value", "actual-value", severity);
}

/** A mutable run: calls, per-call findings (a call in `joined` had a record), run-level findings. */
export class RunBuilder {
  calls: ObservedCall[] = [];
  byCall = new Map<number, Finding[]>();
  runLevel: Finding[] = [];
  identities: IdentityStatus[] = (["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const).map((kind) => ({ kind, status: "available" }));

  /** Adds a call; `record` false means no record was joined to it. */
  add(c: ObservedCall, findings: Finding[] = [], record = true): this {
    this.calls.push(c);
    if (record && c.sentToService) this.byCall.set(c.seq, findings);
    return this;
  }

  /** A completely conforming run: every operation succeeds and fails once, as every identity kind. */
  static conforming(): RunBuilder {
    const run = new RunBuilder();
    const kinds = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;
    INSPECTOR_OPERATIONS.forEach((op, i) => {
      run.add(call(2 * i, op, { kind: kinds[i % 4] }));
      run.add(call(2 * i + 1, op, { kind: kinds[(i + 1) % 4], outcome: "error" }));
    });
    return run;
  }

  /** The CheckInput of the run. */
  input(extra: Partial<CheckInput> = {}): CheckInput {
    const all = [...this.runLevel, ...[...this.byCall.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, fs]) => fs)];
    return { calls: this.calls, findings: { all, byCall: this.byCall }, identities: this.identities, unsupported: [], ...extra };
  }
}
