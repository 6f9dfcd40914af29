/**
 * Inspector v2 plans from the model, both ways: every valid and boundary plan of each of the 81
 * operations passes the model's validation (the reference emulator's validator, an independent
 * reading of the same model), and every invalid plan fails it; labels name the one place broken.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ServiceFailure } from "../../emulator/inspector2/errors.js";
import { validateInput } from "../../emulator/inspector2/validate.js";
import { boundarySites, invalidSites, MAX_LOGGED_STRING_LENGTH, MAX_URL_VALUE_LENGTH } from "../../generators/constraint-sites.js";
import { inputArbitraries, inputArbitrary, modesOf } from "../../generators/operation-inputs.js";
import { formatLabel } from "../../generators/plan-label.js";
import { isDotSegment } from "../../generators/shape-arbitrary.js";
import { ResourcePool } from "../../generators/resource-pool.js";
import { INSPECTOR2_PROFILE } from "../../generators/service-profile.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { wire } from "../emulator/inspector2/helpers.js";

const scope = { region: "us-east-1", accountId: "111122223333" };
/** The ValidationException `fields` names validateInput answers for `input` ([] when it passes). */
const failedFields = (operation: string, input: Record<string, unknown>): string[] => {
  try {
    validateInput(operation, wire(input) as Record<string, unknown>);
    return [];
  } catch (e) {
    if (!(e instanceof ServiceFailure)) throw e;
    expect(e.error.type).toBe("ValidationException");
    return ((e.error.fields?.["fields"] ?? []) as { name: string }[]).map((f) => f.name);
  }
};
const passes = (operation: string, input: Record<string, unknown>): boolean => failedFields(operation, input).length === 0;
/** A label path in the validator's form (1-based indexes): `messages[0].ruleId` → `messages.1.ruleId`. */
const awsForm = (path: string) => path.replace(/\[(\d+)\]/g, (_m, i: string) => `.${Number(i) + 1}`);

