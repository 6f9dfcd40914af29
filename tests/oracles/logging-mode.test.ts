/** The logging-mode table: covers exactly the 37 operations, and agrees with the documents' rules. */
import { describe, expect, it } from "vitest";
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";
import { LOGGING_TABLE, OPERATION_CLASSES, operationLogging } from "../../oracles/logging-mode.js";

describe("logging-mode table", () => {
  it("covers exactly the 37 operations of the service model", () => {
    expect(INSPECTOR_OPERATIONS).toHaveLength(37);
    expect(Object.keys(OPERATION_CLASSES).sort()).toEqual([...INSPECTOR_OPERATIONS]);
    expect(LOGGING_TABLE.map((r) => r.operation)).toEqual([...INSPECTOR_OPERATIONS]);
  });

  it("classes follow the name rule of docs/rules.md, rule 2", () => {
    const mutating = /^(Create|Start|Stop|Delete|Update|Add|Remove|Set|Register|Subscribe|Unsubscribe)/;
    for (const row of LOGGING_TABLE) {
      const expected = /^(List|Describe)/.test(row.operation) ? "list-describe" : mutating.test(row.operation) ? "mutating" : "other-read";
      expect(row.class, row.operation).toBe(expected);
    }
    expect(LOGGING_TABLE.filter((r) => r.class === "other-read").map((r) => r.operation)).toEqual([
      "GetAssessmentReport", "GetExclusionsPreview", "GetTelemetryMetadata", "PreviewAgents",
    ]);
  });

  it("the two editions disagree exactly on the four other read-only operations (the two editions of Inspector Classic's logging page, docs/decisions.md 1)", () => {
    const differ = LOGGING_TABLE.filter((r) => r.mode["2017"] !== r.mode["2020"]).map((r) => r.operation);
    expect(differ).toEqual(["GetAssessmentReport", "GetExclusionsPreview", "GetTelemetryMetadata", "PreviewAgents"]);
    expect(operationLogging("PreviewAgents")!.mode).toEqual({ "2020": "request-only", "2017": "request-and-response" });
    expect(operationLogging("ListAssessmentRuns")!.mode).toEqual({ "2020": "request-only", "2017": "request-only" });
    expect(operationLogging("CreateResourceGroup")!.mode).toEqual({ "2020": "request-and-response", "2017": "request-and-response" });
  });

  it("nine mutating operations have no output shape, one operation has no input (the service model)", () => {
    expect(LOGGING_TABLE.filter((r) => r.emptyOutput).map((r) => r.operation)).toEqual([
      "DeleteAssessmentRun", "DeleteAssessmentTarget", "DeleteAssessmentTemplate", "RegisterCrossAccountAccessRole",
      "SetTagsForResource", "StopAssessmentRun", "SubscribeToEvent", "UnsubscribeFromEvent", "UpdateAssessmentTarget",
    ]);
    expect(LOGGING_TABLE.filter((r) => r.noInput).map((r) => r.operation)).toEqual(["DescribeCrossAccountAccessRole"]);
  });

  it("readOnly is true for every class except mutating; unknown names have no row", () => {
    for (const row of LOGGING_TABLE) expect(row.readOnly).toBe(row.class !== "mutating");
    expect(operationLogging("DescribeEverything")).toBeUndefined();
    expect(operationLogging("toString")).toBeUndefined();
  });
});
