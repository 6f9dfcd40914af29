/**
 * `npm run janitor` offline: the reference emulator on AWS's own hostnames through msw (its account
 * 111122223333), seeded through the SDK with what runs of 3 hours and 1 minute ago left and what
 * the user owns. The janitor lists exactly the old stamped things and deletes only with --yes;
 * --older-than 0 also takes the recent run's; an account not listed is refused before any Inspector
 * call; a delete that keeps failing is tried 3 times and reported (exit 1); a kind that cannot be
 * listed or a target that does not answer ends with exit 2.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import { createEmulator, type Emulator } from "../../../emulator/emulator.js";
import { mswHandlers } from "../../../emulator/transports/msw-handlers.js";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import { runJanitor } from "../../../harness/janitor/janitor.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { allArns, seedAccount, seedClient, type Seeded } from "./seed.js";

const server = setupServer();
let emulator: Emulator;
/** Inspector v2 operations requested (by the model's routes), and the services' hostnames. */
const requested: string[] = [];
const hosts: string[] = [];
const routes = INSPECTOR2_OPERATIONS.map((op) => {
  const { method, requestUri } = inspector2Model.operations[op]!.http;
  return { op, method, re: new RegExp(`^${requestUri.split("?")[0]!.replace(/\{[^}]+\}/g, "[^/]+")}$`) };
});
const client = seedClient();
let seeded: Seeded;

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    hosts.push(url.hostname.split(".")[0]!);
    if (url.hostname.startsWith("inspector2.")) requested.push(routes.find((r) => r.method === request.method && r.re.test(url.pathname))?.op ?? `${request.method} ${url.pathname}`);
  });
});
beforeEach(async () => {
  emulator = createEmulator();
  server.resetHandlers(...mswHandlers(emulator.handle));
  seeded = await seedAccount(client, new Date());
  requested.length = 0;
  hosts.length = 0;
});
afterEach(async () => {
  server.resetHandlers();
  await emulator.close();
});
afterAll(() => {
  server.close();
  client.destroy();
});

const ENV = { AWS_ACCESS_KEY_ID: DEFAULT_USER_ACCESS_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_USER_ACCESS_KEY.secretAccessKey };

