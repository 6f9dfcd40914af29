/**
 * The bare rate the suite is measured against: the very Inspector calls a suite run made (each
 * command object and the credentials it was sent with, captured as the run sent them), sent again
 * one after another by plain SDK clients (NodeHttpHandler, maxAttempts 1, no harness) to the same
 * reference emulator instance over a node:http loopback socket, right after the run. The emulator
 * does the same work (it answers and writes a record per call); what is left out is everything the
 * suite does around the calls: generation, identities, history, collection, checking, reports.
 */
import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { ServiceId } from "../model/services.js";
import type { HarnessTarget } from "../harness/targets/index.js";
import type { Credentials } from "../harness/targets/target.js";

/** One Inspector call as the run sent it. */
export interface CapturedCall {
  service: ServiceId;
  command: unknown;
  credentials: Credentials;
}

/** What the replay measured. */
export interface BareReplayResult {
  calls: number;
  /** Calls the emulator answered with an error (the run's invalid inputs, and deletes of what is gone). */
  errors: number;
  seconds: number;
  callsPerSecond: number;
}

/** Same as RunConfig.callTimeoutMs's default (harness/config.ts). */
const CALL_TIMEOUT_MS = 10_000;

/** The same target, every Inspector command its clients send appended to `into`. */
export function capturingTarget(target: HarnessTarget, into: CapturedCall[]): HarnessTarget {
  const wrapped = new WeakSet<object>();
  return {
    ...target,
    client: (service, credentials) => {
      const client = target.client(service, credentials);
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const send = client.send.bind(client);
        client.send = (command, options) => {
          into.push({ service, command, credentials });
          return send(command, options);
        };
      }
      return client;
    },
  };
}

type BareClient = InspectorClient | Inspector2Client;

/** Sends `calls` in order through plain SDK clients (one per service and credentials) to `endpoint`. */
export async function replayBare(calls: readonly CapturedCall[], endpoint: string, region: string): Promise<BareReplayResult> {
  const handler = new NodeHttpHandler({ connectionTimeout: CALL_TIMEOUT_MS, requestTimeout: CALL_TIMEOUT_MS });
  const clients = new Map<string, BareClient>();
  const clientOf = (c: CapturedCall): BareClient => {
    const key = `${c.service}\u0000${c.credentials.accessKeyId}\u0000${c.credentials.sessionToken ?? ""}`;
    let client = clients.get(key);
    if (client === undefined) {
      const config = { region, endpoint, credentials: { ...c.credentials }, maxAttempts: 1, requestHandler: handler };
      client = c.service === "inspector" ? new InspectorClient(config) : new Inspector2Client(config);
      clients.set(key, client);
    }
    return client;
  };
  let errors = 0;
  const started = performance.now();
  try {
    for (const c of calls) {
      try {
        await (clientOf(c) as { send(command: unknown): Promise<unknown> }).send(c.command);
      } catch {
        errors++;
      }
    }
  } finally {
    for (const client of clients.values()) client.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { calls: calls.length, errors, seconds, callsPerSecond: calls.length / seconds };
}
