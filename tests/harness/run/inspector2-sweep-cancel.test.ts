/**
 * The v2 sweep's reports and exports: only one still IN_PROGRESS can be cancelled, so when a quick
 * target finishes one before its cancel, the sweep makes another (at most 3), and only then. The
 * target here is scripted: every call succeeds with `{}` except the report calls the case sets.
 */
import { describe, expect, it } from "vitest";
import type { CallOutcome } from "../../../generators/executor.js";
import { inspector2SuccessSweep } from "../../../harness/run/inspector2-sweep.js";

const SETTINGS = { allowed: () => true, uniq: "t1", region: "us-east-1", accountId: "111122223333", completionTimeoutMs: 0, pollIntervalMs: 0, sleep: async () => undefined };

interface Script {
  /** Whether the n-th create (from 1) succeeds. */
  created?: (n: number) => boolean;
  /** Whether the n-th cancel (from 1) succeeds. */
  cancelled: (n: number) => boolean;
  /** The status a read gives after a failed cancel. */
  statusAfter: string;
}

/** The report calls of one success sweep, in order, each as "Operation reportId ok|error". */
async function reportCalls(create: string, read: string, cancel: string, script: Script): Promise<string[]> {
  const made: string[] = [];
  let creates = 0;
  let cancels = 0;
  let failedCancel = false;
  const call = async (operation: string, input: Record<string, unknown>): Promise<CallOutcome> => {
    let outcome: CallOutcome = { ok: true, output: {} };
    if (operation === create) {
      creates++;
      failedCancel = false;
      outcome = (script.created ?? (() => true))(creates) ? { ok: true, output: { reportId: `r${creates}` } } : { ok: false, errorCode: "AccessDeniedException" };
    } else if (operation === read) {
      outcome = { ok: true, output: { reportId: input["reportId"], status: failedCancel ? script.statusAfter : "IN_PROGRESS" } };
    } else if (operation === cancel) {
      cancels++;
      failedCancel = !script.cancelled(cancels);
      outcome = failedCancel ? { ok: false, errorCode: "ValidationException" } : { ok: true, output: { reportId: input["reportId"] } };
    }
    if ([create, read, cancel].includes(operation)) made.push(`${operation} ${String(input["reportId"] ?? "-")} ${outcome.ok ? "ok" : "error"}`);
    return outcome;
  };
  await inspector2SuccessSweep(call, SETTINGS, call);
  return made;
}

describe.each([
  ["CreateFindingsReport", "GetFindingsReportStatus", "CancelFindingsReport"],
  ["CreateSbomExport", "GetSbomExport", "CancelSbomExport"],
] as const)("%s, %s, %s in the v2 success sweep", (create, read, cancel) => {
  it("creates, reads and cancels once when the cancel succeeds", async () => {
    expect(await reportCalls(create, read, cancel, { cancelled: () => true, statusAfter: "SUCCEEDED" })).toEqual([`${create} - ok`, `${read} r1 ok`, `${cancel} r1 ok`]);
  });

  it.each(["SUCCEEDED", "FAILED"])("makes another when the first had %s before its cancel, and cancels that one", async (status) => {
    expect(await reportCalls(create, read, cancel, { cancelled: (n) => n > 1, statusAfter: status })).toEqual([
      `${create} - ok`, `${read} r1 ok`, `${cancel} r1 error`, `${read} r1 ok`,
      `${create} - ok`, `${read} r2 ok`, `${cancel} r2 ok`,
    ]);
  });

  it("stops after 3 reports when every one finishes first", async () => {
    const made = await reportCalls(create, read, cancel, { cancelled: () => false, statusAfter: "SUCCEEDED" });
    expect(made.filter((m) => m.startsWith(create))).toHaveLength(3);
    expect(made.at(-1)).toBe(`${cancel} r3 error`);
  });

  it.each(["IN_PROGRESS", "CANCELLED"])("keeps a cancel that failed while the report was %s, and makes no other", async (status) => {
    expect(await reportCalls(create, read, cancel, { cancelled: () => false, statusAfter: status })).toEqual([`${create} - ok`, `${read} r1 ok`, `${cancel} r1 error`, `${read} r1 ok`]);
  });

  it("makes no other when the create itself failed", async () => {
    const made = await reportCalls(create, read, cancel, { created: () => false, cancelled: () => false, statusAfter: "SUCCEEDED" });
    expect(made.filter((m) => m.startsWith(create))).toHaveLength(1);
  });
});
