/** Public surface of the oracles: CloudTrail record rules as pure functions (docs/rules.md). */
export { checkCall, checkRun, type RunResult } from "./check-call.js";
export { checkCompleteness, type CompletenessResult } from "./completeness.js";
export { checkCorrelated, EXPECTED_API_VERSION } from "./correlated-rule.js";
export { parseDocExample, type DocExample } from "./doc-example.js";
export { checkBoundMembers, checkRequestEcho } from "./echo-rule.js";
export { checkErrorFields } from "./error-rule.js";
export { compareEventVersions, parseEventVersion, versionAtLeast, type EventVersion } from "./event-version.js";
export {
  defaultSeverity, familyOf, finding, FindingCodeSchema, FindingSchema, requiredFindings,
  type Finding, type FindingCode, type RuleFamily, type Severity,
} from "./finding.js";
export { checkIdentity, expectedPrincipalId, expectedSessionIssuer, expectedUserName, identityContradictions } from "./identity-rule.js";
export { recordJsonSchema, writeRecordJsonSchema } from "./json-schema.js";
export { expectedResponseElements, LOGGING_TABLE, OPERATION_CLASSES, operationLogging, type LoggingMode, type OperationClass, type OperationLogging } from "./logging-mode.js";
export { checkLoggingMode } from "./logging-rule.js";
export { messageFor } from "./messages.js";
export { DEFAULT_CLOCK_SKEW_MS, INSPECTOR_EVENT_SOURCE, oracleContext, RulesEditionSchema, type OracleContext, type RulesEdition } from "./context.js";
export { readRecord, type RecordObject } from "./record-input.js";
export { CloudTrailRecordSchema, RECORD_FIELDS, UserIdentitySchema, type CloudTrailRecord } from "./record-schema.js";
export { checkShape, requiredFieldsFor } from "./shape-rule.js";
export { checkLookupConsistency, checkWindowCoverage, recordField } from "./lookup-consistency.js";
export {
  eventSourceOf, expectedResponseOf, INSPECTOR_API_VERSION, INSPECTOR_RULES, INSPECTOR2_API_VERSION, INSPECTOR2_EVENT_SOURCE,
  INSPECTOR2_OPERATION_CLASSES, INSPECTOR2_RULES, loggingExpectationOf, operationRulesOf, rulesFor, serviceOfEventSource,
  unverifiedRulesOf, type Inspector2Class, type LoggingExpectation, type OperationRules, type ServiceRules, type UnverifiedRule,
} from "./services/index.js";
