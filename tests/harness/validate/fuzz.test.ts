/**
 * The validate fuzzer of `npm run fuzz -- --only validate` on a small budget (10^3; the 10^5 run is
 * the script): every malformed file is rejected for its reason, located, never a throw; and the
 * property's check does reject a conforming file (it cannot pass by accepting anything).
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateInputProperty, validateMalformed } from "../../../fuzz/validate-input.js";
import type { ReaderStats } from "../../../fuzz/record-reader.js";
import { pairArb } from "../../oracles/record-builder.js";

describe("validate fuzzer (10^3 inputs)", () => {
  it("every malformed file gives a required finding of its reason, with its file and line or record", () => {
    const stats: ReaderStats = { inputs: 0, byKind: {}, reported: 0 };
    fc.assert(validateInputProperty(stats), { numRuns: 1000, seed: 7 });
    expect(stats.inputs).toBe(1000);
    expect(Object.keys(stats.byKind).sort()).toEqual(["corrupted gzip", "cut short", "field removed", "huge nesting", "non-UTF-8", "random bytes", "random bytes as gzip", "truncated gzip", "wrong JSON shape"]);
    expect(stats.reported).toBeGreaterThanOrEqual(1000);
  });

  it("the check rejects conforming files (so it cannot pass by accepting anything)", () => {
    fc.assert(fc.property(pairArb, (p) => {
      const bytes = gzipSync(JSON.stringify({ Records: [p.record] }));
      expect(() => validateMalformed({ kind: "conforming", name: "ok.json.gz", bytes, reasons: ["input.bad_gzip"] })).toThrow(/conforming: no required finding/);
    }), { numRuns: 50, seed: 7 });
  });
});
