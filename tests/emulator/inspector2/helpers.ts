/**
 * Test helpers for Inspector v2: the SDK-to-wire form of values, a service with a manual clock and
 * a caller of each kind, and a model-conformance check of outputs written here, apart from the
 * emulator's validator, so that it checks the emulator rather than repeating it.
 */
import type { CallContext, Principal } from "../../../emulator/core/types.js";
import { Inspector2Service, type Inspector2ServiceOptions } from "../../../emulator/inspector2/service.js";
import { inspector2Model } from "../../../model/inspector2-model.js";
import { shapeOf } from "../../../model/service-model.js";
import { ManualClock } from "../inspector/helpers.js";
import type { Caller } from "./scenario.js";

/** A value in its JSON wire form: Date → epoch seconds, Uint8Array → base64, undefined members dropped. */
export function wire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, wire(v)]));
  }
  return value;
}

/** The default account of the emulator's directory. */
export const ACCOUNT = "111122223333";

/** The principal of each caller kind, in ACCOUNT. */
export const PRINCIPALS: Record<Caller, Principal> = {
  user: { kind: "IAMUser", accountId: ACCOUNT, accessKeyId: "AKIAIOSFODNN7EXAMPLE", userName: "conformance-user", userId: "AIDACKCEVSQ6C2EXAMPLE", path: "/" },
  agent: { kind: "AssumedRole", accountId: ACCOUNT, accessKeyId: "ASIAAGENTAGENTEXAMPL", roleName: "ConformanceRole", roleId: "AROACKCEVSQ6C2EXAMPLE", rolePath: "/", sessionName: "i-0123456789abcdef0", issuedAt: new Date(0), mfaAuthenticated: false },
  denied: { kind: "IAMUser", accountId: ACCOUNT, accessKeyId: "AKIADENIEDUSER000001", userName: "denied-user", userId: "AIDADENIEDUSER0000001", path: "/" },
};

/** A call context for `principal` in `region`. */
export function contextOf(principal: Principal, region = "us-east-1"): CallContext {
  return { principal, region, requestId: "00000000-0000-4000-8000-000000000000", sourceIp: "127.0.0.1", userAgent: "test", startedAt: new Date() };
}

/** The default directory's organization, as the service takes it. */
export const ORGANIZATION = { organizationId: "o-exampleorgid", managementAccountId: ACCOUNT, memberAccountIds: ["444455556666", "777788889999"] };

/**
 * The timing the manual-clock tests advance by (250 ms to enable, 500 ms for a report or scan):
 * slower than the emulator's default, so that a step shorter than a transition is easy to write.
 */
export const HARNESS_TIMING = Object.freeze({ transitionMs: 250, reportMs: 500, scanMs: 500 });

