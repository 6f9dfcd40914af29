import * as sdk from "@aws-sdk/client-inspector";
import { describe, expect, it } from "vitest";
import { GENERATED_OPERATIONS } from "../../generators/operation-inputs.js";
import { ARN_MEMBER_KINDS, holdsArns, producedKinds, deletedMembers } from "../../generators/resource-kinds.js";
import { inputSites } from "../../generators/constraint-sites.js";

describe("the generator table", () => {
  it("has exactly the operations of @aws-sdk/client-inspector's *Command exports", () => {
    const sdkOperations = Object.keys(sdk)
      .filter((name) => name.endsWith("Command") && typeof (sdk as Record<string, unknown>)[name] === "function")
      .map((name) => name.slice(0, -"Command".length))
      .sort();
    expect(sdkOperations.length).toBe(37);
    expect([...GENERATED_OPERATIONS].sort()).toEqual(sdkOperations);
  });

  it("maps every ARN-holding input member of the model to a resource kind", () => {
    for (const operation of GENERATED_OPERATIONS) {
      for (const site of inputSites(operation)) {
        if (holdsArns(site.shapeName)) expect(site.arnKind, `${operation} ${site.memberName}`).toBe(ARN_MEMBER_KINDS[site.memberName]);
      }
    }
    const inputArnMembers = new Set(GENERATED_OPERATIONS.flatMap((op) => inputSites(op).filter((s) => holdsArns(s.shapeName)).map((s) => s.memberName)));
    for (const member of inputArnMembers) expect(Object.keys(ARN_MEMBER_KINDS)).toContain(member);
  });

  it("derives what each output feeds to the pool from the output member names", () => {
    expect(producedKinds("CreateAssessmentTarget")).toEqual(["target"]);
    expect(producedKinds("CreateAssessmentTemplate")).toEqual(["template"]);
    expect(producedKinds("CreateResourceGroup")).toEqual(["resourcegroup"]);
    expect(producedKinds("StartAssessmentRun")).toEqual(["run"]);
    expect(producedKinds("CreateExclusionsPreview")).toEqual(["previewToken"]);
    expect(producedKinds("ListFindings")).toEqual(["finding"]);
    expect(producedKinds("ListExclusions")).toEqual(["exclusion"]);
    expect(producedKinds("ListRulesPackages")).toEqual(["rulespackage"]);
    expect(producedKinds("DescribeCrossAccountAccessRole")).toEqual(["role"]);
    expect(producedKinds("SetTagsForResource")).toEqual([]);
    expect(deletedMembers("DeleteAssessmentRun")).toEqual(["assessmentRunArn"]);
    expect(deletedMembers("StopAssessmentRun")).toEqual([]);
    const producers = GENERATED_OPERATIONS.filter((op) => producedKinds(op).length > 0);
    expect(producers.sort()).toEqual(
      [
        "CreateAssessmentTarget", "CreateAssessmentTemplate", "CreateExclusionsPreview", "CreateResourceGroup",
        "DescribeCrossAccountAccessRole", "ListAssessmentRuns", "ListAssessmentTargets", "ListAssessmentTemplates",
        "ListExclusions", "ListFindings", "ListRulesPackages", "StartAssessmentRun",
      ].sort(),
    );
  });
});
