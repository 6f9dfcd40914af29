/**
 * The AWS documentation records as oracle test data: their known defects (the 2017 block's trailing
 * comma; the AssumedRole type with an IAM-user ARN) surface as named findings, never crashes or passes.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkCall } from "../../oracles/check-call.js";
import { parseDocExample } from "../../oracles/doc-example.js";
import { checkErrorFields } from "../../oracles/error-rule.js";
import { ObservedCallSchema } from "../../history/observed-call.js";
import { RulesEditionSchema, oracleContext } from "../../oracles/context.js";
import { checkShape } from "../../oracles/shape-rule.js";

const EXAMPLES = new URL("../../fixtures/aws-examples/", import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, EXAMPLES), "utf8");

const CallsFile = z.object({
  examples: z.array(z.object({ fixture: z.string(), rulesEdition: RulesEditionSchema, call: ObservedCallSchema })),
});
const calls = CallsFile.parse(JSON.parse(readFileSync(new URL("../../fixtures/records/inspector-doc-examples.calls.json", import.meta.url), "utf8")));

const codes = (fs: { code: string; severity: string }[], severity: string) => [...new Set(fs.filter((f) => f.severity === severity).map((f) => f.code))].sort();

/** What the oracles say about AWS's Inspector example when the caller is the IAM user Alice. */
const ALICE_REQUIRED = ["identity.arn_form", "identity.session_issuer_mismatch", "identity.type_mismatch", "identity.user_name_rule"];

describe("AWS Inspector documentation records, caller = IAM user Alice (as the prose says)", () => {
  it.each(calls.examples)("$fixture under edition $rulesEdition", ({ fixture, rulesEdition, call }) => {
    const doc = parseDocExample(read(fixture), fixture);
    expect(doc.records).toHaveLength(1);
    const findings = checkCall(call, doc.records[0], oracleContext("444455556666", { rulesEdition }));
    expect(codes(findings, "required")).toEqual(ALICE_REQUIRED);
    expect(codes(findings, "advisory")).toEqual(["correlated.read_only_missing"]);
    expect(findings.find((f) => f.code === "identity.type_mismatch")).toMatchObject({ path: "userIdentity.type", expected: "IAMUser", actual: "AssumedRole" });
    expect(findings.find((f) => f.code === "identity.arn_form")).toMatchObject({ path: "userIdentity.arn", actual: "arn:aws:iam::444455556666:user/Alice" });
  });

  it("the 2017 DescribeAssessmentTargets block is repaired and says so", () => {
    const name = calls.examples[1]!.fixture;
    expect(() => JSON.parse(read(name))).toThrow();
    const doc = parseDocExample(read(name), name);
    expect(doc.findings.filter((f) => f.code === "fixture.repaired_json")).toEqual([
      expect.objectContaining({ path: name, severity: "advisory", actual: "trailing comma after the last closing brace removed" }),
    ]);
    expect(doc.records[0]!["eventName"]).toBe("DescribeAssessmentTargets");
  });

  it.each(calls.examples.map((e) => e.fixture))("%s: its self-contradictory userIdentity is named", (name) => {
    const contradictions = parseDocExample(read(name), name).findings.filter((f) => f.code === "fixture.inconsistent_identity");
    expect(contradictions.map((f) => f.path)).toEqual([
      "userIdentity.arn", "userIdentity.principalId", "userIdentity.sessionContext.sessionIssuer.arn",
    ]);
  });

  it("under the type the record claims (AssumedRole), the IAM-user ARN and AIDA principalId still fail", () => {
    const { fixture, call } = calls.examples[0]!;
    const assumed = {
      ...call,
      identity: {
        kind: "AssumedRole" as const, accountId: "444455556666", accessKeyId: "AKIAI44QH8DHBEXAMPLE",
        callerArn: "arn:aws:sts::444455556666:assumed-role/Alice/console", callerUserId: "AROACKCEVSQ6C2EXAMPLE:console",
        roleArn: "arn:aws:iam::444455556666:role/Alice", roleName: "Alice", sessionName: "console",
      },
    };
    const findings = checkCall(assumed, parseDocExample(read(fixture), fixture).records[0], oracleContext("444455556666", { rulesEdition: "2017" }));
    expect(codes(findings, "required")).toEqual(["identity.arn_form", "identity.arn_mismatch", "identity.principal_id_mismatch", "identity.session_issuer_mismatch"]);
  });
});

describe("the other AWS example records", () => {
  it("every block in fixtures/aws-examples parses, repaired or not", () => {
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith(".json.txt"))) {
      expect(parseDocExample(read(name), name).records.length, name).toBeGreaterThan(0);
    }
  });

  it("AWS's error example (UpdateTrail) meets the shape and error-event rules", () => {
    const name = "aws-cloudtrail-user-guide--cloudtrail-log-file-examples__block08__IAMUser.json.txt";
    const record = parseDocExample(read(name), name).records[0]!;
    expect(checkShape(record)).toEqual([]);
    const call = ObservedCallSchema.parse({
      seq: 0, operation: "UpdateTrail", region: "us-east-2", request: { name: "myTrail2" }, response: null, outcome: "error",
      error: { code: "TrailNotFoundException", message: "Unknown trail: myTrail2 for the user: 123456789012" },
      requestId: "5d40662a-49f7-11e6-97e4-d9cb6ff7d6a3", sentToService: true, startedAt: "2016-07-14T19:15:44Z", endedAt: "2016-07-14T19:15:45Z",
      identity: { kind: "IAMUser", accountId: "123456789012", accessKeyId: "EXAMPLE_KEY_ID", callerArn: "arn:aws:iam::123456789012:user/Alice", callerUserId: "EX_PRINCIPAL_ID", userName: "Alice" },
    });
    expect(checkErrorFields(call, record)).toEqual([]);
  });
});
