/** Self-test, completeness, lookup, trail faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("completeness-lookup-trail", [
  "drop-one-in-50",
  "extra-record-without-call",
  "lookup-ignores-event-source",
  "lookup-drops-last-page",
  "trail-files-unwrapped",
]);