describe("Inspector v2 plans from the model", () => {
  it("cover all 81 operations, each with valid plans", () => {
    expect(INSPECTOR2_PROFILE.operations).toHaveLength(81);
    for (const op of INSPECTOR2_OPERATIONS) expect(modesOf(op, INSPECTOR2_PROFILE)).toContain("valid");
  });

  // Three valid plans per operation and one plan per boundary or invalid target (ListFindings alone
  // has about a thousand targets): about 7,800 plans for the 81 operations, in about 20 s.
  let checked = 0;
  afterAll(() => {
    console.log(`inspector2 plans checked against the model: ${checked}`);
    // (none when a run filters the per-operation tests out)
    if (checked > 0) expect(checked).toBeGreaterThan(3000);
  });
  it.each(INSPECTOR2_OPERATIONS)("%s: valid and boundary plans pass the model, invalid ones fail it", (operation) => {
    const pool = INSPECTOR2_PROFILE.newPool(scope);
    for (const mode of modesOf(operation, INSPECTOR2_PROFILE)) {
      for (const arb of inputArbitraries(operation, mode, {}, INSPECTOR2_PROFILE)) {
        for (const plan of fc.sample(arb, { seed: 7, numRuns: mode === "valid" ? 3 : 1 })) {
          const { input } = plan.resolve(pool);
          // An unknownArn plan is well formed (it names nothing observed): the model accepts it, the service answers not found.
          const modelValid = mode !== "invalid" || (plan.label.mode === "invalid" && plan.label.constraint === "unknownArn");
          const fields = failedFields(operation, input);
          const why = `${plan.toString()} ${JSON.stringify(fields)} ${JSON.stringify(wire(input)).slice(0, 300)}`;
          // An invalid plan breaks one member: the validator names that member, and only it (a string
          // too short for a pattern such as `\d{12}` breaks both, so the name may come twice).
          if (modelValid) expect(fields, why).toEqual([]);
          else expect([...new Set(fields)], why).toEqual([awsForm((plan.label as { path: string }).path)]);
          checked++;
        }
      }
    }
  });

  it("gives a union exactly one member (ListFindingAggregations aggregationRequest)", () => {
    const [arb] = inputArbitraries("ListFindingAggregations", "valid", {}, INSPECTOR2_PROFILE);
    for (const plan of fc.sample(arb!, { seed: 1, numRuns: 30 })) {
      const request = plan.resolve(new ResourcePool(scope)).input["aggregationRequest"];
      if (request !== undefined) expect(Object.keys(request as object)).toHaveLength(1);
    }
  });

  it("sends timestamps as Date and blobs as bytes", () => {
    const criteria = inspector2Model.shapes["FilterCriteria"]!.members!;
    const DATE_FILTER_LISTS = new Set(Object.keys(criteria).filter((k) => criteria[k]!.shape === "DateFilterList"));
    const [telemetry] = inputArbitraries("SendCisSessionTelemetry", "valid", {}, INSPECTOR2_PROFILE);
    const plan = fc.sample(telemetry!, { seed: 2, numRuns: 1 })[0]!;
    const messages = plan.resolve(new ResourcePool(scope)).input["messages"] as { cisRuleDetails: unknown }[];
    expect(messages[0]!.cisRuleDetails).toBeInstanceOf(Uint8Array);
    // Every timestamp a plan sends (the DateFilter ranges of filter criteria, e.g. firstObservedAt) is a Date.
    const stamps: unknown[] = [];
    const collect = (v: unknown, key: string): void => {
      if (DATE_FILTER_LISTS.has(key) && Array.isArray(v)) {
        for (const range of v as Record<string, unknown>[]) for (const edge of ["startInclusive", "endInclusive"]) if (edge in range) stamps.push(range[edge]);
      } else if (Array.isArray(v)) v.forEach((x) => collect(x, ""));
      else if (Array.isArray(v)) v.forEach((x) => collect(x, ""));
      else if (v !== null && typeof v === "object" && !(v instanceof Date) && !(v instanceof Uint8Array)) for (const [k, x] of Object.entries(v)) collect(x, k);
    };
    for (const plan of fc.sample(inputArbitraries("ListFindings", "valid", { maxListLength: 1 }, INSPECTOR2_PROFILE)[0]!, { seed: 3, numRuns: 40 })) {
      collect(plan.resolve(new ResourcePool(scope)).input, "");
    }
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(stamp).toBeInstanceOf(Date);
  });

  it("does not generate what the SDK cannot send: a missing or empty path label, a wrong type in the path", () => {
    const tagSites = invalidSites("TagResource", INSPECTOR2_PROFILE).filter((t) => t.site.memberName === "resourceArn");
    expect(tagSites.map((t) => t.constraint)).not.toContain("missingRequired");
    expect(tagSites.map((t) => t.constraint)).not.toContain("tooShort");
    expect(tagSites.map((t) => t.constraint)).not.toContain("wrongType");
    expect(tagSites.map((t) => t.constraint)).toContain("tooLong");
    expect(invalidSites("CreateFilter", INSPECTOR2_PROFILE).map((t) => `${t.constraint} at ${t.site.path.join(".")}`)).toContain("missingRequired at name");
  });

  it("puts no dot segment in a path label (URL parsing and SigV4 remove it, and the request reaches no operation)", () => {
    const [minLength] = boundarySites("ListTagsForResource", INSPECTOR2_PROFILE).filter((t) => t.site.memberName === "resourceArn" && t.boundary === "minLength");
    expect(minLength?.limit).toBe(1);
    const arms = inputArbitraries("ListTagsForResource", "boundary", {}, INSPECTOR2_PROFILE);
    // One printable character in 95 is ".": half of 2,000 plans are the 1-character boundary, about 10 of them "." without the filter.
    const labels = fc.sample(fc.oneof(...arms), { seed: 11, numRuns: 2000 }).map((p) => p.value["resourceArn"]).filter((v): v is string => typeof v === "string" && v.length <= 2);
    expect(labels.length).toBeGreaterThan(500);
    expect(labels.filter((v) => v === "." || v === "..")).toEqual([]);
    expect(isDotSegment(".") && isDotSegment("..") && !isDotSegment("...") && !isDotSegment("a")).toBe(true);
  });

  it("makes no unknownArn plan for the caller's own account (it has no unknown value), and one for other kinds", () => {
    const at = (operation: string, path: string) => invalidSites(operation, INSPECTOR2_PROFILE).filter((t) => t.site.path.join(".") === path).map((t) => t.constraint);
    expect(at("EnableDelegatedAdminAccount", "delegatedAdminAccountId")).not.toContain("unknownArn");
    expect(at("EnableDelegatedAdminAccount", "delegatedAdminAccountId")).toContain("tooShort");
    expect(at("DeleteFilter", "arn")).toContain("unknownArn");
  });

  it("puts no string longer than MAX_URL_VALUE_LENGTH in the URL, nor longer than MAX_LOGGED_STRING_LENGTH in the body", () => {
    const limits = (operation: string) => [
      ...boundarySites(operation, INSPECTOR2_PROFILE).filter((t) => t.site.memberName === "nextToken").map((t) => `${t.boundary}=${t.limit}`),
      ...invalidSites(operation, INSPECTOR2_PROFILE).filter((t) => t.site.memberName === "nextToken" && t.constraint === "tooLong").map((t) => `tooLong>${t.limit}`),
    ];
    expect(MAX_URL_VALUE_LENGTH).toBe(4096);
    expect(limits("ListCodeSecurityScanConfigurations")).toEqual(["minLength=0"]);
    // The body's nextToken allows 1,000,000 characters; a record of such a request would be truncated (100 KB).
    expect(MAX_LOGGED_STRING_LENGTH).toBe(32_768);
    expect(limits("ListFilters")).toEqual(["minLength=0"]);
    // A body string under the bound keeps both its length boundaries (GetClustersForImage's token: 3,000).
    expect(limits("GetClustersForImage")).toEqual(["minLength=1", "maxLength=3000", "tooLong>3000"]);
    // Every v2 plan's JSON stays small (none near CloudTrail's 100 KB for requestParameters).
    for (const operation of ["ListMembers", "ListDelegatedAdminAccounts", "SearchVulnerabilities", "ListAccountPermissions", "ListFilters"]) {
      for (const mode of ["boundary", "invalid"] as const) {
        const plans = fc.sample(inputArbitrary(operation, mode, {}, INSPECTOR2_PROFILE), { seed: 7, numRuns: 30 });
        for (const plan of plans) expect(JSON.stringify(plan.value).length, `${operation} ${mode}`).toBeLessThan(100_000);
      }
    }
  });

  it("labels a plan with what it tests and refers to v2 resources from the pool", () => {
    const pool = INSPECTOR2_PROFILE.newPool(scope);
    const filter = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/abcdef0123456789";
    pool.add("v2:filter", filter);
    const [arb] = inputArbitraries("DeleteFilter", "valid", {}, INSPECTOR2_PROFILE);
    const plan = fc.sample(arb!, { seed: 4, numRuns: 1 })[0]!;
    expect(formatLabel(plan.label)).toBe("valid");
    const resolved = plan.resolve(pool);
    expect(resolved.input["arn"]).toBe(filter);
    expect(resolved.references).toEqual([{ path: "arn", kind: "v2:filter", source: "pool", value: filter }]);
    const unknown = plan.resolve(INSPECTOR2_PROFILE.newPool(scope));
    expect(unknown.references[0]!.source).toBe("unknown");
    expect(passes("DeleteFilter", unknown.input)).toBe(true);
  });
});
