/**
 * The emulator's front door: one wire request in, one wire response out, independent of transport.
 * Its protocol layer picks the service and the operation: JSON 1.1 by `X-Amz-Target` (Inspector
 * Classic, CloudTrail), rest-json by method, URI template and query string (Inspector v2), Query by a
 * form body (STS). It authenticates, checks that SigV4's signing name is the addressed service's,
 * applies the account directory's deny lists, runs the service, and hands every authenticated
 * Inspector call (Classic or v2) to the CloudTrail recorder. Two services speak Query: STS and IAM
 * (ListAccountAliases); the hostname tells them apart on AWS's own names (`iam.amazonaws.com`,
 * `sts[.<region>].amazonaws.com`), the SigV4 signing name on the emulator's one port.
 */
import { randomUUID } from "node:crypto";
import { CLOUDTRAIL_TARGET_PREFIX, INSPECTOR_TARGET_PREFIX } from "../../model/service-model.js";
import { accessDenied } from "./authorization.js";
import { jsonError, jsonOutput, splitTarget } from "./json-protocol.js";
import {
  internalFailure,
  methodNotAllowed,
  requestTooLarge,
  serializationError,
  wrongSigningService,
  unknownOperation,
  unsupportedMediaType,
} from "./protocol-errors.js";
import { FORM_CONTENT_TYPE, xmlError } from "./query-protocol.js";
import type { ApiEvent } from "./api-event.js";
import { callContext } from "./call-context.js";
import { routeRest, restTargetOf } from "./rest-router.js";
import type { RestJsonService } from "./rest-service.js";
import type { CallContext, Principal, ServiceError, ServiceResult, WireRequest, WireResponse } from "./types.js";

/** What authentication says about a request. */
export type AuthOutcome = { ok: true; principal: Principal; region: string; service: string } | { ok: false; error: ServiceError };

/** A completed Inspector call, as the recorder receives it. */
export interface RoutedCall {
  ctx: CallContext;
  operation: string;
  request: unknown;
  result: ServiceResult;
  endedAt: Date;
}

/** A completed STS call (Query protocol), as the recorder receives it: the form as received and the XML response as sent. */
export interface RoutedStsCall {
  ctx: CallContext;
  form: URLSearchParams;
  response: WireResponse;
  endedAt: Date;
}

/** The services the front door dispatches to (structural, so each part stays in its own folder). */
export interface RouterServices {
  authenticate(req: WireRequest): AuthOutcome | Promise<AuthOutcome>;
  /** The caller's ARN when IAM denies it `action` (e.g. `inspector:DeleteAssessmentRun`), else undefined. */
  deniedCaller(principal: Principal, action: string): string | undefined;
  inspector: { has(operation: string): boolean; call(operation: string, input: unknown, ctx: CallContext): ServiceResult };
  cloudtrail: {
    call(operation: string, input: unknown, ctx: CallContext): ServiceResult;
    record(call: RoutedCall): unknown;
    /** Records an authenticated STS call (AWS logs AssumeRole and GetFederationToken as sts.amazonaws.com events). */
    recordSts?(call: RoutedStsCall): unknown;
    /** Records one call a service described with its own rule table (every rest-json call). */
    recordEvent?(event: ApiEvent): unknown;
  };
  sts: {
    handle(form: URLSearchParams, principal: Principal, requestId: string): WireResponse;
    /** Renames a JSON-protocol authentication error to STS's own (InvalidClientTokenId, SignatureDoesNotMatch, …). */
    authError(error: ServiceError): ServiceError;
  };
  /** IAM on the Query protocol (signing name `iam`); its calls are not recorded (AWS logs them as iam.amazonaws.com events). */
  iam?: {
    handle(form: URLSearchParams, principal: Principal, requestId: string): WireResponse;
  };
  /** rest-json services (Inspector v2), found by method and path. */
  rest?: readonly RestJsonService[];
}

/** Front-door settings. */
export interface RouterOptions {
  /** Largest accepted body; Inspector's largest input is far below 1 MiB. */
  maxBodyBytes: number;
  clock: () => Date;
  newRequestId: () => string;
}

/** Default front-door settings. */
export const DEFAULT_ROUTER_OPTIONS: RouterOptions = {
  maxBodyBytes: 1024 * 1024,
  clock: () => new Date(),
  newRequestId: () => randomUUID(),
};

type Service = "inspector" | "cloudtrail";

/**
 * CloudTrail target prefixes accepted. botocore's model says `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`;
 * `@aws-sdk/client-cloudtrail` 3.11xx (schema-based serde) sends the Smithy service shape name
 * `CloudTrail_20131101`, which AWS's endpoint also accepts.
 */
const CLOUDTRAIL_PREFIXES: ReadonlySet<string> = new Set([CLOUDTRAIL_TARGET_PREFIX, "CloudTrail_20131101"]);

