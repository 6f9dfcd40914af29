/**
 * Distinct problems (harness/report/problems.ts): findings that differ only in indices, ids or
 * operation are one problem; different codes, caller kinds (identity rules) or calls are two; the
 * codes one wrong value sets off on the same calls are one; a finding both collectors saw is
 * counted once; the report's problems are computed again from its JSON alone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildReport, ConformanceReportSchema, parseReport, pathPattern, problemsOfReport, renderConsole, renderHtml, renderMarkdown, setDigest, type ReportInput,
} from "../../../harness/report/index.js";
import { mergeTrailFindings } from "../../../harness/check/trail-check.js";
import { finding, type Finding } from "../../../oracles/finding.js";
import type { RunResult } from "../../../oracles/index.js";
import type { IdentityKind } from "../../../history/observed-call.js";
import { call, f, RunBuilder } from "./run-builder.js";

function reportOf(run: RunBuilder, extra: Partial<ReportInput> = {}): ReturnType<typeof buildReport> {
  const input = run.input();
  return buildReport({
    target: "embedded", endpoint: undefined, region: "us-east-1", seed: 42, runs: 40, rulesEdition: "2020", mode: "interactive",
    startedAt: "2026-05-01T12:00:00.000Z", endedAt: "2026-05-01T12:01:00.000Z",
    calls: input.calls, records: [], findings: input.findings, identities: input.identities, unsupported: [], ...extra,
  });
}

/** A conforming run with `findings` added on new calls (seq from 200), one call each. */
function withFindings(...added: { op: string; kind?: IdentityKind; findings: Finding[] }[]): RunBuilder {
  const run = RunBuilder.conforming();
  added.forEach((a, i) => run.add(call(200 + i, a.op, { kind: a.kind ?? "IAMUser" }), a.findings));
  return run;
}

const typeMismatch = (kind: IdentityKind): Finding => finding("identity.type_mismatch", "userIdentity.type", kind, "IAMUser");
const arnForm = (): Finding => finding("identity.arn_form", "userIdentity.arn", "arn:aws:sts::<acct>:assumed-role/<role>/<session>", "arn:aws:iam::111122223333:user/Alice");

describe("pathPattern", () => {
  it("abstracts indices, seqs, ids and the records[i] prefix, and keeps field names", () => {
    expect(pathPattern("records[3].userIdentity.type")).toBe("userIdentity.type");
    expect(pathPattern("requestParameters.resourceGroupTags[2].key")).toBe("requestParameters.resourceGroupTags[].key");
    expect(pathPattern("calls[seq=12]")).toBe("calls[]");
    expect(pathPattern("records[4]")).toBe("records[]");
    expect(pathPattern("responseElements.failedItems.arn:aws:inspector:us-east-1:111122223333:target/0-abc.failureCode")).toBe("responseElements.failedItems.*.failureCode");
    expect(pathPattern("readOnly")).toBe("readOnly");
    expect(pathPattern("userIdentity.sessionContext.sessionIssuer.arn")).toBe("userIdentity.sessionContext.sessionIssuer.arn");
  });

  it("gives one pattern whatever the indices (property)", () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, r) => {
      expect(pathPattern(`records[${r}].requestParameters.x[${a}].y[${b}]`)).toBe("requestParameters.x[].y[]");
    }));
  });

  it("digests a set, whatever its order, and tells sets apart", () => {
    expect(setDigest(["call:1", "call:2"])).toBe(setDigest(["call:2", "call:1", "call:1"]));
    expect(setDigest(["call:1", "call:2"])).not.toBe(setDigest(["call:1", "call:3"]));
    expect(setDigest(["ab"])).not.toBe(setDigest(["a", "b"]));
  });
});

