/**
 * zod schemas built from the botocore model's input shapes, so that every constraint the model
 * states (required members, lengths, list sizes, integer ranges, enums, the UUID pattern, types) is
 * checked in one generic way. Unknown structure members are stripped, as AWS ignores them; a JSON
 * null for an optional member counts as absent.
 */
import { z } from "zod";
import { inspectorModel, shapeOf } from "../../model/service-model.js";

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

const cache = new Map<string, z.ZodType>();

/** The zod schema of the model shape `name` (cached; recursive shapes are not in this model). */
export function schemaOfShape(name: string): z.ZodType {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const built = build(name);
  cache.set(name, built);
  return built;
}

function build(name: string): z.ZodType {
  const shape = shapeOf(inspectorModel, name);
  switch (shape.type) {
    case "structure": {
      const required = new Set(shape.required ?? []);
      const members: Record<string, z.ZodType> = {};
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        const s = schemaOfShape(ref.shape);
        members[member] = required.has(member) ? s : s.nullish();
      }
      return z.object(members);
    }
    case "list": {
      let s = z.array(schemaOfShape(shape.member!.shape));
      if (shape.min !== undefined) s = s.min(shape.min);
      if (shape.max !== undefined) s = s.max(shape.max);
      return s;
    }
    case "map":
      return z.record(z.string(), schemaOfShape(shape.value!.shape));
    case "string": {
      if (shape.enum !== undefined) return z.enum(shape.enum as [string, ...string[]]);
      let s = z.string();
      if (shape.min !== undefined) s = s.min(shape.min);
      if (shape.max !== undefined) s = s.max(shape.max);
      if (shape.pattern !== undefined) s = s.regex(new RegExp(`^(?:${shape.pattern})$`));
      return s;
    }
    case "integer":
    case "long": {
      const range = DOCUMENTED_RANGES[name] ?? { min: shape.min, max: shape.max };
      let s = z.int();
      if (range.min !== undefined) s = s.min(range.min);
      if (range.max !== undefined) s = s.max(range.max);
      return s;
    }
    case "boolean":
      return z.boolean();
    case "double":
    case "float":
      return z.number();
    case "timestamp":
      // JSON 1.1 sends timestamps as epoch seconds (numbers, possibly fractional).
      return z.number();
    case "blob":
      return z.string();
  }
}
