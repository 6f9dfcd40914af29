/**
 * zod schemas of Inspector Classic's input shapes, from the generic model-driven builder
 * (emulator/core/shape-schemas.ts) with the ranges Classic's docs add to its model.
 */
import type { z } from "zod";
import { inspectorModel } from "../../model/service-model.js";
import { shapeSchemas } from "../core/shape-schemas.js";

/**
 * Ranges the docs state but the model does not: every maxResults shape is a bare integer in the
 * model; the API reference says "The default value is 10 [100 for GetExclusionsPreview and
 * ListExclusions]. The maximum value is 500."
 */
const DOCUMENTED_RANGES: Readonly<Record<string, { min: number; max: number }>> = {
  ListMaxResults: { min: 1, max: 500 },
  ListEventSubscriptionsMaxResults: { min: 1, max: 500 },
  PreviewAgentsMaxResults: { min: 1, max: 500 },
};

const schemas = shapeSchemas(inspectorModel, { documentedRanges: DOCUMENTED_RANGES });

/** The zod schema of the Classic model shape `name` (cached). */
export function schemaOfShape(name: string): z.ZodType {
  return schemas(name);
}
