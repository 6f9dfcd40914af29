import { describe, expect, it } from "vitest";
import { RP, completedRun, expectInvalid, expectNoSuchEntity, harness, setup } from "./helpers.js";

type Finding = Record<string, unknown> & { arn: string; userAttributes: { key: string; value?: string }[]; severity: string };

function findingsOf(h: ReturnType<typeof harness>, run: string): Finding[] {
  const arns = h.ok("ListFindings", { assessmentRunArns: [run], maxResults: 500 }).findingArns as string[];
  const out: Finding[] = [];
  for (let i = 0; i < arns.length; i += 10) {
    out.push(...(h.ok("DescribeFindings", { findingArns: arns.slice(i, i + 10) }).findings as Finding[]));
  }
  return out;
}

describe("findings", () => {
  it("are generated deterministically per run in the Finding shape", () => {
    const h = harness();
    const { template } = setup(h);
    const run = completedRun(h, template);
    const findings = findingsOf(h, run);
    expect(findings.length).toBeGreaterThan(0);
    const f = findings[0]!;
    expect(f.arn.startsWith(`${run}/finding/0-`)).toBe(true);
    expect(f).toMatchObject({
      schemaVersion: 1,
      service: "Inspector",
      serviceAttributes: { schemaVersion: 1, assessmentRunArn: run },
      assetType: "ec2-instance",
      confidence: 10,
      indicatorOfCompromise: false,
      userAttributes: [{ key: "team", value: "blue" }],
    });
    expect(["High", "Medium", "Low", "Informational"]).toContain(f.severity);
    expect(typeof f.createdAt).toBe("number");
    expect(new Set(findings.map((x) => x.arn)).size).toBe(findings.length);
  });

  it("add and remove user attributes, reporting unknown ARNs in failedItems", () => {
    const h = harness();
    const { template } = setup(h);
    const run = completedRun(h, template);
    const [f] = findingsOf(h, run);
    const ghost = `${run}/finding/0-AAAAAAAA`;
    h.clock.advance(10_000);
    const added = h.ok("AddAttributesToFindings", { findingArns: [f!.arn, ghost, "junk"], attributes: [{ key: "ticket", value: "SEC-1" }, { key: "team", value: "red" }] });
    expect(added).toEqual({
      failedItems: { [ghost]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false }, junk: { failureCode: "INVALID_ARN", retryable: false } },
    });
    let d = (h.ok("DescribeFindings", { findingArns: [f!.arn] }).findings as Finding[])[0]!;
    expect(d.userAttributes).toEqual([{ key: "team", value: "red" }, { key: "ticket", value: "SEC-1" }]);
    expect((d.updatedAt as number) - (d.createdAt as number)).toBeGreaterThanOrEqual(10);
    expect(h.ok("ListFindings", { filter: { userAttributes: [{ key: "ticket", value: "SEC-1" }] } }).findingArns).toEqual([f!.arn]);
    expect(h.ok("RemoveAttributesFromFindings", { findingArns: [f!.arn], attributeKeys: ["ticket"] })).toEqual({ failedItems: {} });
    d = (h.ok("DescribeFindings", { findingArns: [f!.arn] }).findings as Finding[])[0]!;
    expect(d.userAttributes).toEqual([{ key: "team", value: "red" }]);
    expectInvalid(h.fail("AddAttributesToFindings", { findingArns: [], attributes: [] }), "INVALID_NUMBER_OF_FINDING_ARNS");
    expectInvalid(h.fail("AddAttributesToFindings", { findingArns: [f!.arn], attributes: [{ key: "" }] }), "INVALID_USER_ATTRIBUTE_KEY");
    expectInvalid(h.fail("RemoveAttributesFromFindings", { findingArns: [f!.arn], attributeKeys: Array(11).fill("k") }), "INVALID_NUMBER_OF_USER_ATTRIBUTES");
  });

  it("refuses more than 10 user attributes on one finding (LIMIT_EXCEEDED failed item)", () => {
    const h = harness();
    const { template } = setup(h);
    const [f] = findingsOf(h, completedRun(h, template));
    const ten = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(h.ok("AddAttributesToFindings", { findingArns: [f!.arn], attributes: ten }).failedItems).toEqual({
      [f!.arn]: { failureCode: "LIMIT_EXCEEDED", retryable: false },
    });
  });

  it("filter by severity, rules package, agent and creation time", () => {
    const h = harness();
    const { template } = setup(h, "f", undefined, [RP.cve, RP.cis, RP.sbp, RP.rba]);
    const run = completedRun(h, template);
    const all = findingsOf(h, run);
    for (const sev of ["High", "Medium", "Low", "Informational"]) {
      const want = all.filter((x) => x.severity === sev).map((x) => x.arn).sort();
      expect((h.ok("ListFindings", { filter: { severities: [sev] }, maxResults: 500 }).findingArns as string[]).sort()).toEqual(want);
    }
    const byPkg = all.filter((x) => (x.serviceAttributes as { rulesPackageArn: string }).rulesPackageArn === RP.cis).map((x) => x.arn);
    expect(h.ok("ListFindings", { filter: { rulesPackageArns: [RP.cis] }, maxResults: 500 }).findingArns).toEqual(byPkg);
    const agent = (all[0]!.assetAttributes as { agentId: string }).agentId;
    const byAgent = all.filter((x) => (x.assetAttributes as { agentId: string }).agentId === agent).map((x) => x.arn);
    expect(h.ok("ListFindings", { filter: { agentIds: [agent] }, maxResults: 500 }).findingArns).toEqual(byAgent);
    const created = all[0]!.createdAt as number;
    expect(h.ok("ListFindings", { filter: { creationTimeRange: { endDate: created - 1 } } }).findingArns).toEqual([]);
    expectInvalid(h.fail("ListFindings", { filter: { creationTimeRange: { beginDate: created, endDate: created - 1 } } }), "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE");
    expect(h.ok("ListFindings", { filter: { ruleNames: ["No such rule"] } }).findingArns).toEqual([]);
    expectNoSuchEntity(h.fail("ListFindings", { assessmentRunArns: [`${run.slice(0, -8)}AAAAAAAA`] }), "ASSESSMENT_RUN_DOES_NOT_EXIST");
  });
});
