/**
 * The two AWS documentation records for Inspector Classic (CreateResourceGroup and
 * DescribeAssessmentTargets, awsdocs/amazon-inspector-user-guide logging-using-cloudtrail.md @9e04649,
 * copied to fixtures/aws-examples) reproduced by the emulator: the same calls by the same caller
 * (IAM user Alice of account 444455556666, us-west-2) give a record equal to AWS's up to ids, times,
 * the caller's environment, the newer eventVersion, and the example's documented inconsistencies.
 */
import { readFileSync } from "node:fs";
import { CreateResourceGroupCommand, DescribeAssessmentTargetsCommand } from "@aws-sdk/client-inspector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAccountDirectory } from "../../../emulator/accounts/index.js";
import { recordsForRequest, type ParsedRecord } from "./read-back.js";
import { cloudTrailClient, inspectorClient, startEmulator, type EmulatorUnderTest } from "./transports.js";

const EXAMPLES = new URL("../../../fixtures/aws-examples/", import.meta.url);

/** Loads a documentation block; the DescribeAssessmentTargets block ends in `},` (not valid JSON): the comma is dropped. */
function docRecord(file: string): ParsedRecord {
  const text = readFileSync(new URL(file, EXAMPLES), "utf8").trim().replace(/,\s*$/, "");
  return JSON.parse(text) as ParsedRecord;
}

/** Alice as the example shows her: AIDACKCEVSQ6C2EXAMPLE with key AKIAI44QH8DHBEXAMPLE. */
const ALICE = { accessKeyId: "AKIAI44QH8DHBEXAMPLE", secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY" };

/**
 * Paths where the emulator's record may differ from AWS's, and why. Everything else in AWS's record
 * must be present in ours with the same value.
 */
const DIFFERENCES: Record<string, string> = {
  eventVersion: "the example is 1.03; the emulator writes the current 1.11 (more fields, none fewer)",
  "userIdentity.type":
    "documented inconsistency: the example says AssumedRole, but its arn, AIDA principalId, AKIA key and prose describe the IAM user Alice",
  "userIdentity.sessionContext": "documented inconsistency: an IAM user's long-term key has no session (the example's issuer is Alice's user ARN)",
  eventTime: "time",
  eventID: "id",
  requestID: "id",
  "responseElements.resourceGroupArn": "id (the resource group id is random)",
  sourceIPAddress: "environment: the example was made from the console",
  userAgent: "environment: the example was made from the console (console.amazonaws.com)",
};

/** Paths where `actual` differs from `expected`, for the keys `expected` has. */
function differingPaths(expected: unknown, actual: unknown, path = ""): string[] {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object") return [path];
    return Object.entries(expected).flatMap(([k, v]) => {
      const p = path === "" ? k : `${path}.${k}`;
      return p in DIFFERENCES ? [] : differingPaths(v, (actual as Record<string, unknown>)[k], p);
    });
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [path];
}

describe("AWS documentation records reproduced", () => {
  let target: EmulatorUnderTest;
  beforeAll(async () => {
    const accounts = loadAccountDirectory({
      accounts: [
        { accountId: "444455556666", users: [{ userName: "Alice", userId: "AIDACKCEVSQ6C2EXAMPLE", accessKeys: [ALICE] }] },
      ],
    });
    target = await startEmulator("in-process", { accounts }, "us-west-2");
  });
  afterAll(async () => target.close());

  it("CreateResourceGroup (9e04649 block00)", async () => {
    const expected = docRecord("amazon-inspector-user-guide--logging-using-cloudtrail@9e04649__block00__AssumedRole.json.txt");
    const out = await inspectorClient(target, ALICE).send(
      new CreateResourceGroupCommand(expected["requestParameters"] as { resourceGroupTags: { key: string; value: string }[] }),
    );
    const [actual] = await recordsForRequest(cloudTrailClient(target, ALICE), "CreateResourceGroup", out.$metadata.requestId!);
    expect(differingPaths(expected, actual)).toEqual([]);
    expect(actual!["responseElements"]).toEqual({ resourceGroupArn: out.resourceGroupArn });
    expect(out.resourceGroupArn).toMatch(/^arn:aws:inspector:us-west-2:444455556666:resourcegroup\/0-[A-Za-z0-9]{8}$/);
    expect(actual!["userIdentity"]).toMatchObject({ type: "IAMUser", userName: "Alice" });
    expect(actual!["userIdentity"]).not.toHaveProperty("sessionContext");
  });

  it("DescribeAssessmentTargets (9e04649 block01, trailing comma repaired)", async () => {
    const expected = docRecord("amazon-inspector-user-guide--logging-using-cloudtrail@9e04649__block01__AssumedRole.json.txt");
    const out = await inspectorClient(target, ALICE).send(
      new DescribeAssessmentTargetsCommand(expected["requestParameters"] as { assessmentTargetArns: string[] }),
    );
    const [actual] = await recordsForRequest(cloudTrailClient(target, ALICE), "DescribeAssessmentTargets", out.$metadata.requestId!);
    expect(differingPaths(expected, actual)).toEqual([]);
    expect(actual!["responseElements"]).toBeNull();
    expect(actual!["readOnly"]).toBe(true);
  });

  it("CreateResourceGroup (c0866d3 block00, the 2020 page)", async () => {
    const expected = docRecord("amazon-inspector-user-guide--logging-using-cloudtrail@c0866d3__block00__AssumedRole.json.txt");
    const out = await inspectorClient(target, ALICE).send(
      new CreateResourceGroupCommand(expected["requestParameters"] as { resourceGroupTags: { key: string; value: string }[] }),
    );
    const [actual] = await recordsForRequest(cloudTrailClient(target, ALICE), "CreateResourceGroup", out.$metadata.requestId!);
    expect(differingPaths(expected, actual)).toEqual([]);
  });

  it("the comparison is not vacuous: a changed field is reported", () => {
    const expected = docRecord("amazon-inspector-user-guide--logging-using-cloudtrail@9e04649__block00__AssumedRole.json.txt");
    expect(differingPaths(expected, { ...expected, awsRegion: "us-east-1", apiVersion: "2016-02-16" })).toEqual(["awsRegion", "apiVersion"]);
  });
});
