/** Self-test, logging, error, echo faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("logging-error-echo", [
  "describe-logs-response",
  "mutating-response-null",
  "list-response-empty-object",
  "empty-output-as-object",
  "failed-calls-not-recorded",
  "error-code-missing",
  "error-message-empty",
  "request-parameters-missing-member",
  "request-parameters-renamed-keys",
  "response-elements-nested-value",
]);
