/**
 * Quotas and timings of the emulated Inspector v2, configurable for tests. AWS's Inspector quotas
 * page (https://docs.aws.amazon.com/inspector/latest/user/quotas.html) is not in the sources this
 * project holds, so every number here is the emulator's choice, small enough for a test to reach.
 */

/** Per-account, per-region resource quotas (past one: ServiceQuotaExceededException, HTTP 402). */
export interface Inspector2Limits {
  filters: number;
  cisScanConfigurations: number;
  codeSecurityIntegrations: number;
  codeSecurityScanConfigurations: number;
  connectors: number;
  /** Tags per resource (past it: BadRequestException on TagResource). */
  tagsPerResource: number;
}

/** Emulator choices (AWS numbers UNVERIFIED). */
export const DEFAULT_LIMITS: Readonly<Inspector2Limits> = Object.freeze({
  filters: 500,
  cisScanConfigurations: 100,
  codeSecurityIntegrations: 20,
  codeSecurityScanConfigurations: 50,
  connectors: 10,
  tagsPerResource: 50,
});

/** How long the clock-driven state changes take, in milliseconds of the emulator's clock. */
export interface Inspector2Timing {
  /** ENABLING → ENABLED and DISABLING → DISABLED. */
  transitionMs: number;
  /** Findings reports and SBOM exports: IN_PROGRESS → SUCCEEDED or FAILED. */
  reportMs: number;
  /** CIS scans and on-demand code scans: IN_PROGRESS → COMPLETED / SUCCESSFUL. */
  scanMs: number;
}

/**
 * Shortened from AWS's minutes: 50 ms to enable, 100 ms for a report or scan. A call takes 1-5 ms
 * in-process or over loopback, so the calls that follow still see every state, and a coverage sweep
 * that waits for each state, as each identity in turn, does not spend its time sleeping.
 */
export const DEFAULT_TIMING: Readonly<Inspector2Timing> = Object.freeze({ transitionMs: 50, reportMs: 100, scanMs: 100 });
