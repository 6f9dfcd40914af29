/**
 * GetAssessmentReport. A run still in progress is AssessmentRunInProgressException (listed in the
 * operation's errors). For a finished run, the first call starts generation and answers
 * WORK_IN_PROGRESS; once REPORT_DELAY_MS has passed the answer is COMPLETED with a URL. A run that
 * ended without evaluation (CANCELED) has nothing to report: status FAILED (emulator choice).
 * UnsupportedFeatureException concerns runs older than the reporting feature, which the emulator
 * never has.
 */
import { resolve } from "../arns.js";
import { assessmentRunInProgress } from "../errors.js";
import { isInProgress } from "../run-lifecycle.js";
import { addMs } from "../time.js";
import { type Handler, handler } from "./handler.js";

/** How long report generation takes. */
export const REPORT_DELAY_MS = 1000;

/** Report handler by operation name. */
export const reportHandlers: Record<string, Handler> = {
  GetAssessmentReport: handler<{ assessmentRunArn: string; reportFileFormat: string; reportType: string }>((input, env) => {
    const run = resolve(env.state.runs, input.assessmentRunArn, "run");
    if (isInProgress(run)) throw assessmentRunInProgress([run.arn], "Reports can be generated only for completed assessment runs.");
    if (run.state !== "COMPLETED") return { status: "FAILED" };
    const key = `${run.arn} ${input.reportType} ${input.reportFileFormat}`;
    let report = env.state.reports.get(key);
    if (report === undefined) {
      const runId = run.arn.slice(run.arn.lastIndexOf("/") + 1);
      const ext = input.reportFileFormat === "PDF" ? "pdf" : "html";
      report = {
        readyAt: addMs(env.now, REPORT_DELAY_MS),
        url: `https://inspector-reports-${env.region}.s3.${env.region}.amazonaws.com/${env.accountId}/${runId}/${input.reportType.toLowerCase()}-report.${ext}?X-Amz-Expires=900`,
      };
      env.state.reports.set(key, report);
    }
    return report.readyAt > env.now ? { status: "WORK_IN_PROGRESS" } : { status: "COMPLETED", url: report.url };
  }),
};
