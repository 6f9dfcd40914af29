/**
 * collectAndCheck's second look (a call's record missing under the EventSource filter is looked up
 * by its access key): a record that look finds under the filter's own eventSource is blamed on
 * LookupEvents (completeness.lookup_incomplete) only when the filtered query, asked again, still
 * leaves it out. One delivered between the two (CloudTrail delivers when it will) is late, not left
 * out: it is checked as the call's record. LookupEvents is a scripted client.
 */
import type { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { collectAndCheck, type CollectSettings } from "../../../harness/check/batch-check.js";
import { LookupMargin } from "../../../harness/collect/lookup-margin.js";
import { oracleContext } from "../../../oracles/index.js";
import { ACCOUNT, call } from "../report/run-builder.js";

const theCall = call(1, "ListAssessmentTargets");
const record = {
  eventVersion: "1.08", eventSource: "inspector.amazonaws.com", eventName: "ListAssessmentTargets", requestID: theCall.requestId,
  eventTime: theCall.startedAt.replace(/\.\d{3}Z$/, "Z"), awsRegion: "us-east-1", recipientAccountId: ACCOUNT,
};

/** A LookupEvents client: `answer` says which records a query by `key` returns, given whether the access key has been looked up yet. */
function scripted(answer: (key: string, afterSecondLook: boolean) => unknown[]) {
  const asked: string[] = [];
  const client = {
    config: { maxAttempts: async () => 1 },
    send: async (command: LookupEventsCommand) => {
      const key = command.input.LookupAttributes?.[0]?.AttributeKey ?? "";
      const records = answer(key, asked.includes("AccessKeyId"));
      asked.push(key);
      return { Events: records.map((r, i) => ({ EventId: `event-${i}`, CloudTrailEvent: JSON.stringify(r) })) };
    },
  } as unknown as CloudTrailClient;
  const settings: CollectSettings = { client, requestsPerSecond: 0, deadlineMs: 200, pollIntervalMs: 50, margin: new LookupMargin(5_000), lateIsUnknown: true };
  return { settings, asked };
}

const check = (settings: CollectSettings) => collectAndCheck([theCall], settings, oracleContext(ACCOUNT), (records) => [...records]);
const codes = (batch: Awaited<ReturnType<typeof check>>) => batch.result.all.map((f) => f.code);

describe("the second look by access key", () => {
  it("a record delivered between the filtered query and the second look is late, not left out", async () => {
    const { settings, asked } = scripted((key, after) => (key === "AccessKeyId" || after ? [record] : []));
    const batch = await check(settings);
    expect(codes(batch)).not.toContain("completeness.lookup_incomplete");
    expect(codes(batch)).not.toContain("completeness.missing_record");
    expect(batch.result.matched.get(theCall.seq)).toBeDefined();
    // The filtered query was asked again after the second look.
    expect(asked.lastIndexOf("EventSource")).toBeGreaterThan(asked.indexOf("AccessKeyId"));
  });

  it("a record the filtered query leaves out however often it is asked is lookup_incomplete", async () => {
    const { settings } = scripted((key) => (key === "AccessKeyId" ? [record] : []));
    const batch = await check(settings);
    expect(codes(batch)).toContain("completeness.lookup_incomplete");
    expect(batch.failed).toBe(true);
  });

  it("a record filed under another eventSource is judged by that rule, with no query asked again", async () => {
    const { settings, asked } = scripted((key) => (key === "AccessKeyId" ? [{ ...record, eventSource: "inspector.amazonaws.co" }] : []));
    const batch = await check(settings);
    expect(codes(batch)).not.toContain("completeness.lookup_incomplete");
    expect(codes(batch)).toContain("correlated.event_source");
    expect(asked.slice(asked.indexOf("AccessKeyId") + 1)).toEqual([]);
  });
});
