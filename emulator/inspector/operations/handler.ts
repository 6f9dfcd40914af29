/** Classic's operation handlers: validated input (input-schemas.ts) and the caller's partition in, wire output out. */
import { handlerDeclarer, type OperationHandler } from "../../core/operation-handler.js";
import type { HandlerEnv } from "../state.js";

export type { Paging } from "../../core/operation-handler.js";

/** A Classic handler; it throws ServiceFailure for modelled errors. */
export type Handler = OperationHandler<HandlerEnv>;

/** Declares a Classic handler whose input has type `I`. */
export const handler = handlerDeclarer<HandlerEnv>();
