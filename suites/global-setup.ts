/**
 * Runs the conformance pipeline once for the whole `conformance` project (execute, collect, check,
 * write reports) and hands the report to the suite files, which assert one rule family each. The
 * run is `npm run conformance` in a child process, with this process's environment: the same
 * command a user runs, and half the time the same run took inside vitest's own process (10 s
 * against 21 s for `npx vitest run suites/`). Its report path is the `reports:` line it prints.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the reports/conformance.json the suites assert on. */
    conformanceReport: string;
  }
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** vitest globalSetup: one run per `vitest run`. */
export default async function setup(project: TestProject): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/conformance.ts"], { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    // "close": after the child's output has all been read.
    child.once("close", done);
  });
  const json = /^reports: (.+?\.json), /m.exec(stdout)?.[1];
  if (json === undefined) throw new Error(`npm run conformance exited ${code ?? "on a signal"} without writing its reports (its messages are above):\n${stdout.trim().split("\n").slice(-20).join("\n")}`);
  process.stderr.write(`${stdout.slice(0, stdout.lastIndexOf("reports: ")).trimEnd()}\n`);
  project.provide("conformanceReport", resolve(ROOT, json));
}
