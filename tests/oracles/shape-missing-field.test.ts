/**
 * The shape rule calls an absent field missing (shape.missing_field), never wrong_type, also where
 * zod reports it as a union without a matching discriminator (userIdentity.type); a present field of
 * the wrong type or value stays shape.wrong_type.
 */
import { describe, expect, it } from "vitest";
import { checkShape } from "../../oracles/shape-rule.js";
import { buildPair } from "./record-builder.js";

const record = (): Record<string, unknown> =>
  structuredClone(buildPair({ kind: "IAMUser", operation: "ListAssessmentTemplates", outcome: "ok", edition: "2020", eventVersion: "1.08" }).record);
const withIdentity = (edit: (ui: Record<string, unknown>) => void): Record<string, unknown> => {
  const r = record();
  edit(r["userIdentity"] as Record<string, unknown>);
  return r;
};
const summary = (r: Record<string, unknown>) => checkShape(r).map((f) => ({ code: f.code, path: f.path, actual: f.actual }));

describe("shape rule: absent is missing_field", () => {
  it("a faithful record has no shape finding", () => {
    expect(checkShape(record())).toEqual([]);
  });

  it("userIdentity.type removed: missing_field at userIdentity.type, with no actual value", () => {
    expect(summary(withIdentity((ui) => delete ui["type"]))).toEqual([{ code: "shape.missing_field", path: "userIdentity.type", actual: undefined }]);
  });

  it("userIdentity.type null or unknown: wrong_type, with the value", () => {
    expect(summary(withIdentity((ui) => (ui["type"] = null)))).toEqual([{ code: "shape.wrong_type", path: "userIdentity.type", actual: null }]);
    expect(summary(withIdentity((ui) => (ui["type"] = "Bogus")))).toEqual([{ code: "shape.wrong_type", path: "userIdentity.type", actual: "Bogus" }]);
  });

  it("a type held only by an own __proto__ key is absent: missing_field", () => {
    const r = JSON.parse(JSON.stringify(record()).replace(/"type":"IAMUser",/, '"__proto__":{"type":"IAMUser"},')) as Record<string, unknown>;
    expect(summary(r)).toEqual([{ code: "shape.missing_field", path: "userIdentity.type", actual: undefined }]);
  });

  it.each(["eventTime", "userIdentity", "eventSource", "requestParameters", "eventType", "eventCategory"])("%s removed: missing_field; set to a number: not missing_field", (key) => {
    const gone = record();
    delete gone[key];
    expect(summary(gone)).toEqual([{ code: "shape.missing_field", path: key, actual: undefined }]);
    const wrong = { ...record(), [key]: 42 };
    expect(checkShape(wrong).map((f) => f.code).filter((c) => c === "shape.missing_field")).toEqual([]);
  });
});
