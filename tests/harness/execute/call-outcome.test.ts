/**
 * callOutcome: what a wire exchange says a call's outcome was. ok needs a complete 2xx the SDK read;
 * error needs an answer in the service's error format; everything else is unknown, with its cause,
 * keeping the request id and headers of whatever arrived.
 */
import { describe, expect, it } from "vitest";
import { callOutcome } from "../../../harness/execute/call-outcome.js";
import { DeadlineError } from "../../../harness/targets/deadline.js";
import type { WireExchange } from "../../../harness/execute/wire-capture.js";

const exchange = (response?: Partial<NonNullable<WireExchange["response"]>>, failure?: WireExchange["failure"]): WireExchange => ({
  url: "https://inspector.us-east-1.amazonaws.com/",
  method: "POST",
  amzTarget: "InspectorService.ListFindings",
  requestHeaders: { "x-amz-target": "InspectorService.ListFindings" },
  requestBody: '{"maxResults":5}',
  sentAt: new Date(),
  ...(response !== undefined
    ? { response: { status: 200, headers: { "x-amzn-requestid": "rid-1", "content-type": "application/x-amz-json-1.1" }, requestId: "rid-1", body: "{}", complete: true, ...response } }
    : {}),
  ...(failure !== undefined ? { failure } : {}),
});
const sdkError = (name: string, message: string, status?: number, code?: string) =>
  Object.assign(new Error(message), { name, ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}), ...(code !== undefined ? { code } : {}) });

describe("callOutcome", () => {
  it("a complete 2xx the SDK read is ok, with the body and the answer's status and headers", () => {
    const out = callOutcome(exchange({ body: '{"findingArns":[]}' }), { ok: true });
    expect(out).toMatchObject({ outcome: "ok", response: { findingArns: [] }, requestId: "rid-1", sentToService: true, answer: { status: 200, complete: true, headers: { "x-amzn-requestid": "rid-1" } } });
    expect(out.answer?.received).toBeUndefined();
  });

  it("an AWS error by __type, or by x-amzn-ErrorType with no body, is error with the type and message", () => {
    const typed = callOutcome(exchange({ status: 400, body: '{"__type":"com.amazon#InvalidInputException","message":"bad"}' }), { ok: false, error: sdkError("InvalidInputException", "bad", 400) });
    expect(typed).toMatchObject({ outcome: "error", error: { code: "InvalidInputException", message: "bad", httpStatus: 400 }, requestId: "rid-1" });
    const header = callOutcome(exchange({ status: 500, body: "", headers: { "x-amzn-errortype": "InternalException:http://x" } }), { ok: false, error: sdkError("InternalException", "", 500) });
    expect(header).toMatchObject({ outcome: "error", error: { code: "InternalException", httpStatus: 500 } });
  });

  it("when header and body disagree, the error type is read in the SDK's order for the protocol", () => {
    const both = exchange({ status: 404, body: '{"__type":"BodyType","code":"BodyCode","message":"m"}', headers: { "x-amzn-errortype": "ResourceNotFoundException:http://internal" } });
    const failed = { ok: false as const, error: sdkError("ResourceNotFoundException", "m", 404) };
    // rest-json (Inspector v2): the header first, then code, then __type.
    expect(callOutcome(both, failed, "rest-json").error?.code).toBe("ResourceNotFoundException");
    expect(callOutcome(exchange({ status: 404, body: '{"__type":"BodyType","code":"BodyCode"}' }), failed, "rest-json").error?.code).toBe("BodyCode");
    // JSON 1.1 (Classic): __type first, then code, then the header.
    expect(callOutcome(both, failed, "json").error?.code).toBe("BodyType");
    expect(callOutcome(both, failed).error?.code).toBe("BodyType");
  });

  it("an HTML 502 page, and a 2xx the SDK could not read, are unknown answers that are not the service's", () => {
    const page = callOutcome(exchange({ status: 502, body: "<html>502 Bad Gateway</html>", headers: { "content-type": "text/html" }, requestId: undefined }), { ok: false, error: sdkError("SyntaxError", "Unexpected token <", 502) });
    expect(page).toMatchObject({ outcome: "unknown", unknownCause: "foreign-answer", sentToService: true, answer: { status: 502, received: "<html>502 Bad Gateway</html>" } });
    expect(page.requestId).toBeUndefined();
    const unreadable = callOutcome(exchange({ status: 200, body: "not json" }), { ok: false, error: sdkError("SyntaxError", "Unexpected token", 200) });
    expect(unreadable).toMatchObject({ outcome: "unknown", unknownCause: "foreign-answer", requestId: "rid-1" });
  });

  it("a body cut off after the headers is unknown (truncated) and keeps the request id of the headers", () => {
    const out = callOutcome(exchange({ body: '{"findingA', complete: false }, { name: "Error", code: "ECONNRESET", message: "aborted" }), { ok: false, error: sdkError("Error", "aborted", undefined, "ECONNRESET") });
    expect(out).toMatchObject({ outcome: "unknown", unknownCause: "truncated", requestId: "rid-1", sentToService: true, answer: { complete: false, bodyBytes: 10, received: '{"findingA' } });
  });

  it("refused is unknown and never reached a service; reset and the deadline are unknown and may have", () => {
    const refused = callOutcome(exchange(undefined, { name: "Error", code: "ECONNREFUSED", message: "connect ECONNREFUSED" }), { ok: false, error: sdkError("Error", "connect ECONNREFUSED", undefined, "ECONNREFUSED") });
    expect(refused).toMatchObject({ outcome: "unknown", unknownCause: "refused", sentToService: false });
    const reset = callOutcome(exchange(undefined, { name: "Error", code: "ECONNRESET", message: "socket hang up" }), { ok: false, error: sdkError("Error", "socket hang up", undefined, "ECONNRESET") });
    expect(reset).toMatchObject({ outcome: "unknown", unknownCause: "reset", sentToService: true });
    const late = callOutcome(exchange(undefined, { name: "AbortError", code: undefined, message: "aborted" }), { ok: false, error: new DeadlineError(400, "Inspector ListFindings") });
    expect(late).toMatchObject({ outcome: "unknown", unknownCause: "timeout", sentToService: true });
  });

  it("an SDK refusal before anything was sent is an error that never reached the service", () => {
    expect(callOutcome(undefined, { ok: false, error: sdkError("ValidationError", "missing member") })).toMatchObject({ outcome: "error", sentToService: false, error: { code: "ValidationError" } });
  });
});
