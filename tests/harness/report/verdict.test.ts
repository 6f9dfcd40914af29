import { describe, expect, it } from "vitest";
import { buildChecks, exitCodeOf, explainVerdict, verdictOf } from "../../../harness/report/index.js";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { call, f, RunBuilder } from "./run-builder.js";

describe("verdictOf", () => {
  it("passes a conforming run, exit 0", () => {
    const checks = buildChecks(RunBuilder.conforming().input());
    expect(verdictOf(checks, [])).toBe("pass");
    expect(exitCodeOf("pass")).toBe(0);
    expect(explainVerdict(checks, [])).toEqual([expect.stringContaining("Every required check passed")]);
  });

  it("fails on a required finding, and fail beats unknown", () => {
    const run = new RunBuilder().add(call(0, "ListFindings"), [f("shape.missing_field", "eventTime")]);
    const checks = buildChecks(run.input());
    expect(checks.some((c) => c.status === "unknown")).toBe(true);
    expect(verdictOf(checks, [])).toBe("fail");
    expect(verdictOf(checks, [{ scope: "lookupEvents", reason: "x" }])).toBe("fail");
    expect(exitCodeOf("fail")).toBe(1);
    expect(explainVerdict(checks, [])[0]).toContain("inspector:ListFindings/shape");
  });

  it("names the distinct problems that explain the failing checks, and any failing check none explains", () => {
    const run = new RunBuilder()
      .add(call(0, "ListFindings"), [f("shape.missing_field", "eventTime")])
      .add(call(1, "DescribeFindings"), [f("shape.missing_field", "eventTime")])
      .add(call(2, "ListTagsForResource"), [f("correlated.event_name", "eventName")]);
    const checks = buildChecks(run.input());
    const failing = checks.filter((c) => c.status === "fail").map((c) => c.id);
    expect(failing).toHaveLength(3);
    const refs = [{ label: "P1", text: "shape.missing_field at eventTime: 2 calls", checks: failing.slice(0, 2) }];
    const [line] = explainVerdict(checks, [], [], refs);
    expect(line).toBe(`1 distinct problem fails 3 required checks: P1 shape.missing_field at eventTime: 2 calls. Each problem has its smallest counterexample and replay command (above, conformance.md, conformance.html). 1 failing check no problem explains: ${failing[2]}.`);
    // Without problems (a caller that has none), the failing checks themselves.
    expect(explainVerdict(checks, [])[0]).toMatch(/^3 required checks failed: /);
  });

  it("does not fail on advisory findings", () => {
    const run = RunBuilder.conforming();
    run.byCall.set(0, [f("correlated.api_version", "apiVersion")]);
    expect(verdictOf(buildChecks(run.input()), [])).toBe("pass");
  });

  it("keeps pass when an identity kind is na", () => {
    const run = RunBuilder.conforming();
    run.identities = run.identities.map((i) => (i.kind === "Root" ? { kind: "Root", status: "na", reason: "no root keys on this account" } : i));
    run.calls = run.calls.map((c) => (c.identity.kind === "Root" ? { ...c, identity: { ...c.identity, kind: "IAMUser" } } : c));
    const checks = buildChecks(run.input());
    expect(checks.find((c) => c.id === "inspector:*/identity:Root")?.status).toBe("na");
    expect(verdictOf(checks, [])).toBe("pass");
    expect(verdictOf(checks, [{ scope: "sts", reason: "no STS" }])).toBe("pass");
  });

  it("is unknown when the target is unsupported, exit 2", () => {
    const unsupported = [{ scope: "inspector" as const, reason: "Amazon Inspector Classic reached end of support on 2026-05-20" }];
    const checks = buildChecks(RunBuilder.conforming().input({ unsupported }));
    expect(verdictOf(checks, unsupported)).toBe("unknown");
    expect(exitCodeOf("unknown")).toBe(2);
    expect(explainVerdict(checks, unsupported).join("\n")).toContain("end of support");
  });

  it("is unknown when an operation was never observed", () => {
    const run = RunBuilder.conforming();
    run.calls = run.calls.filter((c) => c.operation !== "PreviewAgents");
    const checks = buildChecks(run.input());
    expect(verdictOf(checks, [])).toBe("unknown");
    expect(explainVerdict(checks, []).join("\n")).toContain("PreviewAgents");
  });

  it("is unknown when a rule family was observed for no operation (no call ever failed)", () => {
    const run = RunBuilder.conforming();
    run.calls = run.calls.filter((c) => c.outcome === "ok");
    const checks = buildChecks(run.input());
    expect(verdictOf(checks, [])).toBe("unknown");
    expect(explainVerdict(checks, []).join("\n")).toContain("error");
  });

  it("stays pass when one cell of an observed operation is unknown", () => {
    const run = RunBuilder.conforming();
    run.calls = run.calls.filter((c) => !(c.operation === "ListFindings" && c.outcome === "error"));
    const checks = buildChecks(run.input());
    expect(checks.find((c) => c.id === "inspector:ListFindings/error")?.status).toBe("unknown");
    expect(verdictOf(checks, [])).toBe("pass");
    expect(explainVerdict(checks, []).join("\n")).toContain("inspector:ListFindings/error");
  });

  it("is unknown when an available identity kind was never used, and when there is nothing at all", () => {
    const run = RunBuilder.conforming();
    run.calls = run.calls.map((c) => (c.identity.kind === "FederatedUser" ? { ...c, identity: { ...c.identity, kind: "Root" } } : c));
    expect(verdictOf(buildChecks(run.input()), [])).toBe("unknown");
    expect(verdictOf([], [])).toBe("unknown");
    expect(INSPECTOR_OPERATIONS.length).toBe(37);
  });
});
