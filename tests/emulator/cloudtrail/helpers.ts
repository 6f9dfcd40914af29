/**
 * Test helpers for the CloudTrail side of the emulator: principals of each kind, call contexts and
 * completed calls.
 */
import type { CallContext, Principal, ServiceResult } from "../../../emulator/core/types.js";
import type { CompletedCall } from "../../../emulator/cloudtrail/completed-call.js";

/** The test account. */
export const ACCOUNT = "111122223333";
/** Another account, for scope tests. */
export const OTHER_ACCOUNT = "444455556666";

/** One principal of each kind, in `ACCOUNT` unless `account` is given. */
export function principals(account = ACCOUNT): Record<Principal["kind"] | "RootWithAlias" | "FederatedRoot", Principal> {
  const issuedAt = new Date("2026-01-02T03:04:05.678Z");
  return {
    IAMUser: { kind: "IAMUser", accountId: account, accessKeyId: "AKIAIOSFODNN7EXAMPLE", userName: "Alice", userId: "AIDACKCEVSQ6C2EXAMPLE", path: "/dev/" },
    Root: { kind: "Root", accountId: account, accessKeyId: "AKIAROOTROOTEXAMPLE1" },
    RootWithAlias: { kind: "Root", accountId: account, accessKeyId: "AKIAROOTROOTEXAMPLE2", accountAlias: "my-alias" },
    AssumedRole: {
      kind: "AssumedRole", accountId: account, accessKeyId: "ASIAROLEROLEEXAMPLE1", roleName: "Auditor", roleId: "AROAEXAMPLEROLEID123",
      rolePath: "/service/", sessionName: "sess-1", issuedAt, mfaAuthenticated: true,
    },
    FederatedUser: {
      kind: "FederatedUser", accountId: account, accessKeyId: "ASIAFEDFEDFEDEXAMPLE", federatedName: "Bob", issuedAt, mfaAuthenticated: false,
      issuer: { kind: "IAMUser", userName: "Alice", userId: "AIDACKCEVSQ6C2EXAMPLE", path: "/" },
    },
    FederatedRoot: {
      kind: "FederatedUser", accountId: account, accessKeyId: "ASIAFEDROOTEXAMPLE12", federatedName: "Carol", issuedAt, mfaAuthenticated: false,
      issuer: { kind: "Root" },
    },
  };
}

let counter = 0;

/** A call context for `principal` in `region`, started at `startedAt`. */
export function contextFor(principal: Principal, region = "us-west-2", startedAt = new Date("2026-03-04T05:06:07.250Z")): CallContext {
  counter += 1;
  return {
    principal,
    region,
    requestId: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    sourceIp: "203.0.113.7",
    userAgent: "aws-sdk-js/3.523.0 test",
    startedAt,
  };
}

/** A completed call; defaults: success with `output`, ended 400 ms after it started. */
export function completedCall(
  operation: string,
  request: unknown,
  result: ServiceResult,
  ctx: CallContext = contextFor(principals().IAMUser),
  endedAt = new Date(ctx.startedAt.getTime() + 400),
): CompletedCall {
  return { ctx, operation, request, result, endedAt };
}

/** A successful ServiceResult. */
export const ok = (output: Record<string, unknown>): ServiceResult => ({ ok: true, output });
