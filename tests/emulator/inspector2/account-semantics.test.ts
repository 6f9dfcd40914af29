/**
 * Inspector v2 account and organization semantics on the service: scan-type status transitions,
 * who may act on which account, the delegated administrator and members, configuration, encryption
 * keys, quotas, tags on every taggable resource, throttling, and state per account and Region.
 */
import { describe, expect, it } from "vitest";
import type { Principal } from "../../../emulator/core/types.js";
import { ACCOUNT, PRINCIPALS, serviceHarness } from "./helpers.js";

const MEMBER = "444455556666";
const ALL = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"];
const memberPrincipal: Principal = { ...PRINCIPALS.user, accountId: MEMBER, accessKeyId: "AKIAMEMBERMEMBER0001" } as Principal;
const statusOf = (out: Record<string, unknown>) => (out["accounts"] as { state: { status: string }; resourceState: Record<string, { status: string }> }[])[0]!;
const findingCount = (h: ReturnType<typeof serviceHarness>) => (h.ok("ListFindings", { maxResults: 100 })["findings"] as unknown[]).length;

describe("Enable, Disable and BatchGetAccountStatus", () => {
  it("go DISABLED → ENABLING → ENABLED → DISABLING → DISABLED on the emulator's clock", () => {
    const h = serviceHarness();
    expect(statusOf(h.ok("BatchGetAccountStatus")).state.status).toBe("DISABLED");
    const enabled = h.ok("Enable", { resourceTypes: ["EC2"] });
    expect(enabled["accounts"]).toEqual([{ accountId: ACCOUNT, status: "ENABLING", resourceStatus: { ec2: "ENABLING", ecr: "DISABLED", lambda: "DISABLED", lambdaCode: "DISABLED", codeRepository: "DISABLED" } }]);
    expect(findingCount(h)).toBe(0);
    h.clock.advance(250);
    const status = statusOf(h.ok("BatchGetAccountStatus"));
    expect(status.state.status).toBe("ENABLED");
    expect(status.resourceState["ec2"]!.status).toBe("ENABLED");
    expect(findingCount(h)).toBe(4);
    h.ok("Disable", { resourceTypes: ["EC2"] });
    expect(statusOf(h.ok("BatchGetAccountStatus")).state.status).toBe("DISABLING");
    h.clock.advance(250);
    expect(statusOf(h.ok("BatchGetAccountStatus")).state.status).toBe("DISABLED");
    expect(findingCount(h)).toBe(0);
  });

  it("Disable without resource types disables every type; enabling twice keeps the first enablement", () => {
    const h = serviceHarness();
    h.ok("Enable", { resourceTypes: ALL });
    h.clock.advance(1000);
    const first = (h.ok("ListFindings")["findings"] as { firstObservedAt: number }[])[0]!.firstObservedAt;
    h.clock.advance(5000);
    h.ok("Enable", { resourceTypes: ["EC2"] });
    expect((h.ok("ListFindings")["findings"] as { firstObservedAt: number }[])[0]!.firstObservedAt).toBe(first);
    h.ok("Disable", {});
    h.clock.advance(250);
    expect(Object.values(statusOf(h.ok("BatchGetAccountStatus")).resourceState).map((s) => s.status)).toEqual(Array(5).fill("DISABLED"));
  });

  it("other accounts fail with ACCESS_DENIED unless the caller is their delegated administrator", () => {
    const h = serviceHarness();
    const denied = h.ok("Enable", { accountIds: [ACCOUNT, MEMBER], resourceTypes: ["ECR"] });
    expect((denied["accounts"] as unknown[]).length).toBe(1);
    expect(denied["failedAccounts"]).toEqual([expect.objectContaining({ accountId: MEMBER, errorCode: "ACCESS_DENIED" })]);
    h.ok("EnableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT });
    h.ok("AssociateMember", { accountId: MEMBER });
    expect(h.ok("Enable", { accountIds: [MEMBER], resourceTypes: ["ECR"] })["failedAccounts"]).toBeUndefined();
    h.clock.advance(300);
    expect(statusOf(h.ok("BatchGetAccountStatus", {}, memberPrincipal)).resourceState["ecr"]!.status).toBe("ENABLED");
    // The administrator sees its members' findings too.
    expect((h.ok("ListFindings", { maxResults: 100 })["findings"] as { awsAccountId: string }[]).map((f) => f.awsAccountId)).toContain(MEMBER);
  });
});

describe("the organization of the account directory", () => {
  it("only the management account designates the delegated administrator; a second one is a ConflictException", () => {
    const h = serviceHarness();
    const e = h.fail("EnableDelegatedAdminAccount", { delegatedAdminAccountId: MEMBER }, memberPrincipal);
    expect([e.type, e.status]).toEqual(["AccessDeniedException", 403]);
    h.ok("EnableDelegatedAdminAccount", { delegatedAdminAccountId: MEMBER });
    expect(h.ok("EnableDelegatedAdminAccount", { delegatedAdminAccountId: MEMBER })).toEqual({ delegatedAdminAccountId: MEMBER });
    const c = h.fail("EnableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT });
    expect([c.type, c.status, c.fields]).toEqual(["ConflictException", 409, { resourceId: MEMBER, resourceType: "DELEGATED_ADMIN" }]);
    expect(h.ok("ListDelegatedAdminAccounts")).toEqual({ delegatedAdminAccounts: [{ accountId: MEMBER, status: "ENABLED" }] });
    expect(h.fail("DisableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT }).type).toBe("ResourceNotFoundException");
  });

  it("the administrator associates members, which pick up auto-enable; removing it ends the associations", () => {
    const h = serviceHarness();
    expect(h.fail("ListMembers").type).toBe("AccessDeniedException");
    h.ok("EnableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT });
    h.ok("UpdateOrganizationConfiguration", { autoEnable: { ec2: true, ecr: false, lambda: true } });
    expect(h.ok("DescribeOrganizationConfiguration")).toEqual({ autoEnable: { ec2: true, ecr: false, lambda: true, lambdaCode: false, codeRepository: false }, maxAccountLimitReached: false });
    expect(h.ok("ListMembers")).toEqual({ members: [] });
    expect((h.ok("ListMembers", { onlyAssociated: false })["members"] as { relationshipStatus: string }[]).map((m) => m.relationshipStatus)).toEqual(["CREATED", "CREATED"]);
    h.ok("AssociateMember", { accountId: MEMBER });
    expect(h.ok("GetMember", { accountId: MEMBER })["member"]).toMatchObject({ accountId: MEMBER, relationshipStatus: "ENABLED", delegatedAdminAccountId: ACCOUNT });
    expect(h.fail("AssociateMember", { accountId: "999988887777" }).type).toBe("ValidationException");
    expect(h.fail("GetMember", { accountId: "999988887777" }).type).toBe("ResourceNotFoundException");
    h.clock.advance(300);
    expect(statusOf(h.ok("BatchGetAccountStatus", {}, memberPrincipal)).resourceState).toMatchObject({ ec2: { status: "ENABLED" }, ecr: { status: "DISABLED" }, lambda: { status: "ENABLED" } });
    h.ok("DisableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT });
    expect(h.fail("ListMembers").type).toBe("AccessDeniedException");
    expect(h.ok("GetDelegatedAdminAccount")).toEqual({});
  });

  it("an account outside any organization has no delegated administrator", () => {
    const h = serviceHarness({ organizations: [] });
    expect(h.fail("GetDelegatedAdminAccount").type).toBe("AccessDeniedException");
  });
});

describe("configuration and encryption keys", () => {
  it("deep inspection needs EC2 scanning enabled; the organization's paths are the administrator's", () => {
    const h = serviceHarness();
    expect(h.fail("UpdateEc2DeepInspectionConfiguration", { activateDeepInspection: true }).type).toBe("ValidationException");
    h.ok("Enable", { resourceTypes: ["EC2"] });
    h.clock.advance(250);
    expect(h.ok("UpdateEc2DeepInspectionConfiguration", { activateDeepInspection: true, packagePaths: ["/opt/app"] })).toEqual({ packagePaths: ["/opt/app"], orgPackagePaths: [], status: "ACTIVATED" });
    expect(h.fail("UpdateOrgEc2DeepInspectionConfiguration", { orgPackagePaths: ["/opt"] }).type).toBe("AccessDeniedException");
    h.ok("EnableDelegatedAdminAccount", { delegatedAdminAccountId: ACCOUNT });
    h.ok("UpdateOrgEc2DeepInspectionConfiguration", { orgPackagePaths: ["/opt"] });
    expect(h.ok("GetEc2DeepInspectionConfiguration")).toEqual({ packagePaths: ["/opt/app"], orgPackagePaths: ["/opt"], status: "ACTIVATED" });
  });

  it("UpdateConfiguration needs something to change; GetConfiguration shows it", () => {
    const h = serviceHarness();
    expect(h.fail("UpdateConfiguration", {}).type).toBe("ValidationException");
    h.ok("UpdateConfiguration", { ec2Configuration: { scanMode: "EC2_HYBRID" }, ecrConfiguration: { rescanDuration: "DAYS_14" } });
    expect(h.ok("GetConfiguration")).toMatchObject({ ecrConfiguration: { rescanDurationState: { rescanDuration: "DAYS_14", status: "SUCCESS" } }, ec2Configuration: { scanModeState: { scanMode: "EC2_HYBRID" } } });
    expect(h.fail("GetConfiguration", { accountId: MEMBER }).type).toBe("AccessDeniedException");
  });

  it("a customer key is set, read and reset per scan and resource type; other pairs are refused", () => {
    const h = serviceHarness();
    const key = { scanType: "CODE", resourceType: "CODE_REPOSITORY" };
    const kmsKeyId = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    expect(h.fail("GetEncryptionKey", key).type).toBe("ResourceNotFoundException");
    h.ok("UpdateEncryptionKey", { ...key, kmsKeyId });
    expect(h.ok("GetEncryptionKey", key)).toEqual({ kmsKeyId });
    h.ok("ResetEncryptionKey", key);
    expect(h.fail("ResetEncryptionKey", key).status).toBe(404);
    expect(h.fail("UpdateEncryptionKey", { scanType: "NETWORK", resourceType: "AWS_EC2_INSTANCE", kmsKeyId }).type).toBe("ValidationException");
  });
});

describe("filters, quotas and tags", () => {
  it("a duplicate filter name is a ConflictException naming the filter; past the quota is ServiceQuotaExceededException (402)", () => {
    const h = serviceHarness({ limits: { filters: 2 } });
    const a = String(h.ok("CreateFilter", { name: "a", action: "NONE", filterCriteria: {} })["arn"]);
    const dup = h.fail("CreateFilter", { name: "a", action: "SUPPRESS", filterCriteria: {} });
    expect([dup.type, dup.status, dup.fields]).toEqual(["ConflictException", 409, { resourceId: a, resourceType: "FILTER" }]);
    const b = String(h.ok("CreateFilter", { name: "b", action: "SUPPRESS", filterCriteria: {} })["arn"]);
    expect(h.fail("UpdateFilter", { filterArn: b, name: "a" }).type).toBe("ConflictException");
    const over = h.fail("CreateFilter", { name: "c", action: "NONE", filterCriteria: {} });
    expect([over.type, over.status, over.fields]).toEqual(["ServiceQuotaExceededException", 402, { resourceId: "c" }]);
    expect((h.ok("ListFilters", { action: "SUPPRESS" })["filters"] as { arn: string }[]).map((f) => f.arn)).toEqual([b]);
    expect((h.ok("ListFilters", { arns: [a] })["filters"] as { arn: string }[]).map((f) => f.arn)).toEqual([a]);
    h.ok("DeleteFilter", { arn: a });
    expect(h.fail("DeleteFilter", { arn: a }).status).toBe(404);
  });

  it("every taggable resource takes tags; aws: keys and too many tags are BadRequestException", () => {
    const h = serviceHarness({ limits: { tagsPerResource: 3 } });
    const arns = [
      h.ok("CreateFilter", { name: "f", action: "NONE", filterCriteria: {} })["arn"],
      h.ok("CreateCisScanConfiguration", { scanName: "s", securityLevel: "LEVEL_1", schedule: { oneTime: {} }, targets: { accountIds: ["SELF"], targetResourceTags: { a: ["b"] } } })["scanConfigurationArn"],
      h.ok("CreateCodeSecurityIntegration", { name: "g", type: "GITHUB" })["integrationArn"],
      h.ok("CreateCodeSecurityScanConfiguration", { name: "c", level: "ACCOUNT", configuration: { ruleSetCategories: ["SAST"] } })["scanConfigurationArn"],
      h.ok("CreateConnector", { name: "z", provider: "AZURE", providerDetail: { azure: { awsConfigConnectorArn: `arn:aws:config:us-east-1:${ACCOUNT}:connector/azure/a/b`, scopeConfiguration: {}, azureRegions: ["eastus"] } } })["connectorArn"],
    ].map(String);
    for (const resourceArn of arns) {
      h.ok("TagResource", { resourceArn, tags: { team: "sec", env: "prod" } });
      h.ok("UntagResource", { resourceArn, tagKeys: ["env"] });
      expect(h.ok("ListTagsForResource", { resourceArn })).toEqual({ tags: { team: "sec" } });
      const reserved = h.fail("TagResource", { resourceArn, tags: { "aws:owner": "x" } });
      expect([reserved.type, reserved.status]).toEqual(["BadRequestException", 400]);
      expect(h.fail("TagResource", { resourceArn, tags: { a: "1", b: "2", c: "3" } }).type).toBe("BadRequestException");
    }
    expect(h.fail("ListTagsForResource", { resourceArn: "arn:aws:inspector2:us-east-1:111122223333:finding/0123456789abcdef0123456789abcdef" }).type).toBe("ValidationException");
  });
});

describe("state, determinism and throttling", () => {
  it("state is per account and Region; the estate is the same in every run", () => {
    const h = serviceHarness();
    h.ok("CreateFilter", { name: "f", action: "NONE", filterCriteria: {} });
    expect(h.ok("ListFilters", {}, "user", "eu-west-1")).toEqual({ filters: [] });
    h.ok("Enable", { resourceTypes: ALL });
    h.clock.advance(250);
    const again = serviceHarness();
    again.ok("Enable", { resourceTypes: ALL });
    again.clock.advance(250);
    const arns = (x: typeof h) => (x.ok("ListFindings", { maxResults: 100 })["findings"] as { findingArn: string }[]).map((f) => f.findingArn);
    expect(arns(again)).toEqual(arns(h));
    expect(arns(h)).toHaveLength(11);
  });

  it("answers ThrottlingException (429, Retry-After) past the configured rate, per account and Region", () => {
    const h = serviceHarness({ requestsPerSecond: 2 });
    h.ok("ListFilters");
    h.ok("ListFilters");
    const t = h.fail("ListFilters");
    expect([t.type, t.status, t.headers]).toEqual(["ThrottlingException", 429, { "retry-after": "1" }]);
    h.ok("ListFilters", {}, "user", "eu-west-1");
    h.clock.advance(1001);
    h.ok("ListFilters");
  });
});
