/**
 * The files `npm run validate` reads: each path given, and under each folder (recursively, in path
 * order) the files named like CloudTrail records: `*.json`, `*.jsonl`, `*.ndjson` (each optionally
 * `.gz`, which trail log files always are) and `*.json.txt` (AWS documentation blocks, as
 * fixtures/aws-examples keeps them). Digest files (`CloudTrail-Digest/`) hold no records and hidden
 * files are not records: both are skipped in folders. A file named on the command line is read
 * whatever its name.
 */
import { readdir, stat } from "node:fs/promises";
import { join, sep } from "node:path";

/** A path that cannot be read: the command stops with exit 2. */
export class UnreadableInputError extends Error {
  override name = "UnreadableInputError";
}

/** True for a file name a folder walk picks. */
export function isRecordFileName(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  if (name.startsWith(".") || parts.includes("CloudTrail-Digest")) return false;
  return /\.(json|jsonl|ndjson)(\.gz)?$/i.test(name) || /\.json\.txt$/i.test(name);
}

/** The files to read for `paths`, in the order given (folders expanded in path order). @throws UnreadableInputError */
export async function inputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      throw new UnreadableInputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    let entries: string[];
    try {
      entries = await readdir(path, { recursive: true, encoding: "utf8" });
    } catch (e) {
      throw new UnreadableInputError(`cannot read the folder ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const picked = entries.map((e) => e.split(sep).join("/")).filter(isRecordFileName).sort();
    const inFolder: string[] = [];
    for (const rel of picked) {
      const full = join(path, rel);
      if ((await stat(full).catch(() => undefined))?.isFile()) inFolder.push(full);
    }
    if (inFolder.length === 0) throw new UnreadableInputError(`no record files under ${path} (*.json, *.jsonl, *.ndjson, optionally .gz, or *.json.txt)`);
    files.push(...inFolder);
  }
  return files;
}
