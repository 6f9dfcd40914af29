/**
 * What deleting an entity takes with it (emulator choice; the API reference does not say): a run
 * takes its findings, exclusions and reports; a template its runs, previews and subscriptions; a
 * target its templates. Nothing is left pointing at a deleted parent. Callers check
 * AssessmentRunInProgress first.
 */
import { isInProgress } from "./run-lifecycle.js";
import type { RegionState } from "./state.js";

/** Deletes run `arn` with its findings, exclusions and reports. */
export function deleteRun(state: RegionState, arn: string): void {
  state.runs.delete(arn);
  for (const [k, f] of state.findings) if (f.runArn === arn) state.findings.delete(k);
  for (const [k, e] of state.exclusions) if (e.runArn === arn) state.exclusions.delete(k);
  for (const k of state.reports.keys()) if (k.startsWith(`${arn} `)) state.reports.delete(k);
}

/** Deletes template `arn` with its runs, previews and event subscriptions. */
export function deleteTemplate(state: RegionState, arn: string): void {
  for (const run of [...state.runs.values()]) if (run.templateArn === arn) deleteRun(state, run.arn);
  for (const [k, p] of state.previews) if (p.templateArn === arn) state.previews.delete(k);
  for (const [k, s] of state.subscriptions) if (s.resourceArn === arn) state.subscriptions.delete(k);
  state.templates.delete(arn);
}

/** Deletes target `arn` with its templates. */
export function deleteTarget(state: RegionState, arn: string): void {
  for (const t of [...state.templates.values()]) if (t.targetArn === arn) deleteTemplate(state, t.arn);
  state.targets.delete(arn);
}

/** ARNs of the runs in progress whose (templateArn, targetArn) satisfy `predicate`. */
export function runsInProgress(state: RegionState, predicate: (templateArn: string, targetArn: string) => boolean): string[] {
  return [...state.runs.values()].filter((r) => isInProgress(r) && predicate(r.templateArn, r.targetArn)).map((r) => r.arn);
}
