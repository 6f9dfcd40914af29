/**
 * The `embedded` target: a reference emulator in-process, reached through one of two transports:
 * - `loopback` (default): a node:http server on 127.0.0.1, a free port, in this process; the
 *   clients send to it as to any endpoint. A bare SDK call takes about 0.7 ms this way against
 *   1.6 ms through msw (`npm run bench`, (a)), so the suite spends its time on the calls it checks.
 * - msw ({@link MswMount}, embedded-msw.ts): mounted with msw on the real AWS hostnames, the clients
 *   configured exactly as for AWS, for tests that put their own answers in front of the emulator
 *   (`msw.use`).
 * Its accounts are the emulator's directory (default: docs/emulator.md "Default account").
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { SetupServer } from "msw/node";
import { DEFAULT_ROLE_ARN } from "../../emulator/accounts/index.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../emulator/emulator.js";
import { startHttpServer, type RunningServer } from "../../emulator/transports/http-server.js";
import { DEFAULT_ROUTER_OPTIONS } from "../../emulator/core/router.js";
import type { RunConfig } from "../config.js";
import { IdentityProvisioner } from "./identities.js";
import type { Credentials } from "./target.js";
import type { HarnessTarget } from "./harness-target.js";
import { ServiceClients } from "./service-clients.js";

/** The embedded target, with the emulator and msw server exposed for tests. */
export interface EmbeddedTarget extends HarnessTarget {
  name: "embedded";
  emulator: Emulator;
  /** The msw server with the `msw` transport (tests may `use()` extra handlers, e.g. a hanging answer). */
  msw: SetupServer | undefined;
  /** Where the emulator delivers trail files (checked by the run after close, which delivers the rest). */
  trailDir: string;
}

/** Mounts the emulator's handler with msw and starts listening (MSW_TRANSPORT, embedded-msw.ts). */
export type MswMount = (handle: Emulator["handle"]) => SetupServer;

/** The transport (loopback unless an msw mount is given), and a wrapper around the emulator's handler (benchmarks time each request with it). */
export interface EmbeddedTransportOptions {
  transport?: "loopback" | MswMount;
  wrap?: (handle: Emulator["handle"]) => Emulator["handle"];
}

/** Starts an emulator (with `rulesEdition` from the config) behind a transport (default loopback). */
export function createEmbeddedTarget(config: RunConfig, emulatorOptions: EmulatorOptions = {}, how: EmbeddedTransportOptions = {}): EmbeddedTarget {
  // Trail files too, by default under the run's reports (emptied first), so that a default run checks
  // both collectors: LookupEvents during the run, the delivered files at its end.
  const trailDir = emulatorOptions.trailDir ?? config.trailDir ?? join(config.reportsDir, "run", "trail");
  if (emulatorOptions.trailDir === undefined && config.trailDir === undefined) rmSync(trailDir, { recursive: true, force: true });
  const emulator = createEmulator({ trailIntervalMs: 60_000, ...emulatorOptions, trailDir, rulesEdition: config.rulesEdition });
  const handle = how.wrap?.(emulator.handle) ?? emulator.handle;
  let msw: SetupServer | undefined;
  let server: Promise<RunningServer> | undefined;
  if (typeof how.transport === "function") {
    msw = how.transport(handle);
  } else {
    server = startHttpServer(handle, { host: "127.0.0.1", port: 0, maxBodyBytes: emulatorOptions.maxBodyBytes ?? DEFAULT_ROUTER_OPTIONS.maxBodyBytes });
  }
  const clients = new ServiceClients({
    region: config.region,
    endpoints: {},
    callTimeoutMs: config.callTimeoutMs,
    ...(server !== undefined ? { endpointOnceListening: server.then((s) => s.endpoint) } : {}),
  });

  // The first account of the directory is the run's account: its first IAM user key is the base
  // identity, its first root key the Root identity.
  const account = emulator.accounts.accounts[0];
  const userKey = account?.users.flatMap((u) => u.accessKeys)[0];
  const rootKey = account?.rootAccessKeys[0];
  const identities = new IdentityProvisioner({
    sts: (c) => clients.sts(c),
    base: async () => {
      if (userKey === undefined) throw new Error("the emulator's first account has no IAM user with an access key");
      return { accessKeyId: userKey.accessKeyId, secretAccessKey: userKey.secretAccessKey };
    },
    root: async () =>
      rootKey === undefined
        ? { na: "the emulator's first account has no root access key (accounts file: rootAccessKeys)" }
        : { accessKeyId: rootKey.accessKeyId, secretAccessKey: rootKey.secretAccessKey },
    roleArn: config.roleArn ?? DEFAULT_ROLE_ARN,
    callTimeoutMs: config.callTimeoutMs,
    // The emulator's own directory says the alias: no IAM call is needed in-process.
    accountAlias: async (accountId) => emulator.accounts.account(accountId)?.alias,
  });

  let closed: Promise<void> | undefined;
  return {
    name: "embedded",
    endpoint: undefined,
    endpoints: {},
    // The emulator records each call before its answer leaves (emulator/core/router.ts), unless told to delay delivery.
    recordsAtOnce: (emulatorOptions.deliveryDelayMs ?? 0) === 0,
    region: config.region,
    emulator,
    msw,
    trailDir,
    identities,
    client: (service, c: Credentials) => clients.service(service, c),
    cloudtrail: (c: Credentials) => clients.cloudtrail(c),
    sts: (c: Credentials) => clients.sts(c),
    provision: (kind, name) => identities.provision(kind, name),
    close: () =>
      (closed ??= (async () => {
        clients.destroy();
        msw?.close();
        if (server !== undefined) await (await server).close();
        await emulator.close();
      })()),
  };
}
