/**
 * The committed JSON Schema equals what zod generates now. To refresh it after changing
 * oracles/record-schema.ts: `UPDATE_RECORD_SCHEMA=1 npx vitest run tests/oracles/json-schema.test.ts`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordJsonSchema, recordJsonSchemaText, writeRecordJsonSchema } from "../../oracles/json-schema.js";
import { USER_IDENTITY_TYPES } from "../../oracles/record-schema.js";

const FILE = new URL("../../schemas/cloudtrail-record.schema.json", import.meta.url);

describe("schemas/cloudtrail-record.schema.json", () => {
  if (process.env["UPDATE_RECORD_SCHEMA"] === "1") writeRecordJsonSchema(FILE.pathname);

  it("equals the schema z.toJSONSchema generates from CloudTrailRecordSchema", () => {
    expect(readFileSync(FILE, "utf8"), "run with UPDATE_RECORD_SCHEMA=1 to refresh the committed file").toBe(recordJsonSchemaText());
  });

  it("is a draft 2020-12 schema that allows extra fields and requires the 1.0 always-present fields", () => {
    const schema = recordJsonSchema() as { $schema: string; required: string[]; additionalProperties: unknown; properties: Record<string, { oneOf?: unknown[] }> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.additionalProperties).toEqual({});
    expect(schema.required).toEqual(expect.arrayContaining(["eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "requestParameters"]));
    expect(schema.required).not.toContain("responseElements");
    expect(schema.properties["userIdentity"]!.oneOf).toHaveLength(USER_IDENTITY_TYPES.length);
  });
});
