/**
 * What a call's wire exchange says its outcome was (docs/targets.md, "When the target misbehaves"): `ok` (a complete
 * 2xx answer the SDK could read), `error` (an error answer in the service's error format, or the SDK's
 * refusal to send), or `unknown` (no complete answer of the service: refused, reset, timeout, a body cut
 * off, an answer that is not the service's). Pure: it reads the exchange and the SDK's result only.
 */
import type { ObservedAnswer, ObservedCall, UnknownCause } from "../../history/observed-call.js";
import { describeSdkError, NOT_DELIVERED_CODES } from "../targets/sdk-error.js";
import { parseWireJson, type WireExchange } from "./wire-capture.js";

/** The fields of an ObservedCall that follow from the exchange. */
export type CallOutcomeFields = Pick<ObservedCall, "outcome" | "response" | "sentToService"> &
  Partial<Pick<ObservedCall, "error" | "requestId" | "unknownCause" | "answer">>;

/** Longest part of a foreign or cut body kept in the history. */
const RECEIVED_CHARS = 512;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The AWS error type of a response, in the order the SDK reads it (@smithy/core's
 * loadJsonRpcErrorCode and loadRestJsonErrorCode): for JSON 1.1 the body's `__type`, then `code`,
 * then the `x-amzn-ErrorType` header; for rest-json the header, then `code`, then `__type`;
 * namespace (`…#`) and suffix (`:…`) removed. Undefined when the answer is not in an AWS error
 * format (no such member or header, or a body that is not a JSON object).
 */
export function wireErrorType(response: NonNullable<WireExchange["response"]>, protocol: "json" | "rest-json" = "json"): string | undefined {
  const body = parseWireJson(response.body);
  if (body !== null && !isObject(body)) return undefined;
  const member = (key: string): string | undefined => {
    const v = isObject(body) ? body[key] : undefined;
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const header = response.headers["x-amzn-errortype"] || undefined;
  const raw = protocol === "rest-json" ? (header ?? member("code") ?? member("__type")) : (member("__type") ?? member("code") ?? header);
  if (raw === undefined || raw === "") return undefined;
  const noSuffix = raw.split(":")[0] ?? raw;
  return noSuffix.slice(noSuffix.lastIndexOf("#") + 1) || undefined;
}

/** The `message` (or `Message`) of a JSON error body. */
function wireErrorMessage(response: NonNullable<WireExchange["response"]>): string | undefined {
  const body = parseWireJson(response.body);
  if (!isObject(body)) return undefined;
  const m = body["message"] ?? body["Message"];
  return typeof m === "string" ? m : undefined;
}

function answerOf(response: NonNullable<WireExchange["response"]>, keepBody: boolean): ObservedAnswer {
  return {
    status: response.status,
    headers: response.headers,
    complete: response.complete,
    bodyBytes: Buffer.byteLength(response.body),
    ...(keepBody ? { received: response.body.slice(0, RECEIVED_CHARS) } : {}),
  };
}

/** Why a failure without a complete answer happened. */
function causeOf(exchange: WireExchange | undefined, failure: ReturnType<typeof describeSdkError>): UnknownCause {
  const code = exchange?.failure?.code ?? failure.code;
  if (NOT_DELIVERED_CODES.has(code)) return "refused";
  if (exchange?.response !== undefined && !exchange.response.complete) return "truncated";
  if (failure.code === "Deadline" || failure.code === "AbortError" || failure.code === "TimeoutError" || code === "ETIMEDOUT") return "timeout";
  if (code === "ECONNRESET" || code === "EPIPE" || /socket hang up/i.test(failure.message)) return "reset";
  return "no-answer";
}

/**
 * Classifies one call from the exchange that carried it (undefined when nothing reached the HTTP
 * handler) and the SDK's result. `rejected` is the SDK's error when the call failed.
 */
export function callOutcome(exchange: WireExchange | undefined, result: { ok: true } | { ok: false; error: unknown }, protocol: "json" | "rest-json" = "json"): CallOutcomeFields {
  const response = exchange?.response;
  const failure = result.ok ? undefined : describeSdkError(result.error);
  const requestId = response?.requestId !== undefined && response.requestId !== "" ? { requestId: response.requestId } : {};

  if (exchange === undefined) {
    if (failure === undefined) return { outcome: "ok", response: null, sentToService: false };
    // The SDK threw before handing anything to the HTTP handler (serialising the input, a deadline while resolving credentials).
    if (!failure.noAnswer) return { outcome: "error", response: null, sentToService: false, error: { code: failure.code, message: failure.message } };
    return { outcome: "unknown", response: null, sentToService: false, unknownCause: causeOf(undefined, failure), error: { code: failure.code, message: failure.message } };
  }

  if (response !== undefined && response.complete) {
    if (response.status >= 200 && response.status < 300 && failure === undefined) {
      return { outcome: "ok", response: parseWireJson(response.body), sentToService: true, ...requestId, answer: answerOf(response, false) };
    }
    const type = response.status >= 300 ? wireErrorType(response, protocol) : undefined;
    if (type !== undefined) {
      return {
        outcome: "error",
        response: null,
        sentToService: true,
        ...requestId,
        error: { code: type, message: wireErrorMessage(response) ?? "", httpStatus: response.status },
        answer: answerOf(response, false),
      };
    }
    // A whole answer, but not the service's: an HTML page from a gateway, a 2xx the SDK could not read.
    const what = `HTTP ${response.status}${response.headers["content-type"] ? ` ${response.headers["content-type"]}` : ""}`;
    return {
      outcome: "unknown",
      response: null,
      sentToService: true,
      ...requestId,
      unknownCause: "foreign-answer",
      error: { code: failure?.code ?? `HTTP${response.status}`, message: `${what} that is not an answer of the service${failure !== undefined ? ` (SDK: ${failure.message.split("\n")[0]})` : ""}`, httpStatus: response.status },
      answer: answerOf(response, true),
    };
  }

  const f = failure ?? describeSdkError(new Error(exchange.failure?.message ?? "no answer"));
  const cause = causeOf(exchange, f);
  return {
    outcome: "unknown",
    response: null,
    sentToService: cause !== "refused",
    ...requestId,
    unknownCause: cause,
    error: { code: exchange.failure?.code ?? f.code, message: f.message },
    ...(response !== undefined ? { answer: answerOf(response, true) } : {}),
  };
}
