/**
 * The services the suite checks, as neutral data: each one's id, title, model, paginators, operation
 * list, protocol and SigV4 signing name. The rule tables (what CloudTrail logs for each operation) are
 * not here: the emulator and the oracles each hold their own (docs/architecture.md: two independent readings of AWS's documents).
 */
import { inspector2Model, inspector2Paginators } from "./inspector2-model.js";
import { inspectorModel, inspectorPaginators, type ModelDocument, type Paginator } from "./service-model.js";

/** Service ids, as in the SDK package names and the history: Classic, then v2. */
export const SERVICE_IDS = ["inspector", "inspector2"] as const;
/** A service the suite checks. */
export type ServiceId = (typeof SERVICE_IDS)[number];

/** What the pipeline knows about one service from its model. */
export interface ServiceFacts {
  id: ServiceId;
  /** Name in messages and reports. */
  title: string;
  model: ModelDocument;
  paginators: Readonly<Record<string, Paginator>>;
  /** Operation names, sorted (eventName and the SDK's `<Operation>Command`). */
  operations: readonly string[];
  /** `json` (JSON 1.1, X-Amz-Target) or `rest-json` (method and path). */
  protocol: "json" | "rest-json";
  /** SigV4 signing name and endpoint prefix. */
  signingName: string;
  /** `metadata.apiVersion`. */
  apiVersion: string;
}

function factsOf(id: ServiceId, title: string, model: ModelDocument, paginators: Readonly<Record<string, Paginator>>): ServiceFacts {
  const protocol = model.metadata.protocol;
  if (protocol !== "json" && protocol !== "rest-json") throw new Error(`${id}: protocol ${protocol} is not served by the suite`);
  return {
    id,
    title,
    model,
    paginators,
    operations: Object.freeze(Object.keys(model.operations).sort()),
    protocol,
    signingName: model.metadata.signingName ?? model.metadata.endpointPrefix,
    apiVersion: model.metadata.apiVersion,
  };
}

/** Each service's facts, by id. */
export const SERVICES: Readonly<Record<ServiceId, ServiceFacts>> = Object.freeze({
  inspector: factsOf("inspector", "Inspector Classic", inspectorModel, inspectorPaginators),
  inspector2: factsOf("inspector2", "Amazon Inspector (v2)", inspector2Model, inspector2Paginators),
});

/** True for a known service id. */
export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
