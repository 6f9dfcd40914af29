/** Self-test, identity faults: each is caught by a finding that names the broken rule. */
import { faultSelfTests } from "./self-test-suite.js";

faultSelfTests("identity", [
  "assumed-role-as-iam-user",
  "assumed-role-without-session-context",
  "other-access-key",
  "federated-user-without-issuer",
  "root-with-user-name",
]);
