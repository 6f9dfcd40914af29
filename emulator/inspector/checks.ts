/** Semantic input checks shared by several operations (beyond what the model's shapes state). */
import { invalidInput } from "./errors.js";
import type { KeyValue } from "./state.js";

/**
 * Rejects a key/value list with a repeated key, with `errorCode`. The model documents this for
 * template user attributes ("Within an assessment template, each key must be unique"); the emulator
 * applies the same rule to tags and resource group tags.
 */
export function checkUniqueKeys(list: readonly KeyValue[], errorCode: string): void {
  const seen = new Set<string>();
  for (const item of list) {
    if (seen.has(item.key)) throw invalidInput(errorCode, `The key '${item.key}' appears more than once.`);
    seen.add(item.key);
  }
}
