/**
 * Stateful sequences: the model-based phase (random call sequences whose commands use resources that
 * earlier calls created) found no counterexample, and the run as a whole conforms.
 */
import { describe, expect, it } from "vitest";
import { describeFailure, suiteReport } from "./suite-report.js";
import type { Check } from "../harness/report/check-types.js";

describe(`stateful sequences [${suiteReport().target}]`, () => {
  it("no sequence shrank to a counterexample", () => {
    const failing = suiteReport().checks.filter((c) => c.counterexample !== null && c.status === "fail") as Check[];
    if (failing.length > 0) throw new Error(failing.map(describeFailure).join("\n\n"));
  });

  it("the run's verdict is pass", () => {
    const report = suiteReport();
    expect(report.verdict, report.messages.join("\n")).toBe("pass");
  });
});
