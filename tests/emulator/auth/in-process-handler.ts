/**
 * Test helper: an AWS SDK v3 `requestHandler` that hands each request, as a WireRequest, to an
 * in-process function instead of the network, so real SDK clients (their signer, serializers and
 * error parsers) drive the emulator code directly.
 */
import type { WireRequest, WireResponse } from "../../../emulator/core/types.js";

/** The slice of smithy's HttpRequest this handler reads. */
interface SdkRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  throw new Error(`in-process handler: unsupported request body type ${typeof body}`);
}

/** Converts an SDK request to the emulator's WireRequest. */
export function toWireRequest(request: SdkRequest): WireRequest {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === "string") query.append(k, item);
  }
  const search = query.toString();
  const port = request.port ? `:${request.port}` : "";
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  return {
    method: request.method,
    url: `${request.protocol}//${request.hostname}${port}${request.path}${search ? `?${search}` : ""}`,
    headers,
    body: bodyText(request.body),
    sourceIp: "127.0.0.1",
  };
}

/** A requestHandler for an SDK client that answers with `serve`. `seen` records every wire request. */
export function inProcessHandler(serve: (req: WireRequest) => Promise<WireResponse>, seen: WireRequest[] = []) {
  return {
    async handle(request: SdkRequest) {
      const wire = toWireRequest(request);
      seen.push(wire);
      const res = await serve(wire);
      return { response: { statusCode: res.status, reason: "", headers: res.headers, body: new Uint8Array(Buffer.from(res.body, "utf8")) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}
