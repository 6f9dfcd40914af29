/** The shape of an operation handler: validated input and the caller's partition in, wire output out. */
import type { HandlerEnv } from "../state.js";

/** A handler; it throws ServiceFailure for modelled errors. */
export type Handler = (input: Record<string, unknown>, env: HandlerEnv) => Record<string, unknown>;

/**
 * Declares a handler whose input has type `I`. The cast is sound because the service validates the
 * body against the model's input shape (input-schemas.ts) before calling the handler.
 */
export const handler =
  <I>(fn: (input: I, env: HandlerEnv) => Record<string, unknown>): Handler =>
  (input, env) =>
    fn(input as I, env);

/** Paging members every List* request has. */
export interface Paging {
  nextToken?: string | null;
  maxResults?: number | null;
}
