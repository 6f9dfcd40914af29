import { describe, expect, it } from "vitest";
import { RP, completedRun, describeRun, expectInvalid, expectNoSuchEntity, harness, setup } from "./helpers.js";

const STATES_TO_COMPLETED = [
  "CREATED",
  "START_DATA_COLLECTION_PENDING",
  "START_DATA_COLLECTION_IN_PROGRESS",
  "COLLECTING_DATA",
  "STOP_DATA_COLLECTION_PENDING",
  "DATA_COLLECTED",
  "EVALUATING_RULES",
  "COMPLETED",
];

describe("assessment run state machine", () => {
  it("runs CREATED -> COMPLETED on the clock over the template duration", () => {
    const h = harness();
    const { template } = setup(h);
    const t0 = h.clock.now().getTime() / 1000;
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    expect(run.startsWith(`${template}/run/0-`)).toBe(true);
    let r = describeRun(h, run);
    expect(r).toMatchObject({ state: "CREATED", name: "Run 1 for t1-tpl", dataCollected: false, durationInSeconds: 180, createdAt: t0, stateChangedAt: t0 });
    expect(r.startedAt).toBeUndefined();
    h.clock.advance(200);
    r = describeRun(h, run);
    expect(r.state).toBe("COLLECTING_DATA");
    expect(r.startedAt).toBe(t0 + 0.125);
    h.clock.advance(179_000);
    expect(describeRun(h, run).state).toBe("COLLECTING_DATA");
    h.clock.advance(850); // t0 + 180.05 s: collection ended at t0 + 180 s, DATA_COLLECTED comes 100 ms after
    expect(describeRun(h, run).state).toBe("STOP_DATA_COLLECTION_PENDING");
    h.clock.advance(1_000);
    r = describeRun(h, run);
    expect(r.state).toBe("COMPLETED");
    expect((r.stateChanges as { state: string }[]).map((c) => c.state)).toEqual(STATES_TO_COMPLETED);
    expect(r.completedAt).toBe(t0 + 180 + 0.25);
    expect(r.dataCollected).toBe(true);
    const counts = r.findingCounts as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(["High", "Informational", "Low", "Medium", "Undefined"]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(h.ok("ListFindings", { assessmentRunArns: [run], maxResults: 500 }).findingArns).toHaveLength(total);
    const tpl = (h.ok("DescribeAssessmentTemplates", { assessmentTemplateArns: [template] }).assessmentTemplates as Record<string, unknown>[])[0]!;
    expect(tpl).toMatchObject({ assessmentRunCount: 1, lastAssessmentRunArn: run });
  });

  it("stops with START_EVALUATION (evaluates) or SKIP_EVALUATION (cancels, no findings)", () => {
    const h = harness();
    const a = setup(h, "a");
    const b = setup(h, "b");
    const evaluated = completedRun(h, a.template);
    expect(describeRun(h, evaluated).state).toBe("COMPLETED");
    const skipped = h.ok("StartAssessmentRun", { assessmentTemplateArn: b.template, assessmentRunName: "mine" }).assessmentRunArn as string;
    h.clock.advance(300);
    h.ok("StopAssessmentRun", { assessmentRunArn: skipped, stopAction: "SKIP_EVALUATION" });
    const r = describeRun(h, skipped);
    expect(r).toMatchObject({ state: "CANCELED", name: "mine", dataCollected: false });
    expect((r.stateChanges as { state: string }[]).map((c) => c.state).slice(-2)).toEqual(["STOP_DATA_COLLECTION_PENDING", "CANCELED"]);
    expect(h.ok("ListFindings", { assessmentRunArns: [skipped] }).findingArns).toEqual([]);
    expectInvalid(h.fail("StopAssessmentRun", { assessmentRunArn: skipped }), "INVALID_ASSESSMENT_RUN_STATE");
    expectInvalid(h.fail("StopAssessmentRun", { assessmentRunArn: evaluated, stopAction: "PAUSE" }), "INVALID_ASSESSMENT_RUN_STATE");
    expectNoSuchEntity(h.fail("StopAssessmentRun", { assessmentRunArn: `${skipped.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_RUN_DOES_NOT_EXIST");
  });

  it("refuses to delete while a run is in progress (run, template, target)", () => {
    const h = harness();
    const { target, template } = setup(h);
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    for (const [op, input] of [
      ["DeleteAssessmentRun", { assessmentRunArn: run }],
      ["DeleteAssessmentTemplate", { assessmentTemplateArn: template }],
      ["DeleteAssessmentTarget", { assessmentTargetArn: target }],
    ] as const) {
      const e = h.fail(op, input);
      expect(e.type).toBe("AssessmentRunInProgressException");
      expect(e.fields).toEqual({ assessmentRunArns: [run], assessmentRunArnsTruncated: false, canRetry: false });
    }
    h.ok("StopAssessmentRun", { assessmentRunArn: run });
    h.clock.advance(1500); // collection cannot end before COLLECTING_DATA (+125 ms); evaluation takes 1 s
    h.ok("DeleteAssessmentRun", { assessmentRunArn: run });
    expect(h.ok("ListFindings", {}).findingArns).toEqual([]);
    expectNoSuchEntity(h.fail("DeleteAssessmentRun", { assessmentRunArn: run }), "ASSESSMENT_RUN_DOES_NOT_EXIST");
    h.ok("DeleteAssessmentTarget", { assessmentTargetArn: target });
    expect(h.ok("ListAssessmentTemplates", {}).assessmentTemplateArns).toEqual([]);
  });

  it("refuses a second concurrent run on the same instances", () => {
    const h = harness();
    const { template } = setup(h);
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    const e = h.fail("StartAssessmentRun", { assessmentTemplateArn: template });
    expect(e.type).toBe("AgentsAlreadyRunningAssessmentException");
    const agents = e.fields!.agents as { agentId: string; assessmentRunArn: string }[];
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.every((a) => a.assessmentRunArn === run && /^i-[0-9a-f]{17}$/.test(a.agentId))).toBe(true);
    expect(e.fields).toMatchObject({ agentsTruncated: false, canRetry: false });
  });

  it("refuses a template without rules packages", () => {
    const h = harness();
    const { template } = setup(h, "empty", undefined, []);
    expectInvalid(h.fail("StartAssessmentRun", { assessmentTemplateArn: template }), "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS");
  });

  it("lists runs by template and filter", () => {
    const h = harness();
    const a = setup(h, "a", undefined, [RP.cve]);
    const b = setup(h, "b", undefined, [RP.rba]);
    const ra = completedRun(h, a.template);
    const rb = h.ok("StartAssessmentRun", { assessmentTemplateArn: b.template }).assessmentRunArn;
    expect(h.ok("ListAssessmentRuns", {}).assessmentRunArns).toEqual([ra, rb]);
    expect(h.ok("ListAssessmentRuns", { assessmentTemplateArns: [b.template] }).assessmentRunArns).toEqual([rb]);
    expect(h.ok("ListAssessmentRuns", { filter: { states: ["COMPLETED"] } }).assessmentRunArns).toEqual([ra]);
    expect(h.ok("ListAssessmentRuns", { filter: { rulesPackageArns: [RP.rba] } }).assessmentRunArns).toEqual([rb]);
    expect(h.ok("ListAssessmentRuns", { filter: { namePattern: "Run 1 for a*" } }).assessmentRunArns).toEqual([ra]);
    const done = describeRun(h, ra).completedAt as number;
    expect(h.ok("ListAssessmentRuns", { filter: { completionTimeRange: { beginDate: done, endDate: done } } }).assessmentRunArns).toEqual([ra]);
    expectNoSuchEntity(h.fail("ListAssessmentRuns", { assessmentTemplateArns: [`${a.template.slice(0, -8)}AAAAAAAA`] }), "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST");
  });

  it("reports agents, telemetry and notifications", () => {
    const h = harness();
    const { template } = setup(h);
    const topic = "arn:aws:sns:us-west-2:123456789012:events";
    h.ok("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_COMPLETED", topicArn: topic });
    h.ok("SubscribeToEvent", { resourceArn: template, event: "ASSESSMENT_RUN_STARTED", topicArn: topic });
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    expect(h.ok("GetTelemetryMetadata", { assessmentRunArn: run }).telemetryMetadata).toEqual([]);
    h.clock.advance(1000);
    const agents = h.ok("ListAssessmentRunAgents", { assessmentRunArn: run }).assessmentRunAgents as Record<string, unknown>[];
    expect(agents.length).toBeGreaterThan(0);
    expect(agents[0]).toMatchObject({ assessmentRunArn: run, agentHealth: "HEALTHY", agentHealthCode: "RUNNING" });
    expect(h.ok("ListAssessmentRunAgents", { assessmentRunArn: run, filter: { agentHealths: ["UNHEALTHY"], agentHealthCodes: [] } }).assessmentRunAgents).toEqual([]);
    const telemetry = h.ok("GetTelemetryMetadata", { assessmentRunArn: run }).telemetryMetadata as { messageType: string; count: number }[];
    expect(telemetry.at(-1)!.messageType).toBe("Total");
    expect(telemetry.at(-1)!.count).toBe(telemetry.slice(0, -1).reduce((n, t) => n + t.count, 0));
    h.ok("StopAssessmentRun", { assessmentRunArn: run });
    h.clock.advance(1000);
    const notes = describeRun(h, run).notifications as Record<string, unknown>[];
    expect(notes.map((n) => n.event)).toEqual(["ASSESSMENT_RUN_STARTED", "ASSESSMENT_RUN_COMPLETED"]);
    expect(notes[0]).toMatchObject({ error: false, snsTopicArn: topic, snsPublishStatusCode: "SUCCESS" });
    expect((h.ok("ListAssessmentRunAgents", { assessmentRunArn: run }).assessmentRunAgents as Record<string, unknown>[])[0]!.agentHealthCode).toBe("IDLE");
    expectInvalid(h.fail("GetTelemetryMetadata", { assessmentRunArn: "x" }), "INVALID_ASSESSMENT_RUN_ARN");
    expectNoSuchEntity(h.fail("ListAssessmentRunAgents", { assessmentRunArn: `${run.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_RUN_DOES_NOT_EXIST");
  });

  it("generates reports: in progress -> error, then WORK_IN_PROGRESS, then COMPLETED with a url", () => {
    const h = harness();
    const { template } = setup(h);
    const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
    const input = { assessmentRunArn: run, reportFileFormat: "PDF", reportType: "FULL" };
    expect(h.fail("GetAssessmentReport", input).type).toBe("AssessmentRunInProgressException");
    h.ok("StopAssessmentRun", { assessmentRunArn: run });
    h.clock.advance(1500);
    expect(h.ok("GetAssessmentReport", input)).toEqual({ status: "WORK_IN_PROGRESS" });
    h.clock.advance(1000);
    const done = h.ok("GetAssessmentReport", input);
    expect(done.status).toBe("COMPLETED");
    expect(done.url).toMatch(/^https:\/\/.+full-report\.pdf/);
    expectInvalid(h.fail("GetAssessmentReport", { ...input, reportType: "SUMMARY" }), "INVALID_ASSESSMENT_RUN_ARN");
    const b = setup(h, "b");
    const canceled = h.ok("StartAssessmentRun", { assessmentTemplateArn: b.template }).assessmentRunArn as string;
    h.ok("StopAssessmentRun", { assessmentRunArn: canceled, stopAction: "SKIP_EVALUATION" });
    expect(h.ok("GetAssessmentReport", { ...input, assessmentRunArn: canceled })).toEqual({ status: "FAILED" });
  });

  it("keeps exclusions of a run", () => {
    const h = harness();
    const { template } = setup(h);
    const run = completedRun(h, template);
    const arns = h.ok("ListExclusions", { assessmentRunArn: run }).exclusionArns as string[];
    expect(arns.length).toBeGreaterThanOrEqual(1);
    expect(arns.every((a) => a.startsWith(`${run}/exclusion/0-`))).toBe(true);
    const out = h.ok("DescribeExclusions", { exclusionArns: [...arns, `${run}/exclusion/0-AAAAAAAA`], locale: "EN_US" });
    const ex = out.exclusions as Record<string, Record<string, unknown>>;
    expect(Object.keys(ex)).toEqual(arns);
    expect(ex[arns[0]!]).toMatchObject({ arn: arns[0], scopes: [{ key: "INSTANCE_ID" }, { key: "RULES_PACKAGE_ARN" }] });
    expect(out.failedItems).toEqual({ [`${run}/exclusion/0-AAAAAAAA`]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false } });
    expectNoSuchEntity(h.fail("ListExclusions", { assessmentRunArn: `${run.slice(0, -8)}AAAAAAAA` }), "ASSESSMENT_RUN_DOES_NOT_EXIST");
  });
});
