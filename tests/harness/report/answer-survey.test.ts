/**
 * The survey of a target without records: an operation answered as AWS would when one answer was a
 * complete JSON object with the output members the model requires, or an error the model lists for
 * it; an HTML page, an error type the model does not know, or an object without required members is
 * not; an operation never called is named as such.
 */
import { describe, expect, it } from "vitest";
import { surveyAnswers, surveyMessage } from "../../../harness/report/answer-survey.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { SERVICES } from "../../../model/services.js";
import { call } from "./run-builder.js";

const v2 = (seq: number, operation: string, over: Partial<ObservedCall>): ObservedCall => ({ ...call(seq, operation), service: "inspector2", ...over });

describe("surveyAnswers", () => {
  const facts = SERVICES.inspector2;
  const calls = [
    v2(1, "ListFilters", { response: { filters: [] } }),
    v2(2, "CreateFilter", { outcome: "error", response: null, error: { code: "ValidationException", message: "name", httpStatus: 400 } }),
    v2(3, "ListCoverage", { outcome: "unknown", response: null, unknownCause: "foreign-answer", answer: { status: 404, headers: {}, complete: true, bodyBytes: 20, received: "<html>Not Found</html>" } }),
    v2(4, "GetConfiguration", { outcome: "error", response: null, error: { code: "NotImplemented", message: "x", httpStatus: 501 } }),
    v2(5, "ListFilters", { response: { nextToken: "t" } }),
    v2(8, "ListCisScanConfigurations", { response: [] }),
    v2(6, "ListMembers", { response: { members: [] } }),
    v2(7, "ListMembers", { outcome: "unknown", response: null, unknownCause: "reset" }),
  ];
  const survey = surveyAnswers(facts, calls);

  it("counts an operation as answered when one of its answers is the service's", () => {
    expect(survey.answered).toEqual(["CreateFilter", "ListFilters", "ListMembers"]);
    // ListFilters' second answer lacks the required `filters`: one good answer is enough.
    expect(surveyAnswers(SERVICES.inspector2, [calls[4]!]).notAsAws).toEqual([{ operation: "ListFilters", what: "a 2xx answer without the required filters" }]);
  });

  it("says what came instead for the others, and names the operations never called", () => {
    expect(survey.notAsAws).toEqual([
      { operation: "GetConfiguration", what: "NotImplemented (HTTP 501), an error the model does not list for it" },
      { operation: "ListCisScanConfigurations", what: "a 2xx answer that is not a JSON object" },
      { operation: "ListCoverage", what: 'HTTP 404 "<html>Not Found</html>"' },
    ]);
    expect(survey.notCalled).toHaveLength(81 - 6);
    expect(survey.notCalled).not.toContain("ListFilters");
  });

  it("puts it in one message", () => {
    const text = surveyMessage(facts, survey);
    expect(text).toMatch(/^Amazon Inspector \(v2\): no record could be read, so no record was checked; of its 81 operations, 3 answered as AWS would \(CreateFilter, ListFilters, ListMembers\)\. 3 did not: /);
    expect(text).toContain("75 were not called");
    expect(text).toContain(`3 did not: NotImplemented (HTTP 501), an error the model does not list for it: GetConfiguration; a 2xx answer that is not a JSON object: ListCisScanConfigurations; HTTP 404 "<html>Not Found</html>": ListCoverage.`);
  });

  it("names together the operations that got the same answer", () => {
    const page = { status: 404, headers: {}, complete: true, bodyBytes: 20, received: "<html>Not Found</html>" };
    const lacking = ["ListCoverage", "ListCisScans", "GetConfiguration"].map((op, i) => v2(i, op, { outcome: "unknown", response: null, unknownCause: "foreign-answer", answer: page }));
    expect(surveyMessage(facts, surveyAnswers(facts, lacking))).toContain(`3 did not: HTTP 404 "<html>Not Found</html>": GetConfiguration, ListCisScans, ListCoverage.`);
  });

  it("ignores the calls of another service", () => {
    expect(surveyAnswers(facts, [call(1, "ListTagsForResource")]).answered).toEqual([]);
  });
});
