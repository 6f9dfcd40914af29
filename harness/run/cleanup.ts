/**
 * Leaving nothing behind on a real account: what a run's Inspector v2 calls created (or turned on)
 * and did not delete (or turn off) again, read from the calls as observed, and the calls that undo
 * it, made with retries at the end of the service's part, whether the part ended well or not.
 * Findings reports and SBOM exports are not undone: Inspector writes them into the caller's bucket,
 * and only the bucket's owner can remove the objects.
 */
import type { ObservedCall } from "../../history/observed-call.js";

/** One thing the run left, and the call that undoes it. */
export interface Leftover {
  /** `filter arn:aws:inspector2:…`, for messages. */
  what: string;
  operation: string;
  input: Record<string, unknown>;
}

/** How a create is undone: the output member naming what it made, and the delete taking it. */
interface Undo {
  kind: string;
  produced: (output: Record<string, unknown>, input: Record<string, unknown>) => string | undefined;
  undo: string;
  /** The delete's input for `id`, and the member a delete call names it by. */
  member: string;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

const UNDO: Readonly<Record<string, Undo>> = {
  CreateFilter: { kind: "filter", produced: (o) => str(o["arn"]), undo: "DeleteFilter", member: "arn" },
  CreateCisScanConfiguration: { kind: "CIS scan configuration", produced: (o) => str(o["scanConfigurationArn"]), undo: "DeleteCisScanConfiguration", member: "scanConfigurationArn" },
  CreateCodeSecurityScanConfiguration: { kind: "code-security scan configuration", produced: (o) => str(o["scanConfigurationArn"]), undo: "DeleteCodeSecurityScanConfiguration", member: "scanConfigurationArn" },
  CreateCodeSecurityIntegration: { kind: "code-security integration", produced: (o) => str(o["integrationArn"]), undo: "DeleteCodeSecurityIntegration", member: "integrationArn" },
  CreateConnector: { kind: "connector", produced: (o) => str(o["connectorArn"]), undo: "DeleteConnector", member: "connectorArn" },
  EnableDelegatedAdminAccount: { kind: "delegated administrator", produced: (o) => str(o["delegatedAdminAccountId"]), undo: "DisableDelegatedAdminAccount", member: "delegatedAdminAccountId" },
  AssociateMember: { kind: "member account", produced: (o) => str(o["accountId"]), undo: "DisassociateMember", member: "accountId" },
};

/**
 * What a service's calls created and did not undo, and the calls that undo it; told the calls in
 * the order they were made (from memory, or streamed from the history file of a long run).
 */
export class LeftoverTracker {
  private readonly open = new Map<string, Leftover>();
  private readonly enabled = new Set<string>();

  /** Notes one call. */
  observe(call: ObservedCall): void {
    if (call.service !== "inspector2" || call.outcome !== "ok") return;
    const request = (call.request ?? {}) as Record<string, unknown>;
    if (call.operation === "Enable" || call.operation === "Disable") {
      const types = request["resourceTypes"];
      if (Array.isArray(types)) for (const t of types) if (typeof t === "string") (call.operation === "Enable" ? this.enabled.add(t) : this.enabled.delete(t));
      return;
    }
    const made = UNDO[call.operation];
    if (made !== undefined && call.response !== null && typeof call.response === "object") {
      const id = made.produced(call.response as Record<string, unknown>, request);
      if (id !== undefined) this.open.set(`${made.undo} ${id}`, { what: `${made.kind} ${id}`, operation: made.undo, input: { [made.member]: id } });
      return;
    }
    // A successful delete (by a sequence, or by the sweep's own end) undid it.
    const undone = Object.values(UNDO).find((u) => u.undo === call.operation);
    const id = undone !== undefined ? str(request[undone.member]) : undefined;
    if (undone !== undefined && id !== undefined) this.open.delete(`${undone.undo} ${id}`);
  }

  /** What is left, in the order it was made; scanning last (its resources' findings go with it). */
  leftovers(): Leftover[] {
    const out = [...this.open.values()];
    const types = [...this.enabled].sort();
    if (types.length > 0) out.push({ what: `scanning of ${types.join(", ")}`, operation: "Disable", input: { resourceTypes: types } });
    return out;
  }
}

/** What `calls` (one service's, in order) created and did not undo. */
export function leftoversOf(calls: readonly ObservedCall[]): Leftover[] {
  const tracker = new LeftoverTracker();
  for (const call of calls) tracker.observe(call);
  return tracker.leftovers();
}

/** What cleaning up did. */
export interface CleanupResult {
  undone: string[];
  /** What could not be undone, with the last error. */
  failed: { what: string; error: string }[];
}

/** Errors that mean the thing is already gone: nothing left to undo. */
const GONE = new Set(["ResourceNotFoundException"]);

/**
 * Undoes each leftover with `call`, up to `attempts` times (waiting `backoffMs` times the attempt
 * between them) until it succeeds or answers that the thing is gone.
 */
export async function cleanUp(
  leftovers: readonly Leftover[],
  call: (operation: string, input: Record<string, unknown>) => Promise<{ ok: boolean; errorCode?: string }>,
  o: {
    attempts: number;
    backoffMs: number;
    sleep: (ms: number) => Promise<void>;
    /** Why no further attempt can succeed (the target is down), if so: the rest is reported, not tried. */
    unreachable?: () => string | undefined;
  },
): Promise<CleanupResult> {
  const result: CleanupResult = { undone: [], failed: [] };
  for (const leftover of leftovers) {
    let error = "not tried";
    for (let attempt = 1; attempt <= o.attempts; attempt++) {
      const down = o.unreachable?.();
      if (down !== undefined) {
        error = down;
        break;
      }
      try {
        const outcome = await call(leftover.operation, leftover.input);
        if (outcome.ok || GONE.has(outcome.errorCode ?? "")) {
          error = "";
          break;
        }
        error = outcome.errorCode ?? "no answer";
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      if (attempt < o.attempts) await o.sleep(o.backoffMs * attempt);
    }
    if (error === "") result.undone.push(leftover.what);
    else result.failed.push({ what: leftover.what, error });
  }
  return result;
}

/** The report's line about cleaning up, or undefined when there was nothing to undo. */
export function cleanupMessage(title: string, result: CleanupResult, leftovers: readonly Leftover[]): string | undefined {
  if (leftovers.length === 0) return undefined;
  const done = `${title}: cleaned up ${result.undone.length} of ${leftovers.length} things the run created or turned on`;
  if (result.failed.length === 0) return `${done}.`;
  return `${done}; could not undo ${result.failed.map((f) => `${f.what} (${f.error})`).join("; ")}: remove ${result.failed.length === 1 ? "it" : "them"} by hand.`;
}
