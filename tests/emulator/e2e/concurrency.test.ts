/**
 * Many clients at once: 64 concurrent clients making 200 calls each. No record is lost or
 * duplicated, eventIDs are unique, and a LookupEvents query paginated while records are being added
 * returns each record at most once and is consistent with its snapshot.
 */
import { Agent } from "node:http";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { CreateResourceGroupCommand, InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { cloudTrailClient, startEmulator, USER_CREDENTIALS, type EmulatorUnderTest } from "./transports.js";

const CLIENTS = 64;
const CALLS_EACH = 200;

/** Pages through every event of the region once; returns the eventIDs in page order. */
async function paginateAll(target: EmulatorUnderTest): Promise<string[]> {
  const ct = cloudTrailClient(target, USER_CREDENTIALS);
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ct.send(new LookupEventsCommand({ MaxResults: 50, NextToken }));
    ids.push(...(page.Events ?? []).map((e) => e.EventId!));
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return ids;
}

describe("concurrency over loopback", () => {
  it(`${CLIENTS} clients x ${CALLS_EACH} calls: records equal calls, eventIDs unique, pagination consistent`, async () => {
    const target = await startEmulator("loopback");
    try {
      const requestIds: string[] = [];
      let writersDone = false;
      const writers = Array.from({ length: CLIENTS }, async (_, c) => {
        const client = new InspectorClient({
          region: target.region,
          endpoint: target.endpoint!,
          credentials: USER_CREDENTIALS,
          maxAttempts: 1,
          requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) }),
        });
        for (let i = 0; i < CALLS_EACH; i++) {
          // A mix of successes, validation failures and (past the 500 resource-group limit) LimitExceeded:
          // every call that reached the service is recorded, whatever its outcome.
          const command =
            i % 4 === 0
              ? new CreateResourceGroupCommand({ resourceGroupTags: [{ key: "c", value: `${c}-${i}` }] })
              : i % 4 === 1
                ? new CreateResourceGroupCommand({ resourceGroupTags: [] })
                : new ListRulesPackagesCommand({});
          const out = await client
            .send(command as ListRulesPackagesCommand)
            .catch((e: { $metadata: { requestId?: string } }) => ({ $metadata: e.$metadata }));
          requestIds.push(out.$metadata.requestId!);
        }
      });
      // Readers paginate while the writers add records: within one query no event may repeat.
      const readerQueries: string[][] = [];
      const reader = (async () => {
        while (!writersDone) readerQueries.push(await paginateAll(target));
      })();
      try {
        await Promise.all(writers);
      } finally {
        writersDone = true;
        await reader;
      }

      const records = target.emulator.cloudtrail.records();
      expect(requestIds).toHaveLength(CLIENTS * CALLS_EACH);
      expect(records).toHaveLength(CLIENTS * CALLS_EACH);
      expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
      expect(new Set(records.map((r) => r.requestID))).toEqual(new Set(requestIds));

      expect(readerQueries.length).toBeGreaterThan(0);
      for (const query of readerQueries) expect(new Set(query).size).toBe(query.length);
      const final = await paginateAll(target);
      expect(final).toHaveLength(CLIENTS * CALLS_EACH);
      expect(new Set(final)).toEqual(new Set(records.map((r) => r.eventID)));
    } finally {
      await target.close();
    }
  }, 180_000);
});
