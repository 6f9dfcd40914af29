/**
 * Inspector Classic's modelled errors as data. Handlers throw a {@link ServiceFailure}; the service
 * turns it into a ServiceResult, so no handler ever lets a bad input escape as an exception.
 * HTTP statuses: the API reference gives 400 for every client error and 500 for InternalException
 * (the model has no httpStatusCode traits; see reference cloudtrail-and-inspector-facts.md 1.2).
 */
import { ServiceFailure } from "../core/service-failure.js";

export { ServiceFailure };

const fail = (type: string, message: string, fields: Record<string, unknown>, status = 400): ServiceFailure =>
  new ServiceFailure({ type, status, message, fields });

/** InvalidInputException with an InvalidInputErrorCode. */
export const invalidInput = (errorCode: string, message: string): ServiceFailure =>
  fail("InvalidInputException", message, { errorCode, canRetry: false });

/** NoSuchEntityException with a NoSuchEntityErrorCode. */
export const noSuchEntity = (errorCode: string, message: string): ServiceFailure =>
  fail("NoSuchEntityException", message, { errorCode, canRetry: false });

/** LimitExceededException with a LimitExceededErrorCode. */
export const limitExceeded = (errorCode: string, message: string): ServiceFailure =>
  fail("LimitExceededException", message, { errorCode, canRetry: false });

/** AssessmentRunInProgressException listing (at most 10 of) the runs in progress. */
export function assessmentRunInProgress(runArns: readonly string[], message: string): ServiceFailure {
  return fail("AssessmentRunInProgressException", message, {
    assessmentRunArns: runArns.slice(0, 10),
    assessmentRunArnsTruncated: runArns.length > 10,
    canRetry: false,
  });
}

/** AgentsAlreadyRunningAssessmentException listing (at most 10 of) the busy agents. */
export function agentsAlreadyRunning(agents: readonly { agentId: string; assessmentRunArn: string }[]): ServiceFailure {
  return fail(
    "AgentsAlreadyRunningAssessmentException",
    `${agents.length} agent(s) of this assessment target are already participating in another assessment run.`,
    { agents: agents.slice(0, 10), agentsTruncated: agents.length > 10, canRetry: false },
  );
}

/** PreviewGenerationInProgressException (its only member is message). */
export const previewGenerationInProgress = (message: string): ServiceFailure =>
  fail("PreviewGenerationInProgressException", message, {});

/** InvalidCrossAccountRoleException with an InvalidCrossAccountRoleErrorCode. */
export const invalidCrossAccountRole = (errorCode: string, message: string): ServiceFailure =>
  fail("InvalidCrossAccountRoleException", message, { errorCode, canRetry: false });

/** SerializationException: the body is JSON but not an object (the JSON 1.1 protocol's own error). */
export const serialization = (message: string): ServiceFailure => fail("SerializationException", message, {});

/** InternalException (HTTP 500): an emulator bug surfaced as AWS would surface a server fault. */
export const internal = (message: string): ServiceFailure => fail("InternalException", message, { canRetry: true }, 500);
