/** Public surface of the emulator's STS. */
export { StsService, STS_API_VERSION } from "./sts-service.js";
export { stsErrorResponse, stsResultResponse, STS_NAMESPACE } from "./sts-xml.js";
export { toStsAuthError } from "./sts-errors.js";
