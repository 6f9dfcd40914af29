/**
 * A modelled service error raised inside a handler. Services turn it into a ServiceResult, so no
 * handler ever lets a bad input escape as an exception.
 */
import type { ServiceError } from "./types.js";

/** A modelled error raised inside a handler; `error` is what the caller gets. */
export class ServiceFailure extends Error {
  constructor(readonly error: ServiceError) {
    super(`${error.type}: ${error.message}`);
    this.name = "ServiceFailure";
  }
}
