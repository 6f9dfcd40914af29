/** Public surface of the harness targets. */
export { createTarget } from "./create-target.js";
export { createEmbeddedTarget, type EmbeddedTarget } from "./embedded.js";
export { createEndpointTarget } from "./endpoint.js";
export { createAwsTarget, INSPECTOR_CLASSIC_EOL } from "./aws.js";
export type { HarnessTarget } from "./harness-target.js";
export { ENDPOINT_ENV, endpointsFromEnv } from "./endpoint-env.js";
export { ROOT_ENV } from "./credential-sources.js";
export { ServiceClients, type ServiceEndpoints } from "./service-clients.js";
export { DeadlineError, withDeadline } from "./deadline.js";
export { describeSdkError, formatSdkFailure, type SdkFailure } from "./sdk-error.js";
