/** Inspector v2's operation handlers: validated input (validate.ts) and the caller's environment in, wire output out. */
import { handlerDeclarer, type OperationHandler } from "../../core/operation-handler.js";
import type { Inspector2Env } from "../env.js";

export type { Paging } from "../../core/operation-handler.js";

/** A v2 handler; it throws ServiceFailure for modelled errors. */
export type Handler = OperationHandler<Inspector2Env>;

/** Declares a v2 handler whose input has type `I`. */
export const handler = handlerDeclarer<Inspector2Env>();

/** Omits undefined values, so optional members are absent rather than null on the wire. */
export function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
