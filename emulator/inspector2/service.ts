/**
 * The Amazon Inspector v2 service module (`inspector2`, API 2020-06-08, rest-json): a stateful,
 * transport-independent implementation of its 81 operations behind the front door's rest-json half.
 * The router finds the operation and binds its input; this module validates it against the model,
 * runs the handler on the caller's (account, region) partition and the organization around it, and
 * describes each call to CloudTrail with its own rule table (cloudtrail-rules.ts).
 */
import { INSPECTOR2_OPERATIONS, INSPECTOR2_SIGNING_NAME, inspector2Model } from "../../model/inspector2-model.js";
import { accessDenied } from "../core/authorization.js";
import type { ApiEvent } from "../core/api-event.js";
import { SlidingWindowLimiter } from "../core/rate-limiter.js";
import type { BindingProblem } from "../core/rest-json-binding.js";
import { routesOf, type RestRoute } from "../core/rest-routes.js";
import type { CompletedRestCall, RestJsonService } from "../core/rest-service.js";
import type { CallContext, Principal, ServiceError, ServiceResult } from "../core/types.js";
import { inspector2EventOf } from "./cloudtrail-rules.js";
import type { Inspector2Env, OrganizationInfo } from "./env.js";
import { internalError, ServiceFailure, statusOf, throttling } from "./errors.js";
import { DEFAULT_LIMITS, DEFAULT_TIMING, type Inspector2Limits, type Inspector2Timing } from "./limits.js";
import { HANDLERS } from "./operations/index.js";
import { Inspector2Store } from "./state.js";
import { unreadableInput, validateInput } from "./validate.js";

export type { OrganizationInfo } from "./env.js";

// Every operation of the model has exactly one handler.
for (const op of INSPECTOR2_OPERATIONS) {
  if (!Object.hasOwn(HANDLERS, op)) throw new Error(`[emulator/inspector2] operation ${op} has no handler`);
}
for (const op of Object.keys(HANDLERS)) {
  if (!INSPECTOR2_OPERATIONS.includes(op)) throw new Error(`[emulator/inspector2] handler ${op} is not an inspector2 operation`);
}

/** How the service behaves; every field has a default. */
export interface Inspector2ServiceOptions {
  clock?: () => Date;
  limits?: Partial<Inspector2Limits>;
  timing?: Partial<Inspector2Timing>;
  /** The organizations of the account directory (delegated administrator, members). */
  organizations?: readonly OrganizationInfo[];
  /** Whether the account directory denies `principal` an IAM action (ListAccountPermissions reads it). */
  isDenied?: (principal: Principal, action: string) => boolean;
  /**
   * When set, more than this many calls per second per account and Region get ThrottlingException
   * (HTTP 429, `Retry-After: 1`); default: no throttling.
   */
  requestsPerSecond?: number;
}

/** The reference emulator's Inspector v2 service. */
export class Inspector2Service implements RestJsonService {
  readonly name = "inspector2";
  readonly signingName = INSPECTOR2_SIGNING_NAME;
  readonly model = inspector2Model;
  readonly routes: readonly RestRoute[] = routesOf(inspector2Model);
  private readonly store = new Inspector2Store();
  private readonly clock: () => Date;
  private readonly limits: Inspector2Limits;
  private readonly timing: Inspector2Timing;
  private readonly organizations: readonly OrganizationInfo[];
  private readonly isDenied: (principal: Principal, action: string) => boolean;
  private readonly limiter: SlidingWindowLimiter | undefined;

  constructor(options: Inspector2ServiceOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.organizations = options.organizations ?? [];
    this.isDenied = options.isDenied ?? (() => false);
    const rps = options.requestsPerSecond;
    if (rps !== undefined && !(rps >= 1)) throw new RangeError(`requestsPerSecond must be >= 1; got ${rps}`);
    this.limiter = rps !== undefined ? new SlidingWindowLimiter(rps, 1000) : undefined;
  }

  /** True when `operation` is one of the 81 operations. */
  has(operation: string): boolean {
    return Object.hasOwn(HANDLERS, operation);
  }

  /** The organization `accountId` belongs to (as management account or member), if any. */
  organizationOf(accountId: string): OrganizationInfo | undefined {
    return this.organizations.find((o) => o.managementAccountId === accountId || o.memberAccountIds.includes(accountId));
  }

  /**
   * Runs one call on its input (members as the router bound them). Returns the output exactly as
   * it must be serialised, or a ServiceError. Never throws for bad input.
   */
  call(operation: string, input: Record<string, unknown>, ctx: CallContext): ServiceResult {
    const handle = this.has(operation) ? HANDLERS[operation] : undefined;
    if (handle === undefined) return { ok: false, error: { type: "UnknownOperationException", status: 404, message: `Unknown operation ${operation}.` } };
    const now = this.clock();
    const accountId = ctx.principal.accountId;
    if (this.limiter !== undefined && !this.limiter.tryAcquire(`${accountId}\u0000${ctx.region}`, now.getTime())) return { ok: false, error: throttling(1) };
    try {
      const parsed = validateInput(operation, input);
      const env: Inspector2Env = {
        state: this.store.partition(accountId, ctx.region, now),
        store: this.store,
        accountId,
        region: ctx.region,
        now,
        principal: ctx.principal,
        organization: this.organizationOf(accountId),
        limits: this.limits,
        timing: this.timing,
        isDenied: (action) => this.isDenied(ctx.principal, action),
      };
      return { ok: true, output: handle(parsed, env) };
    } catch (e) {
      if (e instanceof ServiceFailure) return { ok: false, error: e.error };
      return { ok: false, error: internalError(e instanceof Error ? e.message : String(e)) };
    }
  }

  /** ValidationException (CANNOT_PARSE) for a request whose parts could not be read. */
  unreadable(_operation: string, problem: BindingProblem): ServiceError {
    return unreadableInput(problem);
  }

  /** AccessDeniedException (HTTP 403, the model's status) for a caller the deny lists refuse. */
  denied(callerArn: string, action: string): ServiceError {
    return accessDenied(callerArn, action, "*", statusOf("AccessDeniedException"));
  }

  /** The CloudTrail event of a completed call. */
  eventOf(call: CompletedRestCall): ApiEvent {
    return inspector2EventOf(call);
  }
}
