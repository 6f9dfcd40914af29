/** Self-test, shape faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("shape", [
  "drop-eventVersion",
  "drop-eventTime",
  "drop-eventSource",
  "drop-eventName",
  "drop-awsRegion",
  "drop-sourceIPAddress",
  "drop-requestID",
  "drop-eventID",
  "drop-eventType",
  "drop-recipientAccountId",
  "drop-userIdentity",
]);
