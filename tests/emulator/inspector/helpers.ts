/** Test helpers: a controllable clock, call contexts, and result unwrapping for InspectorService. */
import { expect } from "vitest";
import type { CallContext, ServiceError, ServiceResult } from "../../../emulator/core/types.js";
import { InspectorService, type InspectorServiceOptions } from "../../../emulator/inspector/service.js";

/** Default account of the tests. */
export const ACCOUNT = "123456789012";
/** Default region of the tests (the region whose real rules package ARNs the model examples give). */
export const REGION = "us-west-2";

/** A clock the test moves by hand. */
export class ManualClock {
  private t: number;
  constructor(start = Date.UTC(2024, 0, 15, 12, 0, 0)) {
    this.t = start;
  }
  /** The current time. */
  now = (): Date => new Date(this.t);
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A call context for an IAM user of `accountId` in `region`. */
export function ctx(accountId = ACCOUNT, region = REGION): CallContext {
  return {
    principal: { kind: "IAMUser", accountId, accessKeyId: "AKIAEXAMPLE", userName: "alice", userId: "AIDAEXAMPLE", path: "/" },
    region,
    requestId: "00000000-0000-4000-8000-000000000000",
    sourceIp: "127.0.0.1",
    userAgent: "test",
    startedAt: new Date(),
  };
}

/** A service with a manual clock, plus shorthands that unwrap results. */
export function harness(options: Omit<InspectorServiceOptions, "clock"> = {}) {
  const clock = new ManualClock();
  const service = new InspectorService({ ...options, clock: clock.now });
  const call = (op: string, input: unknown, c: CallContext = ctx()): ServiceResult => service.call(op, input, c);
  const ok = (op: string, input: unknown = {}, c?: CallContext): Record<string, unknown> => {
    const r = call(op, input, c);
    if (!r.ok) throw new Error(`${op} failed: ${r.error.type} ${JSON.stringify(r.error.fields)} ${r.error.message}`);
    return r.output;
  };
  const fail = (op: string, input: unknown = {}, c?: CallContext): ServiceError => {
    const r = call(op, input, c);
    if (r.ok) throw new Error(`${op} unexpectedly succeeded: ${JSON.stringify(r.output)}`);
    return r.error;
  };
  return { clock, service, call, ok, fail };
}

/** The harness type. */
export type Harness = ReturnType<typeof harness>;

/** The us-west-2 rules package ARNs (botocore ListRulesPackages example). */
export const RP = {
  cve: "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p",
  cis: "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-H5hpSawc",
  sbp: "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-JJOtZiqQ",
  rba: "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-vg5GGHSD",
};

/** Creates a resource group, a target and a template; returns their ARNs. */
export function setup(h: Harness, name = "t1", c?: CallContext, rulesPackageArns = [RP.cve, RP.sbp]) {
  const group = h.ok("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: name }] }, c).resourceGroupArn as string;
  const target = h.ok("CreateAssessmentTarget", { assessmentTargetName: name, resourceGroupArn: group }, c).assessmentTargetArn as string;
  const template = h.ok(
    "CreateAssessmentTemplate",
    { assessmentTargetArn: target, assessmentTemplateName: `${name}-tpl`, durationInSeconds: 180, rulesPackageArns, userAttributesForFindings: [{ key: "team", value: "blue" }] },
    c,
  ).assessmentTemplateArn as string;
  return { group, target, template };
}

/** Starts a run of `template` and lets the clock run it to COMPLETED; returns the run ARN. */
export function completedRun(h: Harness, template: string): string {
  const run = h.ok("StartAssessmentRun", { assessmentTemplateArn: template }).assessmentRunArn as string;
  h.ok("StopAssessmentRun", { assessmentRunArn: run, stopAction: "START_EVALUATION" });
  h.clock.advance(1500);
  return run;
}

/** Asserts an InvalidInputException with `errorCode`. */
export function expectInvalid(e: ServiceError, errorCode: string): void {
  expect(e.type).toBe("InvalidInputException");
  expect(e.status).toBe(400);
  expect(e.fields).toEqual({ errorCode, canRetry: false });
}

/** Asserts a NoSuchEntityException with `errorCode`. */
export function expectNoSuchEntity(e: ServiceError, errorCode: string): void {
  expect(e.type).toBe("NoSuchEntityException");
  expect(e.status).toBe(400);
  expect(e.fields).toEqual({ errorCode, canRetry: false });
}

/** The single described run of `arn`. */
export function describeRun(h: Harness, arn: string): Record<string, unknown> {
  const out = h.ok("DescribeAssessmentRuns", { assessmentRunArns: [arn] });
  return (out.assessmentRuns as Record<string, unknown>[])[0]!;
}
