/**
 * Query-string (presigned) SigV4 authentication: `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
 * `X-Amz-Expires`, `X-Amz-SignedHeaders`, `X-Amz-Signature` and optionally `X-Amz-Security-Token`
 * in the URL (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request,
 * "query string parameters"). Verified by presigning the same request again with the SDK signer.
 */
import { parseCredentialScope, SIGV4_ALGORITHM, type SigV4Authorization } from "./authorization-header.js";
import { constantTimeEquals, payloadHashHeaderHolds, signedRequestOf, signerFor } from "./signature-check.js";

/** The SigV4 parameters of a presigned URL. */
export interface PresignedParameters extends SigV4Authorization {
  amzDate: string;
  expiresSeconds: number;
  sessionToken?: string;
}

/** The query parameters that carry presigned authentication; they are not part of the signed query. */
export const PRESIGN_PARAMS: ReadonlySet<string> = new Set([
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
  "X-Amz-Security-Token",
]);

/** True when the URL carries presigned authentication. */
export const isPresigned = (url: URL): boolean => url.searchParams.has("X-Amz-Algorithm") || url.searchParams.has("X-Amz-Signature");

/** Parses the presign parameters; problems are AWS-style sentences. */
export function parsePresignedQuery(url: URL): { ok: true; value: PresignedParameters } | { ok: false; problems: string[] } {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const algorithm = get("X-Amz-Algorithm");
  if (algorithm !== SIGV4_ALGORITHM) {
    return { ok: false, problems: [`X-Amz-Algorithm only supports "${SIGV4_ALGORITHM}".`] };
  }
  const problems: string[] = [];
  for (const name of ["X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date", "X-Amz-Expires"]) {
    if (!get(name)) problems.push(`AWS query-string parameters must include '${name}'.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const scope = parseCredentialScope(get("X-Amz-Credential")!);
  if (!scope.ok) return scope;
  const expiresSeconds = Number(get("X-Amz-Expires"));
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > 604800) {
    return { ok: false, problems: ["X-Amz-Expires must be an integer between 1 and 604800 seconds."] };
  }
  const signedHeaders = get("X-Amz-SignedHeaders")!.split(";").map((h) => h.trim().toLowerCase());
  const token = get("X-Amz-Security-Token");
  return {
    ok: true,
    value: {
      ...scope.value,
      signedHeaders,
      signature: get("X-Amz-Signature")!,
      amzDate: get("X-Amz-Date")!,
      expiresSeconds,
      ...(token !== undefined ? { sessionToken: token } : {}),
    },
  };
}

/** True when the presigned signature is the one the SDK presigner computes for this request. */
export async function presignedSignatureMatches(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  params: PresignedParameters;
  secretAccessKey: string;
  signingDate: Date;
}): Promise<boolean> {
  const { params } = input;
  if (!payloadHashHeaderHolds(input.headers, input.body)) return false;
  const request = signedRequestOf({ ...input, signedHeaders: params.signedHeaders }, PRESIGN_PARAMS);
  const presigned = await signerFor(
    { accessKeyId: params.accessKeyId, secretAccessKey: input.secretAccessKey, region: params.region, service: params.service },
    params.sessionToken,
  ).presign(request, {
    signingDate: input.signingDate,
    expiresIn: params.expiresSeconds,
    signingRegion: params.region,
    signingService: params.service,
    signableHeaders: new Set(params.signedHeaders),
    unhoistableHeaders: new Set(Object.keys(request.headers)),
  });
  const computed = presigned.query?.["X-Amz-Signature"];
  return typeof computed === "string" && constantTimeEquals(computed, params.signature);
}
