/**
 * Public surface of the emulator's CloudTrail side: the recorder/LookupEvents service, the completed
 * call it records, and the record type.
 */
export { CloudTrailService } from "./cloudtrail-service.js";
export type { CloudTrailOptions } from "./cloudtrail-service.js";
export type { CompletedCall } from "./completed-call.js";
export type { CloudTrailRecord, UserIdentity, SessionContext, SessionIssuer, SessionAttributes } from "./record-types.js";
export type { LookupEvent } from "./lookup-events.js";
export type { RulesEdition } from "./logging-mode.js";
export { TRAIL_FILE_KEY_PATTERN } from "./trail-file-name.js";
export type { StsCall } from "./sts-call.js";
export type { StsRecord } from "./sts-record.js";
export { STS_EVENT_SOURCE } from "./sts-record.js";
