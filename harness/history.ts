/**
 * The run history: one JSON line per call (`ObservedCall`), appended as each call completes with a
 * synchronous write, so a killed run leaves every completed call on disk (DESIGN.md "history").
 * Lines are built from the parsed schema (no extra fields can slip in) and checked against every
 * registered secret (secret keys, session tokens) before they are written.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ObservedCallSchema, type ObservedCall } from "../oracles/observed-call.js";

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

  /** Validates and appends one call as a line; the line is on disk when this returns. */
  append(call: ObservedCall): void {
    if (this.fd === undefined) throw new Error(`history ${this.path} is closed`);
    let line = JSON.stringify(ObservedCallSchema.parse(call));
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

/** Parses a JSONL history text; bad lines are reported and skipped, nothing else is lost. */
export function parseHistory(text: string): { calls: ObservedCall[]; problems: HistoryProblem[] } {
  const calls: ObservedCall[] = [];
  const problems: HistoryProblem[] = [];
  const seen = new Map<number, number>();
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      const last = i === lines.length - 1;
      problems.push({
        line,
        message: `${last ? "truncated last line (killed run?)" : "not JSON"}: ${err instanceof Error ? err.message : String(err)}`,
      });
      return;
    }
    const parsed = ObservedCallSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((x) => `${x.path.join(".") || "(line)"}: ${x.message}`).join("; ");
      problems.push({ line, message: `not an ObservedCall: ${issues}` });
      return;
    }
    const first = seen.get(parsed.data.seq);
    if (first !== undefined) {
      problems.push({ line, message: `seq ${parsed.data.seq} already used on line ${first}` });
      return;
    }
    seen.set(parsed.data.seq, line);
    calls.push(parsed.data);
  });
  return { calls, problems };
}

/** Reads a history file written by HistoryWriter. */
export function readHistory(path: string): { calls: ObservedCall[]; problems: HistoryProblem[] } {
  return parseHistory(readFileSync(path, "utf8"));
}
