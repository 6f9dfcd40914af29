/**
 * conformance.json, schema version 2 (README "Exit codes and reports": schemaVersion, target, endpoint, seed,
 * runs, rulesEdition, calls, records, verdict, checks; plus the run's context, each service's
 * verdict, coverage and collection figures). Version 2 added the services: each check and coverage
 * row names its service, check ids start with it (`inspector2:ListFilters/echo`). Tools read it with
 * this schema; change it only on purpose, with the README.
 */
import { z } from "zod";
import { FindingChannelSchema, FindingCodeSchema, FindingSchema, SeveritySchema } from "../../oracles/finding.js";
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

/**
 * Where a run's findings were (harness/report/finding-tally.ts): one row per service, operation,
 * caller kind, code, severity and path pattern, each finding both collectors saw on a call counted
 * once. What the report's problems are computed from (harness/report/problems.ts), so a merged report
 * can compute its own.
 */
export const FindingTallyRowSchema = z.object({
  service: ServiceIdSchema,
  /** The operation of the calls (or of the records that joined no call); `*` when none is known. */
  operation: z.string().min(1),
  /** The caller kind of the calls; null for records that joined no call. */
  identity: IdentityKindSchema.nullable(),
  code: FindingCodeSchema,
  severity: SeveritySchema,
  /** The finding path with indices and ids abstracted (`records[3].userIdentity.type` -> `userIdentity.type`). */
  path: z.string(),
  /** Findings, each counted once whichever channels saw it. */
  findings: Count,
  /** Distinct calls (records, for records that joined no call) with such a finding. */
  calls: Count,
  channels: z.array(FindingChannelSchema),
  /** The checks these findings count in. */
  checks: z.array(z.string()),
  /** A digest of which calls (records) they were: equal digests, same calls (tells one problem's several codes apart from two problems). */
  digest: z.string(),
  /** The first line of one such finding's message. */
  example: z.string(),
});

/** One row of the finding tally. */
export type FindingTallyRow = z.infer<typeof FindingTallyRowSchema>;

/** One distinct problem of a run (harness/report/problems.ts): findings grouped by what they share. */
export const ProblemSchema = z.object({
  /** Stable: code, path pattern and (for identity rules) caller kind, e.g. `identity.type_mismatch:userIdentity.type:AssumedRole`. */
  id: z.string().min(1),
  code: FindingCodeSchema,
  severity: SeveritySchema,
  /** The path pattern (indices `[]`, ids `*`). */
  path: z.string(),
  /** Other codes the same wrong value sets off on exactly the same calls (e.g. identity.arn_form beside identity.type_mismatch). */
  related: z.array(z.object({ code: FindingCodeSchema, path: z.string() })),
  /** What the findings share: a caller kind, an operation class, or neither. */
  scope: z.object({
    identity: IdentityKindSchema.nullable(),
    operationClass: z.enum(["read", "mutating"]).nullable(),
    /** `AssumedRole callers`, `read operations`, or "" when they share neither. */
    text: z.string(),
  }),
  /** One finding's message, first line. */
  summary: z.string(),
  /** Findings (of all its codes) and distinct calls (or records that joined no call). */
  findings: Count,
  calls: Count,
  /** `service:operation` of each operation it touches (`service:*` for records of no operation). */
  operations: z.array(z.string()),
  channels: z.array(FindingChannelSchema),
  /** The ids of the checks it explains. */
  checks: z.array(z.string()),
  /** The smallest (fewest calls) counterexample of the failing checks it touches, with its replay command; null for advisory ones. */
  counterexample: CounterexampleSchema.nullable(),
  /** The check that counterexample is from. */
  counterexampleCheck: z.string().nullable(),
});

/** One distinct problem of a run. */
export type Problem = z.infer<typeof ProblemSchema>;

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
  /** Findings per code, a finding both collectors saw on one call counted once. */
  findingsByCode: z.partialRecord(FindingCodeSchema, Count),
  /** Distinct problems, required first, by count (older reports: none). Optional in the type, always present once parsed. */
  problems: z.array(ProblemSchema).default([]).optional(),
  /** What the problems are computed from (older reports: nothing). Optional in the type, always present once parsed. */
  findingTally: z.array(FindingTallyRowSchema).default([]).optional(),
  /** The history (JSONL) and the collected records this report was computed from, when written to files. */
  historyFile: z.string().nullable(),
  recordsFile: z.string().nullable(),
  /**
   * How the run did against an expectations file (harness/report/expectations.ts); null without one.
   * Optional in the type (buildReport leaves it out), always present once parsed.
   */
  expectations: z
    .object({
      file: z.string().min(1),
      expectedFailures: Count,
      unexpectedFailures: z.array(z.string()),
      unexpectedPasses: z.array(z.string()),
      strict: z.boolean(),
    })
    .nullable()
    .default(null)
    .optional(),
  /** The shard of the run this report is (`2/3`, `--shard`); null for a whole run or a merged one. */
  shard: z.string().regex(/^\d+\/\d+$/).nullable().default(null).optional(),
});

/** A conformance report as written to conformance.json. */
export type ConformanceReport = z.infer<typeof ConformanceReportSchema>;
