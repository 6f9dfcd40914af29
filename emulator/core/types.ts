/**
 * The transport-independent contract of the reference emulator: a wire request in, a wire response
 * out. msw handlers and the node:http server both translate to and from these types.
 */

/** An HTTP request as it arrived, before any parsing. Header names are lower-case. */
export interface WireRequest {
  method: string;
  /** Full URL as the client addressed it, e.g. `https://inspector.us-west-2.amazonaws.com/`. */
  url: string;
  headers: Record<string, string>;
  /** Raw body bytes, decoded as UTF-8 (every protocol served here is text). */
  body: string;
  /** Caller's IP address as the transport saw it. */
  sourceIp: string;
}

/** An HTTP response to send back. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The authenticated caller of a request: how its credentials were obtained. The CloudTrail recorder
 * builds `userIdentity` from this; it never carries a secret.
 */
export type Principal = RootPrincipal | IamUserPrincipal | AssumedRolePrincipal | FederatedUserPrincipal;

/** Root user of an account, with the account's root access key. */
export interface RootPrincipal {
  kind: "Root";
  accountId: string;
  accessKeyId: string;
  /** The account alias, when one is set (CloudTrail puts it in userName). */
  accountAlias?: string;
}

/** An IAM user with a long-term access key (AKIA…). */
export interface IamUserPrincipal {
  kind: "IAMUser";
  accountId: string;
  accessKeyId: string;
  userName: string;
  /** Unique id, AIDA… */
  userId: string;
  /** IAM path, `/` by default. */
  path: string;
}

/** A role session from STS AssumeRole (temporary key ASIA…). */
export interface AssumedRolePrincipal {
  kind: "AssumedRole";
  accountId: string;
  accessKeyId: string;
  roleName: string;
  /** Unique id of the role, AROA… */
  roleId: string;
  rolePath: string;
  sessionName: string;
  /** When STS issued the credentials (sessionContext.attributes.creationDate). */
  issuedAt: Date;
  mfaAuthenticated: boolean;
  sourceIdentity?: string;
}

/** A federated user from STS GetFederationToken (temporary key ASIA…). */
export interface FederatedUserPrincipal {
  kind: "FederatedUser";
  accountId: string;
  accessKeyId: string;
  /** The Name passed to GetFederationToken. */
  federatedName: string;
  /** Who called GetFederationToken: an IAM user or the root user. */
  issuer:
    | { kind: "IAMUser"; userName: string; userId: string; path: string }
    | { kind: "Root" };
  issuedAt: Date;
  mfaAuthenticated: boolean;
}

/** The kinds of caller identity the project knows. */
export type PrincipalKind = Principal["kind"];

/**
 * A modelled service error. Rendered as a JSON 1.1 error body
 * (`{"__type": type, "message": message, ...fields}`) or an STS/Query XML error.
 */
export interface ServiceError {
  /** Error shape name, e.g. `InvalidInputException`; the CloudTrail `errorCode`. */
  type: string;
  /** HTTP status. */
  status: number;
  message: string;
  /** Further modelled members, e.g. `{errorCode: "INVALID_ASSESSMENT_TARGET_ARN", canRetry: false}`. */
  fields?: Record<string, unknown>;
  /** Members the protocol sends as response headers (rest-json, e.g. `retry-after`); lower-case names. */
  headers?: Record<string, string>;
}

/** Outcome of a service call: the output body, or an error. */
export type ServiceResult = { ok: true; output: Record<string, unknown> } | { ok: false; error: ServiceError };

/** Everything about an authenticated call that the service and the recorder need. */
export interface CallContext {
  principal: Principal;
  /** Region from the SigV4 credential scope. */
  region: string;
  /** `x-amzn-RequestId` sent back with the response. */
  requestId: string;
  sourceIp: string;
  userAgent: string;
  /** When the request arrived and when its response was ready. */
  startedAt: Date;
}
