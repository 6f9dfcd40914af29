/**
 * The run history: one JSON line per call (`ObservedCall`), appended as each call completes with a
 * synchronous write, so a killed run leaves every completed call on disk (docs/reports.md).
 * Before a call is sent, an invocation line (`{"invoked": {seq, operation, accessKeyId, startedAt}}`)
 * says it is about to go out (Jepsen's :invoke): an invocation without a call line is a call that was
 * in flight when the run was killed, which may have reached the service.
 * Lines are built from the parsed schema (no extra fields can slip in) and checked against every
 * registered secret (secret keys, session tokens) before they are written.
 */
import { closeSync, createReadStream, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname } from "node:path";
import { InvocationSchema, ObservedCallSchema, type Invocation, type ObservedCall } from "../../history/observed-call.js";

/** What replaces a registered secret found in a line. */
export const REDACTED = "[REDACTED]";

/** Appends ObservedCall lines to a JSONL file. */
export class HistoryWriter {
  private fd: number | undefined;
  private readonly secrets = new Set<string>();
  /** How many times a registered secret was found (and redacted) in a line; 0 in a correct run. */
  redactions = 0;

  /** Opens (creating folders and file) `path` for appending. */
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "a");
  }

  /** Registers values that must never reach the file (a secret access key, a session token). */
  forbid(...values: (string | undefined)[]): void {
    for (const v of values) if (v !== undefined && v.length >= 8) this.secrets.add(v);
  }

  /** Appends the invocation line of a call about to be sent; on disk when this returns. */
  invoke(invocation: Invocation): void {
    this.write(JSON.stringify({ invoked: InvocationSchema.parse(invocation) }));
  }

  /** Validates and appends one call as a line; the line is on disk when this returns. */
  append(call: ObservedCall): void {
    this.write(JSON.stringify(ObservedCallSchema.parse(call)));
  }

  private write(text: string): void {
    if (this.fd === undefined) throw new Error(`history ${this.path} is closed`);
    let line = text;
    for (const secret of this.secrets) {
      if (line.includes(secret)) {
        this.redactions++;
        line = line.split(secret).join(REDACTED);
      }
    }
    writeSync(this.fd, `${line}\n`);
  }

  /** Closes the file; idempotent. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A line that could not be read back: its 1-based number and why. */
export interface HistoryProblem {
  line: number;
  message: string;
}

type ParsedLine = { call: ObservedCall } | { invocation: Invocation } | { problem: HistoryProblem };

/** One history line parsed: the call, an invocation, or why the line is neither (blank lines give undefined). */
function parseHistoryLine(raw: string, line: number, last: boolean): ParsedLine | undefined {
  if (raw.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { problem: { line, message: `${last ? "truncated last line (killed run?)" : "not JSON"}: ${err instanceof Error ? err.message : String(err)}` } };
  }
  if (json !== null && typeof json === "object" && !Array.isArray(json) && "invoked" in json) {
    const inv = InvocationSchema.safeParse((json as { invoked: unknown }).invoked);
    if (inv.success) return { invocation: inv.data };
    return { problem: { line, message: `not an invocation: ${inv.error.issues.map((x) => `${x.path.join(".") || "(invoked)"}: ${x.message}`).join("; ")}` } };
  }
  const parsed = ObservedCallSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((x) => `${x.path.join(".") || "(line)"}: ${x.message}`).join("; ");
    return { problem: { line, message: `not an ObservedCall: ${issues}` } };
  }
  return { call: parsed.data };
}

/** Turns history lines into calls, in order: bad lines and reused seqs go to `problems`; invocations are matched to their calls. */
class HistoryLines {
  private readonly seen = new Map<number, number>();
  private readonly pending = new Map<number, Invocation>();

  constructor(readonly problems: HistoryProblem[]) {}

  /** Invocations with no call line (yet): calls in flight when the history ended. */
  interrupted(): Invocation[] {
    return [...this.pending.values()];
  }

  /** The call on line `line`, or undefined (blank, an invocation, or a problem recorded). */
  take(raw: string, line: number, last: boolean): ObservedCall | undefined {
    const got = parseHistoryLine(raw, line, last);
    if (got === undefined) return undefined;
    if ("problem" in got) return void this.problems.push(got.problem);
    if ("invocation" in got) {
      if (!this.seen.has(got.invocation.seq)) this.pending.set(got.invocation.seq, got.invocation);
      return undefined;
    }
    this.pending.delete(got.call.seq);
    const first = this.seen.get(got.call.seq);
    if (first !== undefined) return void this.problems.push({ line, message: `seq ${got.call.seq} already used on line ${first}` });
    this.seen.set(got.call.seq, line);
    return got.call;
  }
}

/** What a history holds: its calls, the lines that are not, and the calls that never finished. */
export interface HistoryContents {
  calls: ObservedCall[];
  problems: HistoryProblem[];
  /** Invocations without a call line: in flight when the run was killed. */
  interrupted: Invocation[];
}

/** Parses a JSONL history text; bad lines are reported and skipped, nothing else is lost. */
export function parseHistory(text: string): HistoryContents {
  const reader = new HistoryLines([]);
  const lines = text.split("\n");
  const calls = lines.flatMap((raw, i) => reader.take(raw, i + 1, i === lines.length - 1) ?? []);
  return { calls, problems: reader.problems, interrupted: reader.interrupted() };
}

/** Reads a history file written by HistoryWriter. */
export function readHistory(path: string): HistoryContents {
  return parseHistory(readFileSync(path, "utf8"));
}

/**
 * Reads a history file `size` calls at a time, streaming, so a 100,000-call history is never held
 * whole: yields each chunk of good calls; bad lines go to `problems` as in parseHistory, and the
 * invocations that never finished to `interrupted`, complete before the last chunk is yielded.
 */
export async function* readHistoryChunks(path: string, size: number, problems: HistoryProblem[] = [], interrupted: Invocation[] = []): AsyncGenerator<ObservedCall[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  const reader = new HistoryLines(problems);
  let chunk: ObservedCall[] = [];
  let line = 0;
  let pending: string | undefined;
  // One line behind, so the last line is known (a truncated last line is reported as such).
  for await (const raw of lines) {
    if (pending !== undefined) {
      const call = reader.take(pending, line, false);
      if (call !== undefined) chunk.push(call);
    }
    line++;
    pending = raw;
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (pending !== undefined) {
    const call = reader.take(pending, line, true);
    if (call !== undefined) chunk.push(call);
  }
  interrupted.push(...reader.interrupted());
  if (chunk.length > 0) yield chunk;
}
