/**
 * Per-account, per-region resource limits of Inspector Classic, configurable for tests.
 * Source: "Amazon Inspector Classic service limits"
 * (https://docs.aws.amazon.com/inspector/v1/userguide/inspector_limits.html): assessment runs 50000,
 * assessment templates 500, assessment targets 50 (also in the CreateAssessmentTarget doc of the
 * botocore model: "You can create up to 50 assessment targets per AWS account").
 * AWS documents no limit for resource groups or event subscriptions although LimitExceededErrorCode
 * names both; the defaults below for those two are this emulator's choice.
 */
export interface InspectorLimits {
  assessmentTargets: number;
  assessmentTemplates: number;
  assessmentRuns: number;
  /** Emulator choice: not documented by AWS. */
  resourceGroups: number;
  /** Emulator choice: (template, topic, event) triples per account and region; not documented by AWS. */
  eventSubscriptions: number;
}

/** The documented defaults (and the emulator's choices where AWS documents none). */
export const DEFAULT_LIMITS: Readonly<InspectorLimits> = Object.freeze({
  assessmentTargets: 50,
  assessmentTemplates: 500,
  assessmentRuns: 50_000,
  resourceGroups: 500,
  eventSubscriptions: 500,
});
