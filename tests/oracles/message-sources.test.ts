/**
 * Every finding message cites its sources on a `See:` line: AWS's page by title and URL, and the
 * item of docs/decisions.md where the project decided; no message, and no file of the repository,
 * cites a document users do not have.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AWS_PAGES } from "../../oracles/aws-pages.js";
import { FindingCodeSchema, finding } from "../../oracles/finding.js";
import { messageParts, sourcesFor } from "../../oracles/messages.js";
import { failMessage } from "../../harness/report/check-messages.js";
import { InputCodeSchema, inputFinding } from "../../harness/validate/validation-finding.js";

const DECISIONS = readFileSync(new URL("../../docs/decisions.md", import.meta.url), "utf8");
/** The numbers of docs/decisions.md's items (`N. **…**`). */
const decisionNumbers = new Set([...DECISIONS.matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1])));
const AWS_URL = /^https:\/\/docs\.aws\.amazon\.com\/[\w/.-]+\.html(#[\w-]+)?$/;

/** The `"Title", URL` pairs of a See line. */
function citations(see: string): { title: string; url: string }[] {
  return [...see.matchAll(/"([^"]+)", (\S+?)(?=;|$)/g)].map((m) => ({ title: m[1]!, url: m[2]! }));
}

describe("See: lines", () => {
  it.each(FindingCodeSchema.options)("%s: the message ends with a See line of AWS pages by title and URL", (code) => {
    const { first, hint, see } = messageParts(finding(code, "x", 1, 2).message);
    expect(first).toMatch(new RegExp(`^\\[${code.replace(".", "\\.")}\\] `));
    expect(hint).toBeTruthy();
    expect(see).toBeTruthy();
    const cited = citations(see!);
    const { pages, decision } = sourcesFor(code);
    expect(cited).toEqual(pages.map((p) => ({ title: p.title, url: p.url })));
    for (const c of cited) expect(c.url).toMatch(AWS_URL);
    if (decision !== undefined) {
      expect(decisionNumbers.has(decision), `docs/decisions.md has no item ${decision}`).toBe(true);
      expect(see).toContain(`docs/decisions.md, decision ${decision}`);
    }
    // The hint says what to do; the sources are the See line's, not repeated in the hint.
    expect(hint).not.toMatch(/https?:\/\//);
  });

  it("every page named is a distinct AWS address with a title", () => {
    const pages = Object.values(AWS_PAGES);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    for (const p of pages) {
      expect(p.url).toMatch(AWS_URL);
      expect(p.title.length).toBeGreaterThan(5);
    }
  });

  it.each(InputCodeSchema.options)("%s (npm run validate): a See line too", (code) => {
    const { hint, see } = messageParts(inputFinding(code, { file: "f.json", line: 1 }, "", "a", "b").message);
    expect(hint).toBeTruthy();
    const cited = citations(see!);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(c.url).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|www\.rfc-editor\.org)\//);
  });

  it("a failing check's message carries the See line of its first finding", () => {
    const f = finding("identity.type_mismatch", "userIdentity.type", "AssumedRole", "IAMUser");
    const msg = failMessage(1, 3, "call", [f], []);
    expect(msg).toContain(`See: "${AWS_PAGES.userIdentity.title}", ${AWS_PAGES.userIdentity.url}.`);
  });
});

describe("what the repository cites", () => {
  it("no tracked file points users at a design file or a facts file they do not have", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: new URL("../..", import.meta.url), encoding: "utf8" }).split("\n").filter((f) => f && !f.endsWith(".gz") && !f.endsWith(".png"));
    // Spelled in pieces so that this file does not match itself.
    const banned = [["DESIGN", ".md"], ["..", "/shared"], ["facts ", "§"]].map((p) => p.join(""));
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
      for (const b of banned) if (text.includes(b)) hits.push(`${file}: ${b}`);
    }
    expect(hits).toEqual([]);
  });
});
