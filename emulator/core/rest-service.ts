/**
 * The contract between the front door and a rest-json service module (Inspector v2): the router
 * finds the operation by method and path, binds the input, authenticates and authorizes; the module
 * runs the call and describes it to CloudTrail with its own rule table.
 */
import type { ModelDocument } from "../../model/service-model.js";
import type { ApiEvent, WireExchange } from "./api-event.js";
import type { BindingProblem, BoundInput } from "./rest-json-binding.js";
import type { RestRoute } from "./rest-routes.js";
import type { CallContext, ServiceError, ServiceResult } from "./types.js";

/** One completed, authenticated rest-json call, as the router hands it to its service for recording. */
export interface CompletedRestCall {
  ctx: CallContext;
  operation: string;
  /** The input as read from the request; undefined when the request could not be read. */
  bound: BoundInput | undefined;
  /** Output as sent, or the error. */
  result: ServiceResult;
  endedAt: Date;
  exchange: WireExchange;
}

/** A rest-json service behind the router. */
export interface RestJsonService {
  /** The emulator's name of the service; also the IAM action prefix (`inspector2:ListFindings`). */
  readonly name: string;
  /** The SigV4 signing name requests must be scoped to. */
  readonly signingName: string;
  readonly model: ModelDocument;
  readonly routes: readonly RestRoute[];
  /** Runs one call; never throws. */
  call(operation: string, input: Record<string, unknown>, ctx: CallContext): ServiceResult;
  /** The error for a request whose path, query, headers or body could not be read into the input. */
  unreadable(operation: string, problem: BindingProblem): ServiceError;
  /** The error a caller gets when the account directory denies it `action`. */
  denied(callerArn: string, action: string, ctx: CallContext): ServiceError;
  /** The CloudTrail event of one completed call, from the service's own rule table. */
  eventOf(call: CompletedRestCall): ApiEvent;
}
