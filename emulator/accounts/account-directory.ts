/**
 * The emulator's account directory: which access keys exist, whom they stand for, which roles can be
 * assumed and which actions are denied. Built from a validated {@link AccountDirectoryConfig}.
 */
import type { IamUserPrincipal, Principal, RootPrincipal } from "../core/types.js";
import { iamRoleArn } from "../../model/arn.js";
import { actionMatches } from "./action-pattern.js";
import type { Account, AccountDirectoryConfig, IamRole, IamUser, Organization } from "./schema.js";

/** A long-term key found in the directory: its secret and the principal it authenticates. */
export interface LongTermCredential {
  secretAccessKey: string;
  principal: RootPrincipal | IamUserPrincipal;
}

/** A role found by ARN, with the account that owns it. */
export interface RoleEntry {
  account: Account;
  role: IamRole;
  /** `arn:aws:iam::<acct>:role<path><name>` */
  arn: string;
}

/** Lookups over the accounts, users, roles and long-term keys of a validated directory. */
export class AccountDirectory {
  /** The validated configuration this directory was built from. */
  readonly config: AccountDirectoryConfig;
  private readonly keys = new Map<string, LongTermCredential>();
  private readonly rolesByArn = new Map<string, RoleEntry>();

  constructor(config: AccountDirectoryConfig) {
    this.config = config;
    for (const account of config.accounts) {
      for (const key of account.rootAccessKeys) {
        const principal: RootPrincipal = { kind: "Root", accountId: account.accountId, accessKeyId: key.accessKeyId };
        if (account.alias !== undefined) principal.accountAlias = account.alias;
        this.keys.set(key.accessKeyId, { secretAccessKey: key.secretAccessKey, principal });
      }
      for (const user of account.users) {
        for (const key of user.accessKeys) {
          this.keys.set(key.accessKeyId, {
            secretAccessKey: key.secretAccessKey,
            principal: {
              kind: "IAMUser",
              accountId: account.accountId,
              accessKeyId: key.accessKeyId,
              userName: user.userName,
              userId: user.userId,
              path: user.path,
            },
          });
        }
      }
      for (const role of account.roles) {
        const arn = iamRoleArn(account.accountId, role.roleName, role.path);
        this.rolesByArn.set(arn, { account, role, arn });
      }
    }
  }

  /** All accounts, in file order. */
  get accounts(): readonly Account[] {
    return this.config.accounts;
  }

  /** The organizations of the directory (Inspector v2's delegated administrator and members). */
  get organizations(): readonly Organization[] {
    return this.config.organizations;
  }

  /** The account with this id, if any. */
  account(accountId: string): Account | undefined {
    return this.config.accounts.find((a) => a.accountId === accountId);
  }

  /** The secret and principal of a long-term (root or IAM user) access key, if it exists. */
  lookupAccessKey(accessKeyId: string): LongTermCredential | undefined {
    return this.keys.get(accessKeyId);
  }

  /** The role with this exact ARN (path included), if it exists. */
  findRole(roleArn: string): RoleEntry | undefined {
    return this.rolesByArn.get(roleArn);
  }

  /** The IAM user of an account by name, if it exists. */
  findUser(accountId: string, userName: string): IamUser | undefined {
    return this.account(accountId)?.users.find((u) => u.userName === userName);
  }

  /** The IAM role of an account by name, if it exists. */
  findRoleByName(accountId: string, roleName: string): IamRole | undefined {
    return this.account(accountId)?.roles.find((r) => r.roleName === roleName);
  }

  /**
   * Whether the directory's `deny` lists forbid `action` (e.g. `inspector:DeleteAssessmentTarget`)
   * to `principal`. An IAM user uses its own list, a role session its role's list, a federated user
   * its issuing user's list (a federated session never has more rights than its issuer:
   * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html). The root user
   * is never denied: IAM policies do not restrict it.
   */
  isDenied(principal: Principal, action: string): boolean {
    const deny = this.denyListOf(principal);
    return deny.some((pattern) => actionMatches(pattern, action));
  }

  private denyListOf(principal: Principal): readonly string[] {
    switch (principal.kind) {
      case "Root":
        return [];
      case "IAMUser":
        return this.findUser(principal.accountId, principal.userName)?.deny ?? [];
      case "AssumedRole":
        return this.findRoleByName(principal.accountId, principal.roleName)?.deny ?? [];
      case "FederatedUser":
        return principal.issuer.kind === "IAMUser"
          ? (this.findUser(principal.accountId, principal.issuer.userName)?.deny ?? [])
          : [];
    }
  }
}
