/**
 * What the suite files share: the run's report (made once by global-setup.ts) and an assertion that
 * turns one check into a vitest outcome with the finding, expected against actual, and the replay.
 */
import { readFileSync } from "node:fs";
import { describe, inject, it } from "vitest";
import { ConformanceReportSchema, type ConformanceReport } from "../harness/report/schema.js";
import type { Check } from "../harness/report/check-types.js";

let cached: ConformanceReport | undefined;

/** The report of this vitest run. */
export function suiteReport(): ConformanceReport {
  cached ??= ConformanceReportSchema.parse(JSON.parse(readFileSync(inject("conformanceReport"), "utf8")));
  return cached;
}

/** The check `<service>:<operation>/<property>`; throws when the report lacks it (a harness bug). */
export function checkOf(service: string, operation: string, property: string): Check {
  const check = suiteReport().checks.find((c) => c.service === service && c.operation === operation && c.property === property);
  if (check === undefined) throw new Error(`the report has no check ${service}:${operation}/${property}`);
  return check as Check;
}

/** The services of the report, with their operations (the rows of their matrices), in report order. */
export function reportServices(): { service: string; operations: string[] }[] {
  const report = suiteReport();
  return report.services.map((s) => ({
    service: s.service,
    operations: [...new Set(report.checks.filter((c) => c.service === s.service && c.operation !== "*").map((c) => c.operation))],
  }));
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

/**
 * One test per operation of each service for one rule family: the body of each family's suite file.
 * Names are `<title> [<target>] > <service> > <operation>`, the same in every run.
 */
export function familySuite(property: string, title: string): void {
  describe(`${title} [${suiteReport().target}]`, () => {
    for (const { service, operations } of reportServices()) {
      describe(service, () => {
        it.for(operations)("%s", (operation, ctx) => {
          assertCheck(checkOf(service, operation, property), (note) => ctx.skip(note));
        });
      });
    }
  });
}
