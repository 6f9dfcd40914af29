/**
 * The reporting layer on checkRun's real output (hand-written records, no emulator): the finding
 * paths of oracles/completeness.ts land on the right checks.
 */
import { describe, expect, it } from "vitest";
import { checkRun, oracleContext } from "../../../oracles/index.js";
import { buildChecks, verdictOf } from "../../../harness/report/index.js";
import { ACCOUNT, call, RunBuilder } from "./run-builder.js";

const recordOf = (requestID: string, eventName: string, eventID: string): Record<string, unknown> => ({
  eventVersion: "1.11", eventSource: "inspector.amazonaws.com", eventName, requestID, eventID,
  userIdentity: { type: "IAMUser", accessKeyId: "AKIAIOSFODNN7EXAMPLE" },
});

describe("checks from checkRun", () => {
  it("places missing, duplicate-delivery and extra-record findings", () => {
    const calls = [call(0, "ListFindings"), call(1, "DescribeFindings"), call(2, "CreateResourceGroup", { sentToService: false })];
    const records = [
      recordOf("req-0", "ListFindings", "11111111-1111-4111-8111-111111111111"),
      recordOf("req-0", "ListFindings", "11111111-1111-4111-8111-111111111111"),
      JSON.stringify(recordOf("req-9", "DeleteAssessmentRun", "22222222-2222-4222-8222-222222222222")),
    ];
    const run = checkRun(calls, records, oracleContext(ACCOUNT));
    expect(run.all.map((f) => f.code)).toEqual(expect.arrayContaining(["completeness.duplicate_delivery", "completeness.missing_record", "completeness.extra_record"]));

    const identities = new RunBuilder().identities;
    const checks = buildChecks({ calls, findings: run, identities, unsupported: [], records });
    const get = (id: string) => checks.find((c) => c.id === id);
    expect(get("inspector:ListFindings/completeness")).toMatchObject({ status: "pass", advisories: 1 });
    expect(get("inspector:ListFindings/shape")?.status).toBe("fail"); // the hand-written record lacks most fields
    expect(get("inspector:DescribeFindings/completeness")).toMatchObject({ status: "fail", failed: 1 });
    expect(get("inspector:DescribeFindings/completeness")?.counterexample?.calls.map((c) => c.seq)).toEqual([1]);
    expect(get("inspector:DeleteAssessmentRun/completeness")?.status).toBe("fail");
    expect(get("inspector:CreateResourceGroup/completeness")?.status).toBe("unknown");
    // Each per-record finding is counted once, though it is both in `all` and in `byCall`.
    const shapeFindings = run.byCall.get(0)?.filter((f) => f.code.startsWith("shape.")).length ?? 0;
    expect(get("inspector:ListFindings/shape")?.counterexample?.findings.filter((f) => f.code.startsWith("shape."))).toHaveLength(shapeFindings);
    expect(verdictOf(checks, [])).toBe("fail");
  });
});
