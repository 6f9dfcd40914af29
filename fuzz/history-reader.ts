/**
 * Fuzzing the history reader: history texts of a few lines, valid calls and invocations mixed with
 * lines broken in one way each (cut short, not JSON, not an object, a required field gone or of the
 * wrong type, a reused seq, a bad invocation). Reading never throws, keeps every valid call in order,
 * and reports exactly the broken lines by their 1-based number, with what is wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parseHistory, readHistoryChunks, type HistoryProblem } from "../harness/execute/history.js";
import type { ObservedCall } from "../history/observed-call.js";
import type { ReaderStats } from "./record-reader.js";

const baseCall = (seq: number): ObservedCall => ({
  service: "inspector",
  seq,
  operation: "ListFindings",
  identity: { kind: "IAMUser", accountId: "111122223333", accessKeyId: "AKIAIOSFODNN7EXAMPLE", callerArn: "arn:aws:iam::111122223333:user/u", callerUserId: "AIDAEXAMPLE", userName: "u" },
  region: "us-east-1",
  request: { maxResults: 5 },
  response: { findingArns: [] },
  outcome: "ok",
  requestId: `req-${seq}`,
  sentToService: true,
  startedAt: "2026-05-01T12:00:00.000Z",
  endedAt: "2026-05-01T12:00:00.100Z",
});

/** Keys an ObservedCall line cannot do without. */
const REQUIRED = ["seq", "operation", "identity", "region", "outcome", "sentToService", "startedAt", "endedAt"] as const;
const WRONG: Record<string, unknown[]> = { seq: ["1", -1, 1.5], outcome: ["maybe", 0], sentToService: ["yes"], startedAt: ["yesterday", 12], region: [""], identity: [{ kind: "Robot" }] };

type Line = { valid: "call"; seq: number; text: string } | { valid: "invocation" | "blank"; text: string } | { valid: false; kind: string; text: string };

/** A line of a given slot (its seq is the slot's index, so valid seqs are unique unless reused on purpose). */
const lineArb = (seq: number): fc.Arbitrary<Line> => {
  const whole = JSON.stringify(baseCall(seq));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<Line>({ valid: "call", seq, text: whole }) },
    fc.constant<Line>({ valid: "invocation", text: JSON.stringify({ invoked: { seq: seq + 10_000, operation: "ListFindings", accessKeyId: "AKIA", startedAt: "2026-05-01T12:00:00.000Z", deadlineAt: "2026-05-01T12:00:10.000Z" } }) }),
    fc.constant<Line>({ valid: "blank", text: "   " }),
    fc.integer({ min: 1, max: whole.length - 1 }).map((n): Line => ({ valid: false, kind: "cut short", text: whole.slice(0, n) })),
    fc.string({ maxLength: 30 }).map((s): Line => ({ valid: false, kind: "not JSON", text: `\u0001${s}` })),
    fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.string({ maxLength: 5 })).map((v): Line => ({ valid: false, kind: "not an object", text: JSON.stringify(v) })),
    fc.constantFrom(...REQUIRED).map((key): Line => {
      const c: Record<string, unknown> = { ...baseCall(seq) };
      delete c[key];
      return { valid: false, kind: "field missing", text: JSON.stringify(c) };
    }),
    fc.constantFrom(...Object.keys(WRONG)).chain((key) => fc.constantFrom(...WRONG[key]!).map((v): Line => ({ valid: false, kind: "wrong type", text: JSON.stringify({ ...baseCall(seq), [key]: v }) }))),
    fc.constant<Line>({ valid: false, kind: "bad invocation", text: JSON.stringify({ invoked: { seq: -1, operation: "" } }) }),
  );
};

/** A history text of up to 8 lines, plus lines that reuse an earlier valid line's seq. */
export const historyTextArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(i))).chain((lines) => {
    const calls = lines.filter((l): l is Extract<Line, { valid: "call" }> => l.valid === "call");
    if (calls.length === 0) return fc.constant(lines);
    return fc.option(fc.constantFrom(...calls), { nil: undefined }).map((again) => (again === undefined ? lines : [...lines, { valid: false as const, kind: "seq reused", text: again.text }]));
  }),
);

/** One in this many inputs is also read from a file by the streaming reader (deferred runs read so), in chunks of 3. */
const STREAMED_EVERY = 50;

/** The property: every valid call kept in order, every broken line reported by its number, nothing thrown; the same by the streaming reader. */
export function historyReaderProperty(stats: ReaderStats): fc.IAsyncPropertyWithHooks<[Line[]]> {
  const dir = mkdtempSync(join(tmpdir(), "fuzz-history-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return fc.asyncProperty(historyTextArb, async (lines) => {
    stats.inputs++;
    for (const l of lines) if (l.valid === false) stats.byKind[l.kind] = (stats.byKind[l.kind] ?? 0) + 1;
    const text = lines.map((l) => l.text).join("\n");
    const { calls, problems } = parseHistory(text);
    if (stats.inputs % STREAMED_EVERY === 0) {
      const path = join(dir, "history.jsonl");
      writeFileSync(path, text);
      const streamed: number[] = [];
      const streamedProblems: HistoryProblem[] = [];
      for await (const chunk of readHistoryChunks(path, 3, streamedProblems)) streamed.push(...chunk.map((c) => c.seq));
      if (JSON.stringify(streamed) !== JSON.stringify(calls.map((c) => c.seq)) || JSON.stringify(streamedProblems) !== JSON.stringify(problems)) {
        throw new Error(`the streaming reader differs: ${JSON.stringify({ streamed, streamedProblems, calls: calls.map((c) => c.seq), problems })}`);
      }
    }
    stats.reported += problems.length;
    const expectedSeqs = lines.flatMap((l) => (l.valid === "call" ? [l.seq] : []));
    const expectedLines = lines.flatMap((l, i) => (l.valid === false ? [i + 1] : []));
    if (JSON.stringify(calls.map((c) => c.seq)) !== JSON.stringify(expectedSeqs)) throw new Error(`calls ${JSON.stringify(calls.map((c) => c.seq))}, expected ${JSON.stringify(expectedSeqs)}`);
    if (JSON.stringify(problems.map((p) => p.line)) !== JSON.stringify(expectedLines)) {
      throw new Error(`problems on lines ${JSON.stringify(problems.map((p) => p.line))}, expected ${JSON.stringify(expectedLines)}: ${JSON.stringify(problems)}`);
    }
    for (const p of problems) if (p.message.length < 10) throw new Error(`line ${p.line}: unclear message ${JSON.stringify(p.message)}`);
  });
}
