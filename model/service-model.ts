/**
 * Neutral data shared by the emulator, the generators and the oracles: the botocore service models
 * copied into fixtures/models (see fixtures/README.md). Nothing here encodes a CloudTrail rule.
 */
import { readFileSync } from "node:fs";

/** A botocore shape: only the keys this project reads. */
export interface Shape {
  type: "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "timestamp" | "double" | "float" | "blob";
  members?: Record<string, { shape: string; documentation?: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

/** A botocore operation: name, input/output shape references and modelled errors. */
export interface Operation {
  name: string;
  http: { method: string; requestUri: string };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  idempotent?: boolean;
}

/** A botocore service-2.json document. */
export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    jsonVersion: string;
    protocol: string;
    targetPrefix: string;
    serviceId: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** A botocore paginators-1.json entry. */
export interface Paginator {
  input_token: string;
  output_token: string;
  limit_key: string;
  result_key: string | string[];
}

function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/models/${file}`, import.meta.url), "utf8")) as T;
}

/** Amazon Inspector Classic, API 2016-02-16 (botocore 1.43.11). */
export const inspectorModel: ServiceModel = loadJson<ServiceModel>("inspector-2016-02-16.service-2.json");

/** AWS CloudTrail, API 2013-11-01 (botocore 1.43.11). */
export const cloudtrailModel: ServiceModel = loadJson<ServiceModel>("cloudtrail-2013-11-01.service-2.json");

/** Inspector Classic paginators: operation name to token and limit members. */
export const inspectorPaginators: Record<string, Paginator> = loadJson<{ pagination: Record<string, Paginator> }>(
  "inspector-2016-02-16.paginators-1.json",
).pagination;

/** The 37 Inspector Classic operation names, sorted, as they appear in eventName and X-Amz-Target. */
export const INSPECTOR_OPERATIONS: readonly string[] = Object.freeze(Object.keys(inspectorModel.operations).sort());

/** The shape named `name` in `model`; throws on a name the model lacks (a bug, not bad input). */
export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (shape === undefined) throw new Error(`shape ${name} is not in the ${model.metadata.serviceId} model`);
  return shape;
}

/** The operation named `name` in `model`, or undefined. */
export function operationOf(model: ServiceModel, name: string): Operation | undefined {
  return Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
}

/** Inspector's JSON 1.1 target prefix: `X-Amz-Target: InspectorService.<Operation>`. */
export const INSPECTOR_TARGET_PREFIX = inspectorModel.metadata.targetPrefix;

/** CloudTrail's JSON 1.1 target prefix: `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`. */
export const CLOUDTRAIL_TARGET_PREFIX = cloudtrailModel.metadata.targetPrefix;
