/**
 * Resolving request ARNs to stored entities: a string that is not an ARN of the expected kind is
 * InvalidInputException (INVALID_<KIND>_ARN); a well-formed ARN that names nothing in this account
 * and region is NoSuchEntityException (<KIND>_DOES_NOT_EXIST). ARN forms: model/arn.ts.
 */
import { type InspectorResourceKind, inspectorResourceKind } from "../../model/arn.js";
import { invalidInput, noSuchEntity } from "./errors.js";

/** Error codes and wording per resource kind (InvalidInputErrorCode / NoSuchEntityErrorCode). */
export const KIND_INFO = {
  resourcegroup: { invalid: "INVALID_RESOURCE_GROUP_ARN", missing: "RESOURCE_GROUP_DOES_NOT_EXIST", noun: "resource group" },
  target: { invalid: "INVALID_ASSESSMENT_TARGET_ARN", missing: "ASSESSMENT_TARGET_DOES_NOT_EXIST", noun: "assessment target" },
  template: { invalid: "INVALID_ASSESSMENT_TEMPLATE_ARN", missing: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST", noun: "assessment template" },
  run: { invalid: "INVALID_ASSESSMENT_RUN_ARN", missing: "ASSESSMENT_RUN_DOES_NOT_EXIST", noun: "assessment run" },
  finding: { invalid: "INVALID_FINDING_ARN", missing: "FINDING_DOES_NOT_EXIST", noun: "finding" },
  rulespackage: { invalid: "INVALID_RULES_PACKAGE_ARN", missing: "RULES_PACKAGE_DOES_NOT_EXIST", noun: "rules package" },
  // Exclusions have no codes of their own; they belong to a run.
  exclusion: { invalid: "INVALID_ASSESSMENT_RUN_ARN", missing: "ASSESSMENT_RUN_DOES_NOT_EXIST", noun: "exclusion" },
} as const satisfies Record<InspectorResourceKind, { invalid: string; missing: string; noun: string }>;

/** True when `arn` has the form of an Inspector ARN of `kind`. */
export const isArnOf = (arn: string, kind: InspectorResourceKind): boolean => inspectorResourceKind(arn) === kind;

/** The entity `arn` names in `map`; throws InvalidInput for a malformed ARN, NoSuchEntity for an unknown one. */
export function resolve<T>(map: ReadonlyMap<string, T>, arn: string, kind: InspectorResourceKind): T {
  const info = KIND_INFO[kind];
  if (!isArnOf(arn, kind)) throw invalidInput(info.invalid, `'${arn}' is not a valid ${info.noun} ARN.`);
  const found = map.get(arn);
  if (found === undefined) throw noSuchEntity(info.missing, `The ${info.noun} '${arn}' does not exist.`);
  return found;
}

/** Outcome of looking up one ARN of a batch: the entity, or its FailedItemErrorCode. */
export type BatchLookup<T> = { ok: true; value: T } | { ok: false; failureCode: "INVALID_ARN" | "ITEM_DOES_NOT_EXIST" };

/** Batch form of {@link resolve}: failures become FailedItemErrorCodes instead of errors. */
export function lookupForBatch<T>(map: ReadonlyMap<string, T>, arn: string, kind: InspectorResourceKind): BatchLookup<T> {
  if (!isArnOf(arn, kind)) return { ok: false, failureCode: "INVALID_ARN" };
  const found = map.get(arn);
  return found === undefined ? { ok: false, failureCode: "ITEM_DOES_NOT_EXIST" } : { ok: true, value: found };
}

/**
 * Runs a batch: the found items in request order (duplicates described once) and the FailedItems
 * map (`{failureCode, retryable: false}`), as batch Describe*, AddAttributesToFindings and
 * RemoveAttributesFromFindings return them.
 */
export function batch<T>(
  arns: readonly string[],
  map: ReadonlyMap<string, T>,
  kind: InspectorResourceKind,
): { found: T[]; failedItems: Record<string, { failureCode: string; retryable: boolean }> } {
  const found: T[] = [];
  const failedItems: Record<string, { failureCode: string; retryable: boolean }> = {};
  for (const arn of new Set(arns)) {
    const r = lookupForBatch(map, arn, kind);
    if (r.ok) found.push(r.value);
    else failedItems[arn] = { failureCode: r.failureCode, retryable: false };
  }
  return { found, failedItems };
}
