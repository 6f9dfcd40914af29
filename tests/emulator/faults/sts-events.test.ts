/**
 * STS AssumeRole and GetFederationToken calls appear in LookupEvents as sts.amazonaws.com events in
 * the shape of the IAM user guide's AssumeRole example; GetCallerIdentity does not; an
 * EventSource=inspector.amazonaws.com query excludes them.
 */
import { readFileSync } from "node:fs";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand } from "@aws-sdk/client-sts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ROLE_ARN } from "../../../emulator/accounts/index.js";
import { stsExpirationText } from "../../../emulator/cloudtrail/sts-record.js";
import { cloudTrailClient, inspectorClient, ROOT_CREDENTIALS, startEmulator, stsClient, USER_CREDENTIALS, type EmulatorUnderTest } from "../e2e/transports.js";

type Rec = Record<string, unknown>;
const EXAMPLE = JSON.parse(
  readFileSync(new URL("../../../fixtures/aws-examples/iam-user-guide--cloudtrail-integration__block03__AssumedRole.json.txt", import.meta.url), "utf8"),
) as Rec;

let target: EmulatorUnderTest;
beforeEach(async () => {
  target = await startEmulator("in-process");
});
afterEach(async () => {
  await target.close();
});

async function eventsBy(key: "EventSource" | "EventName", value: string) {
  const out = await cloudTrailClient(target, USER_CREDENTIALS).send(
    new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] }),
  );
  return (out.Events ?? []).map((e) => ({ event: e, record: JSON.parse(e.CloudTrailEvent ?? "null") as Rec }));
}

describe("STS events in CloudTrail", () => {
  it("AssumeRole: a sts.amazonaws.com record in the shape of the IAM guide's example, found by EventSource", async () => {
    const out = await stsClient(target, USER_CREDENTIALS).send(
      new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "audit", DurationSeconds: 900 }),
    );
    const found = await eventsBy("EventSource", "sts.amazonaws.com");
    expect(found).toHaveLength(1);
    const { event, record } = found[0]!;
    expect(event).toMatchObject({ EventName: "AssumeRole", EventSource: "sts.amazonaws.com", ReadOnly: "false", Username: "conformance-user", AccessKeyId: USER_CREDENTIALS.accessKeyId });
    expect(event.Resources).toEqual([{ ResourceType: "AWS::IAM::Role", ResourceName: DEFAULT_ROLE_ARN }]);
    expect(record).toMatchObject({
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRole",
      awsRegion: "us-east-1",
      eventType: "AwsApiCall",
      readOnly: false,
      managementEvent: true,
      eventCategory: "Management",
      recipientAccountId: "111122223333",
      requestID: out.$metadata.requestId,
      userIdentity: { type: "IAMUser", userName: "conformance-user", accessKeyId: USER_CREDENTIALS.accessKeyId },
      requestParameters: { roleArn: DEFAULT_ROLE_ARN, roleSessionName: "audit", durationSeconds: 900 },
      responseElements: {
        credentials: { accessKeyId: out.Credentials!.AccessKeyId, sessionToken: out.Credentials!.SessionToken, expiration: stsExpirationText(out.Credentials!.Expiration!) },
        assumedRoleUser: { assumedRoleId: out.AssumedRoleUser!.AssumedRoleId, arn: out.AssumedRoleUser!.Arn },
      },
      resources: [{ ARN: DEFAULT_ROLE_ARN, accountId: "111122223333", type: "AWS::IAM::Role" }],
    });
    // The example's fields are all there (but sharedEventID, a cross-account field), and no secret is logged.
    for (const key of Object.keys(EXAMPLE)) expect(Object.keys(record)).toContain(key);
    const credentials = (record["responseElements"] as Rec)["credentials"] as Rec;
    expect(Object.keys(credentials).sort()).toEqual(Object.keys((EXAMPLE["responseElements"] as Rec)["credentials"] as Rec).sort());
    expect(credentials["expiration"]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/); // "Oct 2, 2019, 11:12:29 PM"
    expect(event.CloudTrailEvent).not.toContain(out.Credentials!.SecretAccessKey!);
    expect(record["eventID"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("GetFederationToken by root: userIdentity Root, Username root, federatedUser in the response", async () => {
    const out = await stsClient(target, ROOT_CREDENTIALS).send(new GetFederationTokenCommand({ Name: "carol" }));
    const [found] = await eventsBy("EventName", "GetFederationToken");
    expect(found?.event).toMatchObject({ EventSource: "sts.amazonaws.com", Username: "root", ReadOnly: "false" });
    expect(found?.record).toMatchObject({
      userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root" },
      requestParameters: { name: "carol" },
      responseElements: {
        credentials: { accessKeyId: out.Credentials!.AccessKeyId, sessionToken: out.Credentials!.SessionToken },
        federatedUser: { federatedUserId: out.FederatedUser!.FederatedUserId, arn: out.FederatedUser!.Arn },
      },
      requestID: out.$metadata.requestId,
    });
  });

  it("a failed AssumeRole is recorded with errorCode, errorMessage and responseElements null", async () => {
    const error = (await stsClient(target, ROOT_CREDENTIALS)
      .send(new AssumeRoleCommand({ RoleArn: DEFAULT_ROLE_ARN, RoleSessionName: "nope" }))
      .catch((e: unknown) => e)) as { name: string; message: string; $metadata: { requestId: string } };
    expect(error.name).toBe("AccessDenied");
    const [found] = await eventsBy("EventName", "AssumeRole");
    expect(found?.record).toMatchObject({ errorCode: "AccessDenied", errorMessage: error.message, responseElements: null, requestID: error.$metadata.requestId });
    expect(found?.record["resources"]).toBeUndefined();
  });

  it("GetCallerIdentity is not recorded; an EventSource=inspector.amazonaws.com query excludes STS events", async () => {
    await stsClient(target, USER_CREDENTIALS).send(new GetCallerIdentityCommand({}));
    await stsClient(target, USER_CREDENTIALS).send(new GetFederationTokenCommand({ Name: "bob" }));
    await inspectorClient(target, USER_CREDENTIALS).send(new ListRulesPackagesCommand({}));
    expect(await eventsBy("EventName", "GetCallerIdentity")).toHaveLength(0);
    const inspector = await eventsBy("EventSource", "inspector.amazonaws.com");
    expect(inspector.map((f) => f.event.EventName)).toEqual(["ListRulesPackages"]);
    const all = await cloudTrailClient(target, USER_CREDENTIALS).send(new LookupEventsCommand({}));
    expect(new Set((all.Events ?? []).map((e) => e.EventSource))).toEqual(new Set(["inspector.amazonaws.com", "sts.amazonaws.com"]));
    expect(target.emulator.cloudtrail.records()).toHaveLength(1);
    expect(target.emulator.cloudtrail.stsRecords()).toHaveLength(1);
  });
});