/** Builds the request handler over the given services. The handler never throws. */
export function createRouter(services: RouterServices, options: Partial<RouterOptions> = {}): (req: WireRequest) => Promise<WireResponse> {
  const opts = { ...DEFAULT_ROUTER_OPTIONS, ...options };
  return async (req) => {
    const requestId = opts.newRequestId();
    try {
      return await route(services, opts, req, requestId);
    } catch (err) {
      return jsonError(internalFailure(err instanceof Error ? err.message : String(err)), requestId);
    }
  };
}

async function route(services: RouterServices, opts: RouterOptions, req: WireRequest, requestId: string): Promise<WireResponse> {
  const startedAt = opts.clock();
  const target = req.headers["x-amz-target"];
  const contentType = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  const isQuery = target === undefined && contentType === FORM_CONTENT_TYPE;
  const fail = (error: ServiceError) => (isQuery ? xmlError(error, requestId) : jsonError(error, requestId));

  // No X-Amz-Target and no form: a rest-json request when its path addresses a rest service.
  const rest = target === undefined && !isQuery ? restTargetOf(services.rest ?? [], req) : undefined;
  if (rest !== undefined) return routeRest(services, opts, req, requestId, startedAt, rest);

  if (req.method.toUpperCase() !== "POST") return fail(methodNotAllowed(req.method));
  const bytes = Buffer.byteLength(req.body);
  if (bytes > opts.maxBodyBytes) return fail(requestTooLarge(bytes, opts.maxBodyBytes));

  if (isQuery) return routeQuery(services, opts, req, requestId, startedAt);

  const split = target === undefined ? undefined : splitTarget(target);
  const service: Service | undefined =
    split?.prefix === INSPECTOR_TARGET_PREFIX ? "inspector" : split !== undefined && CLOUDTRAIL_PREFIXES.has(split.prefix) ? "cloudtrail" : undefined;
  if (split === undefined || service === undefined) return fail(unknownOperation(target));
  if (contentType === undefined || !/^application\/(x-amz-json-1\.[01]|json)$/.test(contentType)) {
    return fail(unsupportedMediaType(req.headers["content-type"]));
  }

  const auth = await services.authenticate(req);
  if (!auth.ok) return fail(auth.error);
  if (auth.service !== service) return fail(wrongSigningService(auth.service, service));
  const ctx = callContext(auth, req, requestId, startedAt);

  const { operation } = split;
  const parsed = parseJsonObject(req.body);
  if (service === "cloudtrail") {
    const result = parsed.ok ? services.cloudtrail.call(operation, parsed.value, ctx) : { ok: false as const, error: parsed.error };
    return render(result, requestId);
  }
  if (!services.inspector.has(operation)) return fail(unknownOperation(target));
  const deniedCaller = services.deniedCaller(ctx.principal, `inspector:${operation}`);
  const result: ServiceResult = !parsed.ok
    ? { ok: false, error: parsed.error }
    : deniedCaller !== undefined
      ? { ok: false, error: accessDenied(deniedCaller, `inspector:${operation}`) }
      : services.inspector.call(operation, parsed.value, ctx);
  services.cloudtrail.record({ ctx, operation, request: parsed.ok ? parsed.value : null, result, endedAt: opts.clock() });
  return render(result, requestId);
}

/** The Query service a hostname names (`iam.amazonaws.com`, `sts[.<region>].amazonaws.com`), or undefined (a loopback address). */
function queryServiceOfHost(url: string): "iam" | "sts" | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!host.endsWith(".amazonaws.com")) return undefined;
  if (host.startsWith("iam.")) return "iam";
  if (host.startsWith("sts.")) return "sts";
  return undefined;
}

async function routeQuery(services: RouterServices, opts: RouterOptions, req: WireRequest, requestId: string, startedAt: Date): Promise<WireResponse> {
  const auth = await services.authenticate(req);
  if (!auth.ok) return xmlError(services.sts.authError(auth.error), requestId);
  const addressed = queryServiceOfHost(req.url) ?? (auth.service === "iam" ? "iam" : "sts");
  if (addressed === "iam" && services.iam !== undefined) {
    if (auth.service !== "iam") return xmlError(services.sts.authError(wrongSigningService(auth.service, "iam")), requestId);
    return services.iam.handle(new URLSearchParams(req.body), auth.principal, requestId);
  }
  if (auth.service !== "sts") return xmlError(services.sts.authError(wrongSigningService(auth.service, "sts")), requestId);
  const form = new URLSearchParams(req.body);
  const response = services.sts.handle(form, auth.principal, requestId);
  services.cloudtrail.recordSts?.({ ctx: callContext(auth, req, requestId, startedAt), form, response, endedAt: opts.clock() });
  return response;
}

function render(result: ServiceResult, requestId: string): WireResponse {
  return result.ok ? jsonOutput(result.output, requestId) : jsonError(result.error, requestId);
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: ServiceError };

/** An empty body counts as `{}` (what a client sends for an operation without input). */
function parseJsonObject(body: string): Parsed {
  if (body.trim() === "") return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(body);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, error: serializationError("the body is JSON but not an object") };
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: serializationError(err instanceof Error ? err.message : String(err)) };
  }
}
