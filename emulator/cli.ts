/**
 * `npm run emulator -- --port 4566 --host 127.0.0.1`: the reference emulator as a loopback server.
 * When ready it prints one JSON line to stdout (endpoint, region, account, default IAM user's keys,
 * and the services it serves on that one port).
 */
import { parseArgs } from "node:util";
import { AccountDirectoryError } from "./accounts/index.js";
import { createEmulator, SERVED_SERVICES } from "./emulator.js";
import { resolveSettings, SettingsError } from "./settings.js";
import { startHttpServer } from "./transports/http-server.js";

const USAGE = `Usage: npm run emulator -- [--host 127.0.0.1] [--port 4566] [--region us-east-1]
  [--rules-edition 2020|2017] [--delivery-delay-ms 0] [--throttle-lookup-events]
  [--trail-dir DIR] [--trail-interval-ms 60000] [--accounts FILE] [--max-body-bytes 1048576]
  [--faults name[,name]]   (emulator faults for the suite's self-tests; none by default)
  [--throttle-inspector2 N] (Inspector v2 answers ThrottlingException past N calls/s per account and Region)
Every option also reads an environment variable (docs/emulator.md, "Emulator options").`;

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string" },
        port: { type: "string" },
        region: { type: "string" },
        "rules-edition": { type: "string" },
        "delivery-delay-ms": { type: "string" },
        "throttle-lookup-events": { type: "boolean" },
        "trail-dir": { type: "string" },
        "trail-interval-ms": { type: "string" },
        accounts: { type: "string" },
        "max-body-bytes": { type: "string" },
        faults: { type: "string" },
        "throttle-inspector2": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values["help"]) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const settings = resolveSettings(
    {
      host: values["host"],
      port: values["port"],
      region: values["region"],
      rulesEdition: values["rules-edition"],
      deliveryDelayMs: values["delivery-delay-ms"],
      throttleLookupEvents: values["throttle-lookup-events"],
      trailDir: values["trail-dir"],
      trailIntervalMs: values["trail-interval-ms"],
      accountsFile: values["accounts"],
      maxBodyBytes: values["max-body-bytes"],
      faults: values["faults"],
      throttleInspector2: values["throttle-inspector2"],
    },
    process.env,
  );
  const emulator = createEmulator({
    rulesEdition: settings.rulesEdition,
    deliveryDelayMs: settings.deliveryDelayMs,
    throttleLookupEvents: settings.throttleLookupEvents,
    ...(settings.trailDir !== undefined ? { trailDir: settings.trailDir } : {}),
    trailIntervalMs: settings.trailIntervalMs,
    ...(settings.accountsFile !== undefined ? { accountsFile: settings.accountsFile } : {}),
    maxBodyBytes: settings.maxBodyBytes,
    faults: settings.faults,
    ...(settings.throttleInspector2 !== undefined ? { inspector2RequestsPerSecond: settings.throttleInspector2 } : {}),
  });
  const server = await startHttpServer(emulator.handle, settings);
  const account = emulator.accounts.accounts[0]!;
  const user = account.users.find((u) => u.accessKeys.length > 0);
  process.stdout.write(
    `${JSON.stringify({
      endpoint: server.endpoint,
      region: settings.region,
      accountId: account.accountId,
      userName: user?.userName ?? null,
      accessKeyId: user?.accessKeys[0]?.accessKeyId ?? null,
      secretAccessKey: user?.accessKeys[0]?.secretAccessKey ?? null,
      rulesEdition: settings.rulesEdition,
      trailDir: settings.trailDir ?? null,
      services: [...SERVED_SERVICES],
      ...(settings.faults.length > 0 ? { faults: settings.faults } : {}),
    })}\n`,
  );
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stderr.write(`reference emulator: ${signal}, delivering pending trail files and stopping\n`);
    void Promise.all([server.close(), emulator.close()]).then(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof SettingsError || err instanceof AccountDirectoryError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") process.stderr.write(`reference emulator: the port is already in use; pass --port with a free port (or 0)\n`);
  else process.stderr.write(`reference emulator failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
