/**
 * Fuzzing the record reader: CloudTrailEvent texts as a LookupEvents page carries them, each broken in
 * one way that makes it non-conforming (cut short, not JSON, not an object, a required field gone or
 * of the wrong type, a bad time, id or version, a poisoned userIdentity, requestParameters nested
 * thousands deep). Each goes through the collector's page reader and every rule (checkRun): no input
 * may throw, and each must give at least one required finding.
 */
import fc from "fast-check";
import { recordsOfPage } from "../harness/collect/lookup-page.js";
import { checkRun, requiredFindings } from "../oracles/index.js";
import { requiredFieldsFor } from "../oracles/shape-rule.js";
import { pairArb, type Pair } from "../tests/oracles/record-builder.js";

/** One malformed record: how it was broken, its text, and the call it claims to be of. */
export interface MalformedRecord {
  kind: string;
  text: string;
  pair: Pair;
}

/** Nested arrays `depth` deep, as JSON text (built as text: JSON.stringify would recurse as deep). */
const nested = (depth: number): string => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

/** A value of another JSON type than `v`'s. */
const otherType = (v: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }))
    .filter((x) => (x === null ? "null" : Array.isArray(x) ? "array" : typeof x) !== (v === null ? "null" : Array.isArray(v) ? "array" : typeof v));

/** Fields whose type the shape rule fixes (a wrong type is a required finding). */
const TYPED = ["eventTime", "eventVersion", "userIdentity", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "eventID", "readOnly", "eventType"] as const;

/** The malformed records. */
export const malformedRecordArb: fc.Arbitrary<MalformedRecord> = pairArb.chain((pair) => {
  const whole = JSON.stringify(pair.record);
  const mk = (kind: string) => (text: string): MalformedRecord => ({ kind, text, pair });
  const withField = (key: string, value: unknown): string => JSON.stringify({ ...pair.record, [key]: value });
  const required = requiredFieldsFor(String(pair.record["eventVersion"]));
  return fc.oneof(
    fc.integer({ min: 1, max: whole.length - 1 }).map((n) => whole.slice(0, n)).map(mk("cut short")),
    fc.string({ maxLength: 40 }).map((s) => `\u0000${s}`).map(mk("not JSON")),
    fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }))
      .map((v) => JSON.stringify(v) ?? "null").map(mk("not an object")),
    fc.constantFrom(...required).map((key) => {
      const r = { ...pair.record };
      delete r[key];
      return JSON.stringify(r);
    }).map(mk("required field missing")),
    fc.constantFrom(...TYPED).chain((key) => otherType(pair.record[key]).map((v) => withField(key, v))).map(mk("wrong type")),
    fc.string({ maxLength: 20 }).map((s) => withField("eventTime", `x${s}`)).map(mk("bad eventTime")),
    fc.string({ maxLength: 20 }).map((s) => withField("eventID", `x${s}`)).map(mk("bad eventID")),
    fc.string({ maxLength: 20 }).map((s) => withField("eventVersion", `x${s}`)).map(mk("bad eventVersion")),
    // JSON.parse makes "__proto__" an own key: the type lives there, not on userIdentity.
    fc.constant(whole.replace(/"userIdentity":\{/, '"userIdentity":{"__proto__":{"type":"IAMUser"},"constructor":{"prototype":{}},"x":').replace(/"type":"[A-Za-z]+",/, "")).map(mk("poisoned userIdentity")),
    fc.integer({ min: 65, max: 20_000 }).map((depth) => withField("requestParameters", "\u0000deep").replace('"\\u0000deep"', nested(depth))).map(mk("deep requestParameters")),
  );
});

/** What the fuzzer counts. */
export interface ReaderStats {
  inputs: number;
  byKind: Record<string, number>;
  /** Findings or problems reported, in all. */
  reported: number;
}

/** Reads one record as a LookupEvents page carries it and checks it: its findings; throws when there is no required one. */
export function readAndCheck({ kind, text, pair }: MalformedRecord): ReturnType<typeof checkRun>["all"] {
  const { records } = recordsOfPage([{ EventId: "e-1", CloudTrailEvent: text }]);
  const result = checkRun([pair.call], records, pair.ctx);
  if (requiredFindings(result.all).length === 0) throw new Error(`${kind}: no required finding for ${text.slice(0, 300)}`);
  for (const f of result.all) if (typeof f.message !== "string" || f.message.length === 0) throw new Error(`${f.code} has no message`);
  return result.all;
}

/** The property: reading and checking a malformed record never throws and always finds a required defect. */
export function recordReaderProperty(stats: ReaderStats): fc.IPropertyWithHooks<[MalformedRecord]> {
  return fc.property(malformedRecordArb, (m) => {
    stats.inputs++;
    stats.byKind[m.kind] = (stats.byKind[m.kind] ?? 0) + 1;
    stats.reported += readAndCheck(m).length;
  });
}
