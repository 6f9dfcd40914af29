/**
 * Fuzzing `npm run validate`'s reading of files: trail files, LookupEvents output, JSON lines and
 * plain JSON built from conforming records, each broken in one way (random bytes, a truncated or
 * corrupted gzip stream, JSON of the wrong shape, nesting thousands deep, a byte that is not UTF-8,
 * text cut short, a record with a field removed). validateBytes must never throw, and must give at
 * least one required finding of the reason the case was built with, every finding naming the file
 * and its line or record index.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { validateBytes, type FileResult } from "../harness/validate/validate-file.js";
import { ValidationFindingSchema, type ValidationCode } from "../harness/validate/validation-finding.js";
import { requiredFieldsFor } from "../oracles/shape-rule.js";
import { pairArb } from "../tests/oracles/record-builder.js";
import type { ReaderStats } from "./record-reader.js";

/** One malformed file: how it was broken, its name and bytes, and the codes that may say why (one must). */
export interface MalformedFile {
  kind: string;
  name: string;
  bytes: Uint8Array;
  reasons: readonly ValidationCode[];
  /** The line the reason must be reported on, when the case fixes it. */
  line?: number;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Arrays nested `depth` deep, as text (JSON.stringify would recurse as deep). */
const nested = (depth: number): string => `${"[".repeat(depth)}1${"]".repeat(depth)}`;
const records = fc.array(pairArb.map((p) => p.record), { minLength: 1, maxLength: 3 });

/** A conforming file in one of the layouts, as text. */
const layoutArb = records.chain((rs) => fc.constantFrom(
  { name: "trail.json", text: JSON.stringify({ Records: rs }) },
  { name: "lookup.json", text: JSON.stringify({ Events: rs.map((r, i) => ({ EventId: `e-${i}`, CloudTrailEvent: JSON.stringify(r) })) }) },
  { name: "records.jsonl", text: rs.map((r) => JSON.stringify(r)).join("\n") },
));

const INVALID_UTF8 = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xc0, 0xaf]] as const;

