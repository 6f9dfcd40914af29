/** The records file: a JSONL round trip, and a damaged file read back with its bad lines named. */
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { parseRecordsText, readRecordsFile, recordsFileBeside, writeRecordsFile } from "../../../harness/collect/records-file.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "records-file-"));
  dirs.push(d);
  return d;
}

const record = (i: number) => ({ eventVersion: "1.08", eventID: `e${i}`, requestID: `r${i}`, requestParameters: { text: "line\nbreak \u2028 é" }, responseElements: null });

describe("records file", () => {
  it("names the file beside the history", () => {
    expect(recordsFileBeside("/runs/42/history.jsonl")).toBe("/runs/42/history.records.jsonl");
    expect(recordsFileBeside("runs/history")).toBe(join("runs", "history.records.jsonl"));
  });

  it("round-trips records, raw strings included, and creates the folder", async () => {
    const path = join(await tempDir(), "run", "history.records.jsonl");
    const records = [record(1), "{not json", record(2)];
    await writeRecordsFile(path, records);
    expect((await readFile(path, "utf8")).split("\n")).toHaveLength(4); // three lines and the final newline
    expect(await readRecordsFile(path)).toEqual({ records, problems: [] });
  });

  it("keeps every good line of a file whose last line was cut off, and names the bad line", async () => {
    const path = join(await tempDir(), "history.records.jsonl");
    await writeRecordsFile(path, [record(1), record(2)]);
    await appendFile(path, JSON.stringify(record(3)).slice(0, 25));
    const out = await readRecordsFile(path);
    expect(out.records).toEqual([record(1), record(2)]);
    expect(out.problems).toEqual([{ line: 3, message: expect.stringMatching(/^not JSON .*collect again/) }]);
  });

  it("reports lines that are JSON but not records, and skips blank lines", () => {
    const out = parseRecordsText(`{"eventID":"a"}\r\n\n42\nnull\n[1]\n"raw"\n`);
    expect(out.records).toEqual([{ eventID: "a" }, "raw"]);
    expect(out.problems.map((p) => [p.line, p.message.split(",")[0]])).toEqual([
      [3, "a number"],
      [4, "null"],
      [5, "an array"],
    ]);
  });

  it("refuses to write a value that is not a record, writing nothing", async () => {
    const path = join(await tempDir(), "x.records.jsonl");
    await expect(writeRecordsFile(path, [record(1), 7])).rejects.toThrow(/records\[1\] is number/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("keeps a record whose keys look like prototype keys", () => {
    const text = '{"__proto__":{"x":1},"constructor":2}\n';
    const [back] = parseRecordsText(text).records;
    expect(Object.keys(back as object)).toEqual(["__proto__", "constructor"]);
    expect(`${JSON.stringify(back)}\n`).toBe(text);
  });

  test.prop([fc.array(fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.string()), { maxLength: 20 })])(
    "any objects and strings survive the round trip in order",
    (records) => {
      const text = records.map((r) => `${JSON.stringify(r)}\n`).join("");
      const back = parseRecordsText(text);
      expect(back.problems).toEqual([]);
      expect(back.records).toEqual(JSON.parse(JSON.stringify(records)));
    },
  );
});
