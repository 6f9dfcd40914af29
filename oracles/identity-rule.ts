/**
 * Rule 4, identity: userIdentity matches the credentials used, as the harness knows them from how it
 * obtained them and from STS GetCallerIdentity (never from the record). Forms from the CloudTrail user guide, "CloudTrail userIdentity element", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html, and its example records:
 * - IAMUser: arn user ARN, principalId AIDA… (GetCallerIdentity UserId), userName the user name, no sessionIssuer.
 * - Root: arn `arn:aws:iam::<acct>:root`, principalId the account id, userName absent or the alias (never "Root").
 * - AssumedRole: arn `arn:aws:sts::<acct>:assumed-role/<role>/<session>`, principalId `<roleId>:<session>`,
 *   sessionIssuer {type Role, principalId roleId, arn role ARN, accountId, userName role name}, no userName.
 * - FederatedUser: arn `arn:aws:sts::<acct>:federated-user/<name>`, principalId `<acct>:<name>`,
 *   sessionIssuer {type IAMUser|Root, the issuer's id, ARN, account, name}, no userName.
 */
import { finding, type Finding } from "./finding.js";
import type { ExpectedIdentity } from "../history/observed-call.js";
import type { RecordObject } from "./record-input.js";

const PARTITION = "arn:aws[a-z-]*";

/** The ARN form each principal type must have (the userIdentity element page and its examples). */
export const ARN_FORMS: Readonly<Record<string, RegExp>> = {
  IAMUser: new RegExp(`^${PARTITION}:iam::\\d{12}:user/.+$`),
  Root: new RegExp(`^${PARTITION}:iam::\\d{12}:root$`),
  AssumedRole: new RegExp(`^${PARTITION}:sts::\\d{12}:assumed-role/[^/]+/[^/]+$`),
  FederatedUser: new RegExp(`^${PARTITION}:sts::\\d{12}:federated-user/.+$`),
  Role: new RegExp(`^${PARTITION}:iam::\\d{12}:role/.+$`),
};

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const lastSegment = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

/**
 * Ways a userIdentity contradicts itself, independent of any expectation: an arn or sessionIssuer
 * arn whose form does not fit its type, an AssumedRole principalId without its `:session` part.
 * Each item is `[path, expected form, actual value]`.
 */
export function identityContradictions(userIdentity: unknown): Array<[string, string, unknown]> {
  const ui = asObj(userIdentity);
  if (!ui) return [];
  const out: Array<[string, string, unknown]> = [];
  const type = ui["type"];
  const form = typeof type === "string" ? ARN_FORMS[type] : undefined;
  if (form && typeof ui["arn"] === "string" && !form.test(ui["arn"])) out.push(["userIdentity.arn", `${String(type)} ARN ${form.source}`, ui["arn"]]);
  if (type === "AssumedRole" && typeof ui["principalId"] === "string" && !ui["principalId"].includes(":")) {
    out.push(["userIdentity.principalId", "<roleId>:<sessionName>", ui["principalId"]]);
  }
  const issuer = asObj(asObj(ui["sessionContext"])?.["sessionIssuer"]);
  const issuerType = issuer?.["type"];
  const issuerForm = typeof issuerType === "string" ? ARN_FORMS[issuerType] : undefined;
  if (issuer && issuerForm && typeof issuer["arn"] === "string" && !issuerForm.test(issuer["arn"])) {
    out.push(["userIdentity.sessionContext.sessionIssuer.arn", `${String(issuerType)} ARN ${issuerForm.source}`, issuer["arn"]]);
  }
  return out;
}

/** The expected principalId for an identity, or undefined when the history lacks what it needs. */
export function expectedPrincipalId(id: ExpectedIdentity): string | undefined {
  switch (id.kind) {
    case "IAMUser":
      return id.callerUserId;
    case "Root":
      return id.accountId;
    case "AssumedRole": {
      const roleId = id.callerUserId.split(":")[0] ?? id.callerUserId;
      return id.sessionName !== undefined ? `${roleId}:${id.sessionName}` : id.callerUserId;
    }
    case "FederatedUser":
      return id.federatedName !== undefined ? `${id.accountId}:${id.federatedName}` : id.callerUserId;
  }
}

