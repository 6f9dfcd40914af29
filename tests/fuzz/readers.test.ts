/**
 * The fuzzers of `npm run fuzz` on a small budget (the 100,000-input runs are a script, not a test):
 * each reader survives its malformed inputs, and the record property does reject a conforming record
 * (so it cannot pass by accepting anything).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historyReaderProperty } from "../../fuzz/history-reader.js";
import { readAndCheck, recordReaderProperty, type ReaderStats } from "../../fuzz/record-reader.js";
import { recordsFileReaderProperty } from "../../fuzz/records-file-reader.js";
import { pairArb } from "../oracles/record-builder.js";

const stats = (): ReaderStats => ({ inputs: 0, byKind: {}, reported: 0 });

describe("fuzzers of the readers (small budget)", () => {
  it("record reader: every malformed record is a required finding, never a throw", () => {
    const s = stats();
    fc.assert(recordReaderProperty(s), { numRuns: 400, seed: 3 });
    expect(Object.keys(s.byKind).length).toBeGreaterThanOrEqual(8);
  });

  it("history reader: valid calls kept, each broken line reported by its number", async () => {
    const s = stats();
    await fc.assert(historyReaderProperty(s), { numRuns: 400, seed: 3 });
    expect(s.reported).toBeGreaterThan(0);
  });

  it("records-file reader: records kept, each broken line reported by its number", () => {
    const s = stats();
    fc.assert(recordsFileReaderProperty(s), { numRuns: 400, seed: 3 });
    expect(s.reported).toBeGreaterThan(0);
  });

  it("the record property's check rejects a conforming record (it cannot pass by accepting anything)", () => {
    fc.assert(fc.property(pairArb, (pair) => {
      expect(() => readAndCheck({ kind: "conforming", text: JSON.stringify(pair.record), pair })).toThrow(/conforming: no required finding/);
    }), { numRuns: 50, seed: 3 });
  });
});
