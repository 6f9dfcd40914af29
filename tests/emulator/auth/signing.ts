/**
 * Test helper: signs wire requests with the AWS SDK's own SigV4 signer, as a client would send them.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { WireRequest } from "../../../emulator/core/types.js";

/** Credentials to sign with. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A JSON 1.1 Inspector request (ListRulesPackages) to `region`, unsigned. */
export function inspectorRequest(region = "us-west-2", body = "{}"): WireRequest {
  return {
    method: "POST",
    url: `https://inspector.${region}.amazonaws.com/`,
    headers: {
      host: `inspector.${region}.amazonaws.com`,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "InspectorService.ListRulesPackages",
      "content-length": String(Buffer.byteLength(body)),
      "user-agent": "conformance-test",
    },
    body,
    sourceIp: "127.0.0.1",
  };
}

/** The URL's query in the signer's form, repeated keys as arrays. */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function signer(creds: TestCredentials, region: string, service: string): SignatureV4 {
  return new SignatureV4({ credentials: creds, region, service, sha256: Sha256 });
}

/** Signs `req` in the Authorization header for `service` at `date`; returns a new request. */
export async function signed(req: WireRequest, creds: TestCredentials, date: Date, service = "inspector", region = "us-west-2"): Promise<WireRequest> {
  const url = new URL(req.url);
  const out = await signer(creds, region, service).sign(
    { method: req.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: queryOf(url), headers: { ...req.headers }, body: req.body },
    { signingDate: date },
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(out.headers)) headers[k.toLowerCase()] = v;
  return { ...req, headers };
}

/** Presigns `req` (query-string authentication) for `service` at `date`; returns a new request. */
export async function presigned(req: WireRequest, creds: TestCredentials, date: Date, expiresIn = 300, service = "inspector", region = "us-west-2"): Promise<WireRequest> {
  const url = new URL(req.url);
  const { host, ...rest } = req.headers;
  const out = await signer(creds, region, service).presign(
    { method: req.method, protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: queryOf(url), headers: { host: host ?? url.host, ...rest }, body: req.body },
    { signingDate: date, expiresIn },
  );
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(out.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === "string") query.append(k, item);
  }
  return { ...req, url: `${url.origin}${url.pathname}?${query.toString()}` };
}
