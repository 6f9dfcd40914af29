/** The shape of an operation handler, for any service: validated input and the service's environment in, wire output out. */

/** A handler; it throws ServiceFailure for modelled errors. */
export type OperationHandler<Env> = (input: Record<string, unknown>, env: Env) => Record<string, unknown>;

/**
 * Makes the `handler` declaration of a service whose environment is `Env`: it declares a handler
 * whose input has type `I`. The cast is sound because each service validates the input against the
 * model's input shape before calling the handler.
 */
export const handlerDeclarer =
  <Env>() =>
  <I>(fn: (input: I, env: Env) => Record<string, unknown>): OperationHandler<Env> =>
  (input, env) =>
    fn(input as I, env);

/** Paging members of the List* requests. */
export interface Paging {
  nextToken?: string | null;
  maxResults?: number | null;
}
