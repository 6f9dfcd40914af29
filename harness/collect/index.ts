/** The harness's collectors: what CloudTrail says about a run (LookupEvents, trail files) and the records file. */
export { collectLookupEvents, LOOKUP_PAGE_SIZE, LOOKUP_REQUESTS_PER_SECOND, DEFAULT_POLL_INTERVAL_MS, MAX_TRANSIENT_RETRIES } from "./lookup-events.js";
export type { LookupCollection, LookupCollectorOptions, LookupProgress } from "./lookup-events.js";
export { createLookupClient, DEFAULT_LOOKUP_REQUEST_TIMEOUT_MS } from "./lookup-client.js";
export { collectTrailFiles, isTrailLogFile, readTrailFile } from "./trail-files.js";
export type { TrailFilesCollection, TrailFileProblem } from "./trail-files.js";
export { readRecordsFile, writeRecordsFile, parseRecordsText, recordsFileBeside, RECORDS_FILE_SUFFIX } from "./records-file.js";
export type { RecordsFileContents, RecordsFileProblem } from "./records-file.js";
export { joinByRequestId, expectedCalls } from "./join.js";
export type { RequestIdJoin } from "./join.js";
export { dedupeRecords } from "./dedupe.js";
export { lookupWindow, windowOfCalls, LOOKUP_WINDOW_MARGIN_MS } from "./lookup-window.js";
