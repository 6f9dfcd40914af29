/**
 * The assessment-run state machine, driven by the service clock (choice: clock-driven, so a test
 * reaches COMPLETED by advancing an injected clock, or at once by StopAssessmentRun).
 *
 * Schedule, from StartAssessmentRun at t0 (offsets follow the botocore DescribeAssessmentRuns
 * example, which moves CREATED -> START_DATA_COLLECTION_PENDING -> START_DATA_COLLECTION_IN_PROGRESS
 * -> COLLECTING_DATA within 130 ms):
 *   CREATED t0, START_DATA_COLLECTION_PENDING t0+30ms, START_DATA_COLLECTION_IN_PROGRESS t0+60ms,
 *   COLLECTING_DATA t0+125ms (startedAt), then at E = collection end (t0 + durationInSeconds, or
 *   the StopAssessmentRun time): STOP_DATA_COLLECTION_PENDING E, DATA_COLLECTED E+100ms
 *   (dataCollected true), EVALUATING_RULES E+150ms, COMPLETED E+250ms (completedAt; findings).
 * StopAssessmentRun SKIP_EVALUATION: STOP_DATA_COLLECTION_PENDING then CANCELED at the stop time,
 * no findings. Evaluation is shortened from AWS's minutes to a quarter of a second so that suites on
 * a real clock can complete a run (the coverage sweep waits for one per identity kind).
 */
import type { RunRecord } from "./state.js";
import { addMs } from "./time.js";

/** Terminal states: a run in any other state is "in progress". */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "ERROR", "CANCELED"]);

/** States from which StopAssessmentRun is accepted (data collection not yet stopping). */
export const STOPPABLE_STATES: ReadonlySet<string> = new Set([
  "CREATED", "START_DATA_COLLECTION_PENDING", "START_DATA_COLLECTION_IN_PROGRESS", "COLLECTING_DATA",
]);

/** Milliseconds from the start of the run, and from the end of collection, of each scheduled state. */
export const RUN_TIMING = Object.freeze({
  startDataCollectionPending: 30,
  startDataCollectionInProgress: 60,
  collectingData: 125,
  dataCollected: 100,
  evaluatingRules: 150,
  completed: 250,
});

/** True while the run has not reached a terminal state. */
export const isInProgress = (run: RunRecord): boolean => !TERMINAL_STATES.has(run.state);

/** The full planned sequence of (state, time) for `run` as currently scheduled. */
export function plannedStates(run: RunRecord): { state: string; at: Date }[] {
  const t0 = run.createdAt;
  const collecting = addMs(t0, RUN_TIMING.collectingData);
  const end = run.collectionEndsAt < collecting ? collecting : run.collectionEndsAt;
  const start = [
    { state: "CREATED", at: t0 },
    { state: "START_DATA_COLLECTION_PENDING", at: addMs(t0, RUN_TIMING.startDataCollectionPending) },
    { state: "START_DATA_COLLECTION_IN_PROGRESS", at: addMs(t0, RUN_TIMING.startDataCollectionInProgress) },
    { state: "COLLECTING_DATA", at: collecting },
  ];
  if (run.skipEvaluation) {
    const stop = run.collectionEndsAt;
    return [...start.filter((s) => s.at <= stop), { state: "STOP_DATA_COLLECTION_PENDING", at: stop }, { state: "CANCELED", at: stop }];
  }
  return [
    ...start,
    { state: "STOP_DATA_COLLECTION_PENDING", at: end },
    { state: "DATA_COLLECTED", at: addMs(end, RUN_TIMING.dataCollected) },
    { state: "EVALUATING_RULES", at: addMs(end, RUN_TIMING.evaluatingRules) },
    { state: "COMPLETED", at: addMs(end, RUN_TIMING.completed) },
  ];
}

/**
 * Moves `run` forward to `now`, appending each state change due and calling `onEnter` for it
 * (notifications, findings). Idempotent: states already entered are skipped.
 */
export function advanceRun(run: RunRecord, now: Date, onEnter: (state: string, at: Date) => void): void {
  // A finished run never changes again: skip planning it (every call settles every run of the partition).
  if (run.completedAt !== undefined && TERMINAL_STATES.has(run.state)) return;
  const plan = plannedStates(run);
  for (const step of plan.slice(run.stateChanges.length)) {
    if (step.at > now) break;
    run.stateChanges.push({ state: step.state, at: step.at });
    run.state = step.state;
    if (step.state === "COLLECTING_DATA") run.startedAt = step.at;
    if (step.state === "DATA_COLLECTED") run.dataCollected = true;
    if (TERMINAL_STATES.has(step.state)) run.completedAt = step.at;
    onEnter(step.state, step.at);
  }
}
