/**
 * Measurement: what @aws-sdk/client-inspector2 3.1085.0 refuses before sending, and what it sends
 * of an input the model forbids. The client's requestHandler records each request handed to the
 * transport and answers `{}` (no network), so "refused" means the request never reached the handler.
 * Findings (asserted below):
 * - refused: only a path label that is missing ("No value provided for input HTTP label: resourceArn.");
 * - altered: an empty path label is sent as an empty path segment (`/tags/`); a non-string path label
 *   or query list element is sent as its text; a string for a query list is split into characters;
 * - sent as is (the JSON body holds the value unchanged): a timestamp that is not a Date, a blob that
 *   is neither bytes nor text, a wrong-typed body member, an out-of-range integer, an enum value not
 *   in the model, a too-long string, a missing required body member; a string for a query integer.
 * - left out: the members of the model the SDK's schemas do not have (11 of ResourceFilterCriteria).
 * Then the generators' invalid v2 plans, sampled for every operation, all reach the transport, their
 * JSON body as the plan holds it.
 */
import { Readable } from "node:stream";
import * as sdk from "@aws-sdk/client-inspector2";
import { HttpResponse } from "@smithy/protocol-http";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { inputArbitrary, modesOf } from "../../generators/operation-inputs.js";
import { invalidSites } from "../../generators/constraint-sites.js";
import { INSPECTOR2_PROFILE, INSPECTOR2_SDK_UNKNOWN_MEMBERS } from "../../generators/service-profile.js";
import { inputBindingsOf } from "../../model/http-bindings.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { wire } from "../emulator/inspector2/helpers.js";

interface Captured {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}
type Attempt = { sent: false; error: string } | ({ sent: true } & Captured);

const requests: Captured[] = [];
const client = new sdk.Inspector2Client({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  requestHandler: {
    handle: async (req: { method: string; path: string; query?: Record<string, unknown>; body?: unknown }) => {
      const raw = req.body instanceof Uint8Array ? Buffer.from(req.body).toString("utf8") : typeof req.body === "string" ? req.body : "";
      requests.push({ method: req.method, path: req.path, query: { ...(req.query ?? {}) }, body: raw === "" ? undefined : JSON.parse(raw) });
      return { response: new HttpResponse({ statusCode: 200, headers: { "content-type": "application/json" }, body: Readable.from([Buffer.from("{}")]) }) };
    },
  } as never,
});

type Ctor = new (input: never) => never;
/** Sends `input` as `operation` and says whether the transport got it, and what. */
async function attempt(operation: string, input: Record<string, unknown>): Promise<Attempt> {
  const before = requests.length;
  const Command = (sdk as unknown as Record<string, Ctor>)[`${operation}Command`]!;
  try {
    await client.send(new Command(input as never));
  } catch (e) {
    if (requests.length === before) return { sent: false, error: (e as Error).message };
  }
  expect(requests.length).toBe(before + 1);
  return { sent: true, ...requests.at(-1)! };
}

const ARN = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/abcdef0123456789";
const TAG_OPS = { TagResource: { tags: { k: "v" } }, UntagResource: { tagKeys: ["k"] }, ListTagsForResource: {} } as const;
const SCAN = { scanJobId: "00000000-0000-4000-8000-000000000000", sessionToken: "00000000-0000-4000-8000-000000000000" };
const telemetry = (cisRuleDetails: unknown) => ({ ...SCAN, messages: [{ ruleId: "r-1", status: "PASSED", cisRuleDetails }] });
const filterWith = (startInclusive: unknown) => ({ name: "f", action: "NONE", filterCriteria: { firstObservedAt: [{ startInclusive }] } });
const bodyOf = (a: Attempt) => (a.sent ? a.body : expect.fail(`refused: ${a.error}`));

