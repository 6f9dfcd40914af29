/**
 * Deleting what the janitor found, with the run's own cleanup (harness/run/cleanup.ts: each thing up
 * to its attempts, waiting longer each time; ResourceNotFoundException counts as gone) and the
 * Delete* call of each kind, each call within the call deadline.
 */
import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import { cleanUp, type CleanupResult, type Leftover } from "../run/cleanup.js";
import { withDeadline } from "../targets/deadline.js";
import { describeSdkError, formatSdkFailure } from "../targets/sdk-error.js";
import { failureText, whatOf } from "./format.js";
import { JANITOR_KINDS } from "./kinds.js";
import type { StampedThing } from "./select.js";

/** The cleanup Leftover of a stamped thing: its kind's delete, naming its ARN. */
export function leftoverOf(thing: StampedThing): Leftover {
  return { what: whatOf(thing), operation: thing.kind.delete, input: { [thing.kind.member]: thing.arn } };
}

/** How hard deleting tries, and how it waits between attempts. */
export interface DeleteOptions {
  attempts: number;
  backoffMs: number;
  callTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Deletes `things`; what could not be deleted carries the last error as the SDK gave it
 * (`InternalServerException (HTTP 500): …`). Once every attempt at one thing got no answer at all,
 * the target is taken to be unreachable and the rest is reported with that reason, not tried.
 */
export async function deleteThings(client: Inspector2Client, things: readonly StampedThing[], o: DeleteOptions): Promise<CleanupResult> {
  let unanswered = 0;
  let down: string | undefined;
  const call = async (operation: string, input: Record<string, unknown>): Promise<{ ok: boolean; errorCode?: string }> => {
    const kind = JANITOR_KINDS.find((k) => k.delete === operation);
    const arn = kind !== undefined ? input[kind.member] : undefined;
    if (kind === undefined || typeof arn !== "string") throw new Error(`${operation} is not a delete the janitor makes`);
    try {
      await withDeadline(o.callTimeoutMs, operation, (signal) => kind.send(client, arn, { abortSignal: signal }));
      unanswered = 0;
      return { ok: true };
    } catch (err) {
      const failure = describeSdkError(err);
      unanswered = failure.noAnswer ? unanswered + 1 : 0;
      const text = failureText(operation, failure);
      if (unanswered >= o.attempts) down = `not tried: the target stopped answering (${text})`;
      // cleanUp counts ResourceNotFoundException as gone; any other error is thrown so that its message is kept.
      if (failure.code === "ResourceNotFoundException") return { ok: false, errorCode: failure.code };
      throw new Error(failure.code === "Deadline" ? failure.message : formatSdkFailure(failure));
    }
  };
  return cleanUp(things.map(leftoverOf), call, { attempts: o.attempts, backoffMs: o.backoffMs, sleep: o.sleep, unreachable: () => down });
}
