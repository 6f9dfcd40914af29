/** Self-test, correlated faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("correlated", [
  "event-source-misspelled",
  "event-name-of-other-operation",
  "region-fixed-us-east-1",
  "request-id-mismatch",
  "duplicate-event-id",
  "event-time-local",
  "event-time-outside-call",
  "read-only-as-string",
  "read-only-wrong",
]);
