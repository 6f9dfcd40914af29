import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeToken } from "../../../emulator/inspector/pagination.js";
import { RP, completedRun, expectInvalid, harness, setup } from "./helpers.js";

/** Walks every page of `op`, returning the concatenated `member` lists and the page count. */
function walk(h: ReturnType<typeof harness>, op: string, member: string, input: Record<string, unknown>) {
  const items: unknown[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const out = h.ok(op, { ...input, ...(token !== undefined ? { nextToken: token } : {}) });
    items.push(...(out[member] as unknown[]));
    token = out.nextToken as string | undefined;
    pages += 1;
  } while (token !== undefined && pages < 1000);
  return { items, pages };
}

describe("pagination", () => {
  it("walks all pages without duplicates or gaps for any size and page size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 45 }), fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }), (n, maxResults) => {
        const h = harness();
        const created: string[] = [];
        for (let i = 0; i < n; i++) created.push(h.ok("CreateAssessmentTarget", { assessmentTargetName: `t${i}` }).assessmentTargetArn as string);
        const { items, pages } = walk(h, "ListAssessmentTargets", "assessmentTargetArns", maxResults === undefined ? {} : { maxResults });
        expect(items).toEqual(created);
        const size = Math.min(maxResults ?? 10, 100);
        expect(pages).toBe(Math.max(1, Math.ceil(n / size)));
      }),
      { numRuns: 40 },
    );
  });

  it("caps a page at the output list's model maximum (ListReturnedArnList max 100)", () => {
    const h = harness({ limits: { assessmentTargets: 150 } });
    for (let i = 0; i < 130; i++) h.ok("CreateAssessmentTarget", { assessmentTargetName: `t${i}` });
    const first = h.ok("ListAssessmentTargets", { maxResults: 500 });
    expect((first.assessmentTargetArns as string[]).length).toBe(100);
    expect(first.nextToken).toBeTypeOf("string");
    expect((first.nextToken as string).length).toBeLessThanOrEqual(300);
  });

  it("pages every paginated operation", () => {
    const h = harness();
    const { target, template } = setup(h, "p", undefined, [RP.cve, RP.cis, RP.sbp, RP.rba]);
    const run = completedRun(h, template);
    for (const event of ["ASSESSMENT_RUN_STARTED", "ASSESSMENT_RUN_COMPLETED"]) {
      for (let i = 0; i < 3; i++) h.ok("SubscribeToEvent", { resourceArn: template, event, topicArn: `arn:aws:sns:us-west-2:123456789012:t${i}` });
    }
    const cases: [string, string, Record<string, unknown>][] = [
      ["ListRulesPackages", "rulesPackageArns", {}],
      ["ListFindings", "findingArns", { assessmentRunArns: [run] }],
      ["ListAssessmentRuns", "assessmentRunArns", {}],
      ["ListAssessmentTemplates", "assessmentTemplateArns", {}],
      ["ListAssessmentTargets", "assessmentTargetArns", {}],
      ["ListEventSubscriptions", "subscriptions", {}],
      ["ListAssessmentRunAgents", "assessmentRunAgents", { assessmentRunArn: run }],
      ["PreviewAgents", "agentPreviews", { previewAgentsArn: target }],
      ["ListExclusions", "exclusionArns", { assessmentRunArn: run }],
    ];
    for (const [op, member, input] of cases) {
      const all = h.ok(op, { ...input, maxResults: 500 })[member] as unknown[];
      const paged = walk(h, op, member, { ...input, maxResults: 1 });
      expect(paged.items, op).toEqual(all);
      expect(paged.pages, op).toBe(Math.max(1, all.length));
    }
    const token = h.ok("CreateExclusionsPreview", { assessmentTemplateArn: template }).previewToken;
    h.clock.advance(1000);
    const all = h.ok("GetExclusionsPreview", { assessmentTemplateArn: template, previewToken: token }).exclusionPreviews as unknown[];
    const paged = walk(h, "GetExclusionsPreview", "exclusionPreviews", { assessmentTemplateArn: template, previewToken: token, maxResults: 1 });
    expect(paged.items).toEqual(all);
  });

  it("rejects tokens that it did not issue for this operation", () => {
    const h = harness();
    for (let i = 0; i < 3; i++) h.ok("CreateAssessmentTarget", { assessmentTargetName: `t${i}` });
    const token = h.ok("ListAssessmentTargets", { maxResults: 1 }).nextToken as string;
    for (const bad of ["garbage", "eyJvcCI6MX0", encodeToken("ListFindings", 1), encodeToken("ListAssessmentTargets", -1), `${token}=`]) {
      expectInvalid(h.fail("ListAssessmentTargets", { nextToken: bad }), "INVALID_PAGINATION_TOKEN");
    }
    expectInvalid(h.fail("ListAssessmentTargets", { nextToken: "" }), "INVALID_PAGINATION_TOKEN");
    expectInvalid(h.fail("ListAssessmentTargets", { nextToken: "x".repeat(301) }), "INVALID_PAGINATION_TOKEN");
    expect(h.ok("ListAssessmentTargets", { nextToken: token, maxResults: 5 }).assessmentTargetArns).toHaveLength(2);
  });
});
