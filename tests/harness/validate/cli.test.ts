/**
 * `npm run validate` as a user runs it, in a child process: the summary per file and the final line,
 * `--json`, and the exit codes: 0 (no required finding), 1 (a required finding), 2 (bad flags or an
 * unreadable input, one line and the usage).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRecords, insightEvent, serviceEvent } from "./samples.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const TSX = join(ROOT, "node_modules/.bin/tsx");
const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, "scripts/validate.ts"), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

let dir: string;
const good = [...apiRecords, serviceEvent(), insightEvent()];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "validate-cli-"));
  const logs = join(dir, "good", "AWSLogs", "111122223333", "CloudTrail", "us-west-2", "2026", "05", "01");
  mkdirSync(logs, { recursive: true });
  mkdirSync(join(dir, "good", "AWSLogs", "111122223333", "CloudTrail-Digest"), { recursive: true });
  writeFileSync(join(logs, "111122223333_CloudTrail_us-west-2_20260501T1200Z_abc.json.gz"), gzipSync(JSON.stringify({ Records: good })));
  writeFileSync(join(dir, "good", "AWSLogs", "111122223333", "CloudTrail-Digest", "digest.json.gz"), gzipSync("{}"));
  writeFileSync(join(dir, "good", "lookup-events.json"), JSON.stringify({ Events: good.map((r) => ({ CloudTrailEvent: JSON.stringify(r) })) }, null, 2));
  writeFileSync(join(dir, "good", "records.jsonl"), good.map((r) => JSON.stringify(r)).join("\n"));
  writeFileSync(join(dir, "good", "notes.md"), "not a record file");
  const broken = { ...apiRecords[0]! };
  delete broken["eventTime"];
  writeFileSync(join(dir, "broken.jsonl"), `${JSON.stringify(apiRecords[1])}\n${JSON.stringify(broken)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run validate (child process)", () => {
  it("a folder of conforming files: a summary per file (gzip trail, LookupEvents, JSON lines), exit 0", async () => {
    const r = await run(join(dir, "good"));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      `${join(dir, "good", "AWSLogs/111122223333/CloudTrail/us-west-2/2026/05/01/111122223333_CloudTrail_us-west-2_20260501T1200Z_abc.json.gz")}: 6 records (trail, gzip), no findings`,
      `${join(dir, "good", "lookup-events.json")}: 6 records (lookup), no findings`,
      `${join(dir, "good", "records.jsonl")}: 6 records (jsonl), no findings`,
      "validate: 3 files, 18 records, 0 findings (0 required, 0 advisory): PASS",
    ]);
  });

  it("a required finding: its line, path and expected/actual, then the final line, exit 1", async () => {
    const file = join(dir, "broken.jsonl");
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: 2 records (jsonl), 1 finding: shape.missing_field x1\n  line 2, record 1  eventTime  shape.missing_field (required): expected "string", got (absent)\n`);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("validate: 1 file, 2 records, 1 finding (1 required, 0 advisory): FAIL");
  });

  it("--json: one document with every finding and the exit code", async () => {
    const r = await run("--json", join(dir, "broken.jsonl"), join(dir, "good", "records.jsonl"));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: { records: number; findings: { code: string; line: number }[] }[]; totals: { required: number }; exitCode: number };
    expect(doc.exitCode).toBe(1);
    expect(doc.totals.required).toBe(1);
    expect(doc.files.map((f) => f.findings.map((x) => `${x.code}@${x.line}`))).toEqual([["shape.missing_field@2"], []]);
  });

  it("AWS's documentation records: their known inconsistencies (required ones among them), exit 1", async () => {
    const r = await run("fixtures/aws-examples");
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("validate: 9 files, 9 records, 17 findings (5 required, 12 advisory): FAIL");
  });

  it.each([
    [["--bogus", "x"], /^validate: Unknown option '--bogus'/],
    [[], /^validate: give at least one file or folder\n/],
    [["--max-findings", "many", "x"], /^validate: --max-findings must be a whole number/],
    [["/no/such/file.json"], /^validate: cannot read \/no\/such\/file\.json: ENOENT\n/],
    [["README.md", "/no/such/dir"], /^validate: cannot read \/no\/such\/dir: ENOENT\n/],
  ] as const)("%j: one clear line and the usage, exit 2", async (args, line) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).toContain("Usage: npm run validate -- [--json]");
    expect(r.stdout).toBe("");
  });

  it("a folder without record files is unreadable input, exit 2", async () => {
    const empty = join(dir, "empty");
    mkdirSync(empty, { recursive: true });
    const r = await run(empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^validate: no record files under /);
  });
});
