/**
 * The trail-files collector: reads the log files a trail delivered into a folder, in AWS's layout
 * `.../AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<name>.json.gz`, each a gzip of
 * `{"Records":[...]}` (CloudTrail user guide, "Finding your CloudTrail log files", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html). A file that is not gzip, not JSON, or has no Records array is a
 * problem, named with what to do; the other files' records are kept. Digest files
 * (`AWSLogs/.../CloudTrail-Digest/...`) hold no records and are skipped.
 * S3 buckets are not read yet: sync the bucket to a folder first (`aws s3 sync s3://bucket/prefix dir`).
 */
import { readdir, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { z } from "zod";
import { dedupeRecords } from "./dedupe.js";

const gunzipAsync = promisify(gunzip);

/** A file the collector could not use, and why. */
export interface TrailFileProblem {
  /** Path relative to the folder (the folder itself when it cannot be read). */
  file: string;
  /** What was wrong and what to do. */
  message: string;
}

/** What the trail files held. */
export interface TrailFilesCollection {
  /** Records of every readable file, deduplicated by eventID (files in path order, records in file order). */
  records: unknown[];
  /** Log files read successfully. */
  files: number;
  /** Copies of one event (same eventID and requestID) dropped; CloudTrail may deliver an event twice ("Finding your CloudTrail log files"). */
  duplicatesCollapsed: number;
  problems: TrailFileProblem[];
}

const LogFileSchema = z.looseObject({ Records: z.array(z.unknown()) });

/** True for a CloudTrail log file path: under an `AWSLogs` folder, not a digest, named `*.json.gz`. */
export function isTrailLogFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return parts.includes("AWSLogs") && !parts.includes("CloudTrail-Digest") && relativePath.endsWith(".json.gz") && !parts.at(-1)!.startsWith(".");
}

/** The records of one file's bytes, or the problem with them. */
export async function readTrailFile(bytes: Buffer): Promise<{ ok: true; records: unknown[] } | { ok: false; message: string }> {
  let text: string;
  try {
    text = (await gunzipAsync(bytes)).toString("utf8");
  } catch (e) {
    return { ok: false, message: `not a gzip file (${(e as Error).message}): CloudTrail log files are gzip-compressed JSON; re-copy the file or remove it.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `gzip content is not JSON (${(e as Error).message}): the file is truncated or not a CloudTrail log file; re-copy it or remove it.` };
  }
  const parsed = LogFileSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, message: 'JSON without a "Records" array: a CloudTrail log file is {"Records":[...]}; this is some other file (a digest?) and should not be under AWSLogs/.../CloudTrail/.' };
  }
  return { ok: true, records: parsed.data.Records };
}

/**
 * Reads the trail log files under `dir` one at a time, in path order, handing each file's records to
 * `onRecords`. Never throws for bad files or a missing folder: they are problems.
 */
export async function forEachTrailFile(dir: string, onRecords: (records: unknown[]) => void): Promise<{ files: number; problems: TrailFileProblem[] }> {
  const problems: TrailFileProblem[] = [];
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true, encoding: "utf8" });
  } catch (e) {
    problems.push({ file: dir, message: `cannot read the folder (${(e as Error).message}): pass the folder that holds AWSLogs/.` });
    return { files: 0, problems };
  }
  const logFiles = entries
    .map((entry) => entry.split(sep).join("/"))
    .filter(isTrailLogFile)
    .sort();
  let files = 0;
  for (const file of logFiles) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch (e) {
      problems.push({ file, message: `cannot read the file (${(e as Error).message}): check its permissions.` });
      continue;
    }
    const result = await readTrailFile(bytes);
    if (!result.ok) {
      problems.push({ file, message: result.message });
      continue;
    }
    files++;
    onRecords(result.records);
  }
  return { files, problems };
}

/** Reads every trail log file under `dir`. Never throws for bad files or a missing folder: they are problems. */
export async function collectTrailFiles(dir: string): Promise<TrailFilesCollection> {
  const all: unknown[] = [];
  const { files, problems } = await forEachTrailFile(dir, (records) => {
    for (const r of records) all.push(r);
  });
  const { records, duplicatesCollapsed } = dedupeRecords(all);
  return { records, files, duplicatesCollapsed, problems };
}
