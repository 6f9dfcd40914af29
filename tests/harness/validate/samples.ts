/**
 * Records for the validate tests: conforming API-call records from the oracles' builder, and AWS's
 * own examples of the two other kinds, copied from the CloudTrail user guide with their placeholder
 * ids made GUIDs (AWS prints "234f004b-EXAMPLE" and "abcd00b0-...-98a2198a408x", which are not GUIDs):
 * - AwsServiceEvent: "AWS service events" (KMS RotateKey), userIdentity without `type`;
 * - AwsCloudTrailInsight: "CloudTrail record contents" / Insights example (CompleteLifecycleAction).
 */
import { buildPair } from "../../oracles/record-builder.js";

/** A conforming API-call record of each identity kind. */
export const apiRecords = (["IAMUser", "Root", "AssumedRole", "FederatedUser"] as const).map((kind, i) =>
  buildPair({ kind, operation: i % 2 ? "CreateResourceGroup" : "ListFindings", outcome: "ok", edition: "2020", eventVersion: i % 2 ? "1.08" : "1.05", seq: i + 1 }).record);

/** AWS's KMS RotateKey service event. */
export const serviceEvent = (): Record<string, unknown> => ({
  eventVersion: "1.05",
  userIdentity: { accountId: "123456789012", invokedBy: "AWS Internal" },
  eventTime: "2019-06-02T00:06:08Z",
  eventSource: "kms.amazonaws.com",
  eventName: "RotateKey",
  awsRegion: "us-east-2",
  sourceIPAddress: "AWS Internal",
  userAgent: "AWS Internal",
  requestParameters: null,
  responseElements: null,
  eventID: "234f004b-0000-4000-8000-000000000001",
  readOnly: false,
  resources: [{ ARN: "arn:aws:kms:us-east-2:123456789012:key/7944f0ec-EXAMPLE", accountId: "123456789012", type: "AWS::KMS::Key" }],
  eventType: "AwsServiceEvent",
  recipientAccountId: "123456789012",
  serviceEventDetails: { keyId: "7944f0ec-EXAMPLE" },
});

/** AWS's starting Insights event (its insightContext shortened). */
export const insightEvent = (): Record<string, unknown> => ({
  eventVersion: "1.07",
  eventTime: "2020-07-21T20:56:00Z",
  awsRegion: "us-east-1",
  eventID: "abcd00b0-ccfe-422d-961c-98a2198a408a",
  eventType: "AwsCloudTrailInsight",
  recipientAccountId: "838185438692",
  sharedEventID: "7bb000gg-22b3-4c03-94af-c74tj0c8m7c0",
  insightDetails: {
    state: "Start",
    eventSource: "autoscaling.amazonaws.com",
    eventName: "CompleteLifecycleAction",
    insightType: "ApiCallRateInsight",
    insightContext: { statistics: { baseline: { average: 0.0000882145 }, insight: { average: 0.6 }, insightDuration: 5, baselineDuration: 11336 } },
  },
  eventCategory: "Insight",
});
