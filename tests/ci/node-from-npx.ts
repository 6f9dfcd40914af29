/**
 * Other Node.js versions through the npm package `node` (`npx -y node@22`): npx fetches `node@22`
 * (which brings the official binary for this platform) from the npm registry on first use and keeps
 * it in its cache (~/.npm/_npx), so later runs need no network. A child process runs under it by
 * spawning the binary npx resolved, with its folder first on PATH (so a `node` the child starts is
 * the same version).
 */
import { spawn } from "node:child_process";
import { dirname } from "node:path";

/** What a child process did: its exit code (null when killed), its output, and how long it took. */
export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A Node.js binary npx provided. */
export interface NpxNode {
  /** `process.version` of that binary, e.g. `v22.23.3`. */
  version: string;
  /** The binary's path, inside npx's cache. */
  execPath: string;
  /** How long `npx -y node@MAJOR` took to answer (a fetch on first use, the cache after). */
  ms: number;
}

/**
 * The parent's environment less what would make a child vitest or node act as the parent's worker
 * (VITEST*, NODE_OPTIONS) and less the run's settings (CONFORMANCE_*, AWS_*, EMULATOR_*), so the child
 * runs on the embedded defaults whatever the shell had set.
 */
function cleanEnv(extraPath?: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_OPTIONS$|NODE_V8_COVERAGE$|CONFORMANCE_|AWS_|EMULATOR_)/.test(name)),
  );
  if (extraPath !== undefined) env["PATH"] = `${extraPath}:${process.env["PATH"] ?? ""}`;
  return { ...env, ...extra };
}

/** How to run a child: where, for how long at most, and what to add to its environment. */
export interface ChildOptions {
  cwd: string;
  timeoutMs: number;
  /** A folder put first on PATH. */
  pathFirst?: string;
  /** Variables set for the child on top of the parent's (npm's `npm_config_*`, for one). */
  env?: NodeJS.ProcessEnv;
}

/** Runs `command args` in `cwd` and resolves with its outcome; kills it after `timeoutMs`. */
export function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: cleanEnv(options.pathFirst, options.env), stdio: ["ignore", "pipe", "pipe"], timeout: options.timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) }));
  });
}

/** Runs `binary args` with the binary's folder first on PATH. */
export function runUnder(node: NpxNode, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<ChildOutcome> {
  return runChild(node.execPath, args, { ...options, pathFirst: dirname(node.execPath) });
}

/**
 * Node `major` through `npx -y node@MAJOR`. Rejects with a message that says what happened when npx
 * cannot provide it (no registry and nothing cached, for one): the caller fails, it does not skip.
 */
export async function nodeFromNpx(major: number, options: Omit<ChildOptions, "pathFirst">): Promise<NpxNode> {
  const spec = `node@${major}`;
  const out = await runChild("npx", ["-y", spec, "-p", "JSON.stringify([process.version, process.execPath])"], options);
  const tail = `${out.stderr}${out.stdout}`.trim().split("\n").slice(-8).join("\n");
  if (out.code !== 0) {
    throw new Error(
      `\`npx -y ${spec}\` could not provide Node ${major} (exit ${out.code ?? "killed"} after ${out.ms} ms). npx fetches the npm package ` +
        `${spec} from the npm registry on first use and keeps it in its cache; without the registry and without that cache, ` +
        `Node ${major} cannot be tested here. npx said:\n${tail}`,
    );
  }
  const [version, execPath] = JSON.parse(out.stdout.trim().split("\n").at(-1) ?? "[]") as [string?, string?];
  if (version?.startsWith(`v${major}.`) !== true || execPath === undefined) {
    throw new Error(`\`npx -y ${spec}\` did not run Node ${major}: it printed ${JSON.stringify(out.stdout.trim())}`);
  }
  return { version, execPath, ms: out.ms };
}
