/**
 * The history file: lines appended as calls complete, read back with zod; a killed run's truncated
 * last line, a bad line in the middle and a schema violation are reported with their line numbers
 * and skipped, and nothing else is lost; registered secrets never reach the file.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HistoryWriter, parseHistory, readHistory, readHistoryChunks, REDACTED, type HistoryProblem } from "../../../harness/execute/history.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { tempHistoryPath } from "./helpers.js";

function call(seq: number, overrides: Partial<ObservedCall> = {}): ObservedCall {
  return {
    service: "inspector",
    seq,
    operation: "CreateResourceGroup",
    identity: {
      kind: "IAMUser",
      accountId: "111122223333",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      callerArn: "arn:aws:iam::111122223333:user/conformance-user",
      callerUserId: "AIDACKCEVSQ6C2EXAMPLE",
      userName: "conformance-user",
    },
    region: "us-east-1",
    request: { resourceGroupTags: [{ key: "k", value: `v${seq}` }] },
    response: { resourceGroupArn: `arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-${seq}` },
    outcome: "ok",
    sentToService: true,
    requestId: `req-${seq}`,
    startedAt: "2026-05-01T12:00:00.000Z",
    endedAt: "2026-05-01T12:00:00.120Z",
    ...overrides,
  };
}

describe("HistoryWriter", () => {
  it("has each line on disk as soon as append returns", () => {
    const path = tempHistoryPath();
    const writer = new HistoryWriter(path);
    writer.append(call(0));
    expect(readHistory(path).calls).toEqual([call(0)]);
    writer.append(call(1));
    expect(readHistory(path).calls).toEqual([call(0), call(1)]);
    writer.close();
    writer.close();
    expect(() => writer.append(call(2))).toThrow(/closed/);
  });

  it("writes only schema fields and rejects a call that is not an ObservedCall", () => {
    const path = tempHistoryPath();
    const writer = new HistoryWriter(path);
    writer.append({ ...call(0), credentials: { secretAccessKey: "x" } } as unknown as ObservedCall);
    expect(readFileSync(path, "utf8")).not.toContain("credentials");
    expect(() => writer.append({ ...call(1), outcome: "maybe" } as unknown as ObservedCall)).toThrow();
    writer.close();
    expect(readHistory(path).calls).toHaveLength(1);
  });

  it("redacts a registered secret that would otherwise be written", () => {
    const path = tempHistoryPath();
    const writer = new HistoryWriter(path);
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    writer.forbid(secret, undefined);
    writer.append(call(0, { request: { resourceGroupTags: [{ key: "leak", value: secret }] } }));
    writer.close();
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    expect(writer.redactions).toBe(1);
  });
});

describe("readHistory", () => {
  it("reports a killed run's truncated last line and keeps every complete line", () => {
    const path = tempHistoryPath();
    const writer = new HistoryWriter(path);
    for (let i = 0; i < 3; i++) writer.append(call(i));
    writer.close();
    const full = JSON.stringify(call(3));
    appendFileSync(path, full.slice(0, Math.floor(full.length / 2)));
    const { calls, problems } = readHistory(path);
    expect(calls).toEqual([call(0), call(1), call(2)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]!.message).toMatch(/truncated last line/);
  });

  it("reports bad JSON, schema errors and a reused seq by line number and skips only those lines", () => {
    const path = tempHistoryPath();
    const lines = [
      JSON.stringify(call(0)),
      "{not json",
      JSON.stringify({ ...call(1), startedAt: "yesterday" }),
      JSON.stringify(call(2)),
      JSON.stringify(call(2, { operation: "ListFindings" })),
      "",
      JSON.stringify(call(3)),
    ];
    writeFileSync(path, `${lines.join("\n")}\n`);
    const { calls, problems } = readHistory(path);
    expect(calls.map((c) => c.seq)).toEqual([0, 2, 3]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(problems[0]!.message).toMatch(/^not JSON/);
    expect(problems[1]!.message).toMatch(/startedAt/);
    expect(problems[2]!.message).toMatch(/seq 2 already used on line 4/);
  });

  it("reads an empty history as no calls and no problems", () => {
    expect(parseHistory("")).toEqual({ calls: [], problems: [], interrupted: [] });
  });
});

describe("readHistoryChunks", () => {
  it("streams the history in chunks of the given size, with the same calls and problems as readHistory", async () => {
    const path = tempHistoryPath();
    const lines = [...Array.from({ length: 11 }, (_, i) => JSON.stringify(call(i))), "{not json", JSON.stringify(call(3)), JSON.stringify(call(11))];
    const last = JSON.stringify(call(12));
    writeFileSync(path, `${lines.join("\n")}\n${last.slice(0, 20)}`);
    const problems: HistoryProblem[] = [];
    const chunks: ObservedCall[][] = [];
    for await (const chunk of readHistoryChunks(path, 4, problems)) chunks.push(chunk);
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 4]);
    const whole = readHistory(path);
    expect(chunks.flat()).toEqual(whole.calls);
    expect(problems).toEqual(whole.problems);
    expect(problems.map((p) => p.line)).toEqual([12, 13, 15]);
    expect(problems[2]!.message).toMatch(/truncated last line/);
  });
});
