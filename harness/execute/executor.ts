/**
 * The generators' CallExecutor, implemented against a target: sends the SDK command for an operation
 * of a service as the requested identity, with a per-call deadline, and records one ObservedCall per
 * call from the wire exchange (what was sent and received exactly as it crossed the wire, read by the
 * service's profile). The history line is written as soon as the call completes. One executor serves
 * every service of a run (one seq counter, one history); `forService` gives each service's view.
 */
import type { CallExecutor, CallMeta, CallOutcome } from "../../generators/executor.js";
import { describeIdentity, type IdentityRequest } from "../../generators/identities.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { ServiceId } from "../../model/services.js";
import { inspectorService } from "../services/inspector.js";
import type { HarnessService } from "../services/profile.js";
import type { InspectorSdkClient } from "../targets/service-clients.js";
import type { RunConfig } from "../config.js";
import type { HistoryWriter } from "./history.js";
import type { ProvisionedIdentity, Target } from "../targets/target.js";
import { callOutcome } from "./call-outcome.js";
import type { TargetHealth } from "./target-health.js";
import { captureWire } from "./wire-capture.js";

/** Resolves an identity request to credentials, or says why the target cannot provide it. */
export type IdentityResolver = (request: IdentityRequest) => Promise<ProvisionedIdentity | { unavailable: string }>;

/** What a HistoryExecutor is built from. */
export interface HistoryExecutorOptions {
  target: Target;
  config: RunConfig;
  /** Where each call is appended as it completes; none: calls are kept in memory only. */
  history?: HistoryWriter;
  identities: IdentityResolver;
  /** Region recorded when the client's own region cannot be read; default target.region. */
  region?: string;
  /** seq of the first call; default 0. */
  firstSeq?: number;
  /**
   * "full" (default): calls() holds each call as recorded. "light": calls() holds each call without
   * its request and response bodies (null), for long deferred runs that read the bodies back from
   * the history file when they check; needs `history`.
   */
  retain?: "full" | "light";
  /** The run's breaker: told of every call, and asked before each one whether the target is still up. */
  health?: TargetHealth;
  /** The service `call` calls (default Inspector Classic). */
  service?: HarnessService;
  /** Rewrites each input before it is sent (the aws target's run stamp, harness/run/run-stamp.ts); the history has what was sent. */
  stamp?: (service: ServiceId, operation: string, input: Record<string, unknown>) => Record<string, unknown>;
}

/** An IdentityResolver over `target.provision` (AssumedRole/FederatedUser names from the request). */
export function targetIdentities(target: Target): IdentityResolver {
  return async (request) => {
    const name = request.kind === "AssumedRole" ? request.sessionName : request.kind === "FederatedUser" ? request.federatedName : undefined;
    const got = await target.provision(request.kind, name);
    return got.status === "available" ? got.identity : { unavailable: got.reason };
  };
}

/** One service's calls through a HistoryExecutor: a CallExecutor that also lists the calls it made. */
export interface ServiceExecutor extends CallExecutor {
  service: HarnessService;
  /** This service's calls so far, in completion order. */
  calls(): readonly ObservedCall[];
}

/**
 * Runs calls of the run's services against a target and records each one. As a CallExecutor it
 * calls its default service (options.service, Classic unless given); `forService` gives the others.
 */
export class HistoryExecutor implements CallExecutor {
  private readonly observed: ObservedCall[] = [];
  private readonly views = new Map<ServiceId, { executor: ServiceExecutor; calls: ObservedCall[] }>();
  private nextSeq: number;

  constructor(private readonly options: HistoryExecutorOptions) {
    if (options.retain === "light" && options.history === undefined) throw new Error("HistoryExecutor: retain \"light\" needs a history file to read the bodies back from");
    this.nextSeq = options.firstSeq ?? 0;
  }

  /** The calls made so far, of every service, in completion order (without bodies when retain is "light"). */
  calls(): readonly ObservedCall[] {
    return this.observed;
  }

  /** The executor of one service's calls (the same object for every request of a service). */
  forService(service: HarnessService): ServiceExecutor {
    let view = this.views.get(service.id);
    if (view === undefined) {
      const calls: ObservedCall[] = [];
      const executor: ServiceExecutor = {
        service,
        call: (identity, operation, input, meta) => this.callService(service, identity, operation, input, meta),
        calls: () => calls,
      };
      view = { executor, calls };
      this.views.set(service.id, view);
    }
    return view.executor;
  }

  /** Sends `operation` of the default service with `input` as `identityRequest`; records and returns what was observed. */
  call(identityRequest: IdentityRequest, operation: string, input: Record<string, unknown>, meta?: CallMeta): Promise<CallOutcome> {
    return this.callService(this.options.service ?? inspectorService, identityRequest, operation, input, meta);
  }

  /** Sends `operation` of `service` with `input` as `identityRequest`; records and returns what was observed. */
  async callService(service: HarnessService, identityRequest: IdentityRequest, operation: string, given: Record<string, unknown>, _meta?: CallMeta): Promise<CallOutcome> {
    const input = this.options.stamp?.(service.id, operation, given) ?? given;
    const Command = service.command(operation);
    this.options.health?.assertUp();
    const identity = await this.options.identities(identityRequest);
    if ("unavailable" in identity) {
      // Only kinds the target provided at the start are generated: failing now, STS stopped answering.
      const why = `${describeIdentity(identityRequest)} could not be provisioned (${identity.unavailable})`;
      if (this.options.health !== undefined) throw this.options.health.stsFailed(why);
      throw new Error(`${why} on the ${this.options.target.name} target; generate only kinds the target provides`);
    }
    this.options.history?.forbid(identity.credentials.secretAccessKey, identity.credentials.sessionToken);
    const seq = this.nextSeq++;
    const client = this.options.target.client(service.id, identity.credentials);
    const region = await this.regionOf(client);

    const startedAt = new Date();
    const deadlineAt = new Date(startedAt.getTime() + this.options.config.callTimeoutMs).toISOString();
    this.options.history?.invoke({ seq, service: service.id, operation, accessKeyId: identity.expected.accessKeyId, startedAt: startedAt.toISOString(), deadlineAt });
    const captured = await captureWire(this.options.config.callTimeoutMs, `${service.facts.title} ${operation}`, (signal) => client.send(new Command(input), { abortSignal: signal }));
    const endedAt = new Date();

    const exchange = service.exchangeOf(captured.exchanges, operation);
    const call: ObservedCall = {
      seq,
      service: service.id,
      operation,
      identity: identity.expected,
      region,
      ...service.sent(operation, exchange, input),
      ...callOutcome(exchange, captured.result.ok ? { ok: true } : { ok: false, error: captured.result.error }, service.facts.protocol),
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
    };

    this.options.history?.append(call);
    this.options.health?.observe(call);
    const kept = this.options.retain === "light" ? { ...call, request: null, response: null, answer: undefined, http: undefined } : call;
    this.observed.push(kept);
    this.forService(service);
    this.views.get(service.id)!.calls.push(kept);
    return call.outcome === "ok"
      ? { ok: true, output: call.response }
      : { ok: false, ...(call.error !== undefined ? { errorCode: call.error.code } : {}) };
  }

  private async regionOf(client: InspectorSdkClient): Promise<string> {
    const fallback = this.options.region ?? this.options.target.region;
    try {
      const r: unknown = client.config.region;
      const value = typeof r === "function" ? await (r as () => Promise<unknown>)() : r;
      return typeof value === "string" && value !== "" ? value : fallback;
    } catch {
      return fallback;
    }
  }
}
