/**
 * The emulator's IAM on the Query protocol (`Action=…&Version=2010-05-08`, SigV4 signing name `iam`):
 * ListAccountAliases only, answered from the account directory for the caller's account. What it
 * follows (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html):
 * - an account has at most one alias, so the list is empty or holds one name and IsTruncated is false;
 * - MaxItems is an integer 1..1000 (a violation is ValidationError, in the Coral constraint form STS uses);
 * - the directory's `deny` lists apply to `iam:ListAccountAliases` (AccessDenied 403, "User: <arn> is
 *   not authorized to perform: iam:ListAccountAliases on resource: *"; UNVERIFIED: the resource part
 *   of IAM's message for an account-level action);
 * - credentials from GetFederationToken may call no IAM operation ("You cannot call any IAM operations
 *   using the AWS CLI or the AWS API", https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html):
 *   AccessDenied in the same "not authorized" form (UNVERIFIED: IAM's exact message to a federated caller);
 * - any other action, or another Version, is InvalidAction; no Action is MissingAction (CommonErrors).
 * IAM calls are not written to the Inspector trail: AWS logs them as iam.amazonaws.com events, which
 * no Inspector LookupEvents query (filtered by an Inspector eventSource) returns.
 */
import type { AccountDirectory } from "../accounts/account-directory.js";
import { principalArn } from "../accounts/principal-arn.js";
import type { Principal, ServiceError, WireResponse } from "../core/types.js";
import { invalidAction, missingAction, notAuthorized, validationErrors } from "../sts/sts-errors.js";
import { ParameterReader } from "../sts/sts-parameters.js";
import { element, text, type XmlNode } from "../sts/sts-xml.js";
import { iamErrorResponse, iamResultResponse } from "./iam-xml.js";

/** The IAM API version this emulator serves. */
export const IAM_API_VERSION = "2010-05-08";

/** The IAM actions this emulator answers. */
export const IAM_ACTIONS = ["ListAccountAliases"] as const;

type Outcome = { ok: true; result: XmlNode[] } | { ok: false; error: ServiceError };

/** Handles authenticated IAM requests. */
export class IamService {
  private readonly directory: AccountDirectory;

  constructor(directory: AccountDirectory) {
    this.directory = directory;
  }

  /** Handles one authenticated IAM request. `form` is the parsed form body. Returns the full wire response (XML). */
  handle(form: URLSearchParams, principal: Principal, requestId: string): WireResponse {
    const action = form.get("Action");
    const version = form.get("Version") ?? "";
    let outcome: Outcome;
    if (action === null || action === "") outcome = { ok: false, error: missingAction() };
    else if (version !== IAM_API_VERSION) outcome = { ok: false, error: invalidAction(action, version) };
    else if (action === "ListAccountAliases") outcome = this.listAccountAliases(form, principal);
    else outcome = { ok: false, error: invalidAction(action, version) };
    return outcome.ok ? iamResultResponse(action!, outcome.result, requestId) : iamErrorResponse(outcome.error, requestId);
  }

  private listAccountAliases(form: URLSearchParams, caller: Principal): Outcome {
    const params = new ParameterReader(form);
    params.integer("MaxItems", 1, 1000);
    if (params.problems.length > 0) return { ok: false, error: validationErrors(params.problems) };
    if (caller.kind === "FederatedUser" || this.directory.isDenied(caller, "iam:ListAccountAliases")) {
      return { ok: false, error: notAuthorized(principalArn(caller), "iam:ListAccountAliases", "*") };
    }
    const alias = this.directory.account(caller.accountId)?.alias;
    return {
      ok: true,
      result: [element("AccountAliases", ...(alias !== undefined ? [text("member", alias)] : [])), text("IsTruncated", "false")],
    };
  }
}
