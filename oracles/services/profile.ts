/**
 * What the rules need to know about one service: its expected eventSource and apiVersion, the
 * logging class of each of its operations, and which of its rules rest on UNVERIFIED facts. Each
 * service writes its own table (docs/architecture.md: the oracles' tables are their own reading of
 * AWS's documents, never the emulator's).
 */
import type { ServiceId } from "../../model/services.js";
import type { RulesEdition } from "../context.js";
import type { FindingCode } from "../finding.js";
import type { LoggingMode } from "../logging-mode.js";

/** The logging facts of one operation of one service, under the rules edition applied. */
export interface OperationRules {
  service: ServiceId;
  operation: string;
  /** The operation's class in its service's table (Classic: list-describe, mutating, other-read; v2: read, mutating). */
  class: string;
  /** readOnly in the record: true for the read classes, false for mutating operations. */
  readOnly: boolean;
  /** Whether the record logs the request only, or the request and the response. */
  mode: LoggingMode;
  /** The output has no members: the answer is the empty body, responseElements null. */
  emptyOutput: boolean;
  /** The input has no members: requestParameters null. */
  noInput: boolean;
}

/** A rule that rests on an UNVERIFIED fact: its findings are advisory, and the report says why. */
export interface UnverifiedRule {
  /** The rule, in a few words. */
  rule: string;
  /** Why it is UNVERIFIED, in one line. */
  why: string;
  /** The advisory finding codes that carry it. */
  codes: readonly FindingCode[];
}

/** The rules profile of one service. */
export interface ServiceRules {
  service: ServiceId;
  /** Name in messages, e.g. "Inspector Classic". */
  title: string;
  /** What the records of its calls carry in eventSource. */
  eventSource: string;
  /** apiVersion the records are expected to carry; checked as advisory only. */
  apiVersion: string;
  /** Its operation names, sorted. */
  operations: readonly string[];
  /** True when the AWS page's two editions apply (Classic); false when ctx.rulesEdition is ignored. */
  hasEditions: boolean;
  /** The logging facts of `operation` under `edition`, or undefined for a name the service does not have. */
  operation(operation: string, edition: RulesEdition): OperationRules | undefined;
  /** Its rules that rest on UNVERIFIED facts (advisory findings). */
  unverified: readonly UnverifiedRule[];
}

/** What a successful call's record holds in responseElements: null, or the response body as received. */
export function expectedResponseOf(row: OperationRules): "null" | "response" {
  return row.mode === "request-only" || row.emptyOutput ? "null" : "response";
}