/** The expected sessionContext.sessionIssuer, null when there must be none, undefined when the history lacks facts. */
export function expectedSessionIssuer(id: ExpectedIdentity): Obj | null | undefined {
  switch (id.kind) {
    case "IAMUser":
    case "Root":
      return null;
    case "AssumedRole":
      if (id.roleArn === undefined || id.roleName === undefined) return undefined;
      return { type: "Role", principalId: id.callerUserId.split(":")[0], arn: id.roleArn, accountId: id.accountId, userName: id.roleName };
    case "FederatedUser":
      if (id.issuerArn === undefined || id.issuerUserId === undefined || id.issuerKind === undefined) return undefined;
      return {
        type: id.issuerKind,
        principalId: id.issuerUserId,
        arn: id.issuerArn,
        accountId: id.accountId,
        // sessionIssuer.userName: IAMUser -> the user name; Root without alias -> not present (the userIdentity element page's userName table).
        userName: id.issuerKind === "IAMUser" ? lastSegment(id.issuerArn) : id.accountAlias,
      };
  }
}

/** The expected top-level userName: a string, or undefined when it must be absent (the userIdentity element page's userName table). */
export function expectedUserName(id: ExpectedIdentity): string | undefined {
  if (id.kind === "IAMUser") return id.userName ?? lastSegment(id.callerArn);
  if (id.kind === "Root") return id.accountAlias;
  return undefined;
}

function checkSessionIssuer(id: ExpectedIdentity, ui: Obj): Finding[] {
  const base = "userIdentity.sessionContext.sessionIssuer";
  const expected = expectedSessionIssuer(id);
  const issuer = asObj(asObj(ui["sessionContext"])?.["sessionIssuer"]);
  if (expected === undefined) return [finding("identity.expectation_incomplete", base, `${id.kind} issuer facts in the history`, undefined)];
  if (expected === null) return issuer ? [finding("identity.session_issuer_mismatch", base, undefined, issuer)] : [];
  if (!issuer) return [finding("identity.session_context_missing", base, expected, ui["sessionContext"])];
  const out: Finding[] = [];
  for (const key of ["type", "principalId", "arn", "accountId", "userName"] as const) {
    if (issuer[key] !== expected[key]) out.push(finding("identity.session_issuer_mismatch", `${base}.${key}`, expected[key], issuer[key]));
  }
  return out;
}

/** Checks the record's userIdentity against the expected caller. */
export function checkIdentity(id: ExpectedIdentity, record: RecordObject): Finding[] {
  const ui = asObj(record["userIdentity"]);
  if (!ui) return []; // the shape rule reports a missing or malformed userIdentity
  const out: Finding[] = [];
  if (ui["type"] !== id.kind) out.push(finding("identity.type_mismatch", "userIdentity.type", id.kind, ui["type"]));
  for (const [path, form, actual] of identityContradictions(ui)) {
    if (path === "userIdentity.arn") out.push(finding("identity.arn_form", path, form, actual));
  }
  if (ui["arn"] !== id.callerArn) out.push(finding("identity.arn_mismatch", "userIdentity.arn", id.callerArn, ui["arn"]));
  const principalId = expectedPrincipalId(id);
  if (ui["principalId"] !== principalId) out.push(finding("identity.principal_id_mismatch", "userIdentity.principalId", principalId, ui["principalId"]));
  if (ui["accessKeyId"] !== id.accessKeyId) out.push(finding("identity.access_key_mismatch", "userIdentity.accessKeyId", id.accessKeyId, ui["accessKeyId"]));
  if (ui["accountId"] !== id.accountId) out.push(finding("identity.account_mismatch", "userIdentity.accountId", id.accountId, ui["accountId"]));
  out.push(...checkSessionIssuer(id, ui));
  const userName = expectedUserName(id);
  const actualName = ui["userName"];
  // A Root caller whose account alias could not be read: its userName (the alias, or none) cannot be known.
  const unknowable = id.kind === "Root" && id.accountAliasUnknown === true;
  if ((!unknowable && actualName !== userName) || (id.kind === "Root" && typeof actualName === "string" && actualName.toLowerCase() === "root")) {
    out.push(finding("identity.user_name_rule", "userIdentity.userName", userName, actualName));
  }
  return out;
}
