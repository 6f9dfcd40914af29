/**
 * Which operations of a service answered as AWS would, for a target whose records cannot be read
 * (no LookupEvents): the run still calls each operation (the coverage sweep) and says, per
 * operation, whether an answer was the service's. An answer is as AWS would give it when it is a
 * complete 2xx JSON object holding every output member the model requires, or an error whose type the
 * model lists for the operation (or an error every AWS API may answer). Anything else (an HTML page,
 * a 404 for an unknown path, an error type the model does not know, no answer) is not.
 */
import type { ObservedCall } from "../../history/observed-call.js";
import { shapeOf } from "../../model/service-model.js";
import type { ServiceFacts } from "../../model/services.js";

/** Errors any AWS API may answer, modelled or not (authentication, throttling, the service failing). */
const COMMON_ERRORS: ReadonlySet<string> = new Set([
  "AccessDeniedException", "ThrottlingException", "ValidationException", "InternalServerException", "ServiceUnavailableException",
  "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException", "ExpiredTokenException",
]);

/** What the survey found for a service. */
export interface AnswerSurvey {
  /** Operations with at least one answer as AWS would give it. */
  answered: string[];
  /** Operations called whose answers were never the service's, with what came instead. */
  notAsAws: { operation: string; what: string }[];
  /** Operations not called at all. */
  notCalled: string[];
}

/** Why one call's answer is not the service's, or undefined when it is. */
function wrongAnswer(facts: ServiceFacts, call: ObservedCall): string | undefined {
  const op = facts.model.operations[call.operation];
  if (op === undefined) return "not an operation of the model";
  if (call.outcome === "unknown") {
    const status = call.answer !== undefined ? `HTTP ${call.answer.status}` : (call.unknownCause ?? "no answer");
    const body = call.answer?.received?.replace(/\s+/g, " ").trim().slice(0, 80);
    return `${status}${body ? ` "${body}"` : ""}`;
  }
  if (call.outcome === "error") {
    const code = call.error?.code ?? "?";
    const listed = new Set((op.errors ?? []).map((e) => e.shape));
    return listed.has(code) || COMMON_ERRORS.has(code) ? undefined : `${code} (HTTP ${call.error?.httpStatus ?? "?"}), an error the model does not list for it`;
  }
  const body = call.response;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return "a 2xx answer that is not a JSON object";
  const required = op.output === undefined ? [] : (shapeOf(facts.model, op.output.shape).required ?? []);
  const absent = required.filter((m) => !(m in (body as Record<string, unknown>)));
  return absent.length > 0 ? `a 2xx answer without the required ${absent.join(", ")}` : undefined;
}

/** Surveys the calls of one service (calls of other services are ignored). */
export function surveyAnswers(facts: ServiceFacts, calls: readonly ObservedCall[]): AnswerSurvey {
  const survey: AnswerSurvey = { answered: [], notAsAws: [], notCalled: [] };
  for (const operation of facts.operations) {
    const mine = calls.filter((c) => c.service === facts.id && c.operation === operation && c.sentToService);
    if (mine.length === 0) {
      survey.notCalled.push(operation);
      continue;
    }
    const wrong = mine.map((c) => wrongAnswer(facts, c));
    if (wrong.some((w) => w === undefined)) survey.answered.push(operation);
    else survey.notAsAws.push({ operation, what: wrong[0]! });
  }
  return survey;
}

/** The survey in one message for the report. */
export function surveyMessage(facts: ServiceFacts, survey: AnswerSurvey): string {
  const n = facts.operations.length;
  const answered = survey.answered.length === 0 ? "none" : survey.answered.join(", ");
  // Operations that got the same answer (an emulator's one 404 page for what it lacks) are named together.
  const byWhat = new Map<string, string[]>();
  for (const x of survey.notAsAws) byWhat.set(x.what, [...(byWhat.get(x.what) ?? []), x.operation]);
  const groups = [...byWhat].map(([what, ops]) => `${what}: ${ops.join(", ")}`);
  const not = survey.notAsAws.length === 0 ? "" : ` ${survey.notAsAws.length} did not: ${groups.join("; ")}.`;
  const uncalled = survey.notCalled.length === 0 ? "" : ` ${survey.notCalled.length} were not called: ${survey.notCalled.join(", ")}.`;
  return `${facts.title}: no record could be read, so no record was checked; of its ${n} operations, ${survey.answered.length} answered as AWS would (${answered}).${not}${uncalled}`;
}
