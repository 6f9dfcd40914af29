/**
 * A service profile, as the harness needs it: how to call the service's operations with the SDK, what
 * a call sent (read back from the wire exchange), how to probe the service, the coverage sweep, the
 * random sequences, and the eventSource its records are looked up by. Everything else in the
 * pipeline (targets, history, collectors, checking, reports) is the same for every service.
 */
import type fc from "fast-check";
import type { CallExecutor, CallOutcome } from "../../generators/executor.js";
import type { IdentityRequest } from "../../generators/identities.js";
import type { PoolScope } from "../../generators/resource-pool.js";
import type { ObservedHttp } from "../../history/observed-call.js";
import type { ServiceFacts, ServiceId } from "../../model/services.js";
import type { WireExchange } from "../execute/wire-capture.js";

/** An SDK command class: `new ListFiltersCommand(input)`. */
export type CommandClass = new (input: Record<string, unknown>) => unknown;

/** What a call sent, as the history keeps it. */
export interface SentRequest {
  request: unknown;
  http?: ObservedHttp;
}

/** Makes one call of the service as the sweep's identity. */
export type SweepCall = (operation: string, input: Record<string, unknown>) => Promise<CallOutcome>;

/** What a sweep needs to know about where it runs. */
export interface SweepSettings {
  /** Makes names unique across identities and runs: [A-Za-z0-9-]. */
  uniq: string;
  region: string;
  accountId: string;
  /** How long to wait for a long-running resource (an assessment run, a report, a scan) to finish. */
  completionTimeoutMs: number;
  /** Whether the run may call `operation` to succeed (the target's call policy): a sweep does not wait on what it could not start. */
  allowed: (operation: string) => boolean;
  pollIntervalMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** The fixed session that calls every operation both ways, as one identity. */
export interface CoverageSweep {
  /** Calls every operation with a valid input; `agent` calls the operations only an instance agent may call. */
  success(call: SweepCall, settings: SweepSettings, agent: SweepCall): Promise<void>;
  /** Calls every operation that can be made to fail with an input that breaks its model: no call of it changes state. */
  failure(call: SweepCall, settings: SweepSettings): Promise<void>;
  /** Operations no input can make fail: their error checks are `na`. */
  cannotFail: readonly string[];
  /**
   * Whether the success sweep changes state of the whole account (scanning enabled, the delegated
   * administrator, members), so that the identities' success sweeps must run one after the other
   * (their failure sweeps, which change nothing, run beside them); else every identity's sweep runs
   * at the same time, each on resources of its own.
   */
  accountWide: boolean;
}

/** Random model-based sequences of the service's calls. */
export interface SequenceSource {
  /** The fc.commands arbitrary. */
  commands(options: {
    identities: fc.Arbitrary<IdentityRequest>;
    maxCommands: number;
    replayPath?: string;
    /** Whether plans of `operation` in `mode` may be drawn (the target's call policy). */
    allows?: (operation: string, mode: "valid" | "boundary" | "invalid") => boolean;
  }): fc.Arbitrary<Iterable<fc.AsyncCommand<object, CallExecutor>>>;
  /** A fresh model (the resource pool) for one sequence, seeded with what no call of the service creates. */
  newModel(scope: PoolScope): object;
}

/** One service, for the harness. */
export interface HarnessService {
  id: ServiceId;
  facts: ServiceFacts;
  /** The eventSource its records carry: the LookupEvents EventSource the collector asks for. */
  eventSource: string;
  /** The SDK command class of `operation`; throws for a name the service does not have. */
  command(operation: string): CommandClass;
  /** The exchange of `exchanges` that carried the call of `operation` (the last one, after any redirect). */
  exchangeOf(exchanges: readonly WireExchange[], operation: string): WireExchange | undefined;
  /** What the call sent: from the wire when an exchange was made, else from the SDK input. */
  sent(operation: string, exchange: WireExchange | undefined, input: Record<string, unknown>): SentRequest;
  /** The call that tells whether the target serves the service (a read without required input). */
  probe: { operation: string; input: Record<string, unknown> };
  sweep: CoverageSweep;
  sequences: SequenceSource;
}
