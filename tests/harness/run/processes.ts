/** Test helpers: start `npm run emulator` or `moto_server` in another process, and run `npm run conformance`. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

/** The project root. */
export const ROOT = new URL("../../../", import.meta.url).pathname;

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The reference emulator as a separate process; resolves with its ready line. */
export async function startEmulatorProcess(extraArgs: string[] = []): Promise<{ child: ChildProcess; ready: Record<string, string> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", "--port", "0", ...extraArgs], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  });
  return { child, ready: JSON.parse(line) as Record<string, string> };
}

/** True when moto_server is on the PATH. */
export const hasMoto = (): boolean => spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status === 0;

/** moto_server on a free loopback port; resolves when it answers HTTP. */
export async function startMoto(): Promise<{ child: ChildProcess; endpoint: string }> {
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`${endpoint}/moto-api/`);
      return { child, endpoint };
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error("moto_server did not answer within 30 s");
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Runs `npm run conformance -- <args>` (through tsx) with `env`; resolves with its exit code, output and duration. */
export async function runConformanceProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return runScript("scripts/conformance.ts", args, env);
}

/** Runs `npm run check -- <args>` (through tsx) with `env`; resolves with its exit code, output and duration. */
export async function runCheckProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return runScript("scripts/check.ts", args, env);
}

/** Runs `npm run janitor -- <args>` (through tsx) with `env`; resolves with its exit code, output and duration. */
export async function runJanitorProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return runScript("scripts/janitor.ts", args, env);
}

/** Runs a script of scripts/ (through tsx) with `env` (and PATH, HOME); resolves with its exit code, output and duration. */
export async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"], HOME: process.env["HOME"], ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** The environment of an endpoint run against an emulator's ready line (standard AWS variables, plus root keys when given). */
export function endpointEnv(ready: Record<string, string>, root?: { accessKeyId: string; secretAccessKey: string }): NodeJS.ProcessEnv {
  return {
    CONFORMANCE_TARGET: "endpoint",
    AWS_ENDPOINT_URL: ready["endpoint"],
    AWS_REGION: ready["region"],
    AWS_ACCESS_KEY_ID: ready["accessKeyId"],
    AWS_SECRET_ACCESS_KEY: ready["secretAccessKey"],
    ...(root ? { CONFORMANCE_ROOT_ACCESS_KEY_ID: root.accessKeyId, CONFORMANCE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey } : {}),
  };
}
