import { describe, expect, it } from "vitest";
import { MEMBER_ERROR_CODES, errorCodeFor } from "../../../emulator/inspector/error-codes.js";
import { HANDLERS } from "../../../emulator/inspector/operations/index.js";
import { InspectorService } from "../../../emulator/inspector/service.js";
import { INSPECTOR_OPERATIONS, inspectorModel, shapeOf } from "../../../model/service-model.js";

const ENUM = new Set(shapeOf(inspectorModel, "InvalidInputErrorCode").enum);

/** Every member path of an input shape, in the notation of error-codes.ts. */
function memberPaths(shapeName: string, prefix = ""): string[] {
  const shape = shapeOf(inspectorModel, shapeName);
  if (shape.type === "structure") {
    return Object.entries(shape.members ?? {}).flatMap(([m, ref]) => {
      const p = prefix === "" ? m : `${prefix}.${m}`;
      return [p, ...memberPaths(ref.shape, p)];
    });
  }
  if (shape.type === "list") return [`${prefix}[]`, ...memberPaths(shape.member!.shape, `${prefix}[]`)];
  return [];
}

describe("operation coverage", () => {
  it("has a handler for exactly the 37 model operations", () => {
    expect(INSPECTOR_OPERATIONS).toHaveLength(37);
    expect(Object.keys(HANDLERS).sort()).toEqual([...INSPECTOR_OPERATIONS]);
    const s = new InspectorService();
    for (const op of INSPECTOR_OPERATIONS) expect(s.has(op)).toBe(true);
    expect(s.has("ListFindingsV2")).toBe(false);
    expect(s.has("toString")).toBe(false);
  });

  it("rejects an unknown operation without throwing", () => {
    const r = new InspectorService().call("Nope", {}, { principal: { kind: "Root", accountId: "111122223333", accessKeyId: "AKIA" }, region: "us-east-1", requestId: "r", sourceIp: "", userAgent: "", startedAt: new Date() });
    expect(r.ok).toBe(false);
  });
});

describe("member -> errorCode table", () => {
  it("uses only codes of the model's InvalidInputErrorCode enum", () => {
    for (const code of Object.values(MEMBER_ERROR_CODES)) expect(ENUM.has(code), code).toBe(true);
  });

  it("gives every input member of every operation an enum code", () => {
    for (const op of INSPECTOR_OPERATIONS) {
      const input = inspectorModel.operations[op]!.input;
      if (input === undefined) continue;
      for (const path of memberPaths(input.shape)) {
        const code = errorCodeFor(op, path);
        expect(ENUM.has(code), `${op} ${path} -> ${code}`).toBe(true);
      }
    }
  });

  it("names the member where a code exists", () => {
    expect(errorCodeFor("CreateAssessmentTarget", "assessmentTargetName")).toBe("INVALID_ASSESSMENT_TARGET_NAME");
    expect(errorCodeFor("CreateResourceGroup", "resourceGroupTags")).toBe("INVALID_NUMBER_OF_RESOURCE_GROUP_TAGS");
    expect(errorCodeFor("CreateResourceGroup", "resourceGroupTags[].value")).toBe("INVALID_RESOURCE_GROUP_TAG_VALUE");
    expect(errorCodeFor("ListAssessmentRuns", "filter.durationRange.minSeconds")).toBe("INVALID_ASSESSMENT_RUN_DURATION_RANGE");
    expect(errorCodeFor("ListAssessmentTemplates", "filter.durationRange.maxSeconds")).toBe("INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE");
    expect(errorCodeFor("ListFindings", "filter.attributes[].key")).toBe("INVALID_ATTRIBUTE");
    expect(errorCodeFor("ListFindings", "filter.userAttributes[].key")).toBe("INVALID_USER_ATTRIBUTE_KEY");
  });
});
