/**
 * (a) Bare SDK throughput: sequential `ListRulesPackagesCommand` calls of @aws-sdk/client-inspector
 * against a handler that does nothing but answer `{"rulesPackageArns":[]}` with a request id, over
 * msw in-process interception and over a node:http loopback server. Client settings as the
 * harness's (harness/targets/service-clients.ts): maxAttempts 1, connection and request timeout
 * 10 s (RunConfig.callTimeoutMs default), one client reused for every call.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { DEFAULT_USER_ACCESS_KEY } from "../emulator/accounts/default-directory.js";

/** The two transports measured. */
export type Transport = "in-process" | "loopback";

/** Calls per second of one transport. */
export interface BareSdkResult {
  transport: Transport;
  calls: number;
  seconds: number;
  callsPerSecond: number;
}

const BODY = JSON.stringify({ rulesPackageArns: [] });
const HEADERS = { "content-type": "application/x-amz-json-1.1" } as const;
/** Same as RunConfig.callTimeoutMs's default (harness/config.ts). */
const CALL_TIMEOUT_MS = 10_000;

function client(endpoint: string | undefined): InspectorClient {
  return new InspectorClient({
    region: "us-east-1",
    credentials: { ...DEFAULT_USER_ACCESS_KEY },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: CALL_TIMEOUT_MS, requestTimeout: CALL_TIMEOUT_MS }),
    ...(endpoint !== undefined ? { endpoint } : {}),
  });
}

async function timeCalls(c: InspectorClient, transport: Transport, calls: number, warmup: number): Promise<BareSdkResult> {
  const command = new ListRulesPackagesCommand({});
  for (let i = 0; i < warmup; i++) await c.send(command);
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const out = await c.send(command);
    if (out.rulesPackageArns === undefined) throw new Error(`bare SDK (${transport}): the answer had no rulesPackageArns`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { transport, calls, seconds, callsPerSecond: calls / seconds };
}

/** N sequential calls through msw's `setupServer` (the embedded target's interception), after `warmup` calls. */
export async function bareSdkInProcess(calls: number, warmup: number): Promise<BareSdkResult> {
  const server = setupServer(
    http.post("https://inspector.us-east-1.amazonaws.com/", () => new HttpResponse(BODY, { status: 200, headers: { ...HEADERS, "x-amzn-requestid": randomUUID() } })),
  );
  server.listen({ onUnhandledRequest: "error" });
  const c = client(undefined);
  try {
    return await timeCalls(c, "in-process", calls, warmup);
  } finally {
    c.destroy();
    server.close();
  }
}

/** N sequential calls to a node:http server on 127.0.0.1:0 (keep-alive, as the SDK's handler uses), after `warmup` calls. */
export async function bareSdkLoopback(calls: number, warmup: number): Promise<BareSdkResult> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { ...HEADERS, "x-amzn-requestid": randomUUID(), "content-length": Buffer.byteLength(BODY) });
      res.end(BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const c = client(`http://127.0.0.1:${port}`);
  try {
    return await timeCalls(c, "loopback", calls, warmup);
  } finally {
    c.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
