/**
 * An independent checker of input values against the Inspector service model, written for the tests
 * (it shares no code with generators/): it lists every broken constraint with its path.
 */
import { inspectorModel } from "../../model/service-model.js";

/** One broken constraint. */
export interface Violation {
  path: string;
  constraint: string;
}

/** maxResults shapes have no range in the model; the API docs say 1..500 (facts file §1.2). */
function documentedRange(shapeName: string): { min?: number; max?: number } {
  return /MaxResults$/.test(shapeName) ? { min: 1, max: 500 } : {};
}

function at(path: string, seg: string | number): string {
  return typeof seg === "number" ? `${path}[${seg}]` : path === "" ? seg : `${path}.${seg}`;
}

/** Every constraint `value` breaks as a value of shape `shapeName`. */
export function violations(shapeName: string, value: unknown, path = ""): Violation[] {
  const shape = inspectorModel.shapes[shapeName];
  if (!shape) throw new Error(`no shape ${shapeName}`);
  const out: Violation[] = [];
  const v = (constraint: string) => out.push({ path: path === "" ? "(input)" : path, constraint });
  switch (shape.type) {
    case "structure": {
      if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
        v("wrongType");
        break;
      }
      const obj = value as Record<string, unknown>;
      for (const req of shape.required ?? []) if (!(req in obj)) out.push({ path: at(path, req), constraint: "missingRequired" });
      for (const [k, val] of Object.entries(obj)) {
        const member = shape.members?.[k];
        if (!member) out.push({ path: at(path, k), constraint: "unknownMember" });
        else out.push(...violations(member.shape, val, at(path, k)));
      }
      break;
    }
    case "list": {
      if (!Array.isArray(value)) {
        v("wrongType");
        break;
      }
      if (shape.min !== undefined && value.length < shape.min) v("tooFewItems");
      if (shape.max !== undefined && value.length > shape.max) v("tooManyItems");
      value.forEach((item, i) => out.push(...violations(shape.member!.shape, item, at(path, i))));
      break;
    }
    case "string": {
      if (typeof value !== "string") {
        v("wrongType");
        break;
      }
      if (shape.min !== undefined && value.length < shape.min) v("tooShort");
      if (shape.max !== undefined && value.length > shape.max) v("tooLong");
      if (shape.enum && !shape.enum.includes(value)) v("badEnum");
      if (shape.pattern && !new RegExp(shape.pattern).test(value)) v("badPattern");
      break;
    }
    case "integer":
    case "long": {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        v("wrongType");
        break;
      }
      const min = shape.min ?? documentedRange(shapeName).min;
      const max = shape.max ?? documentedRange(shapeName).max;
      if (min !== undefined && value < min) v("belowMinimum");
      if (max !== undefined && value > max) v("aboveMaximum");
      break;
    }
    case "timestamp":
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) v("wrongType");
      break;
    case "boolean":
      if (typeof value !== "boolean") v("wrongType");
      break;
    default:
      throw new Error(`checker does not handle ${shape.type}`);
  }
  return out;
}

/** The value at a printed path (`filter.durationRange.minSeconds`, `findingArns[0]`), or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === "(input)") return root;
  let cur: unknown = root;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = part.startsWith("[") ? (cur as unknown[])[Number(part.slice(1, -1))] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Whether the path exists (for missing-member checks). */
export function hasPath(root: unknown, path: string): boolean {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  const last = parts.pop();
  const parent = valueAt(root, parts.join(".").replace(/\.\[/g, "["));
  if (last === undefined || parent === null || typeof parent !== "object") return false;
  return last.startsWith("[") ? Number(last.slice(1, -1)) < (parent as unknown[]).length : Object.hasOwn(parent, last);
}
