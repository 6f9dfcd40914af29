/**
 * In-process transport: msw request handlers that intercept the real AWS hostnames of Inspector
 * Classic, Inspector v2, CloudTrail, STS and IAM, so SDK clients are configured exactly as for AWS
 * (no endpoint override).
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import type { WireRequest, WireResponse } from "../core/types.js";

/**
 * Hostnames served: `inspector.<region>.amazonaws.com`, `cloudtrail.<region>.amazonaws.com`,
 * `sts[.<region>].amazonaws.com`, `iam.amazonaws.com` (IAM is global: one endpoint, signed for
 * us-east-1) (their JSON 1.1 and Query calls are `POST /`), and `inspector2.<region>.amazonaws.com`
 * on every path (rest-json addresses operations by path).
 */
export const AWS_HOST_PATTERN =
  /^https:\/\/(inspector|cloudtrail)\.[a-z0-9-]+\.amazonaws\.com\/?(\?.*)?$|^https:\/\/sts(\.[a-z0-9-]+)?\.amazonaws\.com\/?(\?.*)?$|^https:\/\/iam\.amazonaws\.com\/?(\?.*)?$|^https:\/\/inspector2\.[a-z0-9-]+\.amazonaws\.com\/.*$/;

/** The address recorded as sourceIPAddress for in-process calls (there is no socket). */
export const IN_PROCESS_SOURCE_IP = "127.0.0.1";

/** Converts a fetch Request to the emulator's WireRequest. */
export async function toWireRequest(request: Request, sourceIp: string): Promise<WireRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  // node's http client adds Host itself; the signer signed it, so restore it from the URL.
  headers["host"] ??= new URL(request.url).host;
  return { method: request.method, url: request.url, headers, body: await request.text(), sourceIp };
}

/** msw handlers that pass every AWS request for the five services to `handle`. */
export function mswHandlers(handle: (req: WireRequest) => WireResponse | Promise<WireResponse>): HttpHandler[] {
  return [
    http.all(AWS_HOST_PATTERN, async ({ request }) => {
      const response = await handle(await toWireRequest(request, IN_PROCESS_SOURCE_IP));
      return new HttpResponse(response.body, { status: response.status, headers: response.headers });
    }),
  ];
}
