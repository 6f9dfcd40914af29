/**
 * The emulator's STS on the Query protocol (`Action=…&Version=2011-06-15`): GetCallerIdentity,
 * AssumeRole and GetFederationToken, backed by the account directory and the session store.
 * Behaviour and messages follow the STS API reference and observed AWS answers:
 * - root may not assume roles: AccessDenied "Roles may not be assumed by root accounts."
 *   (kubeflow/testing#961, Netflix/security_monkey#1026);
 * - GetFederationToken with temporary credentials: AccessDenied "Cannot call GetFederationToken with
 *   session credentials" (hashicorp/vault#4108, fwdcloudsec/granted#151);
 * - GetFederationToken credentials may call no STS operation but GetCallerIdentity (API_GetFederationToken.html);
 * - role chaining is limited to one hour: ValidationError "The requested DurationSeconds exceeds the
 *   1 hour session limit for roles assumed by role chaining." (aws/eks-anywhere#9485, 99designs/aws-vault#263);
 * - a duration above the role's MaxSessionDuration fails (API_AssumeRole.html, DurationSeconds);
 * - root's federation sessions are capped at one hour, silently (API_GetFederationToken.html, DurationSeconds);
 * - a missing or untrusting role: AccessDenied "User: <arn> is not authorized to perform: sts:AssumeRole
 *   on resource: <role arn>".
 */
import type { Principal, ServiceError, WireResponse } from "../core/types.js";
import type { AccountDirectory } from "../accounts/account-directory.js";
import { principalArn, principalUserId } from "../accounts/principal-arn.js";
import { roleTrusts } from "../accounts/role-trust.js";
import type { SessionStore, TemporaryCredentials } from "../auth/sessions.js";
import { assumedRoleArn, federatedUserArn } from "../../model/arn.js";
import {
  accessDenied,
  invalidAction,
  malformedPolicyDocument,
  missingAction,
  notAuthorized,
  validationError,
  validationErrors,
} from "./sts-errors.js";
import { NAME_PATTERN, ParameterReader, POLICY_PATTERN } from "./sts-parameters.js";
import { element, stsErrorResponse, stsResultResponse, text, type XmlNode } from "./sts-xml.js";

/** The STS API version this emulator serves. */
export const STS_API_VERSION = "2011-06-15";

/** One hour: the role-chaining limit and root's federation-session cap, in seconds. */
const ONE_HOUR = 3600;

type Outcome = { ok: true; result: XmlNode[] } | { ok: false; error: ServiceError };

/** Seconds-precision ISO-8601 UTC, as STS prints `Expiration`. */
const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The `<Credentials>` element of a set of temporary credentials. */
function credentialsXml(creds: TemporaryCredentials): XmlNode {
  return element(
    "Credentials",
    text("AccessKeyId", creds.accessKeyId),
    text("SecretAccessKey", creds.secretAccessKey),
    text("SessionToken", creds.sessionToken),
    text("Expiration", isoSeconds(creds.expiration)),
  );
}

/** Handles authenticated STS requests. */
export class StsService {
  private readonly directory: AccountDirectory;
  private readonly sessions: SessionStore;
  private readonly clock: () => Date;

  /** `clock` dates issued credentials; defaults to the system clock. */
  constructor(directory: AccountDirectory, sessions: SessionStore, clock: () => Date = () => new Date()) {
    this.directory = directory;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Handles one authenticated STS request. `form` is the parsed form body. Returns the full wire response (XML). */
  handle(form: URLSearchParams, principal: Principal, requestId: string): WireResponse {
    const action = form.get("Action");
    const version = form.get("Version") ?? "";
    let outcome: Outcome;
    if (action === null || action === "") outcome = { ok: false, error: missingAction() };
    else if (version !== STS_API_VERSION) outcome = { ok: false, error: invalidAction(action, version) };
    else if (action === "GetCallerIdentity") outcome = this.getCallerIdentity(principal);
    else if (action === "AssumeRole") outcome = this.assumeRole(form, principal);
    else if (action === "GetFederationToken") outcome = this.getFederationToken(form, principal);
    else outcome = { ok: false, error: invalidAction(action, version) };
    return outcome.ok ? stsResultResponse(action!, outcome.result, requestId) : stsErrorResponse(outcome.error, requestId);
  }

  private getCallerIdentity(principal: Principal): Outcome {
    return {
      ok: true,
      result: [text("Arn", principalArn(principal)), text("UserId", principalUserId(principal)), text("Account", principal.accountId)],
    };
  }

  private assumeRole(form: URLSearchParams, caller: Principal): Outcome {
    const params = new ParameterReader(form);
    const roleArn = params.string("RoleArn", { min: 20, max: 2048 }, true);
    const sessionName = params.string("RoleSessionName", { min: 2, max: 64, pattern: NAME_PATTERN }, true);
    const duration = params.integer("DurationSeconds", 900, 43200) ?? ONE_HOUR;
    const requestedSourceIdentity = params.string("SourceIdentity", { min: 2, max: 64, pattern: NAME_PATTERN }, false);
    const policy = params.string("Policy", { min: 1, max: 2048, pattern: POLICY_PATTERN }, false);
    if (params.problems.length > 0) return { ok: false, error: validationErrors(params.problems) };
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn!)) return { ok: false, error: validationError("Request ARN is invalid") };
    if (policy !== undefined && !isJsonObject(policy)) return { ok: false, error: malformedPolicyDocument() };

