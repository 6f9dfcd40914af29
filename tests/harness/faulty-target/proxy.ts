/**
 * A misbehaving loopback proxy for the tests: it stands between the suite and an emulator and breaks
 * the transport in one named way (a class), so tests can show that a target or transport fault ends
 * in `unknown` (or, with a real CloudTrail fault behind it, still in `fail`), never in a wrong `fail`.
 * Requests are told apart by what the SDKs send: `X-Amz-Target: InspectorService.*` (Inspector
 * Classic), `CloudTrail_20131101.LookupEvents` (LookupEvents), a form body (STS); anything else is
 * forwarded untouched. Counters are per kind and 1-based, so `every: 3` hits the 3rd, 6th, ... request.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What a request is, for the proxy's counters. */
export type RequestKind = "inspector" | "lookupEvents" | "sts" | "other";

/** The ways the proxy misbehaves (issue 9, point 7). */
export type ProxyClass =
  /** Forwards faithfully. */
  | { kind: "faithful" }
  /** After `afterInspectorCalls` Inspector requests, stops listening and drops every connection: later connections are refused. */
  | { kind: "refuse-from"; afterInspectorCalls: number }
  /** From LookupEvents request `from` on, accepts LookupEvents requests and never answers them. */
  | { kind: "lookup-hangs-from"; from: number }
  /** Every `every`-th Inspector request: the connection is reset before anything is forwarded. */
  | { kind: "reset-before-forward"; every: number }
  /** Every `every`-th Inspector request is forwarded; the answer's headers and half its body are sent, then the connection is reset. */
  | { kind: "cut-body"; every: number }
  /** Every `every`-th Inspector request is answered with an HTML 5xx page, as a gateway does; nothing is forwarded. */
  | { kind: "html-5xx-inspector"; every: number; status?: number }
  /** From LookupEvents request `from` on, every `every`-th LookupEvents request gets an HTML 5xx page. */
  | { kind: "html-5xx-lookup"; from: number; every: number; status?: number }
  /** Every `every`-th LookupEvents request is answered with a ThrottlingException (HTTP 400, JSON 1.1). */
  | { kind: "throttle-lookup"; every: number }
  /** Every answer is held `delayMs` before it is sent; every `stallEvery`-th Inspector answer `stallMs` (past the call's deadline). */
  | { kind: "slow"; delayMs: number; stallEvery?: number; stallMs?: number }
  /** In every `every`-th LookupEvents answer, the first event's CloudTrailEvent is cut to half its text (no longer JSON). */
  | { kind: "broken-event-json"; every: number };

/** A running proxy. */
export interface FaultyProxy {
  /** `http://127.0.0.1:<port>`, to use as AWS_ENDPOINT_URL. */
  endpoint: string;
  /** Requests seen per kind. */
  counts: Record<RequestKind, number>;
  /** Requests the class acted on (reset, cut, answered in its place, delayed, corrupted). */
  misbehaved: number;
  /** Stops the proxy and drops its connections. */
  close(): Promise<void>;
}

