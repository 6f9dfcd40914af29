/**
 * A report of two services: each service has its own checks (ids named by it: ListTagsForResource is
 * in both), matrix, verdict and reasons; the run's verdict is fail if one fails, else unknown if one
 * is unknown; a service the target lacks is unknown for that service only, and the report says
 * plainly how the other one did.
 */
import { describe, expect, it } from "vitest";
import { buildReport, renderConsole, renderHtml, renderMarkdown, type ReportInput } from "../../../harness/report/index.js";
import type { ServicePart } from "../../../harness/report/build-report.js";
import { INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { call, f, RunBuilder } from "./run-builder.js";

/** A conforming run of every v2 operation, once ok and once failing, seqs from 1000. */
function conformingV2(): RunBuilder {
  const run = new RunBuilder();
  const kinds = ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const;
  INSPECTOR2_OPERATIONS.forEach((op, i) => {
    run.add({ ...call(1000 + 2 * i, op, { kind: kinds[i % 4] }), service: "inspector2" });
    run.add({ ...call(1001 + 2 * i, op, { kind: kinds[(i + 1) % 4], outcome: "error", errorCode: "ValidationException" }), service: "inspector2" });
  });
  return run;
}

function part(service: ServicePart["service"], run: RunBuilder): ServicePart {
  const input = run.input();
  return { service, calls: input.calls, records: [], findings: input.findings, ...(service === "inspector2" ? { seconds: 2.5 } : {}), unverified: service === "inspector2" ? [{ rule: "apiVersion", codes: ["correlated.api_version"], why: "no v2 record documents it" }] : [] };
}

function input(parts: ServicePart[], extra: Partial<ReportInput> = {}): ReportInput {
  return {
    target: "embedded", endpoint: undefined, region: "us-east-1", seed: 42, runs: 40, rulesEdition: "2020", mode: "interactive",
    startedAt: "2026-05-01T12:00:00.000Z", endedAt: "2026-05-01T12:01:00.000Z", calls: [], records: [], findings: { all: [], byCall: new Map() },
    identities: RunBuilder.conforming().identities, unsupported: [], services: parts, ...extra,
  };
}

describe("a report of two services", () => {
  it("passes when both pass, with one matrix per service and ids that name the service", () => {
    const report = buildReport(input([part("inspector", RunBuilder.conforming()), part("inspector2", conformingV2())]));
    expect(report.verdict).toBe("pass");
    expect(report.services.map((s) => [s.service, s.verdict, s.operations])).toEqual([["inspector", "pass", 37], ["inspector2", "pass", 81]]);
    const ids = report.checks.map((c) => c.id);
    expect(ids).toContain("inspector:ListTagsForResource/echo");
    expect(ids).toContain("inspector2:ListTagsForResource/echo");
    expect(ids).toContain("inspector2:*/identity:Root");
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.checks.filter((c) => c.operation !== "*")).toHaveLength((37 + 81) * 7);
    expect(report.coverage.filter((c) => c.service === "inspector2")).toHaveLength(81);
    expect(renderConsole(report)).toMatch(/Inspector Classic \(inspector\): PASS, 74 calls, 0 records\n[\s\S]*Amazon Inspector \(v2\) \(inspector2\): PASS, 162 calls, 0 records, 2.5 s\n/);
    expect(report.services.map((s) => s.seconds)).toEqual([null, 2.5]);
    expect(renderMarkdown(report)).toContain("apiVersion: no v2 record documents it (`correlated.api_version`)");
    expect(report.services[1]!.unverified).toEqual([{ rule: "apiVersion", why: "no v2 record documents it", codes: ["correlated.api_version"] }]);
    expect(renderHtml(report)).toContain("<h2>Amazon Inspector (v2) (<code>inspector2</code>)");
  });

  it("fails when one service fails; the failing check names its service and the other's pass is said", () => {
    const v2 = conformingV2();
    v2.add({ ...call(5000, "UntagResource", {}), service: "inspector2" }, [f("echo.request_mismatch", "requestParameters.tagKeys")]);
    const report = buildReport(input([part("inspector", RunBuilder.conforming()), part("inspector2", v2)]));
    expect(report.verdict).toBe("fail");
    expect(report.checks.filter((c) => c.status === "fail").map((c) => c.id)).toEqual(["inspector2:UntagResource/echo"]);
    expect(report.checks.find((c) => c.id === "inspector:UntagResource/echo")).toBeUndefined();
    expect(report.messages[0]).toBe("Inspector Classic: pass (74 calls, 37 operations). Amazon Inspector (v2): fail (163 calls, 81 operations).");
    expect(report.messages).toContain(
      "Amazon Inspector (v2): 1 distinct problem fails 1 required check: P1 echo.request_mismatch at requestParameters.tagKeys: 1 call (1 finding) in 1 operation. " +
        "Each problem has its smallest counterexample and replay command (above, conformance.md, conformance.html).",
    );
  });

  it("a service the target lacks is unknown for that service alone; the other still passes on its own", () => {
    const report = buildReport(input(
      [part("inspector", new RunBuilder()), part("inspector2", conformingV2())],
      { unsupported: [{ scope: "inspector", reason: "HTTP 404 for ListRulesPackages" }] },
    ));
    expect(report.verdict).toBe("unknown");
    expect(report.services.map((s) => [s.service, s.verdict])).toEqual([["inspector", "unknown"], ["inspector2", "pass"]]);
    expect(report.checks.filter((c) => c.service === "inspector2").every((c) => c.status === "pass")).toBe(true);
    expect(report.messages[0]).toContain("Amazon Inspector (v2): pass");
    expect(report.messages.join("\n")).toContain("Inspector Classic: The target does not serve Inspector Classic (HTTP 404 for ListRulesPackages)");
  });

  it("LookupEvents missing makes both unknown", () => {
    const report = buildReport(input([part("inspector", RunBuilder.conforming()), part("inspector2", conformingV2())], { unsupported: [{ scope: "lookupEvents", reason: "HTTP 500" }] }));
    expect(report.services.map((s) => s.verdict)).toEqual(["unknown", "unknown"]);
  });
});
