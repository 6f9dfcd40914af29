/**
 * The record-level rules `npm run validate` applies to one record, with no call to compare against:
 * the oracles' reader (readRecord: JSON, an object, bounded nesting), the shape rule (the zod schema
 * that schemas/cloudtrail-record.schema.json is generated from, with the eventVersion-gated
 * always-present fields), and identity consistency (a userIdentity that contradicts itself:
 * oracles' identityContradictions). Service events without a userIdentity type and Insights events
 * are judged by what AWS documents for them (event-kinds.ts).
 */
import { finding, type Finding } from "../../oracles/finding.js";
import { identityContradictions } from "../../oracles/identity-rule.js";
import { readRecord, type RecordObject } from "../../oracles/record-input.js";
import { checkShape } from "../../oracles/shape-rule.js";
import { InsightRecordSchema, recordKindOf, ServiceEventIdentitySchema, type RecordKind } from "./event-kinds.js";
import { schemaFindings } from "./zod-findings.js";

/** The finding code for each way a userIdentity contradicts itself (identityContradictions' paths). */
const CONTRADICTION_CODES = {
  "userIdentity.arn": "identity.arn_form",
  "userIdentity.sessionContext.sessionIssuer.arn": "identity.arn_form",
  "userIdentity.principalId": "identity.principal_id_mismatch",
} as const;

/** Ways the record's userIdentity contradicts itself, as findings. */
export function identityConsistency(record: RecordObject): Finding[] {
  return identityContradictions(record["userIdentity"]).map(([path, form, actual]) =>
    finding(CONTRADICTION_CODES[path as keyof typeof CONTRADICTION_CODES] ?? "identity.arn_form", path, form, actual));
}

/** The shape findings of a record of the given kind. */
export function shapeOf(record: RecordObject, kind: RecordKind): Finding[] {
  if (kind === "insight") return schemaFindings(InsightRecordSchema, record);
  const shape = checkShape(record);
  if (kind === "api") return shape;
  // A service event's userIdentity has no type (AWS's example): judged by the service-event identity instead.
  return [
    ...shape.filter((f) => !(f.code === "shape.missing_field" && f.path === "userIdentity.type")),
    ...schemaFindings(ServiceEventIdentitySchema, record["userIdentity"], ["userIdentity"]),
  ];
}

/** What one record gave: its kind when it is an object, and its findings. */
export interface RecordVerdict {
  kind?: RecordKind;
  findings: Finding[];
}

/** How a record was found. */
export interface RecordSource {
  /** The value is the record's JSON text (a CloudTrailEvent, a line) rather than the record itself (a Records element). */
  isText: boolean;
  /** False for AWS documentation records, whose contradictions the documentation reader has already named (fixture.inconsistent_identity). */
  identity: boolean;
}

/** Checks one record: an object, or its JSON text. */
export function checkRecord(value: unknown, source: RecordSource = { isText: false, identity: true }): RecordVerdict {
  // A string in place of a record (a Records element) is not a record; only text sources are parsed.
  if (!source.isText && typeof value === "string") return { findings: [finding("shape.not_an_object", "", "a JSON object", value)] };
  const input = readRecord(value);
  if (!input.ok) return { findings: [input.finding] };
  const kind = recordKindOf(input.record);
  return { kind, findings: [...shapeOf(input.record, kind), ...(source.identity ? identityConsistency(input.record) : [])] };
}
