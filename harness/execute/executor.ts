/**
 * The generators' CallExecutor, implemented against a target: sends the SDK command for an operation
 * as the requested identity, with a per-call deadline, and records one ObservedCall per call from the
 * wire exchange (request and response bodies exactly as they crossed the wire). The history line is
 * written as soon as the call completes.
 */
import * as inspectorSdk from "@aws-sdk/client-inspector";
import type { CallExecutor, CallMeta, CallOutcome } from "../../generators/executor.js";
import { describeIdentity, type IdentityRequest } from "../../generators/identities.js";
import { inspectorModel, operationOf } from "../../model/service-model.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { RunConfig } from "../config.js";
import type { HistoryWriter } from "./history.js";
import type { ProvisionedIdentity, Target } from "../targets/target.js";
import { callOutcome } from "./call-outcome.js";
import type { TargetHealth } from "./target-health.js";
import { withDeadline } from "../targets/deadline.js";
import { captureWire, parseWireJson } from "./wire-capture.js";

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
}

/** An IdentityResolver over `target.provision` (AssumedRole/FederatedUser names from the request). */
export function targetIdentities(target: Target): IdentityResolver {
  return async (request) => {
    const name = request.kind === "AssumedRole" ? request.sessionName : request.kind === "FederatedUser" ? request.federatedName : undefined;
    const got = await target.provision(request.kind, name);
    return got.status === "available" ? got.identity : { unavailable: got.reason };
  };
}

type CommandCtor = new (input: Record<string, unknown>) => Parameters<inspectorSdk.InspectorClient["send"]>[0];

function commandFor(operation: string): CommandCtor {
  const ctor = (inspectorSdk as unknown as Record<string, unknown>)[`${operation}Command`];
  if (typeof ctor !== "function" || operationOf(inspectorModel, operation) === undefined) {
    throw new Error(`${operation} is not an Inspector Classic operation (see model/service-model.ts INSPECTOR_OPERATIONS)`);
  }
  return ctor as CommandCtor;
}

/** Runs Inspector calls against a target and records each one. */
export class HistoryExecutor implements CallExecutor {
  private readonly observed: ObservedCall[] = [];
  private nextSeq: number;

  constructor(private readonly options: HistoryExecutorOptions) {
    if (options.retain === "light" && options.history === undefined) throw new Error("HistoryExecutor: retain \"light\" needs a history file to read the bodies back from");
    this.nextSeq = options.firstSeq ?? 0;
  }

  /** The calls made so far, in completion order (without bodies when retain is "light"). */
  calls(): readonly ObservedCall[] {
    return this.observed;
  }

  /** Sends `operation` with `input` as `identityRequest`; records and returns what was observed. */
  async call(identityRequest: IdentityRequest, operation: string, input: Record<string, unknown>, _meta?: CallMeta): Promise<CallOutcome> {
    const Command = commandFor(operation);
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
    const client = this.options.target.inspector(identity.credentials);
    const region = await this.regionOf(client);

    const startedAt = new Date();
    const deadlineAt = new Date(startedAt.getTime() + this.options.config.callTimeoutMs).toISOString();
    this.options.history?.invoke({ seq, service: "inspector", operation, accessKeyId: identity.expected.accessKeyId, startedAt: startedAt.toISOString(), deadlineAt });
    const captured = await captureWire(() =>
      withDeadline(this.options.config.callTimeoutMs, `Inspector ${operation}`, (signal) => client.send(new Command(input), { abortSignal: signal })),
    );
    const endedAt = new Date();

    const exchange = [...captured.exchanges].reverse().find((x) => x.amzTarget?.endsWith(`.${operation}`)) ?? captured.exchanges.at(-1);
    const hasInput = operationOf(inspectorModel, operation)?.input !== undefined;
    const call: ObservedCall = {
      seq,
      service: "inspector",
      operation,
      identity: identity.expected,
      region,
      // The body exactly as handed to the socket; the SDK's input only when nothing was sent.
      request: !hasInput ? null : exchange !== undefined ? parseWireJson(exchange.requestBody) : (JSON.parse(JSON.stringify(input)) as unknown),
      ...callOutcome(exchange, captured.result.ok ? { ok: true } : { ok: false, error: captured.result.error }),
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
    };

    this.options.history?.append(call);
    this.options.health?.observe(call);
    this.observed.push(this.options.retain === "light" ? { ...call, request: null, response: null, answer: undefined } : call);
    return call.outcome === "ok"
      ? { ok: true, output: call.response }
      : { ok: false, ...(call.error !== undefined ? { errorCode: call.error.code } : {}) };
  }

  private async regionOf(client: inspectorSdk.InspectorClient): Promise<string> {
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
