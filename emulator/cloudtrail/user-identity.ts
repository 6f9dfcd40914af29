/**
 * `userIdentity` for each kind of caller, in the forms AWS documents
 * (reference/cloudtrail-and-inspector-facts.md sections 3.2-3.4; fixtures/aws-examples/).
 */
import type { Principal } from "../core/types.js";
import { assumedRoleArn, federatedUserArn, iamRoleArn, iamUserArn, rootArn } from "../../model/arn.js";
import type { SessionAttributes, UserIdentity } from "./record-types.js";
import { isoSeconds } from "./event-time.js";

function attributes(issuedAt: Date, mfa: boolean): SessionAttributes {
  // Strings, not booleans: facts 3.2 ("mfaAuthenticated (string "true"/"false")"); creationDate in the
  // extended ISO form of the examples (e.g. "2019-10-02T21:50:54Z", iam-user-guide block03).
  return { creationDate: isoSeconds(issuedAt), mfaAuthenticated: mfa ? "true" : "false" };
}

/** Builds the record's `userIdentity` from the authenticated principal. Never includes a secret. */
export function userIdentityOf(principal: Principal): UserIdentity {
  switch (principal.kind) {
    case "Root":
      // principalId = the account id (CLI lookup-events example: "principalId":"111122223333");
      // userName only when an alias is set: "userName field can't contain Root" (facts 3.3).
      return {
        type: "Root",
        principalId: principal.accountId,
        arn: rootArn(principal.accountId),
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        ...(principal.accountAlias !== undefined ? { userName: principal.accountAlias } : {}),
      };
    case "IAMUser":
      // iam-user-guide block00 / cloudtrail-log-file-examples block08: principalId AIDA..., userName present.
      return {
        type: "IAMUser",
        principalId: principal.userId,
        arn: iamUserArn(principal.accountId, principal.userName, principal.path),
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        userName: principal.userName,
      };
    case "AssumedRole":
      // iam-user-guide block03/04: principalId "AROA...:<session>", sts assumed-role ARN, sessionIssuer type
      // Role with the role ARN (path included) and userName = role name; no top-level userName (facts 3.3).
      return {
        type: "AssumedRole",
        principalId: `${principal.roleId}:${principal.sessionName}`,
        arn: assumedRoleArn(principal.accountId, principal.roleName, principal.sessionName),
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: principal.roleId,
            arn: iamRoleArn(principal.accountId, principal.roleName, principal.rolePath),
            accountId: principal.accountId,
            userName: principal.roleName,
          },
          webIdFederationData: {},
          attributes: attributes(principal.issuedAt, principal.mfaAuthenticated),
          ...(principal.sourceIdentity !== undefined ? { sourceIdentity: principal.sourceIdentity } : {}),
        },
      };
    case "FederatedUser": {
      // aws-codebuild-user-guide cloudtrail.md: principalId "<account>:<name>", sts federated-user ARN,
      // sessionContext {attributes, sessionIssuer {type IAMUser | Root}}; no top-level userName (facts 3.3).
      const issuer = principal.issuer;
      const sessionIssuer =
        issuer.kind === "IAMUser"
          ? {
              type: "IAMUser" as const,
              principalId: issuer.userId,
              arn: iamUserArn(principal.accountId, issuer.userName, issuer.path),
              accountId: principal.accountId,
              userName: issuer.userName,
            }
          : { type: "Root" as const, principalId: principal.accountId, arn: rootArn(principal.accountId), accountId: principal.accountId };
      return {
        type: "FederatedUser",
        principalId: `${principal.accountId}:${principal.federatedName}`,
        arn: federatedUserArn(principal.accountId, principal.federatedName),
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        sessionContext: { sessionIssuer, attributes: attributes(principal.issuedAt, principal.mfaAuthenticated) },
      };
    }
  }
}

/**
 * The LookupEvents `Username` of a caller. Model doc: "A user name or role name of the requester";
 * the AWS CLI lookup-events example shows "root" for the root user and, for an AssumedRole event, the
 * role *session* name ("my-session-name", facts section 5), which is what the emulator returns.
 */
export function lookupUsernameOf(principal: Principal): string {
  switch (principal.kind) {
    case "Root":
      return "root";
    case "IAMUser":
      return principal.userName;
    case "AssumedRole":
      return principal.sessionName;
    case "FederatedUser":
      return principal.federatedName;
  }
}
