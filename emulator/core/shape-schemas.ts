/**
 * zod schemas built from a botocore model's shapes, so that every constraint a model states (required
 * members, lengths, list and map sizes, integer ranges, enums, patterns, unions, types) is checked in
 * one generic way for every service. Unknown structure members are stripped, as AWS ignores them; a
 * JSON null for an optional member counts as absent. Patterns must match the whole value (Coral's
 * full-match reading of the model's `pattern`; the models write no anchors).
 */
import { z } from "zod";
import { shapeOf, type ModelDocument } from "../../model/service-model.js";

/** How one service reads its model. */
export interface ShapeSchemaOptions {
  /** Ranges the service's docs state but its model does not, by shape name. */
  documentedRanges?: Readonly<Record<string, { min: number; max: number }>>;
  /**
   * Also check map keys against their key shape, map entry counts, and the decoded size of blobs
   * (rest-json services; Inspector Classic's validator never did, and keeps its behaviour).
   */
  constrainMapsAndBlobs?: boolean;
}

/** Message of the issue a union with zero or several members set raises. */
export const UNION_MESSAGE = "Member must have exactly one of its members set";

/** A pattern of the model as a full-match RegExp; `\p{…}` classes need the `u` flag. */
export function modelPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, pattern.includes("\\p{") ? "u" : "");
}

/** Builds (and caches) the zod schema of each shape of `model` on demand. */
export function shapeSchemas(model: ModelDocument, options: ShapeSchemaOptions = {}): (name: string) => z.ZodType {
  const cache = new Map<string, z.ZodType>();
  const schemaOf = (name: string): z.ZodType => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const built = build(name);
    cache.set(name, built);
    return built;
  };

  function build(name: string): z.ZodType {
    const shape = shapeOf(model, name);
    switch (shape.type) {
      case "structure": {
        const required = new Set(shape.required ?? []);
        const members: Record<string, z.ZodType> = {};
        for (const [member, ref] of Object.entries(shape.members ?? {})) {
          const s = schemaOf(ref.shape);
          members[member] = required.has(member) ? s : s.nullish();
        }
        const object = z.object(members);
        if (!shape.union) return object;
        return object.superRefine((value, ctx) => {
          const set = Object.values(value).filter((v) => v !== undefined && v !== null).length;
          if (set !== 1) ctx.addIssue({ code: "custom", message: UNION_MESSAGE });
        });
      }
      case "list": {
        let s = z.array(schemaOf(shape.member!.shape));
        if (shape.min !== undefined) s = s.min(shape.min);
        if (shape.max !== undefined) s = s.max(shape.max);
        return s;
      }
      case "map": {
        if (!options.constrainMapsAndBlobs) return z.record(z.string(), schemaOf(shape.value!.shape));
        const record = z.record(schemaOf(shape.key!.shape) as z.ZodType<string>, schemaOf(shape.value!.shape));
        const { min, max } = shape;
        if (min === undefined && max === undefined) return record;
        return record.superRefine((value, ctx) => {
          const n = Object.keys(value).length;
          if (min !== undefined && n < min) ctx.addIssue({ code: "too_small", origin: "array", minimum: min, inclusive: true, input: value, message: "" });
          if (max !== undefined && n > max) ctx.addIssue({ code: "too_big", origin: "array", maximum: max, inclusive: true, input: value, message: "" });
        });
      }
      case "string": {
        if (shape.enum !== undefined) return z.enum(shape.enum as [string, ...string[]]);
        let s = z.string();
        if (shape.min !== undefined) s = s.min(shape.min);
        if (shape.max !== undefined) s = s.max(shape.max);
        if (shape.pattern !== undefined) s = s.regex(modelPattern(shape.pattern));
        return s;
      }
      case "integer":
      case "long": {
        const range = options.documentedRanges?.[name] ?? { min: shape.min, max: shape.max };
        let s = z.int();
        if (range.min !== undefined) s = s.min(range.min);
        if (range.max !== undefined) s = s.max(range.max);
        return s;
      }
      case "boolean":
        return z.boolean();
      case "double":
      case "float": {
        let s = z.number();
        if (options.constrainMapsAndBlobs && shape.min !== undefined) s = s.min(shape.min);
        if (options.constrainMapsAndBlobs && shape.max !== undefined) s = s.max(shape.max);
        return s;
      }
      case "timestamp":
        // JSON bodies (JSON 1.1 and rest-json) carry timestamps as epoch seconds, possibly fractional.
        return z.number();
      case "blob": {
        if (!options.constrainMapsAndBlobs || (shape.min === undefined && shape.max === undefined)) return z.string();
        const { min, max } = shape;
        // A JSON blob is base64 text; its constraints count the decoded bytes.
        return z.string().superRefine((text, ctx) => {
          const bytes = Buffer.from(text, "base64").length;
          if (min !== undefined && bytes < min) ctx.addIssue({ code: "too_small", origin: "string", minimum: min, inclusive: true, input: text, message: "" });
          if (max !== undefined && bytes > max) ctx.addIssue({ code: "too_big", origin: "string", maximum: max, inclusive: true, input: text, message: "" });
        });
      }
    }
  }

  return schemaOf;
}
