/**
 * unicode-class.ts: the v2 model's lone Unicode property classes are drawn without
 * fc.stringMatching, and every string drawn still matches its pattern in full.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unicodeClassArbitrary } from "../../generators/unicode-class.js";
import { inspector2Model } from "../../model/inspector2-model.js";

const patterns = [...new Set(Object.values(inspector2Model.shapes).flatMap((s) => (typeof s.pattern === "string" ? [s.pattern] : [])))];
const drawn = patterns.filter((p) => unicodeClassArbitrary(p) !== undefined);

describe("unicodeClassArbitrary", () => {
  it("takes the model's four Unicode property classes and no other pattern", () => {
    expect(drawn.sort()).toEqual(["[\\p{L}\\p{N}_-]+", "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*", "[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*", "[^\\p{C}]*"].sort());
    for (const other of ["[a-z]+", "[\\p{L}]+abc", "arn:[\\p{L}]*", "([\\p{L}])*", "[\\p{L}]{1,5}"]) expect(unicodeClassArbitrary(other), other).toBeUndefined();
  });

  it.for(drawn)("%s: every string drawn matches the pattern in full", (pattern) => {
    const full = new RegExp(`^(?:${pattern})$`, "u");
    const samples = fc.sample(unicodeClassArbitrary(pattern)!, { numRuns: 500, seed: 5 });
    for (const s of samples) expect(full.test(s), JSON.stringify(s)).toBe(true);
    if (pattern.endsWith("+")) expect(samples.every((s) => s.length > 0)).toBe(true);
    else expect(samples.some((s) => s === "")).toBe(true);
    // Beyond ASCII too: the class is Unicode's, and so are the strings.
    expect(samples.some((s) => /[^\x00-\x7f]/u.test(s))).toBe(true);
  });

  it("leaves out what the class excludes: no control or format character in [^\\p{C}]*", () => {
    const samples = fc.sample(unicodeClassArbitrary("[^\\p{C}]*")!, { numRuns: 500, seed: 6 });
    expect(samples.join("")).not.toMatch(/\p{C}/u);
  });
});
