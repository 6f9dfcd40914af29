/**
 * conformance.json, schema version 2 (README "Exit codes and reports": schemaVersion, target, endpoint, seed,
 * runs, rulesEdition, calls, records, verdict, checks; plus the run's context, each service's
 * verdict, coverage and collection figures). Version 2 added the services: each check and coverage
 * row names its service, check ids start with it (`inspector2:ListFilters/echo`). Tools read it with
 * this schema; change it only on purpose, with the README.
 */
import { z } from "zod";
import { FindingCodeSchema, FindingSchema } from "../../oracles/finding.js";
import { IdentityKindSchema, ServiceIdSchema } from "../../history/observed-call.js";
import { SERVICE_IDS } from "../../model/services.js";
import { RulesEditionSchema } from "../../oracles/context.js";
import { TARGET_NAMES } from "../targets/target.js";

/** The version written in every report; bump it on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 2;

const Count = z.number().int().nonnegative();
const IsoInstant = z.iso.datetime({ offset: true });

/** One call of a counterexample. */
export const CounterexampleCallSchema = z.object({
  seq: Count,
  operation: z.string().min(1),
  identity: z.string(),
  request: z.unknown(),
  outcome: z.string(),
  errorCode: z.string().optional(),
});

/** The evidence of a failing check. */
export const CounterexampleSchema = z.object({
  calls: z.array(CounterexampleCallSchema),
  findings: z.array(FindingSchema),
  replay: z.string().nullable(),
});

/** One check (a matrix cell, an identity kind, or a run-wide check). */
export const CheckSchema = z.object({
  /** `<service>:<operation>/<family>`, or `<service>:*\/identity:<Kind>` and other run-wide checks. */
  id: z.string().min(1),
  service: ServiceIdSchema,
  operation: z.string().min(1),
  property: z.string().min(1),
  status: z.enum(["pass", "fail", "na", "unknown"]),
  severity: z.enum(["required", "advisory"]),
  count: Count,
  failed: Count,
  advisories: Count,
  message: z.string(),
  counterexample: CounterexampleSchema.nullable(),
});

/** What the target could not do. */
export const UnsupportedScopeSchema = z.enum(["target", ...SERVICE_IDS, "lookupEvents", "sts"]);
/** What the target could not do: the run (`target`), a service, LookupEvents or STS. */
export const UnsupportedSchema = z.object({
  scope: UnsupportedScopeSchema,
  reason: z.string(),
});

/** Something that went wrong with the target or transport (harness/report/incidents.ts). */
export const IncidentSchema = z.object({
  kind: z.enum(["target-down", "collector-failed", "records-late", "indeterminate-calls"]),
  /** True: the verdict is unknown unless a required check fails. */
  blocking: z.boolean(),
  count: Count,
  calls: Count,
  firstAt: IsoInstant.nullable(),
  lastAt: IsoInstant.nullable(),
  message: z.string(),
});

/** One identity kind: available or na (with why), and how many calls were made as it. */
export const IdentityReportSchema = z.object({
  kind: IdentityKindSchema,
  status: z.enum(["available", "na"]),
  reason: z.string().optional(),
  callCount: Count,
});

/** Calls of one operation by outcome and by identity kind. */
export const OperationCoverageSchema = z.object({
  service: ServiceIdSchema,
  operation: z.string().min(1),
  calls: Count,
  ok: Count,
  error: Count,
  unknown: Count,
  /** Rejected by the SDK before sending (never reached the service). */
  unsent: Count,
  byIdentity: z.record(IdentityKindSchema, Count),
});

/** How the records were collected. */
export const CollectionSchema = z.object({
  /** LookupEvents (or trail-file listing) requests made. */
  requests: Count,
  /** Requests answered with throttling and retried. */
  throttled: Count,
  /** Calls that reached the service and got no record by the deadline. */
  missing: Count,
  /** Re-delivered copies (same eventID) collapsed into one. */
  duplicatesCollapsed: Count,
  /** Calls whose records could not be read because the collector failed: unknown, not missing. */
  uncollected: Count.default(0),
  /** Calls read to the end without a record by the deadline, on a target whose records may come later (AWS): unknown, not missing. */
  late: Count.default(0),
  /** LookupEvents pages read (requests answered). */
  pages: Count.default(0),
  /** Pages read per record found: at best 1/50 (a page holds 50); null when no record was found. */
  pagesPerRecord: z.number().nonnegative().nullable().default(null),
  /**
   * How long records took to come: from the end of the call to the LookupEvents page that first
   * returned its record (ms; an upper bound, as fine as the polling); null when none was found.
   */
  deliveryLatencyMs: z.object({ samples: Count, p50: Count, p95: Count, max: Count }).nullable().default(null),
  unsupported: z.array(UnsupportedSchema),
});

/** A rule the suite applies without a document of AWS that states it: its findings are advisory. */
export const UnverifiedRuleSchema = z.object({
  rule: z.string().min(1),
  why: z.string().min(1),
  /** The advisory finding codes that carry it. */
  codes: z.array(z.string()),
});

/** A rule applied without a document of AWS that states it for the service. */
export type UnverifiedRule = z.infer<typeof UnverifiedRuleSchema>;

/** How one service did: its own verdict, what was made and checked, and why. */
export const ServiceSummarySchema = z.object({
  service: ServiceIdSchema,
  title: z.string().min(1),
  verdict: z.enum(["pass", "fail", "unknown"]),
  /** Calls of the service in the history, and records joined to them or about it. */
  calls: Count,
  records: Count,
  /** Rows of its matrix (its operations). */
  operations: Count,
  /** Wall-clock seconds its part of the run took (execution and collection; null for a re-check). */
  seconds: z.number().nonnegative().nullable(),
  /** Why its verdict is what it is. */
  messages: z.array(z.string()),
  /** Rules applied to it that AWS does not document for it (advisory findings only). */
  unverified: z.array(UnverifiedRuleSchema),
});

/** conformance.json. */
export const ConformanceReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  target: z.enum(TARGET_NAMES),
  /** Endpoint URL; null for the embedded target and AWS's own endpoints. */
  endpoint: z.string().nullable(),
  region: z.string().min(1),
  seed: z.number().int(),
  runs: Count,
  rulesEdition: RulesEditionSchema,
  mode: z.enum(["interactive", "deferred"]),
  startedAt: IsoInstant,
  endedAt: IsoInstant,
  /** Tolerance on eventTime against each call's window. */
  clockSkewMs: Count,
  /** Calls in the history. */
  calls: Count,
  /** Records collected (before duplicates were collapsed). */
  records: Count,
  /** Every service's verdict together: fail if one fails, else unknown if one is unknown, else pass. */
  verdict: z.enum(["pass", "fail", "unknown"]),
  /** The services checked, in the suite's order. */
  services: z.array(ServiceSummarySchema).min(1),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** Why the verdict is what it is, and what to do. */
  messages: z.array(z.string()),
  /** What went wrong with the target or the transport, each said once (older reports: none). */
  incidents: z.array(IncidentSchema).default([]),
  checks: z.array(CheckSchema),
  identities: z.array(IdentityReportSchema),
  coverage: z.array(OperationCoverageSchema),
  collection: CollectionSchema,
  findingsByCode: z.partialRecord(FindingCodeSchema, Count),
  /** The history (JSONL) and the collected records this report was computed from, when written to files. */
  historyFile: z.string().nullable(),
  recordsFile: z.string().nullable(),
});

/** A conformance report as written to conformance.json. */
export type ConformanceReport = z.infer<typeof ConformanceReportSchema>;
