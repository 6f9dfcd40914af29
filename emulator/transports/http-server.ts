/**
 * Loopback transport: a node:http server in front of the emulator's request handler, usable by any
 * SDK or the AWS CLI through an endpoint URL.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WireRequest, WireResponse } from "../core/types.js";

/** A running loopback server. */
export interface RunningServer {
  server: Server;
  /** `http://<host>:<port>` */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Reads a request body; once more than `limit` bytes have been buffered it keeps draining but stops
 * buffering, so the router still sees a body over the limit and answers 413.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<{ text: string; bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    if (bytes <= limit) chunks.push(buf);
    bytes += buf.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes };
}

/** Starts the server on host:port (port 0 picks a free port). Resolves when it is listening. */
export async function startHttpServer(
  handle: (req: WireRequest) => WireResponse | Promise<WireResponse>,
  options: { host: string; port: number; maxBodyBytes: number },
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const { text } = await readBody(req, options.maxBodyBytes);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
        }
        const host = headers["host"] ?? `${options.host}:${options.port}`;
        const wire: WireRequest = {
          method: req.method ?? "GET",
          url: `http://${host}${req.url ?? "/"}`,
          headers,
          body: text,
          sourceIp: (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
        };
        const out = await handle(wire);
        res.writeHead(out.status, out.headers);
        res.end(out.body);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(`reference emulator transport error: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    endpoint: `http://${hostForUrl}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