describe("@aws-sdk/client-inspector2 3.1085.0 before sending", () => {
  it.each(Object.entries(TAG_OPS))("refuses %s without its path label resourceArn", async (operation, rest) => {
    expect(await attempt(operation, { ...rest })).toEqual({ sent: false, error: "No value provided for input HTTP label: resourceArn." });
    expect(await attempt(operation, { ...rest, resourceArn: undefined })).toMatchObject({ sent: false });
  });

  it.each(Object.entries(TAG_OPS))("sends %s with an empty path label, as an empty path segment", async (operation, rest) => {
    expect(await attempt(operation, { ...rest, resourceArn: "" })).toMatchObject({ sent: true, path: "/tags/" });
  });

  it("sends a path label, encoded, and a non-string one as its text", async () => {
    expect(await attempt("TagResource", { resourceArn: ARN, tags: { k: "v" } })).toMatchObject({ sent: true, method: "POST", path: `/tags/${encodeURIComponent(ARN)}`, body: { tags: { k: "v" } } });
    expect(await attempt("TagResource", { resourceArn: 42, tags: { k: "v" } })).toMatchObject({ sent: true, path: "/tags/42" });
    expect(await attempt("ListTagsForResource", { resourceArn: true })).toMatchObject({ sent: true, method: "GET", path: "/tags/true" });
  });

  it("sends a non-string query list element as its text, and splits a string given for a query list", async () => {
    expect(await attempt("UntagResource", { resourceArn: ARN, tagKeys: [42, "k"] })).toMatchObject({ sent: true, method: "DELETE", query: { tagKeys: ["42", "k"] } });
    expect(await attempt("UntagResource", { resourceArn: ARN, tagKeys: "abc" })).toMatchObject({ sent: true, query: { tagKeys: ["a", "b", "c"] } });
    expect(await attempt("UntagResource", { resourceArn: ARN, tagKeys: [] })).toMatchObject({ sent: true, query: { tagKeys: [] } });
  });

  it("sends a string given for a query integer as is, and a required query member missing", async () => {
    expect(await attempt("ListCodeSecurityIntegrations", { maxResults: "abc" })).toMatchObject({ sent: true, method: "POST", query: { maxResults: "abc" } });
    expect(await attempt("ListCodeSecurityIntegrations", { maxResults: 100_000 })).toMatchObject({ sent: true, query: { maxResults: "100000" } });
    const missing = await attempt("GetEncryptionKey", { resourceType: "AWS_LAMBDA_FUNCTION" });
    expect(missing).toMatchObject({ sent: true, query: { resourceType: "AWS_LAMBDA_FUNCTION" } });
    expect(Object.keys((missing as Captured).query)).toEqual(["resourceType"]);
  });

  it("sends a timestamp that is not a Date as is (a Date as epoch seconds)", async () => {
    expect(bodyOf(await attempt("CreateFilter", filterWith(new Date(1_700_000_000_000))))).toMatchObject({ filterCriteria: { firstObservedAt: [{ startInclusive: 1_700_000_000 }] } });
    expect(bodyOf(await attempt("CreateFilter", filterWith("not-a-timestamp")))).toMatchObject({ filterCriteria: { firstObservedAt: [{ startInclusive: "not-a-timestamp" }] } });
    expect(bodyOf(await attempt("CreateFilter", filterWith(1_700_000_000)))).toMatchObject({ filterCriteria: { firstObservedAt: [{ startInclusive: 1_700_000_000 }] } });
    expect(bodyOf(await attempt("CreateFilter", filterWith({ at: 1 })))).toMatchObject({ filterCriteria: { firstObservedAt: [{ startInclusive: { at: 1 } }] } });
  });

  it("sends a blob that is neither bytes nor text as is (bytes and text as base64)", async () => {
    const details = async (v: unknown) => (bodyOf(await attempt("SendCisSessionTelemetry", telemetry(v))) as { messages: { cisRuleDetails: unknown }[] }).messages[0]!.cisRuleDetails;
    expect(await details(new Uint8Array([1, 2]))).toBe("AQI=");
    expect(await details("hello")).toBe(Buffer.from("hello").toString("base64"));
    expect(await details(12345)).toBe(12345);
    expect(await details({ a: 1 })).toEqual({ a: 1 });
  });

  it("sends a wrong-typed body member as is", async () => {
    expect(bodyOf(await attempt("CreateFilter", { name: 42, action: "NONE", filterCriteria: {} }))).toEqual({ name: 42, action: "NONE", filterCriteria: {} });
    expect(bodyOf(await attempt("CreateFilter", { name: "f", action: "NONE", filterCriteria: "not-a-structure" }))).toEqual({ name: "f", action: "NONE", filterCriteria: "not-a-structure" });
    expect(bodyOf(await attempt("ListFilters", { maxResults: "ten", arns: "not-a-list" }))).toEqual({ maxResults: "ten", arns: "not-a-list" });
    expect(bodyOf(await attempt("UpdateOrgEc2DeepInspectionConfiguration", { orgPackagePaths: [true] }))).toEqual({ orgPackagePaths: [true] });
  });

  it("sends an out-of-range integer, an enum value not in the model, a too-long string and a missing required body member", async () => {
    expect(bodyOf(await attempt("ListFilters", { maxResults: 100_000 }))).toEqual({ maxResults: 100_000 });
    expect(bodyOf(await attempt("ListFilters", { maxResults: -1 }))).toEqual({ maxResults: -1 });
    expect(bodyOf(await attempt("CreateFilter", { name: "f", action: "BOGUS", filterCriteria: {} }))).toEqual({ name: "f", action: "BOGUS", filterCriteria: {} });
    const long = "x".repeat(500);
    expect(bodyOf(await attempt("CreateFilter", { name: long, action: "NONE", filterCriteria: {} }))).toEqual({ name: long, action: "NONE", filterCriteria: {} });
    expect(bodyOf(await attempt("CreateFilter", { action: "NONE", filterCriteria: {} }))).toEqual({ action: "NONE", filterCriteria: {} });
    expect(await attempt("TagResource", { resourceArn: "x".repeat(2000), tags: { k: "v" } })).toMatchObject({ sent: true, path: `/tags/${"x".repeat(2000)}` });
  });
});

