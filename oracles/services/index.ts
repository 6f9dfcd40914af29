/**
 * The service rule profiles by service id, and what the harness and the report ask of them: the
 * expected eventSource, the UNVERIFIED rules, and each operation's logging expectation.
 */
import type { ServiceId } from "../../model/services.js";
import type { RulesEdition } from "../context.js";
import { INSPECTOR_RULES } from "./inspector.js";
import { INSPECTOR2_RULES } from "./inspector2.js";
import { expectedResponseOf, type OperationRules, type ServiceRules, type UnverifiedRule } from "./profile.js";

export { INSPECTOR_API_VERSION, INSPECTOR_RULES } from "./inspector.js";
export { INSPECTOR2_API_VERSION, INSPECTOR2_EVENT_SOURCE, INSPECTOR2_RULES } from "./inspector2.js";
export { INSPECTOR2_OPERATION_CLASSES, type Inspector2Class } from "./inspector2-table.js";
export { expectedResponseOf, type OperationRules, type ServiceRules, type UnverifiedRule } from "./profile.js";

const PROFILES: Readonly<Record<ServiceId, ServiceRules>> = Object.freeze({ inspector: INSPECTOR_RULES, inspector2: INSPECTOR2_RULES });

/** The rules profile of `service`. */
export function rulesFor(service: ServiceId): ServiceRules {
  return PROFILES[service];
}

/** The eventSource the records of `service`'s calls carry. */
export function eventSourceOf(service: ServiceId): string {
  return PROFILES[service].eventSource;
}

/** The service whose eventSource `eventSource` is, or undefined for any other value (another service, a misspelling). */
export function serviceOfEventSource(eventSource: unknown): ServiceId | undefined {
  return (Object.keys(PROFILES) as ServiceId[]).find((id) => PROFILES[id].eventSource === eventSource);
}

/** `service`'s rules that rest on UNVERIFIED facts, one line each saying why (advisory findings). */
export function unverifiedRulesOf(service: ServiceId): UnverifiedRule[] {
  return PROFILES[service].unverified.map((u) => ({ ...u, codes: [...u.codes] }));
}

/** The logging facts of `operation` of `service` under `edition` (Classic only; 2020 by default). */
export function operationRulesOf(service: ServiceId, operation: string, edition: RulesEdition = "2020"): OperationRules | undefined {
  return PROFILES[service].operation(operation, edition);
}

/** What a successful call's record logs, for the report's logging table. */
export interface LoggingExpectation {
  /** readOnly in the record. */
  readOnly: boolean;
  /** requestParameters holds the request (always; null for an operation without input). */
  requestLogged: boolean;
  /** responseElements holds the response body as received (false: null, for a read or an operation without output). */
  responseLogged: boolean;
}

/**
 * The logging expectation of `operation` of `service`, or undefined for a name the service does not
 * have. `edition` applies to Classic only (2020 by default, as the rules use).
 */
export function loggingExpectationOf(service: ServiceId, operation: string, edition: RulesEdition = "2020"): LoggingExpectation | undefined {
  const row = operationRulesOf(service, operation, edition);
  if (row === undefined) return undefined;
  return { readOnly: row.readOnly, requestLogged: true, responseLogged: expectedResponseOf(row) === "response" };
}
