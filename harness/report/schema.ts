/**
 * conformance.json, schema version 1 (DESIGN.md "Contracts": schemaVersion, target, endpoint, seed,
 * runs, rulesEdition, calls, records, verdict, checks; plus the run's context, coverage and
 * collection figures). Tools read it with this schema; change it only on purpose, with the README.
 */
import { z } from "zod";
import { FindingCodeSchema, FindingSchema } from "../../oracles/finding.js";
import { IdentityKindSchema } from "../../history/observed-call.js";
import { RulesEditionSchema } from "../../oracles/context.js";

/** The version written in every report; bump it on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

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
  id: z.string().min(1),
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
export const UnsupportedSchema = z.object({
  scope: z.enum(["target", "inspector", "lookupEvents", "sts"]),
  reason: z.string(),
});

/** Something that went wrong with the target or transport (harness/report/incidents.ts). */
export const IncidentSchema = z.object({
  kind: z.enum(["target-down", "collector-failed", "indeterminate-calls"]),
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
  unsupported: z.array(UnsupportedSchema),
});

/** conformance.json. */
export const ConformanceReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  target: z.enum(["embedded", "endpoint", "aws"]),
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
  verdict: z.enum(["pass", "fail", "unknown"]),
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
