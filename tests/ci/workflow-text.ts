/**
 * What the workflow test reads from a workflow's text besides actionlint's verdict: the npm scripts
 * its steps run, and the permissions it grants for writing.
 */

/** The npm scripts a workflow's `run:` steps call: `npm run NAME` (also `npm run -s NAME`) and `npm test`, each once, in order. */
export function npmScriptsOf(workflow: string): string[] {
  const names = [...workflow.matchAll(/\bnpm\s+(?:run|run-script)\s+(?:--?[a-z-]+\s+)*([A-Za-z0-9:_.-]+)|\bnpm\s+(test)\b/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return [...new Set(names)];
}

/** Every `scope: write` permission a workflow grants (in `permissions:` blocks, at any level), as `scope: write`. */
export function writePermissionsOf(workflow: string): string[] {
  return [...workflow.matchAll(/^\s+([a-z-]+):\s*write\s*$/gm)].map((m) => `${m[1]}: write`);
}

/** The names of a workflow's jobs (the keys two spaces in under `jobs:`). */
export function jobNamesOf(workflow: string): string[] {
  const jobs = workflow.split(/^jobs:\s*$/m)[1] ?? "";
  return [...jobs.matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_-]*):\s*$/gm)].map((m) => m[1]!);
}
