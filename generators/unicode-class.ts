/**
 * Strings of one character class with Unicode property escapes (`[^\p{C}]*`, `[\p{L}\p{N}_-]+`),
 * drawn without fc.stringMatching: that tests every code point to build such a class (0.8 s for
 * `[^\p{C}]`, 0.2 s for `[\p{L}\p{N}_-]`, once per process). This draws each character from a few
 * blocks of Unicode, controls included, and keeps those the class accepts, so every string still
 * matches the pattern in full.
 */
import fc from "fast-check";

/** `[class]*` or `[class]+`, the class holding a `\p{…}` or `\P{…}`. */
const UNICODE_CLASS_PATTERN = /^(\[\^?(?:[^\]\\]|\\.)*\\[pP]\{(?:[^\]\\]|\\.)*\])([*+])$/u;

/** Code point ranges characters are drawn from: ASCII, Latin-1, Greek and Cyrillic, spaces and format characters, CJK, emoji. */
const BLOCKS: readonly (readonly [number, number])[] = [
  [0x00, 0x7f],
  [0x80, 0xff],
  [0x370, 0x4ff],
  [0x2000, 0x206f],
  [0x3000, 0x303f],
  [0x4e00, 0x9fff],
  [0x1f600, 0x1f64f],
];

/** Draws from ASCII most of the time, so most strings stay readable in a counterexample. */
const CANDIDATE = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: BLOCKS[0]![0], max: BLOCKS[0]![1] }) },
  ...BLOCKS.slice(1).map(([min, max]) => ({ weight: 1, arbitrary: fc.integer({ min, max }) })),
).map((code) => String.fromCodePoint(code));

/**
 * A generator of full matches of `pattern` when it is one Unicode property class with `*` or `+`;
 * undefined for any other pattern.
 */
export function unicodeClassArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  const parts = UNICODE_CLASS_PATTERN.exec(pattern);
  if (parts === null) return undefined;
  const accepts = new RegExp(`^${parts[1]}$`, "u");
  const unit = CANDIDATE.filter((c) => accepts.test(c));
  return fc.string({ unit, minLength: parts[2] === "+" ? 1 : 0 });
}
