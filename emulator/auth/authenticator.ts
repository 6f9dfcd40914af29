/**
 * SigV4 authentication of wire requests: who is calling (a {@link Principal}), in which region and
 * for which service, or the error AWS would return. Checks, in order: presence of authentication,
 * form of the Authorization header (or presigned query), X-Amz-Date, the access key (long-term from
 * the directory, temporary from the session store, with its session token and expiry), the 5-minute
 * clock skew, and finally the signature itself, recomputed with the AWS SDK's signer.
 */
import type { Principal, ServiceError, WireRequest } from "../core/types.js";
import type { AccountDirectory } from "../accounts/account-directory.js";
import { parseAmzDate } from "./amz-date.js";
import {
  expiredToken,
  incompleteSignature,
  MAX_CLOCK_SKEW_MS,
  missingAuthenticationToken,
  scopeDateMismatch,
  signatureMismatch,
  signatureOutOfWindow,
  unrecognizedClient,
} from "./auth-errors.js";
import { parseAuthorizationHeader, type SigV4Authorization } from "./authorization-header.js";
import { isPresigned, parsePresignedQuery, presignedSignatureMatches, type PresignedParameters } from "./presigned-query.js";
import type { SessionStore } from "./sessions.js";
import { constantTimeEquals, headerSignatureMatches } from "./signature-check.js";

/** Result of authenticating a request: the caller and its credential scope, or the AWS error. */
export type AuthOutcome = { ok: true; principal: Principal; region: string; service: string } | { ok: false; error: ServiceError };

type Failure = { ok: false; error: ServiceError };
const fail = (error: ServiceError): Failure => ({ ok: false, error });

/** The credentials a request claims, resolved against the directory and the session store. */
type ResolvedKey = { ok: true; secretAccessKey: string; principal: Principal } | Failure;

/** Verifies AWS Signature Version 4 on wire requests. */
export class Authenticator {
  private readonly directory: AccountDirectory;
  private readonly sessions: SessionStore;
  private readonly clock: () => Date;

  /** `clock` is the server's notion of now (skew and expiry checks); defaults to the system clock. */
  constructor(directory: AccountDirectory, sessions: SessionStore, clock: () => Date = () => new Date()) {
    this.directory = directory;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Authenticates one request. Asynchronous because the SDK's SignatureV4 signer is.
   * Header names in `req.headers` must be lower-case (WireRequest's contract).
   */
  async authenticate(req: WireRequest): Promise<AuthOutcome> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      // Transports always pass an absolute URL; an unparsable one carries no usable authentication.
      return fail(missingAuthenticationToken());
    }
    const authorization = req.headers["authorization"];
    if (authorization !== undefined) return this.authenticateHeader(req, url, authorization);
    if (isPresigned(url)) return this.authenticatePresigned(req, url);
    return fail(missingAuthenticationToken());
  }

  private async authenticateHeader(req: WireRequest, url: URL, authorization: string): Promise<AuthOutcome> {
    const parsed = parseAuthorizationHeader(authorization);
    if (!parsed.ok) return fail(incompleteSignature(parsed.problems, authorization));
    const auth: SigV4Authorization = parsed.value;
    const amzDate = req.headers["x-amz-date"];
    if (amzDate === undefined) {
      // The SDK signer always sends X-Amz-Date; a request dated only by `Date` is not verifiable with it.
      return fail(incompleteSignature(["Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."], authorization));
    }
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
      return fail(incompleteSignature([`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`], authorization));
    }
    if (auth.scopeDate !== amzDate.slice(0, 8)) return fail(scopeDateMismatch(auth.scopeDate, amzDate));
    const key = this.resolveKey(auth.accessKeyId, req.headers["x-amz-security-token"]);
    if (!key.ok) return key;
    const skew = this.checkSkew(signedAt);
    if (skew) return skew;
    const matches = await headerSignatureMatches({
      method: req.method,
      url,
      headers: req.headers,
      body: req.body,
      signedHeaders: auth.signedHeaders,
      signature: auth.signature,
      accessKeyId: auth.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      signingDate: signedAt,
      region: auth.region,
      service: auth.service,
    });
    if (!matches) return fail(signatureMismatch());
    return { ok: true, principal: key.principal, region: auth.region, service: auth.service };
  }

  private async authenticatePresigned(req: WireRequest, url: URL): Promise<AuthOutcome> {
    const parsed = parsePresignedQuery(url);
    if (!parsed.ok) return fail(incompleteSignature(parsed.problems, url.search));
    const params: PresignedParameters = parsed.value;
    const signedAt = parseAmzDate(params.amzDate);
    if (signedAt === undefined) {
      return fail(incompleteSignature([`Date must be in ISO-8601 'basic format'. Got '${params.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`], url.search));
    }
    if (params.scopeDate !== params.amzDate.slice(0, 8)) return fail(scopeDateMismatch(params.scopeDate, params.amzDate));
    const key = this.resolveKey(params.accessKeyId, params.sessionToken ?? req.headers["x-amz-security-token"]);
    if (!key.ok) return key;
    const now = this.clock();
    if (signedAt.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS) return fail(signatureOutOfWindow(signedAt, now));
    if (now.getTime() > signedAt.getTime() + params.expiresSeconds * 1000) {
      // UNVERIFIED for JSON services: S3 says "Request has expired"; the emulator uses that wording.
      return fail({ ...signatureMismatch(), message: "Request has expired" });
    }
    const matches = await presignedSignatureMatches({ method: req.method, url, headers: req.headers, body: req.body, params, secretAccessKey: key.secretAccessKey, signingDate: signedAt });
    if (!matches) return fail(signatureMismatch());
    return { ok: true, principal: key.principal, region: params.region, service: params.service };
  }

  /**
   * Finds the secret and principal of an access key. A long-term key must come without a session
   * token; a temporary key needs its own token and must not have expired. Any other case is
   * "The security token included in the request is invalid." (UnrecognizedClientException).
   */
  private resolveKey(accessKeyId: string, token: string | undefined): ResolvedKey {
    const longTerm = this.directory.lookupAccessKey(accessKeyId);
    if (longTerm) {
      if (token !== undefined) return fail(unrecognizedClient());
      return { ok: true, secretAccessKey: longTerm.secretAccessKey, principal: longTerm.principal };
    }
    const session = this.sessions.get(accessKeyId);
    if (!session) return fail(unrecognizedClient());
    if (token === undefined || !constantTimeEquals(token, session.sessionToken)) return fail(unrecognizedClient());
    if (this.clock().getTime() >= session.expiration.getTime()) return fail(expiredToken());
    return { ok: true, secretAccessKey: session.secretAccessKey, principal: session.principal };
  }

  /** The "Signature expired" / "not yet current" error when the request date is over 5 minutes off. */
  private checkSkew(signedAt: Date): Failure | undefined {
    const now = this.clock();
    return Math.abs(now.getTime() - signedAt.getTime()) > MAX_CLOCK_SKEW_MS ? fail(signatureOutOfWindow(signedAt, now)) : undefined;
  }
}
