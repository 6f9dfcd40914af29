/**
 * `npm run janitor`: finds what earlier conformance runs left in an account (filters, CIS scan
 * configurations, code-security scan configurations and integrations that a run stamped, older than
 * `--older-than`) and, with `--yes`, deletes it. The target comes from the run configuration
 * (CONFORMANCE_TARGET aws or endpoint; the embedded emulator dies with its run, so nothing is left
 * there). On aws the account must be on the allow list, checked before any Inspector call. Exit
 * codes: 0 done (or a dry run); 1 something could not be deleted; 2 nothing could be done or a kind
 * could not be listed (bad configuration, an account not listed, an unreachable target).
 */
import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import { ConfigError, type RunConfig } from "../config.js";
import type { CleanupResult } from "../run/cleanup.js";
import { createTarget } from "../targets/create-target.js";
import { baseCredentials } from "../targets/credential-sources.js";
import { withDeadline } from "../targets/deadline.js";
import { formatSdkFailure } from "../targets/sdk-error.js";
import { targetProfile } from "../targets/target-profile.js";
import type { Credentials } from "../targets/target.js";
import { checkAccount } from "./account.js";
import { deleteThings } from "./delete.js";
import { deletionLines, dryRunSummary, failureText, thingLine } from "./format.js";
import { listAccount } from "./list.js";
import { selectLeftovers, type StampedThing } from "./select.js";

/** How the janitor runs. */
export interface JanitorOptions {
  /** The run configuration (target, region, allowed accounts, call deadline). */
  config: RunConfig;
  /** `--older-than` as given (for messages) and in milliseconds. */
  olderThan: { text: string; ms: number };
  /** `--yes`: delete what was found; otherwise only say what would be deleted. */
  yes: boolean;
  env: NodeJS.ProcessEnv;
  /** A line of the result (the things found, the summary): stdout. */
  out: (line: string) => void;
  /** A line about the janitor itself (what it is looking at, why it stopped): stderr. */
  err: (line: string) => void;
  /** The clock that ages run ids (tests). */
  now?: () => Date;
  /** Waits between delete attempts (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
  /** Page size of the listings (maxResults); the service's default when undefined. */
  pageSize?: number;
}

/** What the janitor did. */
export interface JanitorResult {
  exitCode: 0 | 1 | 2;
  /** The things it found (and, with --yes, tried to delete). */
  found: StampedThing[];
  /** With --yes: what was deleted and what was not. */
  deleted: CleanupResult | undefined;
}

/** Deleting retries as a run's own cleanup on a real account does (3 attempts, 2 s apart and growing). */
const RETRY = targetProfile("aws").cleanUp ?? { attempts: 3, backoffMs: 2_000 };

const stopped = (exitCode: 2): JanitorResult => ({ exitCode, found: [], deleted: undefined });

/** Runs the janitor once; never throws for configuration or an unreachable target (exit 2, with the reason). */
export async function runJanitor(o: JanitorOptions): Promise<JanitorResult> {
  const { config } = o;
  if (config.target === "embedded") {
    o.err(
      "janitor: CONFORMANCE_TARGET (--target) is embedded: that emulator lives only as long as its run, so nothing is left there to clean. " +
        "Set CONFORMANCE_TARGET=aws (with CONFORMANCE_AWS_ACCOUNTS) for a sandbox account, or endpoint (with AWS_ENDPOINT_URL) for an emulator. Nothing was listed or deleted.",
    );
    return stopped(2);
  }
  let target;
  try {
    target = createTarget({ ...config, services: ["inspector2"] }, o.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    o.err(`janitor: ${err.message}\nNothing was listed or deleted.`);
    return stopped(2);
  }
  const where = `${target.name} target at ${target.endpoints.inspector2 ?? `AWS's endpoints in ${config.region}`}`;
  try {
    let credentials: Credentials;
    try {
      // The default chain may ask an instance metadata service that is not there: it gets the call deadline too.
      credentials = await withDeadline(config.callTimeoutMs, "the SDK's default credential chain", () => baseCredentials(o.env));
    } catch (err) {
      o.err(`janitor: no credentials: ${err instanceof Error ? err.message : String(err)}. Nothing was listed or deleted.`);
      return stopped(2);
    }
    const account = await checkAccount(target.sts(credentials), config, where);
    if (!account.ok) {
      o.err(account.message);
      return stopped(2);
    }
    o.err(`janitor: ${where}, account ${account.account} (${account.arn}): looking for ${o.olderThan.ms === 0 ? "everything conformance runs stamped, whenever they started" : `what conformance runs stamped more than ${o.olderThan.text} ago`}`);
    // The target's clients are Inspector2Client instances (harness/targets/service-clients.ts), as the SDK's paginators require.
    const client = target.client("inspector2", credentials) as unknown as Inspector2Client;
    const listing = await listAccount(client, { callTimeoutMs: config.callTimeoutMs, ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}) });
    if (listing.unreachable !== undefined) {
      o.err(`janitor: the target did not answer (${where}): ${failureText(listing.unreachable.kind.list, listing.unreachable.failure)}. Nothing was deleted.`);
      return stopped(2);
    }
    const now = (o.now ?? (() => new Date()))();
    const found = selectLeftovers(listing.things, now, o.olderThan.ms);
    for (const thing of found) o.out(thingLine(thing, now));
    for (const f of listing.failed) o.err(`janitor: could not list ${f.kind.label}s (${f.kind.list}): ${formatSdkFailure(f.failure)}; what it holds was not looked at.`);
    const incomplete = listing.failed.length > 0;
    if (!o.yes || found.length === 0) {
      o.out(dryRunSummary(found, o.olderThan.text));
      return { exitCode: incomplete ? 2 : 0, found, deleted: undefined };
    }
    const deleted = await deleteThings(client, found, {
      ...RETRY,
      callTimeoutMs: config.callTimeoutMs,
      sleep: o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });
    for (const line of deletionLines(found, deleted)) o.out(line);
    return { exitCode: incomplete ? 2 : deleted.failed.length > 0 ? 1 : 0, found, deleted };
  } finally {
    await target.close();
  }
}