async function janitor(o: { flags?: Partial<Record<keyof RunConfig, unknown>>; olderThan?: [string, number]; yes?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  const config = resolveRunConfig({ target: "aws", awsAccounts: "111122223333", ...o.flags }, {});
  const [text, ms] = o.olderThan ?? ["2h", 7_200_000];
  const result = await runJanitor({
    config, olderThan: { text, ms }, yes: o.yes ?? false, env: { ...ENV, ...o.env },
    out: (l) => out.push(l), err: (l) => err.push(l), sleep: async (ms) => void sleeps.push(ms), pageSize: 2,
  });
  return { ...result, out, err, sleeps, arns: result.found.map((t) => t.arn).sort() };
}

const sorted = (...lists: string[][]) => lists.flat().sort();
const deletes = () => requested.filter((op) => op.startsWith("Delete"));

describe("npm run janitor: exactly what earlier runs left", () => {
  it("a dry run lists exactly the old stamped things, one line each, and deletes nothing", async () => {
    const run = await janitor();
    expect(run.exitCode).toBe(0);
    expect(run.arns).toEqual(sorted(seeded.old));
    expect(run.out).toHaveLength(seeded.old.length + 1);
    expect(run.out.at(-1)).toBe(`janitor: found 8 things that conformance runs left (older than 2h); would delete 8; pass --yes to delete them.`);
    const named = run.out.find((l) => l.includes("named-filter"))!;
    expect(named).toMatch(new RegExp(`^filter +arn:aws:inspector2:us-east-1:111122223333:\\S+  name "${seeded.oldRunId}-named-filter"  run ${seeded.oldRunId}  age 3h00m$`));
    expect(run.out.some((l) => l.startsWith("code-security integration ") && l.includes(`run ${seeded.oldRunId}`))).toBe(true);
    expect(run.err[0]).toMatch(/^janitor: aws target at AWS's endpoints in us-east-1, account 111122223333 \(arn:aws:iam::111122223333:user\/.+\): looking for/);
    // Only the four listings were called (page size 2: the five filters took three pages), and nothing is gone.
    expect(new Set(requested)).toEqual(new Set(["ListFilters", "ListCisScanConfigurations", "ListCodeSecurityScanConfigurations", "ListCodeSecurityIntegrations"]));
    expect(requested.filter((op) => op === "ListFilters")).toHaveLength(3);
    expect(await allArns(client)).toEqual(sorted(seeded.old, seeded.recent, seeded.user));
  });

  it("--yes deletes exactly those, and the recent run's and the user's things are untouched", async () => {
    const run = await janitor({ yes: true });
    expect(run.exitCode).toBe(0);
    expect(run.out.filter((l) => l.startsWith("deleted "))).toHaveLength(8);
    expect(run.out.at(-1)).toBe("janitor: deleted 8 of 8 things.");
    expect(deletes().sort()).toEqual(["DeleteCisScanConfiguration", "DeleteCisScanConfiguration", "DeleteCodeSecurityIntegration", "DeleteCodeSecurityIntegration", "DeleteCodeSecurityScanConfiguration", "DeleteCodeSecurityScanConfiguration", "DeleteFilter", "DeleteFilter"]);
    expect(await allArns(client)).toEqual(sorted(seeded.recent, seeded.user));
    // Run again: nothing left to take.
    const again = await janitor({ yes: true });
    expect([again.exitCode, again.found, again.out]).toEqual([0, [], ["janitor: nothing that a conformance run left (older than 2h) was found; nothing to delete."]]);
  });

  it("--older-than 0 also takes the run that started a minute ago, and still none of the user's", async () => {
    const run = await janitor({ olderThan: ["0", 0], yes: true });
    expect(run.exitCode).toBe(0);
    expect(run.arns).toEqual(sorted(seeded.old, seeded.recent));
    expect(await allArns(client)).toEqual(sorted(seeded.user));
  });

  it("refuses an account the allow list does not name before any Inspector call (exit 2)", async () => {
    const refused = await janitor({ flags: { awsAccounts: "999988887777" }, yes: true });
    expect(refused.exitCode).toBe(2);
    expect(refused.err.join("\n")).toMatch(/STS GetCallerIdentity names 111122223333, which --aws-accounts \/ CONFORMANCE_AWS_ACCOUNTS does not list \(it lists 999988887777\)\. .*set CONFORMANCE_AWS_ACCOUNTS=111122223333\. Nothing was listed or deleted\./);
    const none = await janitor({ flags: { awsAccounts: undefined } });
    expect(none.exitCode).toBe(2);
    expect(none.err.join("\n")).toMatch(/it lists none/);
    expect(requested).toEqual([]);
    expect(new Set(hosts)).toEqual(new Set(["sts"]));
    expect(await allArns(client)).toEqual(sorted(seeded.old, seeded.recent, seeded.user));
  });

  it("a delete that keeps failing is tried 3 times with a growing wait, reported with its error, and exits 1", async () => {
    let attempts = 0;
    server.use(http.post("https://inspector2.us-east-1.amazonaws.com/filters/delete", () => (attempts++, new HttpResponse(null, { status: 500 }))));
    const run = await janitor({ yes: true });
    expect(run.exitCode).toBe(1);
    expect(attempts).toBe(6);
    expect(run.sleeps).toEqual([2000, 4000, 2000, 4000]);
    const failed = run.out.filter((l) => l.startsWith("could not delete "));
    expect(failed).toHaveLength(2);
    for (const line of failed) expect(line).toMatch(/^could not delete filter arn:aws:inspector2:us-east-1:111122223333:owner\/111122223333\/filter\/[0-9a-f]+: Unknown \(HTTP 500\): UnknownError$/);
    expect(run.out.at(-1)).toBe("janitor: deleted 6 of 8 things; could not delete 2 (above): remove them by hand or run the janitor again.");
    const filtersLeft = seeded.old.filter((a) => a.includes("/filter/"));
    expect(filtersLeft).toHaveLength(2);
    expect(await allArns(client)).toEqual(sorted(filtersLeft, seeded.recent, seeded.user));
  });

  it("a thing already gone (ResourceNotFoundException) counts as deleted", async () => {
    server.use(http.post("https://inspector2.us-east-1.amazonaws.com/codesecurity/integration/delete", () => HttpResponse.json({ message: "gone" }, { status: 404, headers: { "x-amzn-ErrorType": "ResourceNotFoundException" } })));
    const run = await janitor({ yes: true });
    expect(run.exitCode).toBe(0);
    expect(run.out.at(-1)).toBe("janitor: deleted 8 of 8 things.");
    expect(run.sleeps).toEqual([]);
  });
});

describe("npm run janitor: when it cannot do its work (exit 2)", () => {
  it("a kind that cannot be listed is reported, the others are still handled, and the exit is 2", async () => {
    server.use(http.post("https://inspector2.us-east-1.amazonaws.com/codesecurity/integration/list", () => HttpResponse.json({ message: "not allowed" }, { status: 403, headers: { "x-amzn-ErrorType": "AccessDeniedException" } })));
    const run = await janitor();
    expect(run.exitCode).toBe(2);
    // The other three kinds' old things are still found (the integrations' ARNs name `codesecurity-integration/`).
    expect(run.arns).toEqual(sorted(seeded.old.filter((a) => !a.includes(":codesecurity-integration/"))));
    expect(run.found).toHaveLength(6);
    expect(run.err.join("\n")).toContain("janitor: could not list code-security integrations (ListCodeSecurityIntegrations): AccessDeniedException (HTTP 403): not allowed");
  });

  it("a listing that never answers ends at the call deadline", async () => {
    server.use(http.post("https://inspector2.us-east-1.amazonaws.com/cis/scan-configuration/list", () => new Promise<never>(() => undefined)));
    const started = Date.now();
    const run = await janitor({ flags: { callTimeoutMs: 300 }, yes: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.exitCode).toBe(2);
    expect(run.err.join("\n")).toMatch(/janitor: the target did not answer \(aws target at AWS's endpoints in us-east-1\): ListCisScanConfigurations: no answer within 300 ms\. Nothing was deleted\./);
    expect(deletes()).toEqual([]);
  });

  it("deletes that never answer end it: after one thing's 3 attempts time out, the rest is reported, not tried (exit 1)", async () => {
    let attempts = 0;
    server.use(http.post("https://inspector2.us-east-1.amazonaws.com/filters/delete", () => (attempts++, new Promise<never>(() => undefined))));
    const started = Date.now();
    const run = await janitor({ flags: { callTimeoutMs: 300 }, yes: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.exitCode).toBe(1);
    expect(attempts).toBe(3);
    expect(deletes()).toEqual(["DeleteFilter", "DeleteFilter", "DeleteFilter"]);
    const failed = run.out.filter((l) => l.startsWith("could not delete "));
    expect(failed).toHaveLength(8);
    expect(failed[0]).toMatch(/: DeleteFilter: no answer within 300 ms$/);
    for (const line of failed.slice(1)) expect(line).toMatch(/: not tried: the target stopped answering \(DeleteFilter: no answer within 300 ms\)$/);
    expect(await allArns(client)).toEqual(sorted(seeded.old, seeded.recent, seeded.user));
  });

  it("the embedded target and an endpoint target without a URL are refused, calling nothing", async () => {
    const embedded = await janitor({ flags: { target: "embedded" } });
    expect(embedded.exitCode).toBe(2);
    expect(embedded.err.join("\n")).toMatch(/CONFORMANCE_TARGET \(--target\) is embedded.*Set CONFORMANCE_TARGET=aws/);
    const endpoint = await janitor({ flags: { target: "endpoint" } });
    expect(endpoint.exitCode).toBe(2);
    expect(endpoint.err.join("\n")).toMatch(/CONFORMANCE_TARGET=endpoint needs the emulator's URL/);
    expect(hosts).toEqual([]);
  });
});
