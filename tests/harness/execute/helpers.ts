/**
 * Shared helpers of the execution tests: a run configuration, a temporary history path, and a
 * loopback server that accepts connections but never answers.
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveRunConfig, type RunConfig } from "../../../harness/config.js";

/** A RunConfig with the defaults and `overrides`, independent of the process environment. */
export function testConfig(overrides: Partial<Record<keyof RunConfig, unknown>> = {}): RunConfig {
  return resolveRunConfig(overrides, {});
}

/** A fresh history file path under the OS temp folder. */
export function tempHistoryPath(): string {
  return join(mkdtempSync(join(tmpdir(), "conformance-history-")), "history.jsonl");
}

/** A loopback HTTP server that reads requests and never answers them. */
export async function silentServer(): Promise<{ endpoint: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req) => {
    count++;
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
