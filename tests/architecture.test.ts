/**
 * The independence the project rests on: the emulator and the oracles are two readings of AWS's
 * documents and share nothing but neutral data (model/) and, for the oracles, the history contract
 * (history/, which uses model/ for the service ids). Generators do not know the emulator exists. Checked on every import of every file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(new URL("..", import.meta.url).pathname);

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The top-level folders `dir`'s files import from (relative imports only). */
function importedFolders(dir: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const file of filesUnder(dir)) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!));
      const top = target.split("/")[0]!;
      if (top !== dir) seen.set(top, [...(seen.get(top) ?? []), `${file} -> ${target}`]);
    }
  }
  return seen;
}

const ALLOWED: Record<string, readonly string[]> = {
  emulator: ["model"],
  oracles: ["model", "history"],
  history: ["model"],
  model: [],
  generators: ["model", "history"],
};

describe("who may import whom", () => {
  it.each(Object.keys(ALLOWED))("%s imports only from itself and the folders ALLOWED names", (dir) => {
    const bad = [...importedFolders(dir)].filter(([top]) => !ALLOWED[dir]!.includes(top)).flatMap(([, where]) => where);
    expect(bad).toEqual([]);
  });
});
