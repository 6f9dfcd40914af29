/**
 * `npm run janitor` as a user runs it: the script in its own process, CONFORMANCE_TARGET=aws with
 * AWS_ENDPOINT_URL pointing at `npm run emulator` (an AWS-like emulator standing in for the
 * account), seeded over loopback: a dry run lists the old stamped things and deletes nothing, then
 * --yes deletes exactly them. Bad flags and a target that accepts connections but never answers end
 * with exit 2 and one clear line.
 */
import type { ChildProcess } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJanitorProcess, startEmulatorProcess } from "../run/processes.js";
import { allArns, seedAccount, seedClient, type Seeded } from "./seed.js";

let emulator: ChildProcess | undefined;
let ready: Record<string, string>;
let seeded: Seeded;
let env: NodeJS.ProcessEnv;
/** Accepts connections and never answers. */
let silent: Server;
const sockets: Socket[] = [];
let silentPort = 0;

beforeAll(async () => {
  ({ child: emulator, ready } = await startEmulatorProcess());
  const client = seedClient(ready["endpoint"]);
  seeded = await seedAccount(client, new Date());
  client.destroy();
  env = {
    CONFORMANCE_TARGET: "aws",
    CONFORMANCE_AWS_ACCOUNTS: ready["accountId"],
    AWS_ENDPOINT_URL: ready["endpoint"],
    AWS_REGION: ready["region"],
    AWS_ACCESS_KEY_ID: ready["accessKeyId"],
    AWS_SECRET_ACCESS_KEY: ready["secretAccessKey"],
  };
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  emulator?.kill("SIGTERM");
  sockets.forEach((s) => s.destroy());
  await new Promise((resolve) => silent.close(resolve));
});

describe("npm run janitor in its own process, against npm run emulator as the aws target", () => {
  it("a dry run lists the old stamped things (exit 0), then --yes deletes exactly them (exit 0)", { timeout: 60_000 }, async () => {
    expect(ready["accountId"]).toBe("111122223333");
    const client = seedClient(ready["endpoint"]);
    try {
      const dry = await runJanitorProcess([], env);
      expect(dry.code, dry.stderr).toBe(0);
      const lines = dry.stdout.trim().split("\n");
      expect(lines).toHaveLength(seeded.old.length + 1);
      for (const arn of seeded.old) expect(lines.filter((l) => l.includes(`  ${arn}  `)), arn).toHaveLength(1);
      expect(lines.at(-1)).toBe("janitor: found 8 things that conformance runs left (older than 2h); would delete 8; pass --yes to delete them.");
      expect(dry.stderr).toContain(`janitor: aws target at ${ready["endpoint"]}, account 111122223333`);
      expect(await allArns(client)).toEqual([...seeded.old, ...seeded.recent, ...seeded.user].sort());

      const yes = await runJanitorProcess(["--yes", "--older-than", "90m"], env);
      expect(yes.code, yes.stderr).toBe(0);
      expect(yes.stdout.trim().split("\n").at(-1)).toBe("janitor: deleted 8 of 8 things.");
      expect(await allArns(client)).toEqual([...seeded.recent, ...seeded.user].sort());
      console.log(`janitor process: dry run ${dry.ms} ms, --yes ${yes.ms} ms`);
    } finally {
      client.destroy();
    }
  });

  it("a bad flag is one clear line and the usage (exit 2)", async () => {
    const cases = [["--older-than", "2 hours"], ["--yes", "--force"], ["stray"]];
    const runs = await Promise.all(cases.map((args) => runJanitorProcess(args, env)));
    for (const [i, run] of runs.entries()) {
      const args = cases[i]!;
      expect(run.code, args.join(" ")).toBe(2);
      const [first, usage] = run.stderr.replace(/^\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?--trace-warnings[^\n]*\n/, "").split("\n");
      expect(first, args.join(" ")).toMatch(/^janitor: (--older-than must be a duration such as 90m, 2h or 1d|Unknown option '--force'|Unexpected argument 'stray')/);
      expect(usage).toMatch(/^Usage: npm run janitor -- \[--older-than 2h\] \[--yes\] \[--region R\]/);
      expect(run.stdout).toBe("");
    }
  });

  it("a target that accepts connections and never answers ends at the call deadline (exit 2)", { timeout: 30_000 }, async () => {
    const run = await runJanitorProcess(["--call-timeout-ms", "500"], { ...env, AWS_ENDPOINT_URL: `http://127.0.0.1:${silentPort}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`janitor: the target did not answer \\(aws target at http://127.0.0.1:${silentPort}\\): STS GetCallerIdentity: no answer within 500 ms\\. Nothing was listed or deleted\\.`));
    expect(run.ms).toBeLessThan(15_000);
  });
});
