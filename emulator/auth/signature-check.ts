/**
 * SigV4 signature verification with the AWS SDK's own signer (@smithy/signature-v4): the request is
 * rebuilt with only the headers the client signed, its path, query and body, signed again with the
 * stored secret for the same date, region and service, and the two signatures are compared in
 * constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";

/** Everything needed to recompute a header-signed request's signature. */
export interface SignatureCheckInput {
  method: string;
  url: URL;
  /** Request headers, names lower-case. */
  headers: Record<string, string>;
  body: string;
  /** Lower-case names from `SignedHeaders`. */
  signedHeaders: readonly string[];
  /** Hex signature the client sent. */
  signature: string;
  accessKeyId: string;
  secretAccessKey: string;
  signingDate: Date;
  region: string;
  service: string;
}

/** Query parameters of a URL in the signer's form (decoded values, repeated keys as arrays). */
export function queryOf(url: URL, omit: ReadonlySet<string> = new Set()): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    if (omit.has(key)) continue;
    // Own properties only: a query key such as `valueOf` must not meet Object.prototype.
    const existing = Object.hasOwn(query, key) ? query[key] : undefined;
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

/** Constant-time comparison of two strings (false when lengths differ). */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The request as the client signed it: only its signed headers (host taken from the URL if absent). */
export function signedRequestOf(input: Pick<SignatureCheckInput, "method" | "url" | "headers" | "body" | "signedHeaders">, omitQuery?: ReadonlySet<string>): HttpRequest {
  const headers: Record<string, string> = {};
  for (const name of input.signedHeaders) {
    const value = input.headers[name] ?? (name === "host" ? input.url.host : undefined);
    if (value !== undefined) headers[name] = value;
  }
  return {
    method: input.method.toUpperCase(),
    protocol: input.url.protocol,
    hostname: input.url.hostname,
    path: input.url.pathname,
    query: queryOf(input.url, omitQuery),
    headers,
    body: input.body,
  };
}

/** SHA-256 on node:crypto, as the SDK's clients hash in Node (the pure-JS hash cost ~0.3 ms a request). */
const Sha256 = Hash.bind(null, "sha256");

/**
 * Signers kept per credential, region and service: a SignatureV4 caches its derived signing key
 * (four HMACs) per date, so a kept signer verifies the next request of that caller with one HMAC
 * chain less. Bounded, least recently used dropped first.
 */
const signers = new Map<string, SignatureV4>();
const MAX_SIGNERS = 256;

/** A signer for one credential, region and service, configured as AWS SDK clients configure theirs. */
export function signerFor(input: Pick<SignatureCheckInput, "accessKeyId" | "secretAccessKey" | "region" | "service">, sessionToken?: string): SignatureV4 {
  const key = [input.accessKeyId, input.secretAccessKey, sessionToken ?? "", input.region, input.service].join("\u0000");
  let signer = signers.get(key);
  if (signer !== undefined) signers.delete(key);
  else
    signer = new SignatureV4({
      credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      region: input.region,
      service: input.service,
      sha256: Sha256,
      // Only S3 signs the path without a second URI-escaping (SignatureV4Init docs).
      uriEscapePath: input.service !== "s3",
      applyChecksum: false,
    });
  signers.set(key, signer);
  if (signers.size > MAX_SIGNERS) signers.delete(signers.keys().next().value as string);
  return signer;
}

/**
 * True when `x-amz-content-sha256`, if the client sent it, is the hash of the body: the signer trusts
 * that header instead of hashing the body, so a tampered body must be caught here.
 */
export function payloadHashHeaderHolds(headers: Record<string, string>, body: string): boolean {
  const claimed = headers["x-amz-content-sha256"];
  if (claimed === undefined) return true;
  return constantTimeEquals(claimed, createHash("sha256").update(body, "utf8").digest("hex"));
}

/** True when the header signature the client sent is the one the SDK signer computes. */
export async function headerSignatureMatches(input: SignatureCheckInput): Promise<boolean> {
  if (!payloadHashHeaderHolds(input.headers, input.body)) return false;
  const signed = await signerFor(input).sign(signedRequestOf(input), {
    signingDate: input.signingDate,
    signingRegion: input.region,
    signingService: input.service,
    signableHeaders: new Set(input.signedHeaders),
  });
  const authorization = signed.headers["authorization"] ?? "";
  const computedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? "";
  const computed = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? "";
  // The signer adds x-amz-date itself; if the client did not sign it, the lists differ.
  if (computedHeaders !== [...input.signedHeaders].sort().join(";")) return false;
  return constantTimeEquals(computed, input.signature);
}
