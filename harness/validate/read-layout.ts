/**
 * From a file's lines to the records it holds, by layout: a trail log file `{"Records":[...]}`,
 * LookupEvents output `{"Events":[{"CloudTrailEvent":"..."}]}` (as `aws cloudtrail lookup-events`
 * prints it), one record object, JSON lines (one record per line), or an AWS documentation block
 * (`*.json.txt`, read as the oracles read AWS's printed examples: known printing defects repaired and
 * named). Records are handed on unparsed where they are text (a CloudTrailEvent, a line): the
 * oracles' readRecord turns each into an object or a finding. Never throws.
 */
import { parseDocExample } from "../../oracles/doc-example.js";
import { inputFinding, locate, type Location, type ValidationFinding } from "./validation-finding.js";

/** How a file's records are laid out. */
export type Layout = "trail" | "lookup" | "jsonl" | "record" | "doc";

/** A record as found in the file: an object, or text still to parse; where it was. */
export interface RecordCandidate {
  value: unknown;
  at: Location;
  /** True for AWS documentation blocks, whose identity contradictions the doc reader already named. */
  fromDoc?: boolean;
  /** True when `value` is the record's JSON text (a CloudTrailEvent, a line), false for a value in place (a Records element). */
  isText: boolean;
}

/** What a file held. */
export interface FileRecords {
  layout?: Layout;
  candidates: RecordCandidate[];
  findings: ValidationFinding[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? `an array of ${v.length}` : typeof v === "object" ? "an object" : `a ${typeof v}`);

/** The 1-based line a JSON.parse error points at (V8 gives a position for most errors; the end for "Unexpected end"). */
export function errorLine(text: string, error: Error): number {
  const lineCol = /line (\d+) column \d+/.exec(error.message);
  if (lineCol) return Number(lineCol[1]);
  const position = /at position (\d+)/.exec(error.message);
  const offset = position ? Number(position[1]) : /Unexpected end/.test(error.message) ? text.trimEnd().length : 0;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses a text as JSON: the value, or the error. */
function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: e as Error };
  }
}

/** The records of a whole-file JSON value, by layout. */
function recordsOfValue(file: string, value: unknown): FileRecords {
  if (!isObject(value)) {
    return { candidates: [], findings: [inputFinding("input.unknown_layout", { file, line: 1 }, "", 'a record object, {"Records":[...]} or {"Events":[...]}', kindOf(value))] };
  }
  if (Object.hasOwn(value, "Records")) {
    const records = value["Records"];
    if (!Array.isArray(records)) return { layout: "trail", candidates: [], findings: [inputFinding("input.unknown_layout", { file, line: 1 }, "Records", "an array of records", kindOf(records))] };
    return { layout: "trail", candidates: records.map((r, i) => ({ value: r, at: { file, record: i }, isText: false })), findings: [] };
  }
  if (Object.hasOwn(value, "Events")) {
    const events = value["Events"];
    if (!Array.isArray(events)) return { layout: "lookup", candidates: [], findings: [inputFinding("input.unknown_layout", { file, line: 1 }, "Events", "an array of LookupEvents Events", kindOf(events))] };
    const out: FileRecords = { layout: "lookup", candidates: [], findings: [] };
    events.forEach((event, i) => {
      const text = isObject(event) ? event["CloudTrailEvent"] : undefined;
      if (typeof text === "string") out.candidates.push({ value: text, at: { file, record: i }, isText: true });
      else out.findings.push(inputFinding("input.event_without_record", { file, record: i }, `Events[${i}].CloudTrailEvent`, "the record as a JSON string", isObject(event) ? kindOf(text) : kindOf(event)));
    });
    return out;
  }
  return { layout: "record", candidates: [{ value, at: { file, record: 0, line: 1 }, isText: false }], findings: [] };
}

/** JSON lines: each non-blank line one record (its text, parsed by readRecord later). */
function recordsOfLines(file: string, lines: readonly (string | null)[]): FileRecords {
  const out: FileRecords = { layout: "jsonl", candidates: [], findings: [] };
  lines.forEach((text, i) => {
    if (text === null) out.findings.push(inputFinding("input.not_utf8", { file, line: i + 1 }, "", "UTF-8 text", "bytes that are not UTF-8"));
    else if (text.trim() !== "") out.candidates.push({ value: text, at: { file, line: i + 1, record: out.candidates.length }, isText: true });
  });
  if (out.candidates.length === 0 && out.findings.length === 0) out.findings.push(inputFinding("input.empty", { file, line: 1 }, "", "one record per line", "no line with content"));
  return out;
}

/** An AWS documentation block, read as the oracles read AWS's printed examples. */
function recordsOfDoc(file: string, text: string): FileRecords {
  let doc: ReturnType<typeof parseDocExample>;
  try {
    doc = parseDocExample(text, file);
  } catch (e) {
    const parsed = tryParse(text);
    const line = parsed.ok ? 1 : errorLine(text, parsed.error);
    return { layout: "doc", candidates: [], findings: [inputFinding("input.not_json", { file, line }, "", "JSON (or a known printing defect of AWS's pages)", (e as Error).message)] };
  }
  if (doc.records.length === 0) return { layout: "doc", candidates: [], findings: [inputFinding("input.unknown_layout", { file, line: 1 }, "", 'a record object or {"Records":[...]}', "no record")] };
  const lastLine = text.trimEnd().split("\n").length;
  const findings = doc.findings.map((f) => {
    const m = /^Records\[(\d+)\]\.(.*)$/.exec(f.path);
    if (m) return locate({ ...f, path: m[2]! }, { file, record: Number(m[1]) });
    return f.code === "fixture.repaired_json" ? locate({ ...f, path: "" }, { file, line: lastLine }) : locate(f, { file, record: 0 });
  });
  return { layout: "doc", candidates: doc.records.map((r, i) => ({ value: r, at: { file, record: i }, fromDoc: true, isText: false })), findings };
}

/** Names of AWS documentation blocks, JSON-lines files. */
const DOC_NAME = /\.json\.txt$/i;
const JSONL_NAME = /\.(jsonl|ndjson)(\.gz)?$/i;

/** The records of a file's decoded lines, by its name and content. */
export function readLayout(file: string, lines: readonly (string | null)[]): FileRecords {
  if (JSONL_NAME.test(file)) return recordsOfLines(file, lines);
  const nonBlank = lines.filter((l) => l === null || l.trim() !== "");
  const first = nonBlank[0];
  const firstIsRecord = typeof first === "string" && (() => {
    const p = tryParse(first);
    return p.ok && isObject(p.value);
  })();
  const looksLikeLines = nonBlank.length >= 2 && firstIsRecord;
  if (lines.some((l) => l === null)) {
    if (looksLikeLines && !DOC_NAME.test(file)) return recordsOfLines(file, lines);
    return {
      candidates: [],
      findings: lines.flatMap((l, i) => (l === null ? [inputFinding("input.not_utf8", { file, line: i + 1 }, "", "UTF-8 text", "bytes that are not UTF-8")] : [])),
    };
  }
  const text = lines.join("\n");
  if (text.trim() === "") return { candidates: [], findings: [inputFinding("input.empty", { file, line: 1 }, "", "records", "an empty file")] };
  if (DOC_NAME.test(file)) return recordsOfDoc(file, text);
  const parsed = tryParse(text);
  if (parsed.ok) return recordsOfValue(file, parsed.value);
  if (looksLikeLines) return recordsOfLines(file, lines);
  return { candidates: [], findings: [inputFinding("input.not_json", { file, line: errorLine(text, parsed.error) }, "", "JSON", parsed.error.message)] };
}
