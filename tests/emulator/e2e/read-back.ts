/** Reads a call's CloudTrail record back through LookupEvents, as a user of the emulator would. */
import { LookupEventsCommand, type CloudTrailClient } from "@aws-sdk/client-cloudtrail";

/** A CloudTrail record as parsed from LookupEvents' CloudTrailEvent string. */
export type ParsedRecord = Record<string, unknown> & { requestID?: string; eventID?: string };

/** All records of one eventName (every page), newest first. */
export async function recordsNamed(ct: CloudTrailClient, eventName: string): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ct.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: eventName }], NextToken }),
    );
    for (const event of page.Events ?? []) out.push(JSON.parse(event.CloudTrailEvent ?? "null") as ParsedRecord);
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return out;
}

/** The records whose requestID is `requestId` (a conforming emulator returns exactly one). */
export async function recordsForRequest(ct: CloudTrailClient, eventName: string, requestId: string): Promise<ParsedRecord[]> {
  return (await recordsNamed(ct, eventName)).filter((r) => r.requestID === requestId);
}
