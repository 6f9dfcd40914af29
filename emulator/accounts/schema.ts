/**
 * The zod schema of an account directory file (`--accounts <file>` / `EMULATOR_ACCOUNTS`): accounts,
 * their root keys, IAM users and roles. Formats follow IAM's documented limits:
 * - names `[\w+=,.@-]{1,64}`, paths `/` or `/…/` up to 512 characters
 *   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html, API_CreateRole.html);
 * - unique ids: AIDA (user) / AROA (role) followed by 17 upper-case alphanumerics, long-term access
 *   keys AKIA + 16, secrets 40 characters, as in the AWS documentation examples
 *   (AIDACKCEVSQ6C2EXAMPLE, AKIAIOSFODNN7EXAMPLE: cloudtrail-event-reference-user-identity.md);
 * - role MaxSessionDuration 3600..43200, default 3600
 *   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
 */
import { z } from "zod";

/** An IAM user or role name. */
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, "must be 1-64 characters of [A-Za-z0-9_+=,.@-]");

/** An IAM path: `/` or `/segment/…/`. */
const iamPath = z
  .string()
  .max(512)
  .regex(/^\/(?:[\x21-\x7E]*\/)?$/, "must be '/' or start and end with '/' (printable ASCII, no spaces)")
  .default("/");

/** An IAM action pattern for `deny`: `service:Action`, `*` and `?` allowed, e.g. `inspector:Delete*`. */
const actionPattern = z
  .string()
  .regex(/^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, "must look like 'inspector:DeleteAssessmentTarget' (wildcards * and ? allowed)");

/** A long-term access key pair (AKIA…). */
export const accessKeySchema = z.object({
  accessKeyId: z.string().regex(/^AKIA[A-Z0-9]{16}$/, "must be 'AKIA' followed by 16 upper-case letters or digits"),
  secretAccessKey: z.string().regex(/^[A-Za-z0-9/+=]{40}$/, "must be 40 characters of [A-Za-z0-9/+=]"),
});

/** One IAM user. */
export const iamUserSchema = z.object({
  userName: iamName,
  path: iamPath,
  userId: z.string().regex(/^AIDA[A-Z0-9]{17}$/, "must be 'AIDA' followed by 17 upper-case letters or digits"),
  accessKeys: z.array(accessKeySchema).default([]),
  deny: z.array(actionPattern).default([]),
});

/**
 * Who may assume a role: `*` (anyone), a 12-digit account id or `arn:aws:iam::<acct>:root` (any
 * principal of that account), a user ARN, a role ARN (sessions of that role: role chaining), or an
 * assumed-role session ARN.
 */
const trustedPrincipal = z
  .string()
  .regex(
    /^(\*|\d{12}|arn:aws:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws:sts::\d{12}:assumed-role\/.+\/.+)$/,
    "must be '*', an account id, or an IAM root/user/role ARN or an STS assumed-role ARN",
  );

/** One IAM role. */
export const iamRoleSchema = z.object({
  roleName: iamName,
  path: iamPath,
  roleId: z.string().regex(/^AROA[A-Z0-9]{17}$/, "must be 'AROA' followed by 17 upper-case letters or digits"),
  trustedPrincipals: z.array(trustedPrincipal).min(1),
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
  deny: z.array(actionPattern).default([]),
});

/** One AWS account. */
export const accountSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/, "must be 12 digits"),
  alias: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?$/, "must be 3-63 characters of [a-z0-9-], not starting or ending with '-'")
    .optional(),
  rootAccessKeys: z.array(accessKeySchema).default([]),
  users: z.array(iamUserSchema).default([]),
  roles: z.array(iamRoleSchema).default([]),
});

/**
 * An AWS Organizations organization: its id (`o-` and 10 to 32 lowercase letters or digits,
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html), its
 * management account and its member accounts. Accounts need not be in `accounts` (members without
 * credentials still appear to Inspector v2's organization operations).
 */
export const organizationSchema = z.object({
  organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, "must be 'o-' followed by 10 to 32 lowercase letters or digits"),
  managementAccountId: z.string().regex(/^\d{12}$/, "must be 12 digits"),
  memberAccountIds: z.array(z.string().regex(/^\d{12}$/, "must be 12 digits")).default([]),
});

/** The whole directory, with cross-record checks: unique account ids, names, ids and access keys, one organization per account. */
export const accountDirectorySchema = z
  .object({ accounts: z.array(accountSchema).min(1), organizations: z.array(organizationSchema).default([]) })
  .superRefine((dir, ctx) => {
    const seen = new Map<string, string>();
    const claim = (key: string, path: (string | number)[], what: string) => {
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: "custom", path, message: `duplicate ${what}; first used at ${first}` });
      else seen.set(key, path.join("."));
    };
    dir.accounts.forEach((account, a) => {
      claim(`account:${account.accountId}`, ["accounts", a, "accountId"], `account id ${account.accountId}`);
      account.rootAccessKeys.forEach((k, i) =>
        claim(`key:${k.accessKeyId}`, ["accounts", a, "rootAccessKeys", i, "accessKeyId"], `access key ${k.accessKeyId}`),
      );
      account.users.forEach((user, u) => {
        claim(`user:${account.accountId}:${user.userName}`, ["accounts", a, "users", u, "userName"], `user name ${user.userName}`);
        claim(`id:${user.userId}`, ["accounts", a, "users", u, "userId"], `unique id ${user.userId}`);
        user.accessKeys.forEach((k, i) =>
          claim(`key:${k.accessKeyId}`, ["accounts", a, "users", u, "accessKeys", i, "accessKeyId"], `access key ${k.accessKeyId}`),
        );
      });
      account.roles.forEach((role, r) => {
        claim(`role:${account.accountId}:${role.roleName}`, ["accounts", a, "roles", r, "roleName"], `role name ${role.roleName}`);
        claim(`id:${role.roleId}`, ["accounts", a, "roles", r, "roleId"], `unique id ${role.roleId}`);
      });
    });
    dir.organizations.forEach((org, o) => {
      claim(`org:${org.organizationId}`, ["organizations", o, "organizationId"], `organization id ${org.organizationId}`);
      claim(`orgmember:${org.managementAccountId}`, ["organizations", o, "managementAccountId"], `organization account ${org.managementAccountId}`);
      org.memberAccountIds.forEach((m, i) => claim(`orgmember:${m}`, ["organizations", o, "memberAccountIds", i], `organization account ${m}`));
    });
  });

/** A validated account directory file, defaults applied. */
export type AccountDirectoryConfig = z.output<typeof accountDirectorySchema>;
/** The input form of an account directory file (defaults not yet applied). */
export type AccountDirectoryInput = z.input<typeof accountDirectorySchema>;
/** One account of a validated directory. */
export type Account = z.output<typeof accountSchema>;
/** One IAM user of a validated directory. */
export type IamUser = z.output<typeof iamUserSchema>;
/** One IAM role of a validated directory. */
export type IamRole = z.output<typeof iamRoleSchema>;
/** One organization of a validated directory. */
export type Organization = z.output<typeof organizationSchema>;
/** A long-term access key pair. */
export type AccessKey = z.output<typeof accessKeySchema>;
