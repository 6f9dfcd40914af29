/**
 * The JSON Schema of a CloudTrail record, generated from the zod schema by zod 4's own
 * `z.toJSONSchema`, for people who parse records outside TypeScript. Committed as
 * schemas/cloudtrail-record.schema.json; a test checks the file equals what zod generates now.
 */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { CloudTrailRecordSchema } from "./record-schema.js";

/** The JSON Schema (draft 2020-12) of a zod schema, as committed under schemas/`file`, with its id and title. */
export function jsonSchemaOf(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { target: "draft-2020-12" }), $id: `https://github.com/inspector-cloudtrail-conformance/schemas/${file}`, title };
}

/** A schema file's text: 2-space JSON with a final newline. */
export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The record's JSON Schema (draft 2020-12), with an id and a title. */
export function recordJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(CloudTrailRecordSchema, "cloudtrail-record.schema.json", "CloudTrail management-event record (as checked by the Amazon Inspector conformance oracles, Classic and v2)");
}

/** The schema file's text: 2-space JSON with a final newline. */
export function recordJsonSchemaText(): string {
  return jsonSchemaText(recordJsonSchema());
}

/** Writes the schema to `path` (the one function in oracles/ that does I/O, used to refresh the committed file). */
export function writeRecordJsonSchema(path: string): void {
  writeFileSync(path, recordJsonSchemaText());
}
