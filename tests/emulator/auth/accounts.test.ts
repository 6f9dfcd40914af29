import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AccountDirectoryError,
  actionMatches,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_ROLE_ARN,
  DEFAULT_ROOT_ACCESS_KEY,
  DEFAULT_USER_ACCESS_KEY,
  defaultAccountDirectory,
  loadAccountDirectory,
  principalArn,
  readAccountDirectoryFile,
  principalUserId,
  roleTrusts,
} from "../../../emulator/accounts/index.js";
import type { AssumedRolePrincipal, FederatedUserPrincipal, Principal } from "../../../emulator/core/types.js";

const user = (accessKeys: unknown[] = [{ accessKeyId: "AKIAAAAAAAAAAAAAAAAA", secretAccessKey: "a".repeat(40) }], deny: string[] = []) => ({
  userName: "alice",
  userId: "AIDAAAAAAAAAAAAAAAAAA",
  accessKeys,
  deny,
});
const role = (extra: Record<string, unknown> = {}) => ({
  roleName: "Auditor",
  path: "/team/",
  roleId: "AROAAAAAAAAAAAAAAAAAA",
  trustedPrincipals: ["arn:aws:iam::444455556666:user/alice"],
  ...extra,
});

describe("default account directory", () => {
  const dir = defaultAccountDirectory();

  it("exposes the documented default role ARN", () => {
    expect(DEFAULT_ROLE_ARN).toBe("arn:aws:iam::111122223333:role/ConformanceRole");
    expect(dir.findRole(DEFAULT_ROLE_ARN)?.role.roleId).toMatch(/^AROA[A-Z0-9]{17}$/);
  });

  it("resolves the root key to a Root principal and the user key to an IAMUser principal", () => {
    expect(dir.lookupAccessKey(DEFAULT_ROOT_ACCESS_KEY.accessKeyId)?.principal).toEqual({
      kind: "Root",
      accountId: DEFAULT_ACCOUNT_ID,
      accessKeyId: DEFAULT_ROOT_ACCESS_KEY.accessKeyId,
    });
    const found = dir.lookupAccessKey(DEFAULT_USER_ACCESS_KEY.accessKeyId);
    expect(found?.secretAccessKey).toBe(DEFAULT_USER_ACCESS_KEY.secretAccessKey);
    expect(found?.principal).toMatchObject({ kind: "IAMUser", userName: "conformance-user", path: "/", userId: "AIDACKCEVSQ6C2EXAMPLE" });
    expect(dir.lookupAccessKey("AKIAUNKNOWNUNKNOWN00")).toBeUndefined();
  });

  it("keys and ids look like AWS's", () => {
    for (const account of dir.accounts) {
      for (const k of [...account.rootAccessKeys, ...account.users.flatMap((u) => u.accessKeys)]) {
        expect(k.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
        expect(k.secretAccessKey).toHaveLength(40);
      }
    }
  });
});

describe("loadAccountDirectory", () => {
  it("accepts JSON text, applies defaults and builds lookups", () => {
    const dir = loadAccountDirectory(JSON.stringify({ accounts: [{ accountId: "444455556666", alias: "example-corp", users: [user()], roles: [role()] }] }));
    const account = dir.account("444455556666")!;
    expect(account.users[0]!.path).toBe("/");
    expect(account.roles[0]!.maxSessionDuration).toBe(3600);
    expect(dir.lookupAccessKey("AKIAAAAAAAAAAAAAAAAA")?.principal).toMatchObject({ kind: "IAMUser", userName: "alice" });
    expect(dir.findRole("arn:aws:iam::444455556666:role/team/Auditor")?.role.roleName).toBe("Auditor");
    expect(dir.findRole("arn:aws:iam::444455556666:role/Auditor")).toBeUndefined();
  });

  it("passes the account alias to root principals", () => {
    const dir = loadAccountDirectory({
      accounts: [{ accountId: "444455556666", alias: "example-corp", rootAccessKeys: [{ accessKeyId: "AKIAROOTROOTROOTROOT", secretAccessKey: "r".repeat(40) }] }],
    });
    expect(dir.lookupAccessKey("AKIAROOTROOTROOTROOT")?.principal).toMatchObject({ kind: "Root", accountAlias: "example-corp" });
  });

  it("says which field is wrong and why", () => {
    const bad = { accounts: [{ accountId: "12345", users: [user([{ accessKeyId: "ASIAAAAAAAAAAAAAAAAA", secretAccessKey: "short" }])] }] };
    let caught: unknown;
    try {
      loadAccountDirectory(bad, "accounts.json");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AccountDirectoryError);
    const error = caught as AccountDirectoryError;
    expect(error.message).toContain("accounts.json is not a valid account directory");
    expect(error.message).toContain("must be 12 digits");
    expect(error.message).toContain("must be 'AKIA' followed by 16");
    expect(error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["accounts.0.accountId", "accounts.0.users.0.accessKeys.0.accessKeyId", "accounts.0.users.0.accessKeys.0.secretAccessKey"]),
    );
  });

  it("rejects duplicate access keys, names and unique ids across the directory", () => {
    const key = { accessKeyId: "AKIAAAAAAAAAAAAAAAAA", secretAccessKey: "a".repeat(40) };
    const bad = {
      accounts: [
        { accountId: "444455556666", rootAccessKeys: [key], users: [user([key]), user([])] },
        { accountId: "444455556666" },
      ],
    };
    const error = (() => {
      try {
        loadAccountDirectory(bad);
      } catch (err) {
        return err as AccountDirectoryError;
      }
      throw new Error("expected a failure");
    })();
    expect(error.message).toContain("duplicate access key AKIAAAAAAAAAAAAAAAAA; first used at accounts.0.rootAccessKeys.0.accessKeyId");
    expect(error.message).toContain("duplicate user name alice");
    expect(error.message).toContain("duplicate unique id AIDAAAAAAAAAAAAAAAAAA");
    expect(error.message).toContain("duplicate account id 444455556666");
  });

  it("reads a file, and names the file in errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "accounts-"));
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ accounts: [{ accountId: "444455556666", users: [user()] }] }));
    expect(readAccountDirectoryFile(good).lookupAccessKey("AKIAAAAAAAAAAAAAAAAA")).toBeDefined();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ accounts: [] }));
    expect(() => readAccountDirectoryFile(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a valid account directory`));
    expect(() => readAccountDirectoryFile(join(dir, "missing.json"))).toThrow(/cannot read account directory file/);
  });

  it("reports text that is not JSON", () => {
    expect(() => loadAccountDirectory("{accounts:", "EMULATOR_ACCOUNTS")).toThrow(/EMULATOR_ACCOUNTS is not valid JSON/);
  });

  it("rejects bad role fields", () => {
    expect(() => loadAccountDirectory({ accounts: [{ accountId: "444455556666", roles: [role({ maxSessionDuration: 100, trustedPrincipals: ["bob"] })] }] })).toThrow(
      /maxSessionDuration[\s\S]*trustedPrincipals|trustedPrincipals[\s\S]*maxSessionDuration/,
    );
  });
});

describe("isDenied", () => {
  const dir = loadAccountDirectory({
    accounts: [
      {
        accountId: "444455556666",
        rootAccessKeys: [{ accessKeyId: "AKIAROOTROOTROOTROOT", secretAccessKey: "r".repeat(40) }],
        users: [user(undefined, ["inspector:Delete*", "sts:GetFederationToken"])],
        roles: [role({ deny: ["inspector:CreateAssessmentTarget"] })],
      },
    ],
  });
  const alice = dir.lookupAccessKey("AKIAAAAAAAAAAAAAAAAA")!.principal;
  const root = dir.lookupAccessKey("AKIAROOTROOTROOTROOT")!.principal;
  const session: AssumedRolePrincipal = {
    kind: "AssumedRole",
    accountId: "444455556666",
    accessKeyId: "ASIAAAAAAAAAAAAAAAAA",
    roleName: "Auditor",
    roleId: "AROAAAAAAAAAAAAAAAAAA",
    rolePath: "/team/",
    sessionName: "s1",
    issuedAt: new Date(0),
    mfaAuthenticated: false,
  };
  const federated: FederatedUserPrincipal = {
    kind: "FederatedUser",
    accountId: "444455556666",
    accessKeyId: "ASIABBBBBBBBBBBBBBBB",
    federatedName: "bob",
    issuer: { kind: "IAMUser", userName: "alice", userId: "AIDAAAAAAAAAAAAAAAAAA", path: "/" },
    issuedAt: new Date(0),
    mfaAuthenticated: false,
  };

  it("applies a user's wildcard patterns case-insensitively", () => {
    expect(dir.isDenied(alice, "inspector:DeleteAssessmentTarget")).toBe(true);
    expect(dir.isDenied(alice, "Inspector:deleteassessmentrun")).toBe(true);
    expect(dir.isDenied(alice, "inspector:CreateAssessmentTarget")).toBe(false);
  });
  it("applies the role's list to its sessions and the issuer's list to federated users", () => {
    expect(dir.isDenied(session, "inspector:CreateAssessmentTarget")).toBe(true);
    expect(dir.isDenied(session, "inspector:DeleteAssessmentTarget")).toBe(false);
    expect(dir.isDenied(federated, "inspector:DeleteAssessmentRun")).toBe(true);
  });
  it("never denies root", () => {
    expect(dir.isDenied(root, "inspector:DeleteAssessmentTarget")).toBe(false);
  });
  it("matches ? and * only as wildcards", () => {
    expect(actionMatches("inspector:List?indings", "inspector:ListFindings")).toBe(true);
    expect(actionMatches("inspector:List.indings", "inspector:ListFindings")).toBe(false);
    expect(actionMatches("*", "sts:AssumeRole")).toBe(true);
  });
});

describe("principal ARNs, ids and role trust", () => {
  const dir = defaultAccountDirectory();
  const entry = dir.findRole(DEFAULT_ROLE_ARN)!;
  const iamUser = dir.lookupAccessKey(DEFAULT_USER_ACCESS_KEY.accessKeyId)!.principal;
  const chained: Principal = {
    kind: "AssumedRole",
    accountId: "111122223333",
    accessKeyId: "ASIAAAAAAAAAAAAAAAAA",
    roleName: "ConformanceRole",
    roleId: "AROACKCEVSQ6C2EXAMPLE",
    rolePath: "/",
    sessionName: "first",
    issuedAt: new Date(0),
    mfaAuthenticated: false,
  };

  it("prints each kind's ARN and UserId as STS does", () => {
    expect(principalArn(iamUser)).toBe("arn:aws:iam::111122223333:user/conformance-user");
    expect(principalUserId(iamUser)).toBe("AIDACKCEVSQ6C2EXAMPLE");
    expect(principalArn(chained)).toBe("arn:aws:sts::111122223333:assumed-role/ConformanceRole/first");
    expect(principalUserId(chained)).toBe("AROACKCEVSQ6C2EXAMPLE:first");
  });

  it("trusts principals of a trusted account, and not those of another", () => {
    expect(roleTrusts(entry.role, iamUser)).toBe(true);
    expect(roleTrusts(entry.role, chained)).toBe(true);
    expect(roleTrusts(entry.role, { ...chained, accountId: "999999999999" })).toBe(false);
  });

  it("trusts a role ARN's sessions and an exact user ARN", () => {
    const r = { ...entry.role, trustedPrincipals: ["arn:aws:iam::111122223333:role/ConformanceRole"] };
    expect(roleTrusts(r, chained)).toBe(true);
    expect(roleTrusts(r, iamUser)).toBe(false);
    expect(roleTrusts({ ...entry.role, trustedPrincipals: ["arn:aws:iam::111122223333:user/conformance-user"] }, iamUser)).toBe(true);
  });
});