describe("problemsOf: grouping", () => {
  it("findings that differ only in index and operation are one problem, across operations", () => {
    const report = reportOf(withFindings(
      { op: "CreateResourceGroup", findings: [f("echo.request_mismatch", "requestParameters.resourceGroupTags[0].key")] },
      { op: "SetTagsForResource", findings: [f("echo.request_mismatch", "requestParameters.tags[1].key")] },
      { op: "CreateAssessmentTarget", findings: [f("echo.request_mismatch", "requestParameters.resourceGroupTags[3].key")] },
    ));
    const problems = report.problems!;
    expect(problems.map((p) => [p.id, p.calls, p.findings])).toEqual([
      ["echo.request_mismatch:requestParameters.resourceGroupTags.*.key", 2, 2],
      ["echo.request_mismatch:requestParameters.tags.*.key", 1, 1],
    ]);
    expect(problems[0]!.operations).toEqual(["inspector:CreateAssessmentTarget", "inspector:CreateResourceGroup"]);
    expect(problems[0]!.checks).toEqual(["inspector:CreateAssessmentTarget/echo", "inspector:CreateResourceGroup/echo"]);
  });

  it("different codes on different fields of the same calls are two problems", () => {
    const report = reportOf(withFindings(
      { op: "ListFindings", findings: [finding("shape.wrong_type", "readOnly", "boolean", "true"), finding("correlated.event_source", "eventSource", "inspector.amazonaws.com", "x")] },
      { op: "DescribeFindings", findings: [finding("shape.wrong_type", "readOnly", "boolean", "true"), finding("correlated.event_source", "eventSource", "inspector.amazonaws.com", "x")] },
    ));
    expect(report.problems!.map((p) => p.code).sort()).toEqual(["correlated.event_source", "shape.wrong_type"]);
    expect(report.problems!.every((p) => p.related.length === 0)).toBe(true);
  });

  it("identity rules: one problem per caller kind, scoped to it", () => {
    const report = reportOf(withFindings(
      { op: "ListFindings", kind: "AssumedRole", findings: [typeMismatch("AssumedRole")] },
      { op: "DescribeFindings", kind: "AssumedRole", findings: [typeMismatch("AssumedRole")] },
      { op: "ListFindings", kind: "FederatedUser", findings: [typeMismatch("FederatedUser")] },
    ));
    expect(report.problems!.map((p) => [p.id, p.scope.identity, p.calls])).toEqual([
      ["identity.type_mismatch:userIdentity.type:AssumedRole", "AssumedRole", 2],
      ["identity.type_mismatch:userIdentity.type:FederatedUser", "FederatedUser", 1],
    ]);
    expect(report.problems![0]!.checks).toContain("inspector:*/identity:AssumedRole");
  });

  it("codes on one field of exactly the same calls are one problem (the most frequent first); on other calls, two", () => {
    const same = reportOf(withFindings(
      { op: "ListFindings", kind: "AssumedRole", findings: [typeMismatch("AssumedRole"), arnForm()] },
      { op: "CreateResourceGroup", kind: "AssumedRole", findings: [typeMismatch("AssumedRole"), arnForm()] },
    ));
    expect(same.problems).toHaveLength(1);
    expect(same.problems![0]).toMatchObject({
      id: "identity.type_mismatch:userIdentity.type:AssumedRole", related: [{ code: "identity.arn_form", path: "userIdentity.arn" }], calls: 2, findings: 4,
      scope: { identity: "AssumedRole", text: "AssumedRole callers" },
    });
    const apart = reportOf(withFindings(
      { op: "ListFindings", kind: "AssumedRole", findings: [typeMismatch("AssumedRole"), arnForm()] },
      { op: "CreateResourceGroup", kind: "AssumedRole", findings: [typeMismatch("AssumedRole")] },
    ));
    expect(apart.problems!.map((p) => p.code)).toEqual(["identity.type_mismatch", "identity.arn_form"]);
  });

  it("names what the findings share: a caller kind (two calls at least), an operation class (two operations at least)", () => {
    const report = reportOf(withFindings(
      { op: "ListFindings", kind: "Root", findings: [finding("correlated.read_only", "readOnly", true, false)] },
      { op: "DescribeFindings", kind: "Root", findings: [finding("correlated.read_only", "readOnly", true, false)] },
    ));
    expect(report.problems![0]!.scope).toEqual({ identity: "Root", operationClass: "read", text: "Root callers, read operations" });
    expect(report.problems![0]!.id).toBe("correlated.read_only:readOnly");
    const one = reportOf(withFindings({ op: "ListFindings", kind: "Root", findings: [finding("correlated.read_only", "readOnly", true, false)] }));
    expect(one.problems![0]!.scope).toEqual({ identity: null, operationClass: null, text: "" });
  });

  it("required problems first, by calls; advisory ones after, counted apart in the headline", () => {
    const report = reportOf(withFindings(
      { op: "ListFindings", findings: [f("correlated.api_version", "apiVersion")] },
      { op: "ListFindings", findings: [f("correlated.api_version", "apiVersion")] },
      { op: "ListFindings", findings: [f("correlated.api_version", "apiVersion")] },
      { op: "DescribeFindings", findings: [f("shape.missing_field", "eventTime")] },
      { op: "CreateResourceGroup", findings: [f("echo.request_mismatch", "requestParameters")] },
      { op: "SetTagsForResource", findings: [f("echo.request_mismatch", "requestParameters")] },
    ));
    expect(report.problems!.map((p) => [p.code, p.severity, p.calls])).toEqual([
      ["echo.request_mismatch", "required", 2], ["shape.missing_field", "required", 1], ["correlated.api_version", "advisory", 3],
    ]);
    expect(report.problems![2]!.counterexample).toBeNull();
    expect(renderConsole(report).split("\n")[0]).toBe("2 distinct problems, 1 advisory problem (verdict FAIL)");
    expect(renderMarkdown(report).split("\n")[0]).toBe("# 2 distinct problems, 1 advisory problem (conformance: FAIL)");
    expect(renderMarkdown(report)).toContain("## Advisory problems (1; they do not fail the run)");
  });

  it("takes the smallest counterexample (fewest calls) of the failing checks it touches", () => {
    const run = RunBuilder.conforming();
    const arn = "arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-x";
    run.add(call(300, "CreateResourceGroup", { response: { resourceGroupArn: arn } }));
    // The first failing call needs the call that created its resource group; the second needs none.
    run.add(call(301, "CreateAssessmentTarget", { request: { resourceGroupArn: arn } }), [finding("shape.wrong_type", "readOnly", "boolean", "false")]);
    run.add(call(302, "ListFindings", { request: {} }), [finding("shape.wrong_type", "readOnly", "boolean", "true")]);
    const report = reportOf(run, { replayCommand: (seq) => `npm run conformance -- --seed 42 --path 0:${seq}` });
    const p = report.problems![0]!;
    expect(report.checks.find((c) => c.id === "inspector:CreateAssessmentTarget/shape")!.counterexample!.calls.map((c) => c.seq)).toEqual([300, 301]);
    expect(p.counterexampleCheck).toBe("inspector:ListFindings/shape");
    expect(p.counterexample!.calls.map((c) => c.seq)).toEqual([302]);
    expect(p.counterexample!.replay).toBe("npm run conformance -- --seed 42 --path 0:302");
  });

  it("a conforming run has no problem, and says so first", () => {
    const report = reportOf(RunBuilder.conforming());
    expect(report.problems).toEqual([]);
    expect(report.verdict).toBe("pass");
    expect(renderConsole(report).split("\n")[0]).toBe("0 distinct problems (verdict PASS)");
    expect(renderMarkdown(report).split("\n")[0]).toBe("# 0 distinct problems (conformance: PASS)");
    expect(renderHtml(report)).toContain("<h1>0 distinct problems (conformance: <span class=\"pass\">PASS</span>)</h1>");
  });
});

