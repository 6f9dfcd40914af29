/**
 * LookupEvents consistency: a record whose eventTime lies at least a second inside a query's window,
 * under that query's EventSource, must come back in that query, whether it was collected by an
 * earlier query (checkWindowCoverage) or found only by a second lookup by access key
 * (checkLookupConsistency).
 */
import { describe, expect, it } from "vitest";
import { checkLookupConsistency, checkWindowCoverage } from "../../oracles/lookup-consistency.js";
import { buildPair } from "./record-builder.js";

const SOURCE = "inspector.amazonaws.com";
const pair = buildPair({ kind: "IAMUser", operation: "ListFindings", outcome: "ok", edition: "2020", eventVersion: "1.08", seq: 4 });
const at = (eventTime: string, extra: Record<string, unknown> = {}) => ({ call: pair.call, record: { ...structuredClone(pair.record), eventTime, ...extra } });
const window = { start: new Date("2026-11-25T10:00:00Z"), end: new Date("2026-11-25T10:00:10Z") };

describe("checkWindowCoverage", () => {
  it("finds a known record inside the window that the later query left out, on its call", () => {
    const findings = checkWindowCoverage([at("2026-11-25T10:00:05Z")], [], window, SOURCE);
    expect(findings).toEqual([expect.objectContaining({ code: "completeness.lookup_incomplete", path: "calls[seq=4]", severity: "required" })]);
    expect(findings[0]!.actual).toContain("left out of a later query");
  });

  it("finds nothing when the query returned it (as an object or as CloudTrailEvent text)", () => {
    const known = at("2026-11-25T10:00:05Z");
    expect(checkWindowCoverage([known], [known.record], window, SOURCE)).toEqual([]);
    expect(checkWindowCoverage([known], [JSON.stringify(known.record)], window, SOURCE)).toEqual([]);
  });

  it("does not judge records within a second of the window's edges, outside it, or under another eventSource", () => {
    const edges = [at("2026-11-25T10:00:00Z"), at("2026-11-25T10:00:00.999Z"), at("2026-11-25T10:00:09.001Z"), at("2026-11-25T10:00:10Z")];
    const outside = [at("2026-11-25T09:59:59Z"), at("2026-11-25T10:00:11Z"), at("not a time")];
    const elsewhere = [at("2026-11-25T10:00:05Z", { eventSource: "s3.amazonaws.com" })];
    expect(checkWindowCoverage([...edges, ...outside, ...elsewhere], [], window, SOURCE)).toEqual([]);
    expect(checkWindowCoverage([at("2026-11-25T10:00:01Z"), at("2026-11-25T10:00:09Z")], [], window, SOURCE)).toHaveLength(2);
  });
});

describe("checkLookupConsistency", () => {
  it("finds a record of the batch that only the lookup by access key returned, though stamped inside the filtered query's window", () => {
    const { record } = at("2026-11-25T10:00:05Z");
    const findings = checkLookupConsistency([pair.call], [record], SOURCE, window);
    expect(findings).toEqual([expect.objectContaining({ code: "completeness.lookup_incomplete", path: "calls[seq=4]", severity: "required" })]);
  });

  it("does not blame the filtered query for a record stamped outside its window (its eventTime is judged by the correlation rules), near its edges, or under another eventSource", () => {
    const records = [
      at("2026-11-25T09:00:05Z").record,
      at("2026-11-25T10:00:00.500Z").record,
      at("2026-11-25T10:00:09.500Z").record,
      at("2026-11-25T10:00:05Z", { eventSource: "s3.amazonaws.com" }).record,
    ];
    expect(checkLookupConsistency([pair.call], records, SOURCE, window)).toEqual([]);
  });

  it("ignores records of no call of the batch", () => {
    const { record } = at("2026-11-25T10:00:05Z", { requestID: "someone-else" });
    expect(checkLookupConsistency([pair.call], [record], SOURCE, window)).toEqual([]);
  });
});
