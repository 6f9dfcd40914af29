/**
 * Wire capture: a request handler around the SDK's NodeHttpHandler that records each exchange
 * exactly as it crossed the wire (request body as sent; response status, headers and body as
 * received). The response stream is buffered and handed to the SDK as a fresh stream with the same
 * bytes, so the SDK parses what was recorded. Exchanges are collected per call by the call's own
 * AbortSignal (`captureWire` gives each call one; the SDK hands it to the request handler), so
 * concurrent calls never mix their exchanges. AsyncLocalStorage would do the same, but on Node 20 it
 * makes every promise of the process pay a hook: about 12% of a bare SDK call to the emulator over
 * loopback (docs/benchmark.md).
 */
import { Readable } from "node:stream";
import { NodeHttpHandler, type NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import { withDeadline } from "../targets/deadline.js";

type InnerRequest = Parameters<NodeHttpHandler["handle"]>[0];
type InnerOptions = Parameters<NodeHttpHandler["handle"]>[1];
type InnerResult = Awaited<ReturnType<NodeHttpHandler["handle"]>>;

/** One HTTP exchange as seen on the wire. Never holds the Authorization header or any credential. */
export interface WireExchange {
  /** `https://inspector.us-east-1.amazonaws.com/` */
  url: string;
  method: string;
  /** `X-Amz-Target` of a JSON 1.1 request (`InspectorService.ListRulesPackages`). */
  amzTarget: string | undefined;
  /** Request headers as sent, names lower-cased, without `authorization` and `x-amz-security-token`. */
  requestHeaders: Record<string, string>;
  /** The request body exactly as handed to the socket (UTF-8). */
  requestBody: string;
  /** When the request was handed to the HTTP handler. */
  sentAt: Date;
  /** Present once a response's status and headers arrived. */
  response?: {
    status: number;
    /** Header names lower-cased. */
    headers: Record<string, string>;
    /** `x-amzn-requestid` (or `x-amz-request-id`) of the response. */
    requestId: string | undefined;
    /** The response body exactly as received (UTF-8): all of it, or what came before the connection failed. */
    body: string;
    /** False when the connection failed (or the deadline passed) before the body's end: `body` is what arrived. */
    complete: boolean;
  };
  /** Present when no complete response arrived: connection refused, reset, aborted, body cut off. */
  failure?: { name: string; code: string | undefined; message: string };
}

/** The exchanges of each captured call, by the AbortSignal its requests carry. */
const scopes = new WeakMap<AbortSignal, WireExchange[]>();

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  // Streams are never used by the JSON and Query protocols served here; say so rather than guess.
  return `[unrecorded ${Object.prototype.toString.call(body)} body]`;
}

function urlOf(request: InnerRequest): string {
  const port = request.port !== undefined ? `:${request.port}` : "";
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {})) {
    if (Array.isArray(v)) v.forEach((x) => query.append(k, x));
    else if (v !== null && v !== undefined) query.append(k, v);
  }
  const qs = query.toString();
  return `${request.protocol}//${request.hostname}${port}${request.path}${qs === "" ? "" : `?${qs}`}`;
}

/** Headers that carry credentials: never recorded. */
const SECRET_HEADERS: ReadonlySet<string> = new Set(["authorization", "x-amz-security-token"]);

function recordedHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!SECRET_HEADERS.has(k.toLowerCase())) out[k.toLowerCase()] = v;
  return out;
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const hit = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return hit === undefined ? undefined : headers[hit];
}

/** A response body that stopped before its end: the error, and the bytes that came before it. */
class CutBody extends Error {
  constructor(readonly failure: unknown, readonly received: Buffer) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** Reads a response stream to the end; rejects with CutBody (holding what arrived) if it fails or `signal` aborts first. */
async function buffer(body: unknown, signal: AbortSignal | undefined): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === "string") return Buffer.from(body, "utf8");
  const stream = body as Readable;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = () => {
      stream.destroy();
      const err = new Error("Request aborted while reading the response body");
      err.name = "AbortError";
      reject(new CutBody(err, Buffer.concat(chunks)));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk: Buffer | string) => chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    stream.once("error", (err) => {
      signal?.removeEventListener("abort", onAbort);
      reject(new CutBody(err, Buffer.concat(chunks)));
    });
    stream.once("end", () => {
      signal?.removeEventListener("abort", onAbort);
      resolve(Buffer.concat(chunks));
    });
  });
}

