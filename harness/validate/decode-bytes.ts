/**
 * From a file's bytes to its text lines: gunzip when the bytes are gzip (a `.gz` name, or the gzip
 * magic bytes 1f 8b), then UTF-8 decoding line by line, so that a bad byte is reported on its own
 * line and the other lines of a JSON-lines file can still be read. Never throws.
 */
import { constants, gunzipSync } from "node:zlib";
import { inputFinding, type ValidationFinding } from "./validation-finding.js";

/** Most bytes a gzip file may decompress to (a CloudTrail log file is a few MB; this stops a gzip bomb). */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

/** A file's lines: the text of each, or null for a line that is not UTF-8. */
export interface DecodedFile {
  /** Line i (0-based) is the file's line i + 1; the line breaks are removed (and a `\r` before them). */
  lines: (string | null)[];
  gzip: boolean;
}

/** True when the bytes start with the gzip magic number. */
export function looksGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Splits bytes at LF (a byte that never occurs inside a UTF-8 sequence) and decodes each line. */
export function decodeLines(bytes: Uint8Array): (string | null)[] {
  const lines: (string | null)[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    try {
      lines.push(utf8.decode(bytes.subarray(start, end)));
    } catch {
      lines.push(null);
    }
    start = i + 1;
  }
  if (lines[0]) lines[0] = lines[0].replace(/^\uFEFF/, "");
  return lines;
}

/** Lines in decompressed bytes (for locating where a truncated gzip stream ends). */
const lineCount = (bytes: Uint8Array): number => {
  let n = 1;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
};

/** The file's lines, or the finding that says why its bytes are not text. */
export function decodeFile(file: string, bytes: Uint8Array, gzipByName: boolean): { ok: true; decoded: DecodedFile } | { ok: false; finding: ValidationFinding } {
  if (!gzipByName && !looksGzip(bytes)) return { ok: true, decoded: { lines: decodeLines(bytes), gzip: false } };
  try {
    return { ok: true, decoded: { lines: decodeLines(gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES })), gzip: true } };
  } catch (e) {
    // Decompress what there is, to say after which line the stream breaks off.
    let reached = 1;
    try {
      reached = lineCount(gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECOMPRESSED_BYTES }));
    } catch {
      reached = 1;
    }
    const reason = (e as Error).message;
    return {
      ok: false,
      finding: inputFinding("input.bad_gzip", { file, line: reached }, "", "a complete gzip stream", `${reason} (${bytes.length} bytes; the readable part ends on line ${reached})`),
    };
  }
}
