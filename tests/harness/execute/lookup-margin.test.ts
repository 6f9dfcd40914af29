/**
 * LookupMargin (harness/collect/lookup-margin.ts): an endpoint's interactive lookup windows start 1 s around
 * their calls and widen to the distance its records show, up to the skew tolerance.
 */
import { describe, expect, it } from "vitest";
import { LookupMargin, MIN_LOOKUP_MARGIN_MS } from "../../../harness/collect/lookup-margin.js";
import type { ObservedCall } from "../../../history/observed-call.js";

const call = {
  seq: 0,
  operation: "ListRulesPackages",
  startedAt: "2026-11-25T10:00:00.700Z",
  endedAt: "2026-11-25T10:00:00.900Z",
} as ObservedCall;
const at = (eventTime: unknown) => ({ call, record: { eventTime } });

describe("LookupMargin", () => {
  it("stays at 1 s while records are stamped within their call (eventTime truncated to the second)", () => {
    const margin = new LookupMargin(MIN_LOOKUP_MARGIN_MS, 5000);
    margin.observe([at("2026-11-25T10:00:00Z"), at("2026-11-25T10:00:00.900Z"), at("not a time"), at(undefined)]);
    expect(margin.ms).toBe(1000);
  });

  it("widens to 1 s beyond the farthest record, on either side, and never narrows", () => {
    const margin = new LookupMargin(MIN_LOOKUP_MARGIN_MS, 5000);
    margin.observe([at("2026-11-25T10:00:03.900Z")]);
    expect(margin.ms).toBe(4000);
    margin.observe([at("2026-11-25T09:59:58.500Z")]);
    expect(margin.ms).toBe(4000);
    margin.observe([at("2026-11-25T09:59:56.500Z")]);
    expect(margin.ms).toBe(4500);
    margin.observe([at("2026-11-25T10:00:00Z")]);
    expect(margin.ms).toBe(4500);
  });

  it("never passes its maximum (an hour-off record leaves the margin at the skew tolerance)", () => {
    const margin = new LookupMargin(MIN_LOOKUP_MARGIN_MS, 5000);
    margin.observe([at("2026-11-25T09:00:00Z")]);
    expect(margin.ms).toBe(5000);
  });

  it("is fixed when started at its maximum, and never under 1 s", () => {
    const fixed = new LookupMargin(5000);
    fixed.observe([at("2026-11-25T09:00:00Z")]);
    expect(fixed.ms).toBe(5000);
    expect(new LookupMargin(0).ms).toBe(1000);
  });
});
