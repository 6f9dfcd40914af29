/**
 * Fuzzing the records-file reader: JSONL texts of records (objects, or strings for raw records) mixed
 * with broken lines (not JSON, cut short, JSON that is not a record). Reading never throws, keeps
 * every record in order, and reports exactly the broken lines by their 1-based number.
 */
import fc from "fast-check";
import { parseRecordsText } from "../harness/collect/records-file.js";
import type { ReaderStats } from "./record-reader.js";

type Line = { valid: true; value: unknown; text: string } | { valid: "blank"; text: string } | { valid: false; kind: string; text: string };

const recordArb = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.string({ maxLength: 40 }),
);

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  { weight: 4, arbitrary: recordArb.map((value): Line => ({ valid: true, value: JSON.parse(JSON.stringify(value)) as unknown, text: JSON.stringify(value) })) },
  fc.constant<Line>({ valid: "blank", text: "" }),
  fc.string({ maxLength: 30 }).map((s): Line => ({ valid: false, kind: "not JSON", text: `\u0002${s}` })),
  recordArb.map((v) => JSON.stringify(v)).filter((t) => t.length > 1).chain((t) => fc.integer({ min: 1, max: t.length - 1 }).map((n) => t.slice(0, n)))
    .filter((t) => {
      try {
        const v: unknown = JSON.parse(t);
        return !(typeof v === "string" || (v !== null && typeof v === "object" && !Array.isArray(v)));
      } catch {
        return true;
      }
    })
    .map((text): Line => ({ valid: false, kind: "cut short", text })),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))
    .map((v): Line => ({ valid: false, kind: "not a record", text: JSON.stringify(v) })),
);

/** The property: records kept in order, each broken line reported by its number, nothing thrown. */
export function recordsFileReaderProperty(stats: ReaderStats): fc.IPropertyWithHooks<[Line[], boolean]> {
  return fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, crlf) => {
    stats.inputs++;
    for (const l of lines) if (l.valid === false) stats.byKind[l.kind] = (stats.byKind[l.kind] ?? 0) + 1;
    const { records, problems } = parseRecordsText(lines.map((l) => l.text).join(crlf ? "\r\n" : "\n"));
    stats.reported += problems.length;
    const expected = lines.flatMap((l) => (l.valid === true ? [l.value] : []));
    const expectedLines = lines.flatMap((l, i) => (l.valid === false ? [i + 1] : []));
    if (JSON.stringify(records) !== JSON.stringify(expected)) throw new Error(`records ${JSON.stringify(records)}, expected ${JSON.stringify(expected)}`);
    if (JSON.stringify(problems.map((p) => p.line)) !== JSON.stringify(expectedLines)) throw new Error(`problems ${JSON.stringify(problems)}, expected lines ${JSON.stringify(expectedLines)}`);
  });
}
