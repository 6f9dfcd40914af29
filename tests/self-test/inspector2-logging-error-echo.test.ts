/** Self-test, Inspector v2 logging, error and echo faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("inspector2-logging-error-echo", [
  "v2-request-parameters-without-bound-members",
  "v2-mutating-response-not-logged",
  "v2-read-logs-response",
  "v2-empty-output-as-object",
  "v2-error-code-from-http-status",
  "v2-error-message-missing",
  "v2-failed-calls-not-recorded",
]);
