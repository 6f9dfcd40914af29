/**
 * SDK clients for the services a target serves (Inspector Classic, Inspector v2, CloudTrail, STS),
 * one per credentials, all through one WireCaptureHandler. Clients make exactly one attempt per call
 * (maxAttempts 1), so each history line is one request and a retry never hides an answer.
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { STSClient } from "@aws-sdk/client-sts";
import type { ServiceId } from "../../model/services.js";
import type { Credentials } from "./target.js";
import { WireCaptureHandler } from "../execute/wire-capture.js";

/** Per-service endpoint URLs; a missing one means the service's real AWS endpoint. */
export interface ServiceEndpoints {
  inspector?: string;
  inspector2?: string;
  cloudtrail?: string;
  sts?: string;
}

/** How the clients are built. */
export interface ServiceClientsOptions {
  region: string;
  endpoints: ServiceEndpoints;
  /**
   * One endpoint for every service, known only once a server listens (the embedded target's
   * loopback server, started with the target): the SDK asks for it before each request.
   */
  endpointOnceListening?: Promise<string>;
  /** Connection and request timeout of the HTTP handler, in ms (config.callTimeoutMs). */
  callTimeoutMs: number;
}

function cacheKey(c: Credentials): string {
  return `${c.accessKeyId}\u0000${c.sessionToken ?? ""}`;
}

/**
 * Clients kept per service. Random sequences bring new role sessions and federated users all the
 * time; an unbounded cache held every client of a long run (about 75 KiB a call in a 21,000-call
 * deferred run). The least recently used is dropped (not destroyed: the handler is shared).
 */
const MAX_CLIENTS = 64;

/** Gets or builds the client for `key`, most recently used last, dropping the oldest past MAX_CLIENTS. */
function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let client = cache.get(key);
  if (client !== undefined) cache.delete(key);
  else client = build();
  cache.set(key, client);
  if (cache.size > MAX_CLIENTS) cache.delete(cache.keys().next().value as string);
  return client;
}

/** The SDK client of a checked service, as the harness uses it: send a command, read the region. */
export interface InspectorSdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  config: { region: unknown };
  /** The SDK's middleware stack (benchmarks time calls through it). */
  middlewareStack: unknown;
}

/** A cache of SDK clients keyed by credentials. */
export class ServiceClients {
  /** The wire-capturing request handler every client uses. */
  readonly handler: WireCaptureHandler;
  private readonly inspectors = new Map<string, InspectorClient>();
  private readonly inspector2s = new Map<string, Inspector2Client>();
  private readonly cloudtrails = new Map<string, CloudTrailClient>();
  private readonly stss = new Map<string, STSClient>();

  constructor(private readonly options: ServiceClientsOptions) {
    this.handler = new WireCaptureHandler({ connectionTimeout: options.callTimeoutMs, requestTimeout: options.callTimeoutMs });
  }

  private base(credentials: Credentials, endpoint: string | undefined) {
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    const listening = this.options.endpointOnceListening;
    return {
      region: this.options.region,
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken !== undefined ? { sessionToken } : {}) },
      maxAttempts: 1,
      requestHandler: this.handler,
      ...(listening !== undefined ? { endpoint: async () => ({ url: new URL(await listening) }) } : endpoint !== undefined ? { endpoint } : {}),
    };
  }

  /** An Inspector Classic client signed with `credentials`. */
  inspector(credentials: Credentials): InspectorClient {
    return cached(this.inspectors, cacheKey(credentials), () => new InspectorClient(this.base(credentials, this.options.endpoints.inspector)));
  }

  /** An Amazon Inspector (v2) client signed with `credentials`. */
  inspector2(credentials: Credentials): Inspector2Client {
    return cached(this.inspector2s, cacheKey(credentials), () => new Inspector2Client(this.base(credentials, this.options.endpoints.inspector2)));
  }

  /** The client of a checked service, signed with `credentials`. */
  service(service: ServiceId, credentials: Credentials): InspectorSdkClient {
    return (service === "inspector2" ? this.inspector2(credentials) : this.inspector(credentials)) as unknown as InspectorSdkClient;
  }

  /** A CloudTrail client signed with `credentials`. */
  cloudtrail(credentials: Credentials): CloudTrailClient {
    return cached(this.cloudtrails, cacheKey(credentials), () => new CloudTrailClient(this.base(credentials, this.options.endpoints.cloudtrail)));
  }

  /** An STS client signed with `credentials` (regional endpoint of the configured region). */
  sts(credentials: Credentials): STSClient {
    return cached(this.stss, cacheKey(credentials), () => new STSClient(this.base(credentials, this.options.endpoints.sts)));
  }

  /** Closes the handler's sockets and forgets every client. */
  destroy(): void {
    this.handler.destroy();
    this.inspectors.clear();
    this.inspector2s.clear();
    this.cloudtrails.clear();
    this.stss.clear();
  }
}