    if (caller.kind === "Root") return { ok: false, error: accessDenied("Roles may not be assumed by root accounts.") };
    const callerArn = principalArn(caller);
    const entry = this.directory.findRole(roleArn!);
    if (caller.kind === "FederatedUser" || this.directory.isDenied(caller, "sts:AssumeRole") || !entry || !roleTrusts(entry.role, caller)) {
      return { ok: false, error: notAuthorized(callerArn, "sts:AssumeRole", roleArn!) };
    }
    if (caller.kind === "AssumedRole" && duration > ONE_HOUR) {
      return { ok: false, error: validationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.") };
    }
    if (duration > entry.role.maxSessionDuration) {
      return { ok: false, error: validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.") };
    }
    // A source identity set earlier in a role chain persists (API_AssumeRole.html, SourceIdentity).
    const sourceIdentity = requestedSourceIdentity ?? (caller.kind === "AssumedRole" ? caller.sourceIdentity : undefined);
    const now = this.clock();
    const creds = this.sessions.issue(
      {
        kind: "AssumedRole",
        accountId: entry.account.accountId,
        roleName: entry.role.roleName,
        roleId: entry.role.roleId,
        rolePath: entry.role.path,
        sessionName: sessionName!,
        issuedAt: now,
        mfaAuthenticated: false,
        ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
      },
      expiryAfter(now, duration),
    );
    const result: XmlNode[] = [
      credentialsXml(creds),
      element(
        "AssumedRoleUser",
        text("AssumedRoleId", `${entry.role.roleId}:${sessionName!}`),
        text("Arn", assumedRoleArn(entry.account.accountId, entry.role.roleName, sessionName!)),
      ),
    ];
    if (sourceIdentity !== undefined) result.push(text("SourceIdentity", sourceIdentity));
    return { ok: true, result };
  }

  private getFederationToken(form: URLSearchParams, caller: Principal): Outcome {
    const params = new ParameterReader(form);
    const name = params.string("Name", { min: 2, max: 32, pattern: NAME_PATTERN }, true);
    const requested = params.integer("DurationSeconds", 900, 129600) ?? 43200;
    const policy = params.string("Policy", { min: 1, max: 2048, pattern: POLICY_PATTERN }, false);
    if (params.problems.length > 0) return { ok: false, error: validationErrors(params.problems) };
    if (policy !== undefined && !isJsonObject(policy)) return { ok: false, error: malformedPolicyDocument() };

    if (caller.kind === "AssumedRole" || caller.kind === "FederatedUser") {
      return { ok: false, error: accessDenied("Cannot call GetFederationToken with session credentials") };
    }
    const fedArn = federatedUserArn(caller.accountId, name!);
    if (this.directory.isDenied(caller, "sts:GetFederationToken")) {
      return { ok: false, error: notAuthorized(principalArn(caller), "sts:GetFederationToken", fedArn) };
    }
    const duration = caller.kind === "Root" ? Math.min(requested, ONE_HOUR) : requested;
    const now = this.clock();
    const creds = this.sessions.issue(
      {
        kind: "FederatedUser",
        accountId: caller.accountId,
        federatedName: name!,
        issuer: caller.kind === "Root" ? { kind: "Root" } : { kind: "IAMUser", userName: caller.userName, userId: caller.userId, path: caller.path },
        issuedAt: now,
        mfaAuthenticated: false,
      },
      expiryAfter(now, duration),
    );
    return {
      ok: true,
      result: [credentialsXml(creds), element("FederatedUser", text("FederatedUserId", `${caller.accountId}:${name!}`), text("Arn", fedArn))],
    };
  }
}

/** `now + seconds`, truncated to whole seconds as STS reports it. */
function expiryAfter(now: Date, seconds: number): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 + seconds * 1000);
}

/** True when `text` parses as a JSON object (a policy document). */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
