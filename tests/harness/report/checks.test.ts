import { describe, expect, it } from "vitest";
import { buildChecks, type Check } from "../../../harness/report/index.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { call, f, RunBuilder } from "./run-builder.js";

const byId = (checks: Check[], id: string): Check => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

describe("buildChecks: layout", () => {
  it("has one check per operation x family and one per identity kind", () => {
    const checks = buildChecks(new RunBuilder().input());
    expect(checks.filter((c) => c.operation !== "*")).toHaveLength(INSPECTOR_OPERATIONS.length * 7);
    expect(checks.filter((c) => c.property.startsWith("identity:")).map((c) => c.id)).toEqual([
      "inspector:*/identity:IAMUser", "inspector:*/identity:Root", "inspector:*/identity:AssumedRole", "inspector:*/identity:FederatedUser",
    ]);
    expect(byId(checks, "inspector:CreateResourceGroup/echo")).toMatchObject({ operation: "CreateResourceGroup", property: "echo", severity: "required" });
  });

  it("adds a row for an operation the history names that the model lacks", () => {
    const run = new RunBuilder().add(call(0, "NotAnOperation"), [f("logging.unknown_operation", "eventName")]);
    expect(byId(buildChecks(run.input()), "inspector:NotAnOperation/logging").status).toBe("fail");
  });
});

describe("buildChecks: statuses", () => {
  it("passes every family of a conforming operation; error passes when a failed call was checked", () => {
    const checks = buildChecks(RunBuilder.conforming().input());
    for (const c of checks) expect(c.status, c.id).toBe("pass");
    expect(byId(checks, "inspector:ListFindings/shape")).toMatchObject({ count: 2, failed: 0, advisories: 0 });
    expect(byId(checks, "inspector:ListFindings/error")).toMatchObject({ count: 1 });
    expect(byId(checks, "inspector:ListFindings/completeness").message).toContain("2 calls checked");
  });

  it("is unknown for error when no call of the operation failed", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"));
    const c = byId(buildChecks(run.input()), "inspector:ListFindings/error");
    expect(c.status).toBe("unknown");
    expect(c.message).toContain("no failed call");
    expect(c.message).toContain("was observed");
  });

  it("fails error when a successful call's record carries an errorCode", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"), [f("error.unexpected_error_code", "errorCode")]);
    expect(byId(buildChecks(run.input()), "inspector:ListFindings/error").status).toBe("fail");
  });

  it("is unknown for an operation never called, or only rejected before sending", () => {
    const run = new RunBuilder().add(call(0, "ListFindings", { sentToService: false }));
    const checks = buildChecks(run.input());
    expect(byId(checks, "inspector:ListFindings/shape")).toMatchObject({ status: "unknown", count: 0 });
    expect(byId(checks, "inspector:ListFindings/shape").message).toContain("rejected by the SDK");
    expect(byId(checks, "inspector:DescribeFindings/completeness").message).toContain("no call of DescribeFindings reached the service");
  });

  it("fails completeness for a record of an unsent call even though the operation was not observed otherwise", () => {
    const run = new RunBuilder().add(call(0, "ListFindings", { sentToService: false }));
    run.runLevel.push(f("completeness.record_for_unsent_call", "calls[seq=0]"));
    expect(byId(buildChecks(run.input()), "inspector:ListFindings/completeness").status).toBe("fail");
  });

  it("is unknown when the target does not implement the operation", () => {
    const run = new RunBuilder().add(call(0, "ListFindings", { outcome: "error", errorCode: "UnknownOperationException" }));
    const c = byId(buildChecks(run.input()), "inspector:ListFindings/echo");
    expect(c.status).toBe("unknown");
    expect(c.message).toContain("does not implement ListFindings");
  });

  it("is unknown everywhere when records could not be collected", () => {
    const input = RunBuilder.conforming().input({ unsupported: [{ scope: "lookupEvents", reason: "no LookupEvents" }] });
    const checks = buildChecks(input);
    expect(checks.filter((c) => c.operation !== "*").every((c) => c.status === "unknown")).toBe(true);
    expect(byId(checks, "inspector:ListFindings/shape").message).toContain("no LookupEvents");
  });

  it("fails completeness and leaves record families unknown when no record was joined", () => {
    const run = new RunBuilder().add(call(3, "ListFindings"), [], false);
    run.runLevel.push(f("completeness.missing_record", "calls[seq=3]"));
    const checks = buildChecks(run.input());
    expect(byId(checks, "inspector:ListFindings/completeness")).toMatchObject({ status: "fail", count: 1, failed: 1 });
    expect(byId(checks, "inspector:ListFindings/shape").status).toBe("unknown");
    expect(byId(checks, "inspector:ListFindings/shape").message).toContain("no CloudTrail record was joined");
  });

  it("passes with advisory findings counted and named", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"), [f("correlated.api_version", "apiVersion")]).add(call(1, "ListFindings"), [f("correlated.api_version", "apiVersion")]);
    const c = byId(buildChecks(run.input()), "inspector:ListFindings/correlated");
    expect(c).toMatchObject({ status: "pass", advisories: 2, failed: 0 });
    expect(c.message).toContain("correlated.api_version ×2");
  });

  it("fails with counts: calls examined, calls failing, advisories", () => {
    const run = new RunBuilder()
      .add(call(0, "CreateResourceGroup"), [f("echo.request_mismatch"), f("echo.request_mismatch", "requestParameters.x")])
      .add(call(1, "CreateResourceGroup"))
      .add(call(2, "CreateResourceGroup"), [f("echo.request_mismatch"), f("echo.no_input_not_null")]);
    const c = byId(buildChecks(run.input()), "inspector:CreateResourceGroup/echo");
    expect(c).toMatchObject({ status: "fail", count: 3, failed: 2, advisories: 1 });
    expect(c.message).toContain("2 of 3 calls");
    expect(c.message).toContain("echo.request_mismatch ×3");
    expect(byId(buildChecks(run.input()), "inspector:CreateResourceGroup/shape").status).toBe("pass");
  });
});

