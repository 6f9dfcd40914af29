/**
 * Neutral data shared by the emulator, the generators and the oracles: the botocore service models
 * copied into fixtures/models (see fixtures/README.md). Nothing here encodes a CloudTrail rule.
 * Inspector v2 (rest-json) has its own entry point, model/inspector2-model.ts, over the same types.
 */
import { readFileSync } from "node:fs";

/** Where a rest-json input member travels: the URI path, the query string, a header (absent: the body). */
export type MemberLocation = "uri" | "querystring" | "header" | "headers";

/** A structure member: its shape and, for rest protocols, its HTTP binding. */
export interface MemberRef {
  shape: string;
  documentation?: string;
  /** HTTP binding of the member (rest-json, rest-xml); absent for a body member. */
  location?: MemberLocation;
  /** The wire name under that binding (path label, query key, header name). */
  locationName?: string;
  /** Smithy's `@idempotencyToken`: clients fill it in when the caller leaves it out. */
  idempotencyToken?: boolean;
}

/** A botocore shape: only the keys this project reads. */
export interface Shape {
  type: "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "timestamp" | "double" | "float" | "blob";
  members?: Record<string, MemberRef>;
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
  /** A structure of which exactly one member is set (Smithy `@union`). */
  union?: boolean;
  /** Values of this shape are redacted in logs by the service (Smithy `@sensitive`). */
  sensitive?: boolean;
  /** Wire format of a timestamp where it differs from the protocol's default (e.g. `iso8601`). */
  timestampFormat?: string;
}

/** A botocore operation: name, input/output shape references and modelled errors. */
export interface Operation {
  name: string;
  /** HTTP method and URI template (`/tags/{resourceArn}`, `{name+}` greedy, `?key` query literals). */
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  idempotent?: boolean;
  /** Smithy's `@readonly` trait, where the model carries it. */
  readonly?: boolean;
}

/** What every service-2.json document has, whatever its protocol. */
export interface ModelDocument {
  metadata: { apiVersion: string; endpointPrefix: string; protocol: string; serviceId: string; signingName?: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** A botocore service-2.json document of an AWS JSON (1.0/1.1) service. */
export interface ServiceModel extends ModelDocument {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    jsonVersion: string;
    protocol: string;
    targetPrefix: string;
    serviceId: string;
    signingName?: string;
  };
}

/** A botocore paginators-1.json entry. */
export interface Paginator {
  input_token: string;
  output_token: string;
  /** The page-size member; absent where the operation has none (e.g. inspector2 SearchVulnerabilities). */
  limit_key?: string;
  result_key: string | string[];
}

/** Reads a JSON file of fixtures/models. */
export function loadModelFile<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/models/${file}`, import.meta.url), "utf8")) as T;
}

/** Amazon Inspector Classic, API 2016-02-16 (botocore 1.43.11). */
export const inspectorModel: ServiceModel = loadModelFile<ServiceModel>("inspector-2016-02-16.service-2.json");

/** AWS CloudTrail, API 2013-11-01 (botocore 1.43.11). */
export const cloudtrailModel: ServiceModel = loadModelFile<ServiceModel>("cloudtrail-2013-11-01.service-2.json");

/** Inspector Classic paginators: operation name to token and limit members. */
export const inspectorPaginators: Record<string, Paginator> = loadModelFile<{ pagination: Record<string, Paginator> }>(
  "inspector-2016-02-16.paginators-1.json",
).pagination;

/** The 37 Inspector Classic operation names, sorted, as they appear in eventName and X-Amz-Target. */
export const INSPECTOR_OPERATIONS: readonly string[] = Object.freeze(Object.keys(inspectorModel.operations).sort());

/** The shape named `name` in `model`; throws on a name the model lacks (a bug, not bad input). */
export function shapeOf(model: ModelDocument, name: string): Shape {
  const shape = model.shapes[name];
  if (shape === undefined) throw new Error(`shape ${name} is not in the ${model.metadata.serviceId} model`);
  return shape;
}

/** The operation named `name` in `model`, or undefined. */
export function operationOf(model: ModelDocument, name: string): Operation | undefined {
  return Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
}

/** Inspector's JSON 1.1 target prefix: `X-Amz-Target: InspectorService.<Operation>`. */
export const INSPECTOR_TARGET_PREFIX = inspectorModel.metadata.targetPrefix;

/** CloudTrail's JSON 1.1 target prefix: `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`. */
export const CLOUDTRAIL_TARGET_PREFIX = cloudtrailModel.metadata.targetPrefix;
