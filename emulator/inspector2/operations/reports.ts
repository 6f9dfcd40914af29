/**
 * Findings reports and SBOM exports: created IN_PROGRESS, SUCCEEDED after `reportMs` of the
 * emulator's clock, FAILED instead when the KMS key ARN is malformed (MALFORMED_KMS_KEY) or nothing
 * matches the filter (NO_FINDINGS_FOUND), CANCELLED by Cancel* while in progress. The destination
 * bucket's name is checked against S3's bucket naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html); nothing is written to it.
 */
import { coveredResources } from "../coverage.js";
import { matchesCriteria } from "../criteria.js";
import type { Inspector2Env } from "../env.js";
import { invalid, notFound } from "../errors.js";
import { matchingFindings } from "../findings-view.js";
import { newUuid } from "../ids.js";
import type { ExportRecord } from "../state.js";
import { type Handler, handler } from "./handler.js";

type Destination = { bucketName: string; keyPrefix?: string | null; kmsKeyArn: string };
type Criteria = Record<string, unknown> | null | undefined;

/** The problem with an S3 bucket name, or undefined when S3 would accept it. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return "must be 3 to 63 characters long";
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return "may hold only lowercase letters, numbers, dots and hyphens, and must begin and end with a letter or number";
  if (name.includes("..")) return "must not contain two adjacent periods";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "must not be formatted as an IP address";
  if (/^(xn--|sthree-)/.test(name) || /(-s3alias|--ol-s3)$/.test(name)) return "must not use a prefix or suffix S3 reserves";
  return undefined;
}

const KMS_KEY_ARN = /^arn:aws(-[a-z-]+)?:kms:[a-z0-9-]+:\d{12}:key\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-zA-Z]{32})$/;

/** The status of an export at `now`. */
export function exportStatus(r: ExportRecord, now: Date): "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "CANCELLED" {
  if (r.cancelledAt !== undefined) return "CANCELLED";
  if (now < r.readyAt) return "IN_PROGRESS";
  return r.failure !== undefined ? "FAILED" : "SUCCEEDED";
}

function createExport(env: Inspector2Env, kind: ExportRecord["kind"], format: string, d: Destination, criteria: Criteria, nothingMatches: boolean): { reportId: string } {
  const problem = bucketNameProblem(d.bucketName);
  if (problem !== undefined) throw invalid(`The bucket name '${d.bucketName}' ${problem}.`, "s3Destination.bucketName");
  const failure = !KMS_KEY_ARN.test(d.kmsKeyArn)
    ? { errorCode: "MALFORMED_KMS_KEY", errorMessage: `'${d.kmsKeyArn}' is not the ARN of a KMS key.` }
    : nothingMatches
      ? { errorCode: "NO_FINDINGS_FOUND", errorMessage: "Nothing matches the filter criteria of this report." }
      : undefined;
  const reportId = newUuid();
  env.state.exports.set(reportId, {
    reportId,
    kind,
    format,
    destination: { bucketName: d.bucketName, ...(d.keyPrefix != null ? { keyPrefix: d.keyPrefix } : {}), kmsKeyArn: d.kmsKeyArn },
    ...(criteria != null ? { filterCriteria: structuredClone(criteria) } : {}),
    createdAt: env.now,
    readyAt: new Date(env.now.getTime() + env.timing.reportMs),
    ...(failure !== undefined ? { failure } : {}),
  });
  return { reportId };
}

function exportOf(env: Inspector2Env, kind: ExportRecord["kind"], reportId: string): ExportRecord {
  const r = env.state.exports.get(reportId);
  if (r === undefined || r.kind !== kind) throw notFound(`No ${kind === "sbom" ? "SBOM export" : "findings report"} with id ${reportId} exists in this account and Region.`);
  return r;
}

function cancel(env: Inspector2Env, kind: ExportRecord["kind"], reportId: string): { reportId: string } {
  const r = exportOf(env, kind, reportId);
  const status = exportStatus(r, env.now);
  if (status !== "IN_PROGRESS") throw invalid(`The ${kind === "sbom" ? "SBOM export" : "findings report"} ${reportId} is ${status}; only one in progress can be cancelled.`, "reportId");
  r.cancelledAt = env.now;
  return { reportId };
}

function statusWire(r: ExportRecord, now: Date): Record<string, unknown> {
  const status = exportStatus(r, now);
  return { reportId: r.reportId, status, ...(status === "FAILED" && r.failure ? { errorCode: r.failure.errorCode, errorMessage: r.failure.errorMessage } : {}) };
}

/** Report and export handlers by operation name. */
export const reportHandlers: Record<string, Handler> = {
  CreateFindingsReport: handler<{ filterCriteria?: Criteria; reportFormat: string; s3Destination: Destination }>((input, env) =>
    createExport(env, "findings", input.reportFormat, input.s3Destination, input.filterCriteria, matchingFindings(env, input.filterCriteria).length === 0),
  ),

  GetFindingsReportStatus: handler<{ reportId?: string | null }>((input, env) => {
    // Without reportId: the latest findings report, if any (the model makes reportId optional).
    const latest = [...env.state.exports.values()].filter((r) => r.kind === "findings").at(-1);
    const r = input.reportId != null ? exportOf(env, "findings", input.reportId) : latest;
    if (r === undefined) return {};
    return { ...statusWire(r, env.now), destination: structuredClone(r.destination), ...(r.filterCriteria ? { filterCriteria: structuredClone(r.filterCriteria) } : {}) };
  }),

  CancelFindingsReport: handler<{ reportId: string }>((input, env) => cancel(env, "findings", input.reportId)),

  CreateSbomExport: handler<{ resourceFilterCriteria?: Criteria; reportFormat: string; s3Destination: Destination }>((input, env) => {
    const packaged = coveredResources(env).filter((c) => c.wire["scanType"] === "PACKAGE" && c.wire["resourceType"] !== "AWS_ECR_REPOSITORY");
    const nothing = !packaged.some((c) => matchesCriteria("ResourceFilterCriteria", input.resourceFilterCriteria, c.facets));
    return createExport(env, "sbom", input.reportFormat, input.s3Destination, input.resourceFilterCriteria, nothing);
  }),

  GetSbomExport: handler<{ reportId: string }>((input, env) => {
    const r = exportOf(env, "sbom", input.reportId);
    return { ...statusWire(r, env.now), format: r.format, s3Destination: structuredClone(r.destination), ...(r.filterCriteria ? { filterCriteria: structuredClone(r.filterCriteria) } : {}) };
  }),

  CancelSbomExport: handler<{ reportId: string }>((input, env) => cancel(env, "sbom", input.reportId)),
};
