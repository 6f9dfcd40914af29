/** The CallContext of an authenticated request: what the service and the recorder know of it. */
import type { CallContext, Principal, WireRequest } from "./types.js";

/** Builds the context of a request that authenticated as `auth.principal` in `auth.region`. */
export function callContext(auth: { principal: Principal; region: string }, req: WireRequest, requestId: string, startedAt: Date): CallContext {
  return { principal: auth.principal, region: auth.region, requestId, sourceIp: req.sourceIp, userAgent: req.headers["user-agent"] ?? "", startedAt };
}
