/**
 * One file through validate: each layout (gzip trail file, LookupEvents output, JSON lines, one
 * record) gives its summary and no finding when its records conform; each malformed input is
 * rejected with its reason, on its line or record.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { validateBytes } from "../../../harness/validate/validate-file.js";
import { ValidationFindingSchema } from "../../../harness/validate/validation-finding.js";
import { renderFile } from "../../../harness/validate/render.js";
import { apiRecords, insightEvent, serviceEvent } from "./samples.js";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const all = [...apiRecords, serviceEvent(), insightEvent()];
const trail = JSON.stringify({ Records: all });
const lookup = JSON.stringify({ Events: all.map((r, i) => ({ EventId: `e-${i}`, CloudTrailEvent: JSON.stringify(r) })), NextToken: "t" }, null, 2);
const lines = all.map((r) => JSON.stringify(r)).join("\n");

describe("layouts", () => {
  it.each([
    ["111122223333_CloudTrail_us-west-2_20260501T1200Z_abc.json.gz", gzipSync(enc(trail)), "trail", true],
    ["lookup-events.json", enc(lookup), "lookup", false],
    ["records.jsonl", enc(`${lines}\n`), "jsonl", false],
    ["records.txt", enc(`${lines}\r\n`), "jsonl", false],
    ["trail.json", enc(JSON.stringify({ Records: all }, null, 2)), "trail", false],
  ] as const)("%s: %s layout, 6 records, no findings", (name, bytes, layout, gzip) => {
    const r = validateBytes(name, bytes);
    expect(r).toMatchObject({ file: name, layout, gzip, records: 6, kinds: { api: 4, "service-without-type": 1, insight: 1 }, findings: [] });
    expect(renderFile(r, 50)).toBe(`${name}: 6 records (${layout}${gzip ? ", gzip" : ""}), no findings`);
  });

  it("one record as plain .json", () => {
    expect(validateBytes("one.json", enc(JSON.stringify(apiRecords[0], null, 2)))).toMatchObject({ layout: "record", records: 1, findings: [] });
  });

  it("a gzip stream recognised by its magic bytes whatever the name", () => {
    expect(validateBytes("download", gzipSync(enc(lines)))).toMatchObject({ layout: "jsonl", gzip: true, records: 6, findings: [] });
  });

  it("a record with a field removed: missing_field at its record index (trail) and line (JSON lines)", () => {
    const broken = { ...apiRecords[1]! };
    delete broken["awsRegion"];
    const inTrail = validateBytes("t.json", enc(JSON.stringify({ Records: [apiRecords[0], broken] })));
    expect(inTrail.findings).toEqual([expect.objectContaining({ file: "t.json", record: 1, code: "shape.missing_field", path: "awsRegion", severity: "required" })]);
    const inLines = validateBytes("l.jsonl", enc(`${JSON.stringify(apiRecords[0])}\n\n${JSON.stringify(broken)}`));
    expect(inLines.findings).toEqual([expect.objectContaining({ line: 3, record: 1, code: "shape.missing_field", path: "awsRegion" })]);
  });
});

const gz = gzipSync(enc(trail));
const corrupt = Uint8Array.from(gz);
corrupt[gz.length - 6] = corrupt[gz.length - 6]! ^ 0xff;
const badByte = (s: string, at: number): Uint8Array => { const b = enc(s); return new Uint8Array([...b.subarray(0, at), 0xff, ...b.subarray(at)]); };
const deep = (n: number): string => `${"[".repeat(n)}1${"]".repeat(n)}`;
const deepRecord = JSON.stringify({ ...apiRecords[0], requestParameters: "DEEP" }).replace('"DEEP"', deep(5000));
const pretty = JSON.stringify({ Records: all }, null, 2);

/** [what, file name, bytes, code, line or record] */
const MALFORMED: [string, string, Uint8Array, string, { line?: number; record?: number }][] = [
  ["truncated gzip", "t.json.gz", gz.subarray(0, gz.length - 20), "input.bad_gzip", { line: 1 }],
  ["gzip with a corrupted trailer", "t.json.gz", corrupt, "input.bad_gzip", { line: 1 }],
  ["not gzip at all, named .gz", "t.json.gz", enc(trail), "input.bad_gzip", { line: 1 }],
  ["an empty file", "e.json", new Uint8Array(), "input.empty", { line: 1 }],
  ["blank lines only (JSON lines)", "e.jsonl", enc("\n  \n"), "input.empty", { line: 1 }],
  ["a byte that is not UTF-8 on line 3 of a pretty trail file", "t.json", badByte(pretty, pretty.indexOf("\n", pretty.indexOf("\n") + 1) + 3), "input.not_utf8", { line: 3 }],
  ["a byte that is not UTF-8 on line 2 of JSON lines", "l.jsonl", badByte(lines, lines.indexOf("\n") + 5), "input.not_utf8", { line: 2 }],
  ["JSON cut short", "t.json", enc(pretty.slice(0, 500)), "input.not_json", { line: pretty.slice(0, 500).split("\n").length }],
  ["a JSON-lines line cut short", "l.jsonl", enc(lines.slice(0, lines.lastIndexOf("\n") + 30)), "shape.unparseable_record", { line: 6 }],
  ["a JSON-lines line that is an array", "l.jsonl", enc(`${JSON.stringify(apiRecords[0])}\n[1,2]`), "shape.not_an_object", { line: 2 }],
  ["Records not an array", "t.json", enc('{"Records":{"eventVersion":"1.08"}}'), "input.unknown_layout", { line: 1 }],
  ["a top-level array", "t.json", enc(JSON.stringify(all)), "input.unknown_layout", { line: 1 }],
  ["a number", "t.json", enc("42"), "input.unknown_layout", { line: 1 }],
  ["Events not an array", "l.json", enc('{"Events":"none"}'), "input.unknown_layout", { line: 1 }],
  ["an Event without CloudTrailEvent", "l.json", enc('{"Events":[{"EventId":"e-1"}]}'), "input.event_without_record", { record: 0 }],
  ["a CloudTrailEvent that is not JSON", "l.json", enc('{"Events":[{"CloudTrailEvent":"{\\"eventVersion\\":"}]}'), "shape.unparseable_record", { record: 0 }],
  ["a Records element that is a string", "t.json", enc('{"Records":["x"]}'), "shape.not_an_object", { record: 0 }],
  ["a record nested 5,000 deep (trail)", "t.json", enc(`{"Records":[${deepRecord}]}`), "shape.nesting_too_deep", { record: 0 }],
  ["a record nested 5,000 deep (CloudTrailEvent)", "l.json", enc(JSON.stringify({ Events: [{ CloudTrailEvent: deepRecord }] })), "shape.nesting_too_deep", { record: 0 }],
  ["a whole file nested 100,000 deep", "t.json", enc(deep(100_000)), "input.unknown_layout", { line: 1 }],
  ["random text", "t.json", enc("\u0002not json at all"), "input.not_json", { line: 1 }],
];

describe("malformed input: rejected with its reason, located", () => {
  it.each(MALFORMED)("%s", (_, name, bytes, code, where) => {
    const r = validateBytes(name, bytes);
    const f = r.findings.find((x) => x.code === code);
    expect(f, JSON.stringify(r.findings.map((x) => x.code))).toMatchObject({ file: name, severity: "required", ...where });
    for (const x of r.findings) expect(ValidationFindingSchema.safeParse(x).success).toBe(true);
    expect(() => JSON.stringify(r)).not.toThrow();
    expect(f!.message).toMatch(new RegExp(`^\\[${code.replace(".", "\\.")}\\] .+\\nHint: `));
  });

  it("a bad line in JSON lines leaves the other lines checked", () => {
    const r = validateBytes("l.jsonl", badByte(lines, lines.indexOf("\n") + 5));
    expect(r.records).toBe(5);
    expect(r.findings.map((f) => f.code)).toEqual(["input.not_utf8"]);
  });
});