describe("channels: a record's problem counted once", () => {
  /** An oracles' result: per-record findings by call, and completeness findings. */
  function resultOf(byCall: [number, Finding[]][], completeness: Finding[] = []): RunResult {
    const all = [...completeness, ...byCall.flatMap(([, list]) => list)];
    return { all, byCall: new Map(byCall), findings: completeness, matched: new Map(), duplicatesCollapsed: 0, ignored: 0, uncollected: [] };
  }

  /** A run whose call 200's record, read through both collectors, has readOnly as a string; call 201's record is in neither. */
  function bothChannels(): RunBuilder {
    const wrongType = (): Finding => finding("shape.wrong_type", "readOnly", "boolean", "true");
    const lookup = resultOf([[200, [wrongType()]]]);
    mergeTrailFindings(lookup, resultOf([[200, [wrongType()]]], [finding("completeness.missing_record", "calls[seq=201]", "one record", "none")]));
    const run = RunBuilder.conforming();
    run.add(call(200, "ListFindings"), lookup.byCall.get(200));
    run.add(call(201, "ListFindings"), [], false);
    run.runLevel.push(...lookup.all.filter((x) => x.path.startsWith("calls[")));
    return run;
  }

  it("marks each finding with the channel it came through", () => {
    const run = bothChannels();
    expect(run.byCall.get(200)!.map((x) => x.channel)).toEqual(["lookup-events", "trail-file"]);
    expect(run.runLevel.map((x) => x.channel)).toEqual(["trail-file"]);
  });

  it("counts the finding both channels saw once: findingsByCode, the check, the problem (which names both)", () => {
    const report = reportOf(bothChannels());
    expect(report.findingsByCode).toEqual({ "shape.wrong_type": 1, "completeness.missing_record": 1 });
    const shape = report.checks.find((c) => c.id === "inspector:ListFindings/shape")!;
    expect(shape).toMatchObject({ status: "fail", failed: 1 });
    expect(shape.message).toContain("shape.wrong_type ×1.");
    expect(shape.message).toContain("Seen in LookupEvents and trail files (each counted once).");
    expect(shape.counterexample!.findings).toHaveLength(1);
    const problem = report.problems!.find((p) => p.code === "shape.wrong_type")!;
    expect(problem).toMatchObject({ findings: 1, calls: 1, channels: ["lookup-events", "trail-file"] });
    expect(report.problems!.find((p) => p.code === "completeness.missing_record")!.channels).toEqual(["trail-file"]);
    expect(renderConsole(report)).toContain("1 call (1 finding) in 1 operation; seen in LookupEvents and trail files, counted once");
  });

  it("two different values on one call are two findings, not one", () => {
    const run = RunBuilder.conforming();
    run.add(call(200, "ListFindings"), [finding("shape.wrong_type", "readOnly", "boolean", "true"), finding("shape.wrong_type", "managementEvent", "boolean", "true")]);
    expect(reportOf(run).findingsByCode).toEqual({ "shape.wrong_type": 2 });
  });
});

describe("problemsOfReport", () => {
  it("computes a report's problems again from its JSON alone", () => {
    const report = reportOf(withFindings(
      { op: "ListFindings", kind: "AssumedRole", findings: [typeMismatch("AssumedRole"), arnForm()] },
      { op: "CreateResourceGroup", findings: [f("echo.request_mismatch", "requestParameters.resourceGroupTags[0]")] },
    ));
    const parsed = parseReport(JSON.stringify(report));
    expect(problemsOfReport(parsed)).toEqual(report.problems);
    expect(report.problems).toHaveLength(2);
  });

  it("reads a report written before problems existed: none, and renders it", () => {
    const report = JSON.parse(JSON.stringify(reportOf(RunBuilder.conforming()))) as Record<string, unknown>;
    delete report["problems"];
    delete report["findingTally"];
    const parsed = ConformanceReportSchema.parse(report);
    expect(parsed.problems).toEqual([]);
    expect(parsed.findingTally).toEqual([]);
    expect(renderMarkdown(parsed).split("\n")[0]).toBe("# 0 distinct problems (conformance: PASS)");
  });
});
