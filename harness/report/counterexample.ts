/**
 * Counterexamples: the smallest failing call of a check, with the earlier calls that created the
 * resources it used (when the history shows it), its findings and the command that replays it.
 * Interactive runs also bring fast-check's shrunk counterexamples, which win over computed ones.
 */
import type { Finding } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";

/** One call as a counterexample shows it: enough to read and to reproduce it, no secrets. */
export interface CounterexampleCall {
  seq: number;
  operation: string;
  /** Identity kind and caller ARN, e.g. `AssumedRole arn:aws:sts::111122223333:assumed-role/R/s`. */
  identity: string;
  request: unknown;
  outcome: string;
  errorCode?: string;
}

/** The evidence of a failing check. Expected vs actual live in the findings. */
export interface Counterexample {
  calls: CounterexampleCall[];
  findings: Finding[];
  /** Shell command that replays the failing case, when the runner can give one. */
  replay: string | null;
}

/** How a call is shown in a counterexample. */
export function counterexampleCall(call: ObservedCall): CounterexampleCall {
  return {
    seq: call.seq,
    operation: call.operation,
    identity: `${call.identity.kind} ${call.identity.callerArn}`,
    request: call.request,
    outcome: call.outcome,
    ...(call.error ? { errorCode: call.error.code } : {}),
  };
}

/** Every string in a JSON value that looks like an ARN (the way Inspector calls refer to resources). */
function arnsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    if (value.startsWith("arn:")) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) arnsIn(v, out);
  } else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) arnsIn(v, out);
  }
  return out;
}

/**
 * The calls that `call` depends on: for each ARN in its request, the earliest earlier successful
 * call whose response holds that ARN (the one that created it), and their own dependencies, in seq order.
 */
export function creatorsOf(call: ObservedCall, history: readonly ObservedCall[]): ObservedCall[] {
  const earlier = [...history].filter((c) => c.outcome === "ok" && c.seq < call.seq).sort((a, b) => a.seq - b.seq);
  const found = new Map<number, ObservedCall>();
  const visit = (c: ObservedCall): void => {
    for (const arn of arnsIn(c.request)) {
      const creator = earlier.find((e) => e.seq < c.seq && arnsIn(e.response).has(arn));
      if (creator && !found.has(creator.seq)) {
        found.set(creator.seq, creator);
        visit(creator);
      }
    }
  };
  visit(call);
  return [...found.values()].sort((a, b) => a.seq - b.seq);
}

/** Size of a call for choosing the smallest: its request as JSON. */
function sizeOf(call: ObservedCall): number {
  return JSON.stringify(call.request ?? null).length;
}

/**
 * The counterexample of a failing check: among `failing` (calls with required findings of the
 * check's family, with those findings), the call with the smallest request (then the earliest), the
 * calls that created what it used, and its findings.
 */
export function smallestCounterexample(
  failing: readonly { call: ObservedCall; findings: Finding[] }[],
  history: readonly ObservedCall[],
  replayCommand?: (seq: number) => string | null,
): Counterexample | null {
  // Fewest calls first (the failing call and the calls that created what it uses), then the smallest request.
  // (creators are traced for the 200 smallest requests only: a broken run may fail thousands of calls.)
  const sized = [...failing]
    .sort((a, b) => sizeOf(a.call) - sizeOf(b.call) || a.call.seq - b.call.seq)
    .slice(0, 200)
    .map((f) => ({ ...f, creators: creatorsOf(f.call, history) }));
  const best = sized.sort(
    (a, b) => a.creators.length - b.creators.length || sizeOf(a.call) - sizeOf(b.call) || a.call.seq - b.call.seq,
  )[0];
  if (best === undefined) return null;
  return {
    calls: [...best.creators, best.call].map(counterexampleCall),
    findings: best.findings,
    replay: replayCommand?.(best.call.seq) ?? null,
  };
}

/** The operation a shrunk counterexample fails on: the call a finding path names, else the last call. */
export function failingOperationOf(cx: Counterexample): string | undefined {
  for (const f of cx.findings) {
    const m = /^calls\[seq=(\d+)\]/.exec(f.path);
    const call = m ? cx.calls.find((c) => c.seq === Number(m[1])) : undefined;
    if (call) return call.operation;
  }
  return cx.calls[cx.calls.length - 1]?.operation;
}
