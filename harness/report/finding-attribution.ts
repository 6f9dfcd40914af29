/**
 * Which call (and so which operation) each finding belongs to. Per-record findings come keyed by
 * call seq from `checkRun().byCall`; completeness findings name their call in the path
 * `calls[seq=N]`; findings about a record that joined no call (extra records, re-deliveries,
 * eventIDs reused, unparseable records: path `records[i]…`, see oracles/completeness.ts) are
 * attributed through the record itself: its requestID to a call, else its eventName to an operation.
 * Findings of `all` whose path is a record field are per-record ones, taken from `byCall` (so a
 * report built from deserialised findings counts each once).
 */
import type { Finding } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";
import { readRecord } from "../../oracles/record-input.js";

/** A finding that names no call: its operation when the record says it, else undefined. */
export interface RecordFinding {
  finding: Finding;
  operation: string | undefined;
}

/** Findings sorted by owner: per call seq, and those that belong to no call. */
export interface AttributedFindings {
  byCall: Map<number, Finding[]>;
  unattached: RecordFinding[];
}

const CALL_PATH = /^calls\[seq=(\d+)\]/;
const RECORD_PATH = /^records\[(\d+)\]/;

/** The call seq a finding's path names (`calls[seq=N]`), if any. */
export function seqOfPath(path: string): number | undefined {
  const m = CALL_PATH.exec(path);
  return m ? Number(m[1]) : undefined;
}

/** The record index a finding's path names (`records[i]`), if any. */
export function recordIndexOfPath(path: string): number | undefined {
  const m = RECORD_PATH.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * Sorts a run's findings by call. `all` is checkRun's list (completeness and per-record findings),
 * `byCall` its per-record findings by seq; `records` (optional) the collected records, used to
 * place findings about records that joined no call.
 */
export function attributeFindings(
  calls: readonly ObservedCall[],
  findings: { all: readonly Finding[]; byCall: ReadonlyMap<number, readonly Finding[]> },
  records: readonly unknown[] = [],
): AttributedFindings {
  const seqs = new Set(calls.map((c) => c.seq));
  const byRequestId = new Map<string, number>();
  for (const c of calls) if (c.requestId !== undefined) byRequestId.set(c.requestId, c.seq);

  const byCall = new Map<number, Finding[]>();
  const add = (seq: number, f: Finding): void => {
    const list = byCall.get(seq);
    if (list) list.push(f);
    else byCall.set(seq, [f]);
  };
  for (const [seq, list] of findings.byCall) for (const f of list) add(seq, f);

  const unattached: RecordFinding[] = [];
  for (const f of findings.all) {
    const seq = seqOfPath(f.path);
    const index = recordIndexOfPath(f.path);
    // Any other path is a field of a joined record: that finding is already in byCall.
    if (seq === undefined && index === undefined) continue;
    if (seq !== undefined && seqs.has(seq)) {
      add(seq, f);
      continue;
    }
    const parsed = index === undefined ? undefined : readRecord(records[index]);
    const record = parsed?.ok ? parsed.record : undefined;
    const requestId = typeof record?.["requestID"] === "string" ? record["requestID"] : undefined;
    const owner = requestId === undefined ? undefined : byRequestId.get(requestId);
    // An extra record has by definition no call with its requestID; everything else that names one belongs to it.
    if (owner !== undefined && f.code !== "completeness.extra_record") {
      add(owner, f);
      continue;
    }
    const eventName = record?.["eventName"];
    unattached.push({ finding: f, operation: typeof eventName === "string" && eventName.length > 0 ? eventName : undefined });
  }
  return { byCall, unattached };
}
