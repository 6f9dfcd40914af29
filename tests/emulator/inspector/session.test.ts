import { describe, expect, it } from "vitest";
import { InspectorService } from "../../../emulator/inspector/service.js";
import { RP, ctx } from "./helpers.js";

describe("a realistic session on the real clock", () => {
  it("creates, runs, reads findings and the report, stops, deletes", async () => {
    const s = new InspectorService();
    const c = ctx();
    const ok = (op: string, input: unknown = {}) => {
      const r = s.call(op, input, c);
      if (!r.ok) throw new Error(`${op}: ${r.error.type} ${r.error.message}`);
      return r.output;
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    const packages = ok("ListRulesPackages").rulesPackageArns as string[];
    expect(packages).toContain(RP.cve);
    const group = ok("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: "web" }] }).resourceGroupArn as string;
    const target = ok("CreateAssessmentTarget", { assessmentTargetName: "web-servers", resourceGroupArn: group }).assessmentTargetArn as string;
    const template = ok("CreateAssessmentTemplate", {
      assessmentTargetArn: target,
      assessmentTemplateName: "weekly",
      durationInSeconds: 3600,
      rulesPackageArns: packages.slice(0, 2),
    }).assessmentTemplateArn as string;
    ok("SetTagsForResource", { resourceArn: template, tags: [{ key: "owner", value: "secops" }] });
    ok("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: "arn:aws:sns:us-west-2:123456789012:inspector" });
    const run = ok("StartAssessmentRun", { assessmentTemplateArn: template, assessmentRunName: "first" }).assessmentRunArn as string;
    expect(ok("ListAssessmentRuns", { assessmentTemplateArns: [template] }).assessmentRunArns).toEqual([run]);
    await sleep(150);
    const described = (ok("DescribeAssessmentRuns", { assessmentRunArns: [run] }).assessmentRuns as Record<string, unknown>[])[0]!;
    expect(described.state).toBe("COLLECTING_DATA");
    ok("StopAssessmentRun", { assessmentRunArn: run });
    await sleep(1100);
    const done = (ok("DescribeAssessmentRuns", { assessmentRunArns: [run] }).assessmentRuns as Record<string, unknown>[])[0]!;
    expect(done.state).toBe("COMPLETED");
    expect(typeof done.completedAt).toBe("number");
    const findingArns = ok("ListFindings", { assessmentRunArns: [run] }).findingArns as string[];
    expect(findingArns.length).toBeGreaterThan(0);
    const findings = ok("DescribeFindings", { findingArns: findingArns.slice(0, 10) }).findings as unknown[];
    expect(findings).toHaveLength(Math.min(10, findingArns.length));
    expect(ok("GetAssessmentReport", { assessmentRunArn: run, reportFileFormat: "HTML", reportType: "FULL" }).status).toBe("WORK_IN_PROGRESS");
    await sleep(1050);
    expect(ok("GetAssessmentReport", { assessmentRunArn: run, reportFileFormat: "HTML", reportType: "FULL" }).status).toBe("COMPLETED");
    ok("DeleteAssessmentRun", { assessmentRunArn: run });
    ok("DeleteAssessmentTemplate", { assessmentTemplateArn: template });
    ok("DeleteAssessmentTarget", { assessmentTargetArn: target });
    expect(ok("ListAssessmentTargets").assessmentTargetArns).toEqual([]);
    expect(ok("ListFindings").findingArns).toEqual([]);
  });
});
