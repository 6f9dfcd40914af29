/**
 * Whether a role's trust list lets a caller assume it. A trusted account (`<id>` or
 * `arn:aws:iam::<id>:root`) admits every IAM principal of that account, as a trust policy naming the
 * account root does (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts).
 * A role ARN admits sessions of that role (role chaining); an assumed-role ARN admits that session only.
 */
import type { Principal } from "../core/types.js";
import { iamRoleArn, rootArn } from "../../model/arn.js";
import type { IamRole } from "./schema.js";
import { principalArn } from "./principal-arn.js";

/** True when `principal` is among `role.trustedPrincipals`. */
export function roleTrusts(role: IamRole, principal: Principal): boolean {
  const callerArn = principalArn(principal);
  return role.trustedPrincipals.some((entry) => {
    if (entry === "*") return true;
    if (entry === principal.accountId || entry === rootArn(principal.accountId)) return true;
    if (entry === callerArn) return true;
    if (principal.kind === "AssumedRole") {
      return entry === iamRoleArn(principal.accountId, principal.roleName, principal.rolePath);
    }
    return false;
  });
}
