/**
 * The rest-json half of the front door: finds the service and operation of a request by method,
 * path and query string, authenticates it, checks the signing name and the deny lists, binds the
 * input, runs the call and records it. What is not recorded mirrors the JSON 1.1 half: requests
 * that fail authentication, are signed for another service, or address no operation.
 */
import { callContext } from "./call-context.js";
import { requestTooLarge, wrongSigningService } from "./protocol-errors.js";
import { bindRestJsonInput, type BoundInput } from "./rest-json-binding.js";
import { restJsonError, restJsonOutput } from "./rest-json-protocol.js";
import { matchRoute } from "./rest-routes.js";
import type { RestJsonService } from "./rest-service.js";
import type { RouterOptions, RouterServices } from "./router.js";
import type { ServiceError, ServiceResult, WireRequest, WireResponse } from "./types.js";

/** Where a request without X-Amz-Target goes among the rest services. */
export type RestTarget =
  | { kind: "operation"; service: RestJsonService; operation: string; labels: Record<string, string>; url: URL }
  | { kind: "wrong-method"; service: RestJsonService; allowed: readonly string[] }
  | { kind: "unknown" };

/**
 * The rest target of `req`, or undefined when it is not a rest request: its path is `/` and no rest
 * service has an operation there (JSON 1.1 and Query requests are `POST /`).
 */
export function restTargetOf(services: readonly RestJsonService[], req: WireRequest): RestTarget | undefined {
  if (services.length === 0) return undefined;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return undefined;
  }
  for (const service of services) {
    const match = matchRoute(service.routes, req.method, url.pathname, url.searchParams);
    if (match.kind === "operation") return { kind: "operation", service, operation: match.operation, labels: match.labels, url };
    if (match.kind === "wrong-method") return { kind: "wrong-method", service, allowed: match.allowed };
  }
  return url.pathname === "/" || url.pathname === "" ? undefined : { kind: "unknown" };
}

/** No operation has this method and path. UNVERIFIED: the status AWS's rest front ends give (404). */
const unknownRestOperation = (method: string, path: string): ServiceError => ({
  type: "UnknownOperationException",
  status: 404,
  message: `No operation of the emulated rest-json services is ${method} ${path}; see the service model's requestUri of each operation.`,
});

const restMethodNotAllowed = (method: string, allowed: readonly string[]): ServiceError => ({
  type: "MethodNotAllowedException",
  status: 405,
  message: `Method ${method} is not allowed on this path; use ${allowed.join(" or ")}.`,
});

/** Answers one rest request (never throws for bad input). */
export async function routeRest(
  services: RouterServices,
  opts: RouterOptions,
  req: WireRequest,
  requestId: string,
  startedAt: Date,
  target: RestTarget,
): Promise<WireResponse> {
  if (target.kind === "unknown") return restJsonError(unknownRestOperation(req.method, new URL(req.url).pathname), requestId);
  if (target.kind === "wrong-method") return restJsonError(restMethodNotAllowed(req.method, target.allowed), requestId);
  const bytes = Buffer.byteLength(req.body);
  if (bytes > opts.maxBodyBytes) return restJsonError(requestTooLarge(bytes, opts.maxBodyBytes), requestId);

  const { service, operation } = target;
  const auth = await services.authenticate(req);
  if (!auth.ok) return restJsonError(auth.error, requestId);
  if (auth.service !== service.signingName) return restJsonError(wrongSigningService(auth.service, service.signingName), requestId);
  const ctx = callContext(auth, req, requestId, startedAt);

  const bound = bindRestJsonInput(service.model, operation, { labels: target.labels, query: target.url.searchParams, headers: req.headers, body: req.body });
  const action = `${service.name}:${operation}`;
  const deniedCaller = services.deniedCaller(ctx.principal, action);
  let result: ServiceResult;
  if (!bound.ok) result = { ok: false, error: service.unreadable(operation, bound.problem) };
  else if (deniedCaller !== undefined) result = { ok: false, error: service.denied(deniedCaller, action, ctx) };
  else result = service.call(operation, bound.value.input, ctx);

  const status = result.ok ? (service.model.operations[operation]?.http.responseCode ?? 200) : result.error.status;
  const response = result.ok ? restJsonOutput(result.output, requestId, status) : restJsonError(result.error, requestId);
  const boundInput: BoundInput | undefined = bound.ok ? bound.value : undefined;
  services.cloudtrail.recordEvent?.(
    service.eventOf({
      ctx,
      operation,
      bound: boundInput,
      result,
      endedAt: opts.clock(),
      exchange: {
        method: req.method.toUpperCase(),
        path: target.url.pathname,
        status,
        ...(result.ok ? { output: result.output } : {}),
        boundMembers: Object.entries(boundInput?.locations ?? {}).filter(([, where]) => where !== "body").map(([member]) => member),
      },
    }),
  );
  return response;
}