describe("buildChecks: findings about records", () => {
  const record = (requestID: string, eventName: string): string => JSON.stringify({ requestID, eventName, eventID: "e" });

  it("puts an extra record on the operation its eventName names", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"));
    run.runLevel.push(f("completeness.extra_record", "records[1]"));
    const c = byId(buildChecks(run.input({ records: [record("req-0", "ListFindings"), record("req-x", "DeleteAssessmentRun")] })), "inspector:DeleteAssessmentRun/completeness");
    expect(c.status).toBe("fail");
    expect(c.counterexample?.findings.map((x) => x.code)).toEqual(["completeness.extra_record"]);
  });

  it("puts a re-delivery on the call with its requestID (advisory: still pass)", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"));
    run.runLevel.push(f("completeness.duplicate_delivery", "records[1]"));
    const c = byId(buildChecks(run.input({ records: [record("req-0", "ListFindings"), record("req-0", "ListFindings")] })), "inspector:ListFindings/completeness");
    expect(c).toMatchObject({ status: "pass", advisories: 1 });
  });

  it("makes a run-wide check for a record that names no operation", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"));
    run.runLevel.push(f("shape.unparseable_record", "records[0]"));
    const c = byId(buildChecks(run.input({ records: ["{not json"] })), "inspector:*/shape");
    expect(c).toMatchObject({ status: "fail", operation: "*", failed: 1 });
  });
});