/** A service with a manual clock, {@link HARNESS_TIMING} and the default organization, and shorthands. */
export function serviceHarness(options: Omit<Inspector2ServiceOptions, "clock"> = {}) {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
  const service = new Inspector2Service({ organizations: [ORGANIZATION], ...options, timing: { ...HARNESS_TIMING, ...options.timing }, clock: clock.now });
  const call = (operation: string, input: Record<string, unknown>, as: Caller | Principal = "user", region = "us-east-1") =>
    service.call(operation, wire(input) as Record<string, unknown>, contextOf(typeof as === "string" ? PRINCIPALS[as] : as, region));
  const ok = (operation: string, input: Record<string, unknown> = {}, as: Caller | Principal = "user", region?: string): Record<string, unknown> => {
    const r = call(operation, input, as, region);
    if (!r.ok) throw new Error(`${operation} failed: ${r.error.type} ${r.error.message}`);
    return r.output;
  };
  const fail = (operation: string, input: Record<string, unknown> = {}, as: Caller | Principal = "user", region?: string) => {
    const r = call(operation, input, as, region);
    if (r.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(r.output).slice(0, 300)}`);
    return r.error;
  };
  return { clock, service, call, ok, fail };
}

/**
 * Where `value` departs from the model shape `shapeName`: unknown or missing required members,
 * wrong types, values outside an enum, lengths and list sizes outside the model's bounds. Patterns
 * are not checked here (the emulator's ids are checked against them by the input validator).
 */
export function modelIssues(shapeName: string, value: unknown, path = ""): string[] {
  const shape = shapeOf(inspector2Model, shapeName);
  const at = path === "" ? "(output)" : path;
  switch (shape.type) {
    case "structure": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${at}: expected a structure (${shapeName})`];
      const members = shape.members ?? {};
      const v = value as Record<string, unknown>;
      const issues = Object.keys(v).filter((k) => !Object.hasOwn(members, k)).map((k) => `${at}.${k}: not a member of ${shapeName}`);
      for (const required of shape.required ?? []) if (v[required] === undefined) issues.push(`${at}.${required}: required by ${shapeName}, missing`);
      for (const [k, ref] of Object.entries(members)) if (v[k] !== undefined) issues.push(...modelIssues(ref.shape, v[k], path === "" ? k : `${path}.${k}`));
      if (shape.union && Object.values(v).filter((x) => x !== undefined).length !== 1) issues.push(`${at}: a union must have exactly one member`);
      return issues;
    }
    case "list": {
      if (!Array.isArray(value)) return [`${at}: expected a list (${shapeName})`];
      const issues = value.flatMap((item, i) => modelIssues(shape.member!.shape, item, `${path}[${i}]`));
      if (shape.min !== undefined && value.length < shape.min) issues.push(`${at}: ${value.length} items, ${shapeName} needs at least ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) issues.push(`${at}: ${value.length} items, ${shapeName} allows ${shape.max}`);
      return issues;
    }
    case "map":
      if (value === null || typeof value !== "object") return [`${at}: expected a map (${shapeName})`];
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [...modelIssues(shape.key!.shape, k, `${path}{key}`), ...modelIssues(shape.value!.shape, v, `${path}{${k}}`)]);
    case "string":
      if (typeof value !== "string") return [`${at}: expected a string (${shapeName})`];
      if (shape.enum !== undefined && !shape.enum.includes(value)) return [`${at}: '${value}' is not in ${shapeName}`];
      if ((shape.min !== undefined && value.length < shape.min) || (shape.max !== undefined && value.length > shape.max)) return [`${at}: length ${value.length} outside ${shapeName}`];
      return [];
    case "integer":
    case "long":
      return Number.isInteger(value) ? [] : [`${at}: expected an integer (${shapeName})`];
    case "double":
    case "float":
      return typeof value === "number" ? [] : [`${at}: expected a number (${shapeName})`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at}: expected a boolean (${shapeName})`];
    case "timestamp":
      if (shape.timestampFormat === "iso8601") return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? [] : [`${at}: expected an ISO-8601 date`];
      return typeof value === "number" ? [] : [`${at}: expected epoch seconds (${shapeName})`];
    case "blob":
      return typeof value === "string" ? [] : [`${at}: expected base64 text`];
  }
}

/**
 * Departures the emulator makes on purpose (docs/emulator-inspector2.md, "Simplified semantics"):
 * a healthy State carries no errorCode/errorMessage, and an image no cluster runs has an empty list.
 */
export const ALLOWED_DEPARTURES: readonly RegExp[] = [/\.state\.error(Code|Message): required/, /resourceState\.\w+\.error(Code|Message): required/, /^cluster: 0 items, ClusterInformationList/];

/** The model issues of `value` as the output of `operation`, less the allowed departures. */
export function outputIssues(operation: string, value: unknown): string[] {
  const shape = inspector2Model.operations[operation]!.output!.shape;
  return modelIssues(shape, value).filter((issue) => !ALLOWED_DEPARTURES.some((d) => d.test(issue)));
}
