/**
 * Brings a partition up to the service clock before each call: advances every run (run-lifecycle.ts),
 * records SNS notifications for the template's event subscriptions, and stores a run's findings
 * when it completes. AssessmentRun.notifications holds at most 50 entries (model list max).
 */
import { advanceRun } from "./run-lifecycle.js";
import { generateFindings } from "./simulation/findings.js";
import type { RegionState, RunRecord } from "./state.js";

const MAX_NOTIFICATIONS = 50;

function notify(state: RegionState, run: RunRecord, event: string, at: Date, message: string): void {
  for (const sub of state.subscriptions.values()) {
    if (sub.resourceArn !== run.templateArn || !sub.events.has(event)) continue;
    if (run.notifications.length >= MAX_NOTIFICATIONS) return;
    run.notifications.push({ date: at, event, message, snsTopicArn: sub.topicArn });
  }
}

/** Advances every run of `state` to `now`. */
export function settle(state: RegionState, now: Date): void {
  for (const run of state.runs.values()) {
    advanceRun(run, now, (entered, at) => {
      if (entered === "CREATED") notify(state, run, "ASSESSMENT_RUN_STARTED", at, `Assessment run ${run.name} started.`);
      notify(state, run, "ASSESSMENT_RUN_STATE_CHANGED", at, `Assessment run state changed to ${entered}.`);
      if (entered === "COMPLETED") {
        for (const finding of generateFindings(run, state.region, at)) {
          state.findings.set(finding.arn, finding);
          notify(state, run, "FINDING_REPORTED", at, `Finding reported: ${finding.arn}`);
        }
      }
      if (entered === "COMPLETED" || entered === "CANCELED") {
        notify(state, run, "ASSESSMENT_RUN_COMPLETED", at, `Assessment run ${run.name} completed with state ${entered}.`);
      }
    });
  }
}