describe("buildChecks: identity kinds", () => {
  it("is na with the reason when the target cannot provide a kind", () => {
    const run = RunBuilder.conforming();
    run.identities = run.identities.map((i) => (i.kind === "FederatedUser" ? { kind: i.kind, status: "na", reason: "no STS on this target" } : i));
    const c = byId(buildChecks(run.input()), "inspector:*/identity:FederatedUser");
    expect(c.status).toBe("na");
    expect(c.message).toContain("no STS on this target");
  });

  it("passes when calls were made as the kind, unknown when none were, fails on an identity finding", () => {
    const run = new RunBuilder()
      .add(call(0, "ListFindings", { kind: "IAMUser" }))
      .add(call(1, "ListFindings", { kind: "AssumedRole" }), [f("identity.arn_mismatch", "userIdentity.arn")]);
    const checks = buildChecks(run.input());
    expect(byId(checks, "inspector:*/identity:IAMUser")).toMatchObject({ status: "pass", count: 1 });
    expect(byId(checks, "inspector:*/identity:Root").status).toBe("unknown");
    expect(byId(checks, "inspector:*/identity:AssumedRole")).toMatchObject({ status: "fail", failed: 1 });
    expect(byId(checks, "inspector:*/identity:AssumedRole").counterexample?.calls.map((c) => c.seq)).toEqual([1]);
  });
});

describe("buildChecks: counterexamples", () => {
  it("takes the smallest failing call, with the calls that created what it used, its findings and the replay command", () => {
    const target = "arn:aws:inspector:us-east-1:111122223333:target/0-abc";
    const template = `${target}/template/0-def`;
    const run = new RunBuilder()
      .add(call(0, "CreateResourceGroup", { response: { resourceGroupArn: "arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-rg" } }))
      .add(call(1, "CreateAssessmentTarget", { request: { assessmentTargetName: "t", resourceGroupArn: "arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-rg" }, response: { assessmentTargetArn: target } }))
      .add(call(2, "ListFindings"))
      .add(call(3, "CreateAssessmentTemplate", { request: { assessmentTargetArn: target, assessmentTemplateName: "x", durationInSeconds: 180, rulesPackageArns: [] }, response: { assessmentTemplateArn: template } }))
      .add(call(4, "StartAssessmentRun", { request: { assessmentTemplateArn: template, assessmentRunName: "a-much-longer-run-name-than-the-other" } }), [f("logging.response_mismatch", "responseElements")])
      .add(call(5, "StartAssessmentRun", { request: { assessmentTemplateArn: template } }), [f("logging.response_mismatch", "responseElements.assessmentRunArn"), f("shape.wrong_type", "readOnly")]);
    const c = byId(buildChecks(run.input({ replayCommand: (seq) => `npm run conformance -- --seed 42 --path 0:${seq}` })), "inspector:StartAssessmentRun/logging");
    expect(c.status).toBe("fail");
    expect(c.counterexample?.calls.map((x) => x.seq)).toEqual([0, 1, 3, 5]);
    expect(c.counterexample?.findings.map((x) => x.path)).toEqual(["responseElements.assessmentRunArn"]);
    expect(c.counterexample?.replay).toBe("npm run conformance -- --seed 42 --path 0:5");
    expect(c.counterexample?.calls[3]).toMatchObject({ operation: "StartAssessmentRun", identity: "IAMUser arn:aws:iam::111122223333:user/Alice", outcome: "ok" });
  });

  it("attaches a shrunk counterexample to its check, which it proves failing", () => {
    const run = RunBuilder.conforming();
    const shrunk = {
      calls: [{ seq: 0, operation: "CreateResourceGroup", identity: "Root arn:aws:iam::111122223333:root", request: { resourceGroupTags: [] }, outcome: "ok" }],
      findings: [f("echo.request_mismatch")],
      replay: "npm run conformance -- --seed 7 --path 2:1",
    };
    const checks = buildChecks(run.input({ counterexamples: [shrunk] }));
    const c = byId(checks, "inspector:CreateResourceGroup/echo");
    expect(c.status).toBe("fail");
    expect(c.counterexample).toBe(shrunk);
    expect(c.message).toContain("shrunk counterexample");
    expect(byId(checks, "inspector:CreateResourceGroup/shape").counterexample).toBeNull();
  });
});
