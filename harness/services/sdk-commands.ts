/** Looks up an SDK package's `<Operation>Command` class for a service's operation. */
import type { ServiceFacts } from "../../model/services.js";
import type { CommandClass } from "./profile.js";

/** The command class of `operation` in `sdk`, checked against the service's model. */
export function commandOf(sdk: Record<string, unknown>, facts: ServiceFacts, operation: string): CommandClass {
  const ctor = sdk[`${operation}Command`];
  if (typeof ctor !== "function" || !Object.hasOwn(facts.model.operations, operation)) {
    throw new Error(`${operation} is not an ${facts.title} operation (its ${facts.operations.length} operations are in model/services.ts)`);
  }
  return ctor as CommandClass;
}

/** The SDK input as JSON would carry it (Dates as ISO text, binary as base64): what a call that sent nothing asked for. */
export function asJson(input: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value))) as unknown;
}