/** What kind of request this is, from its headers. */
export function requestKind(headers: IncomingMessage["headers"]): RequestKind {
  const target = String(headers["x-amz-target"] ?? "");
  if (target.startsWith("InspectorService.")) return "inspector";
  if (target.endsWith("CloudTrail_20131101.LookupEvents")) return "lookupEvents";
  if (String(headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return "sts";
  return "other";
}

/** The HTML page a gateway sends in place of an answer. */
const gatewayPage = (status: number): string =>
  `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>proxy</center></body></html>\n`;

const hit = (n: number, every: number): boolean => every > 0 && n % every === 0;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Cuts the first event's CloudTrailEvent of a LookupEvents answer to half its text; other bodies unchanged. */
function breakFirstEvent(body: Buffer): Buffer {
  let page: { Events?: { CloudTrailEvent?: unknown }[] };
  try {
    page = JSON.parse(body.toString("utf8")) as typeof page;
  } catch {
    return body;
  }
  const first = page.Events?.[0];
  if (first === undefined || typeof first.CloudTrailEvent !== "string") return body;
  first.CloudTrailEvent = first.CloudTrailEvent.slice(0, Math.floor(first.CloudTrailEvent.length / 2));
  return Buffer.from(JSON.stringify(page), "utf8");
}

/** Starts a proxy to `upstream` (an `http://host:port` endpoint) that misbehaves as `cls` says. */
export async function startFaultyProxy(upstream: string, cls: ProxyClass): Promise<FaultyProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const counts: Record<RequestKind, number> = { inspector: 0, lookupEvents: 0, sts: 0, other: 0 };
  let server: Server;
  let refusing = false;

  const state = { misbehaved: 0 };
  const dropAll = (): void => {
    refusing = true;
    server.close();
    for (const s of sockets) s.destroy();
  };

  /** Forwards the request upstream; resolves with the answer's status, headers and whole body. */
  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (res) => {
          readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
        },
      );
      out.once("error", reject);
      out.end(body);
    });

  const answer = (res: ServerResponse, status: number, headers: IncomingMessage["headers"], body: Buffer): void => {
    const h: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(headers)) if (v !== undefined && k !== "transfer-encoding" && k !== "connection") h[k] = v;
    h["content-length"] = String(body.length);
    res.writeHead(status, h);
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const kind = requestKind(req.headers);
    const n = ++counts[kind];
    if (refusing) return void req.socket.destroy();
    switch (cls.kind) {
      case "refuse-from":
        if (kind === "inspector" && n > cls.afterInspectorCalls) {
          state.misbehaved++;
          return dropAll();
        }
        break;
      case "lookup-hangs-from":
        if (kind === "lookupEvents" && n >= cls.from) {
          state.misbehaved++;
          return; // never answered; the socket is dropped when the proxy closes
        }
        break;
      case "reset-before-forward":
        if (kind === "inspector" && hit(n, cls.every)) {
          state.misbehaved++;
          return void req.socket.destroy();
        }
        break;
      case "html-5xx-inspector":
        if (kind === "inspector" && hit(n, cls.every)) {
          state.misbehaved++;
          const status = cls.status ?? 502;
          return answer(res, status, { "content-type": "text/html" }, Buffer.from(gatewayPage(status)));
        }
        break;
      case "html-5xx-lookup":
        if (kind === "lookupEvents" && n >= cls.from && hit(n - cls.from + 1, cls.every)) {
          state.misbehaved++;
          const status = cls.status ?? 502;
          return answer(res, status, { "content-type": "text/html" }, Buffer.from(gatewayPage(status)));
        }
        break;
      case "throttle-lookup":
        if (kind === "lookupEvents" && hit(n, cls.every)) {
          state.misbehaved++;
          const error = Buffer.from(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
          return answer(res, 400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": `proxy-throttle-${n}` }, error);
        }
        break;
      default:
        break;
    }
    let upstreamAnswer: Awaited<ReturnType<typeof forward>>;
    try {
      upstreamAnswer = await forward(req, body);
    } catch {
      return void req.socket.destroy();
    }
    if (cls.kind === "cut-body" && kind === "inspector" && hit(n, cls.every)) {
      state.misbehaved++;
      const h: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(upstreamAnswer.headers)) if (v !== undefined && k !== "transfer-encoding" && k !== "connection") h[k] = v;
      h["content-length"] = String(upstreamAnswer.body.length);
      res.writeHead(upstreamAnswer.status, h);
      res.write(upstreamAnswer.body.subarray(0, Math.floor(upstreamAnswer.body.length / 2)), () => {
        setTimeout(() => req.socket.destroy(), 20);
      });
      return;
    }
    if (cls.kind === "slow") {
      state.misbehaved++;
      const stall = kind === "inspector" && cls.stallEvery !== undefined && hit(n, cls.stallEvery);
      await new Promise((r) => setTimeout(r, stall ? (cls.stallMs ?? 0) : cls.delayMs));
    }
    let out = upstreamAnswer.body;
    if (cls.kind === "broken-event-json" && kind === "lookupEvents" && hit(n, cls.every)) {
      const broken = breakFirstEvent(out);
      if (broken !== out) state.misbehaved++;
      out = broken;
    }
    answer(res, upstreamAnswer.status, upstreamAnswer.headers, out);
  };

  server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on("connection", (s) => {
    if (refusing) return void s.destroy();
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    get misbehaved() {
      return state.misbehaved;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        for (const s of sockets) s.destroy();
        if (refusing) return resolve();
        server.close(() => resolve());
      }),
  };
}
