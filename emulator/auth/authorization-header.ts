/**
 * Parsing of the SigV4 `Authorization` header:
 * `AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). Problems are reported
 * as the sentences AWS puts in IncompleteSignatureException messages.
 */

/** The SigV4 algorithm this emulator verifies. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** The parts of a well-formed SigV4 Authorization header. */
export interface SigV4Authorization {
  accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Lower-case header names, in the order given. */
  signedHeaders: string[];
  /** Hex signature as sent. */
  signature: string;
}

/** Result of parsing: the parts, or AWS-style sentences saying what is wrong. */
export type AuthorizationParse = { ok: true; value: SigV4Authorization } | { ok: false; problems: string[] };

/** Parses a `Credential=` value (`key/date/region/service/aws4_request`). */
export function parseCredentialScope(
  credential: string,
): { ok: true; value: Pick<SigV4Authorization, "accessKeyId" | "scopeDate" | "region" | "service"> } | { ok: false; problems: string[] } {
  const parts = credential.split("/");
  if (parts.length !== 5) {
    return {
      ok: false,
      problems: [`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`],
    };
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  const problems: string[] = [];
  if (terminator !== "aws4_request") problems.push(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  if (!/^\d{8}$/.test(scopeDate)) problems.push(`Credential should be scoped to a valid date, not '${scopeDate}'.`);
  if (!/^[a-z0-9-]+$/.test(region)) problems.push(`Credential should be scoped to a valid region, not '${region}'.`);
  if (!/^[a-z0-9-]+$/.test(service)) problems.push(`Credential should be scoped to a valid service, not '${service}'.`);
  if (accessKeyId === "") problems.push("Credential should contain an access key id.");
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { accessKeyId, scopeDate, region, service } };
}

/** Parses the Authorization header value. */
export function parseAuthorizationHeader(header: string): AuthorizationParse {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    return { ok: false, problems: [`Unsupported AWS 'algorithm': '${algorithm}'; only '${SIGV4_ALGORITHM}' is supported.`] };
  }
  const fields = new Map<string, string>();
  for (const component of trimmed.slice(space + 1).split(",")) {
    const eq = component.indexOf("=");
    if (eq < 0) continue;
    fields.set(component.slice(0, eq).trim(), component.slice(eq + 1).trim());
  }
  const problems: string[] = [];
  for (const name of ["Credential", "Signature", "SignedHeaders"]) {
    if (!fields.get(name)) problems.push(`Authorization header requires '${name}' parameter.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const scope = parseCredentialScope(fields.get("Credential")!);
  if (!scope.ok) return scope;
  const signedHeaders = fields.get("SignedHeaders")!.split(";").map((h) => h.trim().toLowerCase());
  if (!signedHeaders.includes("host")) {
    return { ok: false, problems: ["'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."] };
  }
  return { ok: true, value: { ...scope.value, signedHeaders, signature: fields.get("Signature")! } };
}
