/**
 * One file through `npm run validate`: bytes -> lines (decode-bytes.ts) -> records by layout
 * (read-layout.ts) -> the record-level rules (record-rules.ts), every finding located by file and
 * line or record index. Pure and total: never throws, whatever the bytes.
 */
import type { RecordKind } from "./event-kinds.js";
import { decodeFile } from "./decode-bytes.js";
import { readLayout, type Layout } from "./read-layout.js";
import { checkRecord } from "./record-rules.js";
import { locate, type ValidationFinding } from "./validation-finding.js";

/** What one file gave. */
export interface FileResult {
  file: string;
  /** How the records were laid out; absent when the file could not be read that far. */
  layout?: Layout;
  /** Gzip-compressed on disk. */
  gzip: boolean;
  /** Records found (each Records element, Event, line or single record), readable or not. */
  records: number;
  /** Records by kind (api, service-without-type, insight), for those that were JSON objects. */
  kinds: Partial<Record<RecordKind, number>>;
  findings: ValidationFinding[];
}

/** Validates one file's bytes; `file` names it in every finding. */
export function validateBytes(file: string, bytes: Uint8Array): FileResult {
  const decoded = decodeFile(file, bytes, /\.gz$/i.test(file));
  if (!decoded.ok) return { file, gzip: true, records: 0, kinds: {}, findings: [decoded.finding] };
  const read = readLayout(file, decoded.decoded.lines);
  const result: FileResult = { file, gzip: decoded.decoded.gzip, records: read.candidates.length, kinds: {}, findings: [...read.findings] };
  if (read.layout !== undefined) result.layout = read.layout;
  for (const candidate of read.candidates) {
    const verdict = checkRecord(candidate.value, { isText: candidate.isText, identity: candidate.fromDoc !== true });
    if (verdict.kind !== undefined) result.kinds[verdict.kind] = (result.kinds[verdict.kind] ?? 0) + 1;
    for (const f of verdict.findings) result.findings.push(locate(f, candidate.at));
  }
  return result;
}
