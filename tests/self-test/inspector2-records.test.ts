/** Self-test, Inspector v2 record faults (eventName, eventSource, readOnly, identity): each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("inspector2-records", [
  "v2-event-name-from-http",
  "v2-event-source-classic",
  "v2-read-only-from-http-method",
  "v2-read-only-as-string",
  "v2-identity-type-fixed",
]);
