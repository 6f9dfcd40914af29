import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { LookupEvent } from "../../../emulator/cloudtrail/lookup-events.js";
import type { CloudTrailRecord } from "../../../emulator/cloudtrail/record-types.js";
import { completedCall, contextFor, ok, principals } from "./helpers.js";

const T0 = Date.parse("2026-03-04T05:00:00Z");
const OPS = ["ListRulesPackages", "ListFindings", "CreateResourceGroup"] as const;

/** A record to add: operation, region and end time offset (ms) from the clock's "now". */
const recordSpec = fc.record({
  op: fc.constantFrom(...OPS),
  region: fc.constantFrom("us-west-2", "us-west-2", "eu-west-1"),
  offsetMs: fc.integer({ min: -600_000, max: 0 }),
});

const filterArb = fc.option(fc.record({ AttributeKey: fc.constant("EventName"), AttributeValue: fc.constantFrom(...OPS) }), { nil: undefined });

function makeService(deliveryDelayMs = 0) {
  let now = T0;
  const service = new CloudTrailService({ clock: () => new Date(now), deliveryDelayMs });
  /** endedAt (epoch ms) by eventID. */
  const endedAtOf = new Map<string, number>();
  const add = (spec: { op: string; region: string; offsetMs: number }) => {
    const endedAt = new Date(now + spec.offsetMs);
    const ctx = contextFor(principals().IAMUser, spec.region, new Date(endedAt.getTime() - 50));
    const output = spec.op === "CreateResourceGroup" ? { resourceGroupArn: "arn:aws:inspector:us-west-2:111122223333:resourcegroup/0-x" } : { findingArns: [] };
    const rec = service.record(completedCall(spec.op, {}, ok(output), ctx, endedAt));
    endedAtOf.set(rec.eventID, endedAt.getTime());
    return rec;
  };
  return { service, add, endedAtOf, advance: (ms: number) => void (now += ms) };
}

/** What a query must return: matching records of us-west-2, newest eventTime first, later arrival first within a second. */
function expected(records: readonly CloudTrailRecord[], eventName: string | undefined): string[] {
  return records
    .map((r, seq) => ({ r, seq }))
    .filter(({ r }) => r.awsRegion === "us-west-2" && (eventName === undefined || r.eventName === eventName))
    .sort((a, b) => Date.parse(b.r.eventTime) - Date.parse(a.r.eventTime) || b.seq - a.seq)
    .map(({ r }) => r.eventID);
}

describe("LookupEvents pagination", () => {
  it("the union of all pages is the matching records, newest first, each once", () => {
    fc.assert(
      fc.property(fc.array(recordSpec, { maxLength: 130 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), filterArb, (specs, sizes, filter) => {
        const { service, add } = makeService();
        specs.forEach(add);
        const base = filter === undefined ? {} : { LookupAttributes: [filter] };
        const seen: LookupEvent[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const size = sizes[pages % sizes.length]!;
          const r = service.call("LookupEvents", { ...base, MaxResults: size, ...(token ? { NextToken: token } : {}) }, contextFor(principals().Root));
          if (!r.ok) throw new Error(r.error.message);
          const page = r.output.Events as LookupEvent[];
          expect(page.length).toBeLessThanOrEqual(size);
          token = r.output.NextToken as string | undefined;
          if (token !== undefined) expect(page.length).toBe(size);
          seen.push(...page);
          pages += 1;
        } while (token !== undefined);
        const ids = seen.map((e) => e.EventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expected(service.records(), filter?.AttributeValue));
        for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.EventTime).toBeGreaterThanOrEqual(seen[i]!.EventTime);
      }),
      { numRuns: 150 },
    );
  });

  it("records added (or becoming visible) during pagination neither appear in nor disturb the query's pages", () => {
    fc.assert(
      fc.property(
        fc.array(recordSpec, { minLength: 1, maxLength: 80 }),
        fc.array(fc.array(recordSpec.map((s) => ({ ...s, offsetMs: s.offsetMs + 400_000 })), { maxLength: 10 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (initial, bursts, size, delayed) => {
          // With a delay, some initial records become visible while the query is paged.
          const { service, add, advance, endedAtOf } = makeService(delayed ? 120_000 : 0);
          initial.forEach(add);
          // Visible when the first page is served (clock at T0): ended at least the delay before it.
          const snapshot = expected(
            service.records().filter((r) => !delayed || endedAtOf.get(r.eventID)! + 120_000 <= T0),
            undefined,
          );
          const seen: string[] = [];
          let token: string | undefined;
          let page = 0;
          do {
            const r = service.call("LookupEvents", { MaxResults: size, ...(token ? { NextToken: token } : {}) }, contextFor(principals().IAMUser));
            if (!r.ok) throw new Error(r.error.message);
            seen.push(...(r.output.Events as LookupEvent[]).map((e) => e.EventId));
            token = r.output.NextToken as string | undefined;
            // Concurrent activity between pages: new records, time passing.
            (bursts[page] ?? []).forEach(add);
            advance(30_000);
            page += 1;
          } while (token !== undefined);
          expect(seen).toEqual(snapshot);
          // A fresh query sees everything visible now, each once.
          const all: string[] = [];
          token = undefined;
          do {
            const r = service.call("LookupEvents", { MaxResults: 50, ...(token ? { NextToken: token } : {}) }, contextFor(principals().IAMUser));
            if (!r.ok) throw new Error(r.error.message);
            all.push(...(r.output.Events as LookupEvent[]).map((e) => e.EventId));
            token = r.output.NextToken as string | undefined;
          } while (token !== undefined);
          expect(new Set(all).size).toBe(all.length);
          for (const id of snapshot) expect(all).toContain(id);
        },
      ),
      { numRuns: 100 },
    );
  });
});
