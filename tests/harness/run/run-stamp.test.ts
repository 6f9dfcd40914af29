/**
 * The run stamp: run ids say when their run started, and every Inspector v2 create of a run on a
 * real account carries the run tag and a name that starts with the run id, without making valid
 * input invalid or invalid input valid.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRunId, RUN_TAG_KEY, runIdOfName, runIdTime, stampInput } from "../../../harness/run/run-stamp.js";
import { inspector2Model } from "../../../model/inspector2-model.js";

const RUN = "ict-20261203T075300Z-1a2b";
const bounds = (op: string, member: string) => {
  const shape = inspector2Model.shapes[inspector2Model.shapes[inspector2Model.operations[op]!.input!.shape]!.members![member]!.shape]!;
  return { min: shape.min ?? 0, max: shape.max ?? Infinity, pattern: shape.pattern };
};

describe("run ids", () => {
  it("round-trip the second the run started, and match every v2 name pattern", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (at, r) => {
        const id = newRunId(at, () => r);
        expect(runIdTime(id)?.getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
        expect(id).toMatch(/^[a-zA-Z0-9-_$:.]*$/);
        expect(runIdOfName(`${id}-my-filter`)).toBe(id);
      }),
    );
  });

  it("are not found in names and values no run made", () => {
    for (const s of ["my-filter", "ict-", "ict-20261203T075300Z-1a2b", "ict-20261399T075300Z-1a2b-x", "xict-20261203T075300Z-1a2b-x", "ict-20261203T075300Z-1A2B-x"]) {
      expect(runIdOfName(s), s).toBeUndefined();
    }
    expect(runIdTime("conformance")).toBeUndefined();
    expect(runIdTime("ict-20261340T000000Z-0000")).toBeUndefined();
  });
});

describe("stampInput", () => {
  const cases = [
    ["CreateFilter", "name"],
    ["UpdateFilter", "name"],
    ["CreateCisScanConfiguration", "scanName"],
    ["UpdateCisScanConfiguration", "scanName"],
    ["CreateCodeSecurityScanConfiguration", "name"],
    ["CreateCodeSecurityIntegration", "name"],
  ] as const;

  it.each(cases)("%s: a valid %s starts with the run id and stays valid; an invalid one stays as it was", (op, member) => {
    const { min, max, pattern } = bounds(op, member);
    const chars = fc.constantFrom(..."abcXYZ019-_.".split(""));
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 0, maxLength: Math.min(max + 5, 140) }), (name) => {
        const out = stampInput(op, { [member]: name }, RUN)[member] as string;
        if (name.length < min || name.length > max) return void expect(out).toBe(name);
        expect(out.startsWith(`${RUN}-`)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(max);
        if (pattern !== undefined) expect(out).toMatch(new RegExp(`^${pattern}$`));
        expect(runIdOfName(out)).toBe(RUN);
        // Stamping twice changes nothing more.
        expect(stampInput(op, { [member]: out }, RUN)[member]).toBe(out);
      }),
    );
  });

  it("keeps a pattern-breaking name invalid", () => {
    expect(stampInput("CreateCodeSecurityScanConfiguration", { name: "bad name!" }, RUN)["name"]).toBe(`${RUN}-bad name!`);
  });

  it("tags every create that takes tags, keeping the generator's tags", () => {
    const creates = Object.keys(inspector2Model.operations).filter((op) => {
      const input = inspector2Model.operations[op]!.input?.shape;
      return op.startsWith("Create") && input !== undefined && inspector2Model.shapes[input]!.members?.["tags"] !== undefined;
    });
    expect(creates).toEqual(expect.arrayContaining(["CreateFilter", "CreateCisScanConfiguration", "CreateCodeSecurityScanConfiguration", "CreateCodeSecurityIntegration"]));
    for (const op of creates) {
      expect(stampInput(op, {}, RUN)["tags"], op).toEqual({ [RUN_TAG_KEY]: RUN });
      expect(stampInput(op, { tags: { team: "a" } }, RUN)["tags"], op).toEqual({ team: "a", [RUN_TAG_KEY]: RUN });
    }
    // Not a create: tags are the caller's (TagResource adds, it does not make).
    expect(stampInput("TagResource", { resourceArn: "arn", tags: { a: "b" } }, RUN)["tags"]).toEqual({ a: "b" });
    // A tags member of the wrong type (an invalid case) is left for the service to refuse.
    expect(stampInput("CreateFilter", { tags: "x" }, RUN)["tags"]).toBe("x");
  });

  it("keeps the run tag off an UntagResource unless it is the only key", () => {
    expect(stampInput("UntagResource", { resourceArn: "arn", tagKeys: ["a", RUN_TAG_KEY] }, RUN)["tagKeys"]).toEqual(["a"]);
    expect(stampInput("UntagResource", { resourceArn: "arn", tagKeys: [RUN_TAG_KEY] }, RUN)["tagKeys"]).toEqual([RUN_TAG_KEY]);
  });

  it("leaves every other operation's input as it was", () => {
    expect(stampInput("ListFilters", { maxResults: 5 }, RUN)).toEqual({ maxResults: 5 });
    expect(stampInput("DeleteFilter", { arn: "x" }, RUN)).toEqual({ arn: "x" });
  });
});
