/**
 * The ARN and unique id STS reports for a caller (GetCallerIdentity, AccessDenied messages), per
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html (examples for an IAM
 * user, an assumed role `AROA…:<session>`, and a federated user `<account>:<name>`); the root user's
 * UserId is the account id (as GetCallerIdentity answers for root credentials).
 */
import type { Principal } from "../core/types.js";
import { assumedRoleArn, federatedUserArn, iamUserArn, rootArn } from "../../model/arn.js";

/** The caller's ARN: root, user (with path), assumed-role session or federated user. */
export function principalArn(principal: Principal): string {
  switch (principal.kind) {
    case "Root":
      return rootArn(principal.accountId);
    case "IAMUser":
      return iamUserArn(principal.accountId, principal.userName, principal.path);
    case "AssumedRole":
      return assumedRoleArn(principal.accountId, principal.roleName, principal.sessionName);
    case "FederatedUser":
      return federatedUserArn(principal.accountId, principal.federatedName);
  }
}

/** The caller's unique id as GetCallerIdentity's `UserId`. */
export function principalUserId(principal: Principal): string {
  switch (principal.kind) {
    case "Root":
      return principal.accountId;
    case "IAMUser":
      return principal.userId;
    case "AssumedRole":
      return `${principal.roleId}:${principal.sessionName}`;
    case "FederatedUser":
      return `${principal.accountId}:${principal.federatedName}`;
  }
}
