/**
 * errorMessage is capped at 1 KB in a record (CloudTrail record-contents page): a long message cut at
 * the cap conforms; a cut below it, or a changed text, does not.
 */
import { describe, expect, it } from "vitest";
import { checkCall } from "../../oracles/check-call.js";
import { buildPair } from "./record-builder.js";

function codesFor(sent: string, recorded: string): string[] {
  const p = buildPair({ kind: "IAMUser", operation: "CreateAssessmentTarget", outcome: "error", edition: "2020", eventVersion: "1.11" });
  p.call.error = { code: "InvalidInputException", message: sent };
  p.record["errorCode"] = "InvalidInputException";
  p.record["errorMessage"] = recorded;
  return checkCall(p.call, p.record, p.ctx).map((f) => f.code);
}

describe("errorMessage over 1 KB", () => {
  const long = `1 validation error detected: ${"x".repeat(3000)}`;
  it("accepts the message cut at 1 KB", () => {
    expect(codesFor(long, long.slice(0, 1024))).not.toContain("error.message_mismatch");
  });
  it("rejects a cut well below 1 KB", () => {
    expect(codesFor(long, long.slice(0, 500))).toContain("error.message_mismatch");
  });
  it("rejects a cut message that is not a prefix", () => {
    expect(codesFor(long, `Z${long.slice(1, 1024)}`)).toContain("error.message_mismatch");
  });
  it("rejects a cut of a message that fits in 1 KB", () => {
    const short = "x".repeat(800);
    expect(codesFor(short, short.slice(0, 700))).toContain("error.message_mismatch");
  });
});