/**
 * A requestHandler for SDK clients: delegates to NodeHttpHandler and records every exchange of a
 * request sent with a `captureWire` signal. Any other it only forwards (and still buffers the body).
 */
export class WireCaptureHandler {
  /** Tells the SDK which protocol the handler speaks (as NodeHttpHandler does). */
  readonly metadata = { handlerProtocol: "http/1.1" };
  private readonly inner: NodeHttpHandler;

  constructor(options: NodeHttpHandlerOptions = {}) {
    this.inner = new NodeHttpHandler(options);
  }

  /** Sends one request through NodeHttpHandler, recording it and its response. */
  async handle(request: InnerRequest, options: InnerOptions = {}): Promise<InnerResult> {
    const headers = request.headers;
    const exchange: WireExchange = {
      url: urlOf(request),
      method: request.method,
      amzTarget: headerOf(headers, "x-amz-target"),
      requestHeaders: recordedHeaders(headers),
      requestBody: bodyText(request.body),
      sentAt: new Date(),
    };
    const signal = options?.abortSignal as AbortSignal | undefined;
    if (signal !== undefined) scopes.get(signal)?.push(exchange);
    try {
      const result = await this.inner.handle(request, options);
      const responseHeaders: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.response.headers)) responseHeaders[k.toLowerCase()] = v;
      const response = {
        status: result.response.statusCode,
        headers: responseHeaders,
        requestId: responseHeaders["x-amzn-requestid"] ?? responseHeaders["x-amz-request-id"],
        body: "",
        complete: false,
      };
      // The status and headers arrived: keep them (and the request id) even if the body never ends.
      exchange.response = response;
      const bytes = await buffer(result.response.body, options?.abortSignal as AbortSignal | undefined);
      response.body = bytes.toString("utf8");
      response.complete = true;
      // A stream, not the bytes themselves: handed a Uint8Array, which the SDK reads as it is, a
      // 40,000-call deferred run's heap peaked at 851 MiB instead of 420 MiB (bench (d)).
      result.response.body = Readable.from([bytes], { objectMode: false });
      return result;
    } catch (caught) {
      let err = caught;
      if (caught instanceof CutBody) {
        if (exchange.response !== undefined) exchange.response.body = caught.received.toString("utf8");
        err = caught.failure;
      }
      const e: Error & { code?: unknown } = err instanceof Error ? err : new Error(String(err));
      exchange.failure = { name: e.name, code: typeof e.code === "string" ? e.code : undefined, message: e.message };
      throw err;
    }
  }

  /** Passes a configuration change on to NodeHttpHandler. */
  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  /** NodeHttpHandler's configuration. */
  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  /** Closes NodeHttpHandler's sockets. */
  destroy(): void {
    this.inner.destroy();
  }
}

/** The settled result of a captured call and the exchanges it made, in order. */
export interface Captured<T> {
  exchanges: WireExchange[];
  result: { ok: true; value: T } | { ok: false; error: unknown };
}

/**
 * Runs `send` with a deadline of `ms` (withDeadline) and collects the wire exchanges that the
 * WireCaptureHandlers made for the requests sent with the signal `send` is given.
 */
export async function captureWire<T>(ms: number, what: string, send: (signal: AbortSignal) => Promise<T>): Promise<Captured<T>> {
  const exchanges: WireExchange[] = [];
  try {
    const value = await withDeadline(ms, what, (signal) => {
      scopes.set(signal, exchanges);
      return send(signal);
    });
    return { exchanges, result: { ok: true, value } };
  } catch (error) {
    return { exchanges, result: { ok: false, error } };
  }
}

/** Parses a wire body as JSON; empty -> null; not JSON -> the text itself. */
export function parseWireJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
