/**
 * Amazon Inspector v2 (`inspector2`, API 2020-06-08, rest-json) as neutral data: its service model,
 * paginators, operation list and the HTTP binding of every input member. Source: the botocore model
 * copied into fixtures/models (fixtures/README.md). Nothing here encodes a CloudTrail rule.
 */
import { loadModelFile, type ModelDocument, type Paginator } from "./service-model.js";

/** Amazon Inspector v2, API 2020-06-08 (81 operations). */
export const inspector2Model: ModelDocument = loadModelFile<ModelDocument>("inspector2-2020-06-08.service-2.json");

/** Inspector v2 paginators: operation name to token, limit and result members. */
export const inspector2Paginators: Readonly<Record<string, Paginator>> = loadModelFile<{ pagination: Record<string, Paginator> }>(
  "inspector2-2020-06-08.paginators-1.json",
).pagination;

/** The 81 Inspector v2 operation names, sorted, as they appear in eventName and the SDK's commands. */
export const INSPECTOR2_OPERATIONS: readonly string[] = Object.freeze(Object.keys(inspector2Model.operations).sort());

/** SigV4 signing name of Inspector v2 (`metadata.signingName`). */
export const INSPECTOR2_SIGNING_NAME: string = inspector2Model.metadata.signingName ?? inspector2Model.metadata.endpointPrefix;

/** Endpoint prefix: `inspector2.<region>.amazonaws.com`. */
export const INSPECTOR2_ENDPOINT_PREFIX: string = inspector2Model.metadata.endpointPrefix;