/** Model structure members the SDK's schemas (exported as `<Shape>$`, member names at index 4) lack. */
function sdkUnknownMembers(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, shape] of Object.entries(inspector2Model.shapes)) {
    if (shape.type !== "structure") continue;
    const schema = (sdk as unknown as Record<string, unknown>)[`${name}$`];
    expect(Array.isArray(schema), name).toBe(true);
    const known = (schema as unknown[])[4] as string[];
    const unknown = Object.keys(shape.members ?? {}).filter((m) => !known.includes(m));
    if (unknown.length > 0) out[name] = unknown;
  }
  return out;
}

describe("members of the model the SDK does not know", () => {
  it("are the profile's INSPECTOR2_SDK_UNKNOWN_MEMBERS, and are left out of the request", async () => {
    expect(sdkUnknownMembers()).toEqual(INSPECTOR2_SDK_UNKNOWN_MEMBERS);
    const criteria = { accountId: [{ comparison: "EQUALS", value: "111122223333" }], cloudProvider: [{ comparison: "EQUALS", value: "AZURE" }] };
    const input = { reportFormat: "CYCLONEDX_1_4", s3Destination: { bucketName: "b", kmsKeyArn: "k" }, resourceFilterCriteria: criteria };
    expect(bodyOf(await attempt("CreateSbomExport", input))).toEqual({ ...input, resourceFilterCriteria: { accountId: criteria.accountId } });
  });

  it("are not generated: no site of CreateSbomExport's input is under one", () => {
    const paths = invalidSites("CreateSbomExport", INSPECTOR2_PROFILE).map((t) => t.site.path.join("."));
    expect(paths).toContain("resourceFilterCriteria.accountId.0.value");
    expect(paths.filter((p) => /^resourceFilterCriteria\.cloud/.test(p))).toEqual([]);
  });
});

