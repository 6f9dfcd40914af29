/**
 * What the suite files share: the run's report (made once by global-setup.ts) and an assertion that
 * turns one check into a vitest outcome with the finding, expected against actual, and the replay.
 */
import { readFileSync } from "node:fs";
import { describe, inject, it } from "vitest";
import { INSPECTOR_OPERATIONS } from "../model/service-model.js";
import { ConformanceReportSchema, type ConformanceReport } from "../harness/report/schema.js";
import type { Check } from "../harness/report/check-types.js";

let cached: ConformanceReport | undefined;

/** The report of this vitest run. */
export function suiteReport(): ConformanceReport {
  cached ??= ConformanceReportSchema.parse(JSON.parse(readFileSync(inject("conformanceReport"), "utf8")));
  return cached;
}

/** The check `<operation>/<property>`; throws when the report lacks it (a harness bug). */
export function checkOf(operation: string, property: string): Check {
  const check = suiteReport().checks.find((c) => c.operation === operation && c.property === property);
  if (check === undefined) throw new Error(`the report has no check ${operation}/${property}`);
  return check as Check;
}

/** Human text of a failed check: its message, each finding's expected against actual, the replay. */
export function describeFailure(check: Check): string {
  const lines = [`${check.id}: ${check.message}`];
  const ce = check.counterexample;
  if (ce !== null) {
    for (const call of ce.calls) lines.push(`  call #${call.seq} ${call.operation} as ${call.identity}: ${call.outcome}${call.errorCode ? ` ${call.errorCode}` : ""}`);
    for (const f of ce.findings) lines.push(`  ${f.code} at ${f.path}: expected ${JSON.stringify(f.expected)}, actual ${JSON.stringify(f.actual)}`);
    if (ce.replay !== null) lines.push(`  replay: ${ce.replay}`);
  }
  return lines.join("\n");
}

/**
 * Asserts one check: `fail` fails the test with the finding; `unknown` skips it with its reason
 * (the target could not show it); `pass` and `na` pass.
 */
export function assertCheck(check: Check, skip: (note: string) => void): void {
  if (check.status === "unknown") skip(check.message);
  if (check.status === "fail") throw new Error(describeFailure(check));
}

/** One test per operation for one rule family: the body of each family's suite file. */
export function familySuite(property: string, title: string): void {
  describe(`${title} [${suiteReport().target}]`, () => {
    it.for(INSPECTOR_OPERATIONS)("%s", (operation, ctx) => {
      assertCheck(checkOf(operation, property), (note) => ctx.skip(note));
    });
  });
}
