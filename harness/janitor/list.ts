/**
 * Listing the account: every page of each kind's list operation, each page with its own deadline, so
 * that an unreachable target ends the janitor instead of hanging it. Nothing but the four list
 * operations is called.
 */
import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import { withDeadline } from "../targets/deadline.js";
import { describeSdkError, type SdkFailure } from "../targets/sdk-error.js";
import { JANITOR_KINDS, type AccountThing, type JanitorKind } from "./kinds.js";

/** What listing the account found, and what could not be listed. */
export interface AccountListing {
  things: AccountThing[];
  /** Kinds whose listing failed, with the failure (what was listed of them before is in `things`). */
  failed: { kind: JanitorKind; failure: SdkFailure }[];
  /** Set when a call got no answer at all: the listing stopped there (the target is unreachable). */
  unreachable: { kind: JanitorKind; failure: SdkFailure } | undefined;
}

/** Lists one kind, page by page, each page within `callTimeoutMs`. */
async function listKind(client: Inspector2Client, kind: JanitorKind, o: { callTimeoutMs: number; pageSize?: number }, into: AccountThing[]): Promise<void> {
  // One signal for the listing's requests, aborted when any page passes its deadline.
  const listing = new AbortController();
  const pages = kind.pages(client, { ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}), send: { abortSignal: listing.signal } });
  try {
    for (;;) {
      const page = await withDeadline(o.callTimeoutMs, `${kind.list}`, (signal) => {
        signal.addEventListener("abort", () => listing.abort(signal.reason), { once: true });
        return pages.next();
      });
      if (page.done === true) return;
      into.push(...page.value);
    }
  } finally {
    listing.abort();
  }
}

/** Lists every kind in the account of `client`; stops at the first call that gets no answer. */
export async function listAccount(client: Inspector2Client, o: { callTimeoutMs: number; pageSize?: number }): Promise<AccountListing> {
  const result: AccountListing = { things: [], failed: [], unreachable: undefined };
  for (const kind of JANITOR_KINDS) {
    try {
      await listKind(client, kind, o, result.things);
    } catch (err) {
      const failure = describeSdkError(err);
      result.failed.push({ kind, failure });
      if (failure.noAnswer) {
        result.unreachable = { kind, failure };
        break;
      }
    }
  }
  return result;
}
