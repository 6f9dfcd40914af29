/**
 * validate on the AWS documentation records of fixtures/aws-examples reports their known
 * inconsistencies and nothing else. Known, per block:
 * - the Inspector Classic blocks (2017 and 2020 pages): an AssumedRole type with an IAM-user ARN, an
 *   AIDA principalId without `:session`, a Role sessionIssuer with a user ARN (fixture.inconsistent_identity,
 *   as the oracles' own doc-example test names them); the 2017 DescribeAssessmentTargets block's
 *   trailing comma (fixture.repaired_json);
 * - the CodeBuild block's placeholders: `account-ID` in its ARNs, `...0dbf7EXAMPLE` as eventID;
 * - the IAM user-guide blocks' placeholder eventIDs (`cEXAMPLE-...`, `...62865EXAMPLE`,
 *   `dEXAMPLE-...`: not GUIDs), and block 0 (eventVersion 1.05) without eventType (Optional False since 1.02);
 * - the CloudTrail UpdateTrail error example and the console sign-in Root example: nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateBytes } from "../../../harness/validate/validate-file.js";

const DIR = new URL("../../../fixtures/aws-examples/", import.meta.url);
const INSPECTOR_IDENTITY = [
  "fixture.inconsistent_identity userIdentity.arn",
  "fixture.inconsistent_identity userIdentity.principalId",
  "fixture.inconsistent_identity userIdentity.sessionContext.sessionIssuer.arn",
];

const KNOWN: Record<string, string[]> = {
  "amazon-inspector-user-guide--logging-using-cloudtrail@9e04649__block00__AssumedRole.json.txt": INSPECTOR_IDENTITY,
  "amazon-inspector-user-guide--logging-using-cloudtrail@9e04649__block01__AssumedRole.json.txt": ["fixture.repaired_json ", ...INSPECTOR_IDENTITY],
  "amazon-inspector-user-guide--logging-using-cloudtrail@c0866d3__block00__AssumedRole.json.txt": INSPECTOR_IDENTITY,
  "aws-cloudtrail-user-guide--cloudtrail-event-reference-aws-console-sign-in-events__block05__Root.json.txt": [],
  "aws-cloudtrail-user-guide--cloudtrail-log-file-examples__block08__IAMUser.json.txt": [],
  "aws-codebuild-user-guide--cloudtrail__block00__FederatedUser.json.txt": [
    "fixture.inconsistent_identity userIdentity.arn", "fixture.inconsistent_identity userIdentity.sessionContext.sessionIssuer.arn", "shape.bad_event_id eventID",
  ],
  "iam-user-guide--cloudtrail-integration__block00__IAMUser.json.txt": ["shape.bad_event_id eventID", "shape.missing_field eventType"],
  "iam-user-guide--cloudtrail-integration__block03__AssumedRole.json.txt": ["shape.bad_event_id eventID"],
  "iam-user-guide--cloudtrail-integration__block04__AssumedRole.json.txt": ["shape.bad_event_id eventID"],
};

describe("npm run validate on AWS's documentation records", () => {
  it("covers every block in fixtures/aws-examples", () => {
    expect(readdirSync(DIR).filter((n) => n.endsWith(".json.txt")).sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it.each(Object.entries(KNOWN))("%s: its known inconsistencies, nothing else", (name, known) => {
    const r = validateBytes(name, readFileSync(new URL(name, DIR)));
    expect(r).toMatchObject({ layout: "doc", records: 1 });
    expect(r.findings.map((f) => `${f.code} ${f.path}`)).toEqual(known);
    for (const f of r.findings) expect(f.line !== undefined || f.record !== undefined).toBe(true);
  });

  it("the Inspector example's contradiction carries AWS's values", () => {
    const name = "amazon-inspector-user-guide--logging-using-cloudtrail@c0866d3__block00__AssumedRole.json.txt";
    const f = validateBytes(name, readFileSync(new URL(name, DIR))).findings[0]!;
    expect(f).toMatchObject({ record: 0, severity: "advisory", actual: "arn:aws:iam::444455556666:user/Alice" });
  });
});
