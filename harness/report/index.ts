/** Public surface of reporting: checks, verdict, conformance.json schema, and the three renderings. */
export { buildChecks } from "./checks.js";
export type { Check, CheckInput, CheckStatus, IdentityStatus, Unsupported } from "./check-types.js";
export { counterexampleCall, creatorsOf, smallestCounterexample, type Counterexample, type CounterexampleCall } from "./counterexample.js";
export { attributeFindings, recordIndexOfPath, seqOfPath, type AttributedFindings, type RecordFinding } from "./finding-attribution.js";
export { ALL_OPERATIONS, CHECK_PROPERTIES, isCheckProperty, type CheckProperty } from "./properties.js";
export { blockingScope } from "./unsupported.js";
export { EXIT_CODES, exitCodeOf, explainVerdict, unobservedFamilies, unobservedOperations, uncheckedIdentityKinds, verdictOf, type Verdict } from "./verdict.js";
export {
  ConformanceReportSchema, CheckSchema, CounterexampleSchema, FindingTallyRowSchema, ProblemSchema, REPORT_SCHEMA_VERSION,
  type ConformanceReport, type FindingTallyRow, type Problem,
} from "./schema.js";
export { buildReport, coverageOf, findingsByCode, findingsByCodeOfTally, type CollectionStats, type ReportInput } from "./build-report.js";
export { problemId, problemsBySeverity, problemsOf, problemsOfReport, type ProblemInput } from "./problems.js";
export { pathPattern, setDigest, tallyFindings, type TallyInput } from "./finding-tally.js";
export { CHANNEL_TITLE, channelsOf, channelWords, distinctFindings, distinctWithChannels, findingKey } from "./channels.js";
export { renderMarkdown, mdCell, mdCode } from "./markdown.js";
export { renderHtml, escapeHtml } from "./html.js";
export { printSummary, renderConsole, useColour } from "./console.js";
export { parseReport, writeReports, type ReportPaths } from "./write-reports.js";
