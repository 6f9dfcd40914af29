/**
 * The trail-files collector on log files the reference emulator delivered, plus damaged files put
 * beside them: every good record kept once, each bad file a named problem, never a crash.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { collectTrailFiles, isTrailLogFile } from "../../../harness/collect/trail-files.js";
import { requestIdOf } from "../../../harness/collect/record-keys.js";
import { listCalls, startStampedEmulator } from "./helpers.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "trail-collector-"));
  dirs.push(d);
  return d;
}

async function put(dir: string, key: string, bytes: Buffer | string): Promise<void> {
  await mkdir(dirname(join(dir, key)), { recursive: true });
  await writeFile(join(dir, key), bytes);
}

const DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/05/01";

describe("collectTrailFiles", () => {
  it("reads the emulator's delivered files, collapses a re-delivered file, and reports damaged ones by name", async () => {
    const trailDir = await tempDir();
    const target = await startStampedEmulator({ trailDir, trailIntervalMs: 60_000 });
    const calls = await listCalls(target.inspector(), 30);
    await target.close(); // delivers every pending record
    const delivered = (await readdir(trailDir, { recursive: true, encoding: "utf8" })).filter((f) => f.endsWith(".json.gz"));
    expect(delivered).toHaveLength(1);
    const good = delivered[0]!;

    // A second delivery of the same file (CloudTrail may deliver an event twice: "Finding your CloudTrail log files").
    await copyFile(join(trailDir, good), join(trailDir, good.replace(/_([A-Za-z0-9]{16})\.json\.gz$/, "_ZZZZZZZZZZZZZZZZ.json.gz")));
    await put(trailDir, `${DAY}/111122223333_CloudTrail_us-east-1_20260501T1200Z_corruptgzip00001.json.gz`, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    await put(trailDir, `${DAY}/111122223333_CloudTrail_us-east-1_20260501T1205Z_plaintext0000001.json.gz`, '{"Records":[]}');
    await put(trailDir, `${DAY}/111122223333_CloudTrail_us-east-1_20260501T1210Z_notjson000000001.json.gz`, gzipSync('{"Records":[{"eventID":'));
    await put(trailDir, `${DAY}/111122223333_CloudTrail_us-east-1_20260501T1215Z_norecords0000001.json.gz`, gzipSync('{"logFiles":[]}'));
    // Ignored: a digest file (no records by design) and files outside AWSLogs or not .json.gz.
    await put(trailDir, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/05/01/digest.json.gz", gzipSync('{"logFiles":[]}'));
    await put(trailDir, "notes/readme.json.gz", "not a log");
    await put(trailDir, `${DAY}/listing.txt`, "x");

    const out = await collectTrailFiles(trailDir);
    expect(out.files).toBe(2);
    expect(out.records).toHaveLength(30);
    expect(out.duplicatesCollapsed).toBe(30);
    expect(out.records.map(requestIdOf).sort()).toEqual(calls.map((c) => c.requestId).sort());
    expect(out.problems.map((p) => [p.file.split("_").at(-1), p.message.split(" (")[0]])).toEqual([
      ["corruptgzip00001.json.gz", "not a gzip file"],
      ["plaintext0000001.json.gz", "not a gzip file"],
      ["notjson000000001.json.gz", "gzip content is not JSON"],
      ["norecords0000001.json.gz", 'JSON without a "Records" array: a CloudTrail log file is {"Records":[...]}; this is some other file'],
    ]);
    for (const p of out.problems) expect(p.file.startsWith(`${DAY}/`)).toBe(true);
  });

  it("reports a folder that does not exist as a problem, not a crash", async () => {
    const missing = join(await tempDir(), "nowhere");
    const out = await collectTrailFiles(missing);
    expect(out).toMatchObject({ records: [], files: 0, duplicatesCollapsed: 0 });
    expect(out.problems).toEqual([{ file: missing, message: expect.stringMatching(/^cannot read the folder \(ENOENT.*AWSLogs/) }]);
  });

  it("recognises log file keys in AWS's layout, including organization trails, and not digests", () => {
    expect(isTrailLogFile("AWSLogs/111122223333/CloudTrail/us-east-1/2026/05/21/111122223333_CloudTrail_us-east-1_20260521T1455Z_gReN40HzDzx8nfNj.json.gz")).toBe(true);
    expect(isTrailLogFile("prefix/AWSLogs/o-abc123/111122223333/CloudTrail/eu-west-1/2026/05/21/x.json.gz")).toBe(true);
    expect(isTrailLogFile("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/05/21/d.json.gz")).toBe(false);
    expect(isTrailLogFile("AWSLogs/111122223333/CloudTrail/us-east-1/2026/05/21/.tmp-abc")).toBe(false);
    expect(isTrailLogFile("elsewhere/x.json.gz")).toBe(false);
  });
});