const cases: fc.Arbitrary<MalformedFile>[] = [
  fc.uint8Array({ maxLength: 300 }).filter((b) => b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b)
    .map((bytes): MalformedFile => ({ kind: "random bytes", name: "random.json", bytes, reasons: ["input.empty", "input.not_json", "input.not_utf8", "input.unknown_layout", "shape.unparseable_record", "shape.missing_field", "shape.wrong_type", "shape.not_an_object"] }))
    .filter((m) => !/^\s*\{\s*"(Records|Events)"\s*:\s*\[\s*\]\s*\}\s*$/.test(new TextDecoder().decode(m.bytes))),
  fc.uint8Array({ maxLength: 300 }).map((bytes): MalformedFile => ({ kind: "random bytes as gzip", name: "random.json.gz", bytes, reasons: ["input.bad_gzip"] })),
  layoutArb.chain((f) => {
    const gz = gzipSync(text(f.text));
    return fc.integer({ min: 0, max: gz.length - 1 }).map((n): MalformedFile => ({ kind: "truncated gzip", name: `${f.name}.gz`, bytes: gz.subarray(0, n), reasons: ["input.bad_gzip"] }));
  }),
  layoutArb.chain((f) => {
    const gz = gzipSync(text(f.text));
    // Bytes 0-9 are the header (its mtime and OS bytes are not checked); from 10 on, deflate data and the CRC-32/size trailer.
    return fc.tuple(fc.integer({ min: 10, max: gz.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([i, x]): MalformedFile => {
      const bytes = Uint8Array.from(gz);
      bytes[i] = bytes[i]! ^ x;
      return { kind: "corrupted gzip", name: `${f.name}.gz`, bytes, reasons: ["input.bad_gzip"] };
    }).filter((m) => {
      // A flip of the unused padding bits of the last deflate byte changes nothing: that file is not malformed.
      try {
        gunzipSync(m.bytes);
        return false;
      } catch {
        return true;
      }
    });
  }),
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).filter((v) => !Array.isArray(v)).map((v) => ({ t: JSON.stringify({ Records: v }), r: "input.unknown_layout" as const })),
    fc.jsonValue({ maxDepth: 2 }).filter((v) => !Array.isArray(v)).map((v) => ({ t: JSON.stringify({ Events: v }), r: "input.unknown_layout" as const })),
    fc.array(fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.record({ CloudTrailEvent: fc.oneof(fc.integer(), fc.constant(null), fc.boolean()) })), { minLength: 1, maxLength: 3 })
      .map((es) => ({ t: JSON.stringify({ Events: es }), r: "input.event_without_record" as const })),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })), { minLength: 1, maxLength: 3 })
      .map((rs) => ({ t: JSON.stringify({ Records: rs }), r: "shape.not_an_object" as const })),
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null))
      .map((v) => ({ t: JSON.stringify(v), r: "input.unknown_layout" as const })),
  ).map(({ t, r }): MalformedFile => ({ kind: "wrong JSON shape", name: "shape.json", bytes: text(t), reasons: [r] })),
  fc.tuple(pairArb, fc.integer({ min: 65, max: 100_000 }), fc.constantFrom("whole", "record", "event", "line")).map(([p, depth, where]): MalformedFile => {
    const deep = JSON.stringify({ ...p.record, requestParameters: "\u0000deep" }).replace('"\\u0000deep"', nested(depth));
    const t = where === "whole" ? nested(depth) : where === "record" ? `{"Records":[${deep}]}` : where === "event" ? JSON.stringify({ Events: [{ CloudTrailEvent: deep }] }) : `${JSON.stringify(p.record)}\n${deep}`;
    return { kind: "huge nesting", name: where === "line" ? "deep.jsonl" : "deep.json", bytes: text(t), reasons: [where === "whole" ? "input.unknown_layout" : "shape.nesting_too_deep"] };
  }),
  fc.tuple(layoutArb, fc.constantFrom(...INVALID_UTF8), fc.nat(), fc.boolean()).map(([f, bad, at, pretty]): MalformedFile => {
    const body = pretty && !f.name.endsWith(".jsonl") ? JSON.stringify(JSON.parse(f.text), null, 2) : f.text;
    const bytes = text(body);
    const i = at % (bytes.length + 1);
    // Never inside a multi-byte sequence: the bytes of the conforming text are ASCII except in strings, so split at an ASCII byte.
    let cut = i;
    while (cut > 0 && cut < bytes.length && (bytes[cut]! & 0xc0) === 0x80) cut--;
    const out = new Uint8Array([...bytes.subarray(0, cut), ...bad, ...bytes.subarray(cut)]);
    let line = 1;
    for (let k = 0; k < cut; k++) if (out[k] === 0x0a) line++;
    return { kind: "non-UTF-8", name: f.name, bytes: out, reasons: ["input.not_utf8"], line };
  }),
  layoutArb.chain((f) => {
    if (f.name.endsWith(".jsonl")) {
      const start = f.text.lastIndexOf("\n") + 1;
      return fc.integer({ min: start + 1, max: f.text.length - 1 }).map((n): MalformedFile => ({ kind: "cut short", name: f.name, bytes: text(f.text.slice(0, n)), reasons: ["shape.unparseable_record"], line: f.text.slice(0, n).split("\n").length }));
    }
    return fc.integer({ min: 1, max: f.text.length - 1 }).map((n): MalformedFile => ({ kind: "cut short", name: f.name, bytes: text(f.text.slice(0, n)), reasons: ["input.not_json"] }));
  }),
  fc.tuple(pairArb, fc.constantFrom("trail.json", "lookup.json", "records.jsonl", "one.json")).chain(([p, name]) =>
    fc.constantFrom(...requiredFieldsFor(String(p.record["eventVersion"]))).map((key): MalformedFile => {
      const r = { ...p.record };
      delete r[key];
      const t = name === "trail.json" ? JSON.stringify({ Records: [p.record, r] }) : name === "lookup.json" ? JSON.stringify({ Events: [{ CloudTrailEvent: JSON.stringify(r) }] }) : name === "records.jsonl" ? `${JSON.stringify(p.record)}\n${JSON.stringify(r)}` : JSON.stringify(r);
      return { kind: "field removed", name, bytes: text(t), reasons: ["shape.missing_field"] };
    })),
];

/** The malformed files. */
export const malformedFileArb: fc.Arbitrary<MalformedFile> = fc.oneof(...cases);

/** Validates one malformed file; throws when it is not rejected for its reason, located. */
export function validateMalformed(m: MalformedFile): FileResult {
  const result = validateBytes(m.name, m.bytes);
  JSON.stringify(result);
  for (const f of result.findings) {
    const parsed = ValidationFindingSchema.safeParse(f);
    if (!parsed.success) throw new Error(`${m.kind}: finding ${f.code} is not a located finding: ${parsed.error.message}`);
    if (f.file !== m.name) throw new Error(`${m.kind}: finding names ${f.file}, not ${m.name}`);
  }
  const because = result.findings.filter((f) => f.severity === "required" && m.reasons.includes(f.code));
  if (because.length === 0) throw new Error(`${m.kind}: no required finding among ${m.reasons.join(", ")}; got ${result.findings.map((f) => f.code).join(", ") || "none"}`);
  if (m.line !== undefined && !because.some((f) => f.line === m.line)) throw new Error(`${m.kind}: expected a finding on line ${m.line}, got lines ${because.map((f) => f.line).join(", ")}`);
  return result;
}

/** The property: every malformed file is rejected for its reason, never a throw. */
export function validateInputProperty(stats: ReaderStats): fc.IPropertyWithHooks<[MalformedFile]> {
  return fc.property(malformedFileArb, (m) => {
    stats.inputs++;
    stats.byKind[m.kind] = (stats.byKind[m.kind] ?? 0) + 1;
    stats.reported += validateMalformed(m).findings.length;
  });
}
