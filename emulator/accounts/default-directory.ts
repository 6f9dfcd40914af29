/**
 * The documented default account directory: one account `111122223333` (AWS's documentation example
 * account), its root key, the IAM user `conformance-user` and the role `ConformanceRole`. Keys and ids
 * are AWS's own documentation examples (AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
 * and AKIAI44QH8DHBEXAMPLE / je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY from the IAM user guide's access
 * key examples; AIDACKCEVSQ6C2EXAMPLE and AROACKCEVSQ6C2EXAMPLE from the CloudTrail userIdentity page),
 * so they are public, deterministic and printable in the README. The account is the management
 * account of an organization with two member accounts that have no credentials here (444455556666
 * and 777788889999, AWS documentation example accounts), for Inspector v2's organization operations.
 */
import { iamRoleArn } from "../../model/arn.js";
import { AccountDirectory } from "./account-directory.js";
import { accountDirectorySchema, type AccountDirectoryConfig } from "./schema.js";

/** The default account id, AWS's documentation example account. */
export const DEFAULT_ACCOUNT_ID = "111122223333";
/** Root user access key of the default account. */
export const DEFAULT_ROOT_ACCESS_KEY = { accessKeyId: "AKIAI44QH8DHBEXAMPLE", secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY" } as const;
/** Name of the default IAM user. */
export const DEFAULT_USER_NAME = "conformance-user";
/** Unique id (AIDA…) of the default IAM user. */
export const DEFAULT_USER_ID = "AIDACKCEVSQ6C2EXAMPLE";
/** Access key of the default IAM user. */
export const DEFAULT_USER_ACCESS_KEY = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } as const;
/** Name of the default role. */
export const DEFAULT_ROLE_NAME = "ConformanceRole";
/** Unique id (AROA…) of the default role. */
export const DEFAULT_ROLE_ID = "AROACKCEVSQ6C2EXAMPLE";
/** The default organization, with the default account as its management account (Organizations docs' example id form). */
export const DEFAULT_ORGANIZATION = { organizationId: "o-exampleorgid", managementAccountId: "111122223333", memberAccountIds: ["444455556666", "777788889999"] } as const;
/** `arn:aws:iam::111122223333:role/ConformanceRole`: the documented default of CONFORMANCE_ROLE_ARN. */
export const DEFAULT_ROLE_ARN = iamRoleArn(DEFAULT_ACCOUNT_ID, DEFAULT_ROLE_NAME, "/");

/**
 * The default directory as a config value. The role trusts every principal of the account and
 * allows 12-hour sessions (MaxSessionDuration 43200), so AssumeRole's whole DurationSeconds range works.
 */
export function defaultAccountDirectoryConfig(): AccountDirectoryConfig {
  return accountDirectorySchema.parse({
    accounts: [
      {
        accountId: DEFAULT_ACCOUNT_ID,
        rootAccessKeys: [{ ...DEFAULT_ROOT_ACCESS_KEY }],
        users: [{ userName: DEFAULT_USER_NAME, path: "/", userId: DEFAULT_USER_ID, accessKeys: [{ ...DEFAULT_USER_ACCESS_KEY }] }],
        roles: [
          {
            roleName: DEFAULT_ROLE_NAME,
            path: "/",
            roleId: DEFAULT_ROLE_ID,
            trustedPrincipals: [`arn:aws:iam::${DEFAULT_ACCOUNT_ID}:root`],
            maxSessionDuration: 43200,
          },
        ],
      },
    ],
    organizations: [{ ...DEFAULT_ORGANIZATION, memberAccountIds: [...DEFAULT_ORGANIZATION.memberAccountIds] }],
  });
}

/** A fresh directory holding the documented default account. */
export function defaultAccountDirectory(): AccountDirectory {
  return new AccountDirectory(defaultAccountDirectoryConfig());
}
