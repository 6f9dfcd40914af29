/**
 * The Inspector Classic service core: a stateful, transport-independent implementation of the 37
 * operations of API 2016-02-16. The router hands it the parsed JSON body; it answers the output to
 * serialise or a modelled error. State is partitioned by (accountId, region).
 */
import type { CallContext, ServiceResult } from "../core/types.js";
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";
import { ServiceFailure, internal } from "./errors.js";
import { DEFAULT_LIMITS, type InspectorLimits } from "./limits.js";
import { HANDLERS } from "./operations/index.js";
import { settle } from "./settle.js";
import { InspectorStore } from "./state.js";
import { validateInput } from "./validate.js";

export type { InspectorLimits } from "./limits.js";

/** Options: the clock that drives runs, previews and reports, and limit overrides. */
export interface InspectorServiceOptions {
  clock?: () => Date;
  limits?: Partial<InspectorLimits>;
}

const OPERATIONS: ReadonlySet<string> = new Set(INSPECTOR_OPERATIONS);

/** The reference emulator's Inspector Classic service. */
export class InspectorService {
  private readonly clock: () => Date;
  private readonly limits: InspectorLimits;
  private readonly store = new InspectorStore();

  constructor(options: InspectorServiceOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** True when `operation` is one of the 37 operations. */
  has(operation: string): boolean {
    return OPERATIONS.has(operation) && Object.hasOwn(HANDLERS, operation);
  }

  /**
   * Runs one call. `input` is the parsed JSON request body exactly as received (may be anything:
   * validated here). Returns the output object exactly as it must be serialised on the wire, or a
   * ServiceError. Never throws for bad input. accountId comes from ctx.principal.accountId, region
   * from ctx.region.
   */
  call(operation: string, input: unknown, ctx: CallContext): ServiceResult {
    const handle = this.has(operation) ? HANDLERS[operation] : undefined;
    if (handle === undefined) {
      return { ok: false, error: { type: "UnknownOperationException", status: 400, message: `Unknown operation ${operation}.` } };
    }
    const now = this.clock();
    const accountId = ctx.principal.accountId;
    const state = this.store.partition(accountId, ctx.region, now);
    try {
      settle(state, now);
      const parsed = validateInput(operation, input);
      const output = handle(parsed, { state, accountId, region: ctx.region, now, limits: this.limits });
      settle(state, now);
      return { ok: true, output };
    } catch (e) {
      if (e instanceof ServiceFailure) return { ok: false, error: e.error };
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: internal(`Internal error: ${message}`).error };
    }
  }
}