describe("the profile generates the wrong types the SDK sends", () => {
  const wrongTypeAt = (operation: string) => invalidSites(operation, INSPECTOR2_PROFILE).filter((t) => t.constraint === "wrongType").map((t) => t.site.path.join("."));
  it("in the JSON body, timestamps and blobs included; in the query string, integers only", () => {
    expect(wrongTypeAt("CreateFilter")).toContain("filterCriteria.firstObservedAt.0.startInclusive");
    expect(wrongTypeAt("SendCisSessionTelemetry")).toContain("messages.0.cisRuleDetails");
    expect(wrongTypeAt("ListCodeSecurityIntegrations")).toEqual(["maxResults"]);
    expect(wrongTypeAt("UntagResource")).toEqual([]); // neither tagKeys nor its elements (a query list)
    expect(wrongTypeAt("ListFilters")).toContain("arns.0"); // an element of a body list
    expect(wrongTypeAt("TagResource")).toEqual(["tags"]);
    expect(invalidSites("ListTagsForResource", INSPECTOR2_PROFILE).map((t) => t.constraint)).toEqual(["tooLong", "unknownArn"]);
  });
});

/** The members of `input` that travel in the JSON body of `operation`. */
function bodyMembers(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const bound = new Set(inputBindingsOf(inspector2Model, operation).filter((b) => b.location !== "body").map((b) => b.member));
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => !bound.has(k) && v !== undefined));
}

/** The operations whose input has an idempotency token (`clientToken`, optional in all four). */
const TOKENS = new Set(INSPECTOR2_OPERATIONS.filter((op) => {
  const shape = inspector2Model.operations[op]!.input?.shape;
  return shape !== undefined && Object.values(inspector2Model.shapes[shape]!.members ?? {}).some((m) => (m as { idempotencyToken?: boolean }).idempotencyToken === true);
}));

describe("the generators' invalid v2 plans all reach the transport", () => {
  it("knows the four operations with an idempotency token", () => {
    expect([...TOKENS].sort()).toEqual(["CreateConnector", "Enable", "EnableDelegatedAdminAccount", "StartCodeSecurityScan"]);
  });

  const operations = INSPECTOR2_OPERATIONS.filter((op) => modesOf(op, INSPECTOR2_PROFILE).includes("invalid"));
  const pool = INSPECTOR2_PROFILE.newPool({ region: "us-east-1", accountId: "111122223333" });

  let queryWrongTypes = 0;
  afterAll(() => expect(queryWrongTypes).toBeGreaterThan(0));

  it.each(operations)("%s: sent, the JSON body as the plan holds it", async (operation) => {
    const plans = fc.sample(inputArbitrary(operation, "invalid", {}, INSPECTOR2_PROFILE), { seed: 11, numRuns: 8 });
    for (const plan of plans) {
      const { input } = plan.resolve(pool);
      const a = await attempt(operation, structuredClone(input));
      expect(a.sent, plan.toString()).toBe(true);
      if (!a.sent) continue;
      const body = { ...((a.body ?? {}) as Record<string, unknown>) };
      if (TOKENS.has(operation) && input["clientToken"] === undefined) {
        // The SDK fills an idempotency token the input leaves out (a v4 UUID).
        expect(body["clientToken"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        delete body["clientToken"];
      }
      expect(body, plan.toString()).toEqual(wire(bodyMembers(operation, input)));
      if (plan.label.mode === "invalid" && plan.label.constraint === "wrongType" && plan.label.path === "maxResults" && a.query["maxResults"] !== undefined) {
        expect(a.query["maxResults"]).toBe(input["maxResults"]);
        queryWrongTypes++;
      }
    }
  });
});
