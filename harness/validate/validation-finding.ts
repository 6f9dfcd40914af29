/**
 * What `npm run validate` reports: an oracle finding (oracles/finding.ts) or a finding about the
 * input itself (a file that is not gzip, not UTF-8, not JSON, or not laid out as CloudTrail writes
 * records), each located by its file and by the line or the record index it was found at.
 */
import { z } from "zod";
import { FindingCodeSchema, SeveritySchema, type Finding, type FindingCode } from "../../oracles/finding.js";
import { AWS_PAGES, citePage, type AwsPage } from "../../oracles/aws-pages.js";
import { renderValue } from "../../oracles/messages.js";

/** Codes for inputs the record rules cannot even start on. The set is closed on purpose. */
export const InputCodeSchema = z.enum([
  "input.bad_gzip",
  "input.not_utf8",
  "input.empty",
  "input.not_json",
  "input.unknown_layout",
  "input.event_without_record",
]);
/** A code of a finding about the input. */
export type InputCode = z.infer<typeof InputCodeSchema>;

/** Where a finding was found: the file, and a 1-based line, a 0-based record index, or both. */
export interface Location {
  file: string;
  line?: number;
  record?: number;
}

/** One finding of `npm run validate`, as printed by `--json`. */
export const ValidationFindingSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  record: z.number().int().nonnegative().optional(),
  code: z.union([FindingCodeSchema, InputCodeSchema]),
  path: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  severity: SeveritySchema,
  message: z.string().min(1),
}).refine((f) => f.line !== undefined || f.record !== undefined, { message: "a finding names its line or its record index" });
/** One located finding. */
export type ValidationFinding = z.infer<typeof ValidationFindingSchema>;

/** JSON's own standard, for the one input rule no AWS page states. */
const RFC_8259: AwsPage = { title: "RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format, section 8.1", url: "https://www.rfc-editor.org/rfc/rfc8259#section-8.1" };

/** What each input code means, what to do, and where the layout is documented (the shape of oracles/messages.ts). */
const INPUT_MESSAGES: Record<InputCode, { what: string; hint: string; see: readonly AwsPage[] }> = {
  "input.bad_gzip": { what: "the file is not a complete gzip stream", hint: "CloudTrail log files are gzip-compressed JSON (`<account>_CloudTrail_<region>_..._<id>.json.gz`); a truncated file was cut in transfer: copy it again", see: [AWS_PAGES.findLogFiles] },
  "input.not_utf8": { what: "the line is not UTF-8 text", hint: "CloudTrail records are JSON, and JSON exchanged between systems is UTF-8; check what re-encoded the file", see: [RFC_8259] },
  "input.empty": { what: "the file holds nothing", hint: 'a record file holds {"Records":[...]}, LookupEvents output {"Events":[...]}, one record, or JSON lines', see: [AWS_PAGES.recordContents, AWS_PAGES.lookupEvents] },
  "input.not_json": { what: "the file is not valid JSON", hint: "the file is cut short or not JSON; a JSON-lines file has one record object per line", see: [AWS_PAGES.recordContents] },
  "input.unknown_layout": { what: "the JSON is not a layout CloudTrail records come in", hint: 'expected {"Records":[...]} (a trail log file), {"Events":[{"CloudTrailEvent":"..."}]} (LookupEvents output, as `aws cloudtrail lookup-events` prints it), one record object, or one record per line', see: [AWS_PAGES.recordContents, AWS_PAGES.lookupEvents] },
  "input.event_without_record": { what: "a LookupEvents Event has no CloudTrailEvent string", hint: "each Event of LookupEvents carries the full record as JSON text in CloudTrailEvent; save the CLI's output unchanged", see: [AWS_PAGES.eventDataType] },
};

/** Deepest nesting and most entries a finding's value keeps; a larger value is replaced by a description. */
const MAX_VALUE_DEPTH = 8;
const MAX_VALUE_ENTRIES = 2_000;

/** The value itself when small and shallow, else a short description: output can always be serialised. */
export function boundedValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  let entries = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    entries += children.length;
    if (depth > MAX_VALUE_DEPTH || entries > MAX_VALUE_ENTRIES) {
      return `(${Array.isArray(value) ? "an array" : "an object"} too deep or too large to show)`;
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
  return value;
}

/** An oracle finding, located; its values bounded (the message was built by the oracle). */
export function locate(f: Finding, at: Location, pathPrefix = ""): ValidationFinding {
  const path = pathPrefix && f.path ? `${pathPrefix}.${f.path}` : pathPrefix || f.path;
  return {
    ...at, code: f.code, path, severity: f.severity, message: f.message,
    ...(f.expected !== undefined ? { expected: boundedValue(f.expected) } : {}),
    ...(f.actual !== undefined ? { actual: boundedValue(f.actual) } : {}),
  };
}

/** A finding about the input; always required (nothing after it can be checked). */
export function inputFinding(code: InputCode, at: Location, path: string, expected: unknown, actual: unknown): ValidationFinding {
  const t = INPUT_MESSAGES[code];
  const where = at.line !== undefined ? `line ${at.line}` : `record ${at.record ?? 0}`;
  return {
    ...at, code, path, severity: "required",
    ...(expected !== undefined ? { expected: boundedValue(expected) } : {}),
    ...(actual !== undefined ? { actual: boundedValue(actual) } : {}),
    message: `[${code}] ${t.what} at ${path || where}: expected ${renderValue(expected)}, got ${renderValue(actual)}.\nHint: ${t.hint}.\nSee: ${t.see.map(citePage).join("; ")}`,
  };
}

/** A code of either kind. */
export type ValidationCode = FindingCode | InputCode;
