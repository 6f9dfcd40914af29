/**
 * The records file: collected CloudTrail records as JSONL (one record per line) beside the run's
 * history, so `npm run check` can re-check a run without calling the target. A record is a JSON object,
 * or a string (a CloudTrailEvent text that did not parse, kept raw for the oracles to report).
 * Reading keeps every good line and reports each malformed one with its line number.
 */
import { appendFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";

/** File name suffix of a records file. */
export const RECORDS_FILE_SUFFIX = ".records.jsonl";

/** A line that is not a record. */
export interface RecordsFileProblem {
  /** 1-based line number. */
  line: number;
  message: string;
}

/** What a records file held. */
export interface RecordsFileContents {
  records: unknown[];
  problems: RecordsFileProblem[];
}

const RecordLine = z.union([z.record(z.string(), z.unknown()), z.string()]);

/** The records file beside a history file: `run.jsonl` -> `run.records.jsonl` in the same folder. */
export function recordsFileBeside(historyPath: string): string {
  const name = basename(historyPath).replace(/\.jsonl?$/i, "");
  return join(dirname(historyPath), `${name}${RECORDS_FILE_SUFFIX}`);
}

/** One JSONL line for a record. @throws TypeError when the record is neither an object nor a string. */
function lineOf(record: unknown, index: number): string {
  const parsed = RecordLine.safeParse(record);
  if (!parsed.success) throw new TypeError(`records[${index}] is ${record === null ? "null" : typeof record}: a record is a JSON object or a raw string`);
  return JSON.stringify(record);
}

/**
 * Writes `records` to `path` as JSONL, atomically (temporary file, then rename), creating the folder.
 * @throws TypeError for a record that is neither an object nor a string (nothing is written).
 */
export async function writeRecordsFile(path: string, records: readonly unknown[]): Promise<void> {
  const body = records.map(lineOf).map((line) => `${line}\n`).join("");
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, body, "utf8");
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Appends `records` to `path` as JSONL (creating the folder and file), for runs that check and write
 * their records a chunk at a time; `firstIndex` is the run-wide index of the first, for messages.
 * @throws TypeError for a record that is neither an object nor a string (nothing is written).
 */
export async function appendRecordsFile(path: string, records: readonly unknown[], firstIndex = 0): Promise<void> {
  const body = records.map((r, i) => `${lineOf(r, firstIndex + i)}\n`).join("");
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, body, "utf8");
}

/** Parses JSONL text: good lines kept, blank lines skipped, each malformed line reported by number. */
export function parseRecordsText(text: string): RecordsFileContents {
  const records: unknown[] = [];
  const problems: RecordsFileProblem[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      problems.push({ line: index + 1, message: `not JSON (${(e as Error).message}); a truncated last line means the writer was interrupted: collect again to rewrite the file` });
      return;
    }
    const parsed = RecordLine.safeParse(value);
    if (!parsed.success) {
      const what = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
      problems.push({ line: index + 1, message: `${what}, not a record (a JSON object, or a string for a raw record)` });
      return;
    }
    records.push(value); // the value itself, not zod's copy: keys such as "__proto__" stay as they were
  });
  return { records, problems };
}

/** Reads a records file. @throws the file system's error when it cannot be read (e.g. ENOENT). */
export async function readRecordsFile(path: string): Promise<RecordsFileContents> {
  return parseRecordsText(await readFile(path, "utf8"));
}
