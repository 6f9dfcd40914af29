/**
 * Expectations (`--expectations FILE`, `--strict`, `--update-expectations FILE`), end to end with
 * runConformance against the embedded emulator, with an injected fault where failures are needed:
 * expected failures pass (exit 0, "pass with N expected failures"); an unexpected failure fails
 * (exit 1); an unexpected pass is reported, and fails only with --strict; a bad file stops the run
 * before anything runs (exit 2) naming the file and the problem; the updated file makes the next
 * run pass. The committed JSON Schema is the one zod generates.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { smallRun, tempDirs } from "../small-runs.js";
import { ConfigError, resolveRunConfig, type RunConfig } from "../../../harness/config.js";
import {
  applyExpectations,
  CHECK_ID_PATTERN,
  expectationsJsonSchemaText,
  ExpectationsFileSchema,
  parseExpectations,
  updatedExpectations,
  type ExpectationsFile,
} from "../../../harness/report/expectations.js";
import { ConformanceReportSchema, type ConformanceReport } from "../../../harness/report/schema.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { runConformanceProcess } from "../run/processes.js";

const tempDir = tempDirs("conformance-expectations-");

/** Describe and List calls log their response: every Classic read's logging check fails. */
const FAULT = "describe-logs-response";
const SMALL = { runs: 4, maxCommands: 4, services: ["inspector"] } as const;

function run(flags: Partial<Record<keyof RunConfig, unknown>>, fault?: string): Promise<ConformanceRun> {
  return smallRun(SMALL, flags, tempDir(), fault);
}

const writeJson = (value: unknown): string => {
  const file = join(tempDir(), "expectations.json");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
};
const failingIds = (r: ConformanceReport): string[] => r.checks.filter((c) => c.severity === "required" && c.status === "fail").map((c) => c.id);
const fileOf = (ids: readonly string[], extra: ExpectationsFile["expectations"] = {}): ExpectationsFile => ({
  schemaVersion: 1,
  expectations: { ...Object.fromEntries(ids.map((id) => [id, { status: "fail" as const, reason: "Describe calls log their response", link: "https://example.com/issues/1" }])), ...extra },
});

describe("expectations, end to end", () => {
  let faulty: ConformanceRun;
  let faithful: ConformanceRun;
  let updated: string;
  beforeAll(async () => {
    updated = join(tempDir(), "written", "expectations.json");
    faulty = await run({ updateExpectations: updated }, FAULT);
    faithful = await run({});
  }, 120_000);

  it("without expectations the faulty run fails and the faithful one passes; the report says expectations: null", () => {
    expect(faulty.exitCode).toBe(1);
    expect(failingIds(faulty.report).length).toBeGreaterThan(3);
    expect(faulty.report.expectations).toBeNull();
    expect(faithful.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(faulty.paths.json, "utf8")).expectations).toBeNull();
  });

  it("--update-expectations writes every failing check, sorted, reason TODO, no link, as 2-space JSON", () => {
    const text = readFileSync(updated, "utf8");
    const file = ExpectationsFileSchema.parse(JSON.parse(text));
    const ids = Object.keys(file.expectations);
    expect(ids).toEqual([...failingIds(faulty.report)].sort());
    expect(Object.values(file.expectations).every((e) => e.status === "fail" && e.reason === "TODO" && e.link === undefined)).toBe(true);
    expect(text).toBe(`${JSON.stringify(file, null, 2)}\n`);
  });

  it("the updated file makes the next run pass with N expected failures (exit 0), in the report and on the console", async () => {
    const next = await run({ expectations: updated }, FAULT);
    const n = failingIds(faulty.report).length;
    expect(next.exitCode).toBe(0);
    expect(next.report.verdict).toBe("pass");
    expect(next.report.services[0]!.verdict).toBe("pass");
    expect(next.report.expectations).toEqual({ file: updated, expectedFailures: n, unexpectedFailures: [], unexpectedPasses: [], strict: false });
    expect(next.report.messages[0]).toBe(`Expectations ${updated}: pass with ${n} expected failures.`);
    expect(next.summary).toContain(`pass with ${n} expected failures`);
    const written = ConformanceReportSchema.parse(JSON.parse(readFileSync(next.paths.json, "utf8")));
    expect(written.expectations?.expectedFailures).toBe(n);
    // The checks keep their own status: the deviations are still there to see.
    expect(failingIds(written)).toEqual(failingIds(faulty.report));
  }, 60_000);

  it("a failure the file does not list is an unexpected failure (exit 1), named", async () => {
    const [left, ...listed] = failingIds(faulty.report);
    const next = await run({ expectations: writeJson(fileOf(listed)) }, FAULT);
    expect(next.exitCode).toBe(1);
    expect(next.report.verdict).toBe("fail");
    expect(next.report.expectations).toMatchObject({ expectedFailures: listed.length, unexpectedFailures: [left], unexpectedPasses: [] });
    expect(next.report.messages[0]).toMatch(new RegExp(`: fail with ${listed.length} expected failures; 1 unexpected failure \\(failing, not in the file\\): ${left!.replace(/[*/]/g, "\\$&")}`));
  }, 60_000);

  it("a check the file expects to fail that passes is reported; it fails the run only with --strict (CONFORMANCE_STRICT)", async () => {
    const id = failingIds(faulty.report)[0]!;
    const file = writeJson(fileOf([id]));
    const lenient = await run({ expectations: file });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.report.expectations).toMatchObject({ expectedFailures: 0, unexpectedFailures: [], unexpectedPasses: [id], strict: false });
    expect(lenient.report.messages[0]).toMatch(/pass with 0 expected failures; 1 unexpected pass .*they fail the run only with --strict/);
    const config = resolveRunConfig({ ...SMALL, reportsDir: tempDir() }, { CONFORMANCE_EXPECTATIONS: file, CONFORMANCE_STRICT: "1" });
    const strict = await runConformance(config, {}, () => undefined);
    expect(strict.exitCode).toBe(1);
    expect(strict.report.verdict).toBe("fail");
    expect(strict.report.expectations).toMatchObject({ unexpectedPasses: [id], strict: true });
    expect(strict.report.messages[0]).toMatch(/strict: this fails the run/);
  }, 60_000);

  it("update keeps the reason and link of an entry still failing and drops one that passes", () => {
    const [kept, ...rest] = failingIds(faulty.report);
    const passing = faithful.report.checks.find((c) => c.status === "pass")!.id;
    const previous = { file: "x.json", expectations: { [kept!]: { status: "fail" as const, reason: "known", link: "https://example.com/1" }, [passing]: { status: "fail" as const, reason: "fixed since" } } };
    const next = updatedExpectations(faulty.report, previous);
    expect(next.expectations[kept!]).toEqual({ status: "fail", reason: "known", link: "https://example.com/1" });
    expect(next.expectations[passing]).toBeUndefined();
    expect(rest.every((id) => next.expectations[id]?.reason === "TODO")).toBe(true);
  });
});

describe("a bad expectations file stops the run before anything runs (exit 2), naming the file and the problem", () => {
  const cases: [string, unknown, RegExp][] = [
    ["not JSON", "{ schemaVersion: 1,", /not JSON/],
    ["another version", { schemaVersion: 2, expectations: {} }, /schemaVersion: Invalid input: expected 1/],
    ["a status other than fail or unknown", { schemaVersion: 1, expectations: { "inspector:ListFindings/echo": { status: "flaky", reason: "r" } } }, /expectations\.inspector:ListFindings\/echo\.status/],
    ["no reason", { schemaVersion: 1, expectations: { "inspector:ListFindings/echo": { status: "fail" } } }, /reason/],
    ["a link that is not https", { schemaVersion: 1, expectations: { "inspector:ListFindings/echo": { status: "fail", reason: "r", link: "ftp://x" } } }, /must be an https:\/\/ URL/],
    ["an id that is not a check id", { schemaVersion: 1, expectations: { "inspector:ListFindings": { status: "fail", reason: "r" } } }, /inspector:ListFindings.*is not a check id/],
    ["an unknown field", { schemaVersion: 1, expectations: {}, extra: true }, /Unrecognized key/],
  ];

  it.each(cases)("%s", async (_, content, problem) => {
    const file = writeJson(content);
    const reportsDir = join(tempDir(), "never-written");
    const err = await runConformance(resolveRunConfig({ ...SMALL, reportsDir, expectations: file }, {}), {}, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(`expectations file ${file}`);
    expect((err as Error).message).toMatch(problem);
    expect(existsSync(reportsDir)).toBe(false);
  });

  it("a file that does not exist, and a bad file to update, are refused the same way", async () => {
    const missing = join(tempDir(), "absent.json");
    await expect(runConformance(resolveRunConfig({ ...SMALL, expectations: missing }, {}), {}, () => undefined)).rejects.toThrow(/expectations file .*absent\.json: cannot be read/);
    await expect(runConformance(resolveRunConfig({ ...SMALL, updateExpectations: writeJson("[") }, {}), {}, () => undefined)).rejects.toThrow(/not JSON/);
  });

  it("npm run conformance exits 2 with 'Nothing was run'", { timeout: 60_000 }, async () => {
    const file = writeJson({ schemaVersion: 1, expectations: { "ListFindings/echo": { status: "fail", reason: "r" } } });
    const out = await runConformanceProcess(["--expectations", file, "--reports-dir", join(tempDir(), "never")], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`expectations file ${file}`);
    expect(out.stderr).toContain("is not a check id");
    expect(out.stderr).toContain("Nothing was run (exit 2).");
  });
});

describe("applyExpectations (the pure verdict function)", () => {
  const base = (): ConformanceReport => {
    const check = (id: string, status: "pass" | "fail" | "unknown" | "na"): ConformanceReport["checks"][number] => {
      const [service, rest] = id.split(":") as ["inspector", string];
      const [operation, property] = rest.split("/") as [string, string];
      return { id, service, operation, property, status, severity: "required", count: 1, failed: status === "fail" ? 1 : 0, advisories: 0, message: "", counterexample: null };
    };
    return ConformanceReportSchema.parse({
      schemaVersion: 2, target: "embedded", endpoint: null, region: "us-east-1", seed: 1, runs: 1, rulesEdition: "2020", mode: "interactive",
      startedAt: "2026-01-01T00:00:00.000Z", endedAt: "2026-01-01T00:00:01.000Z", clockSkewMs: 5000, calls: 3, records: 3, verdict: "fail",
      services: [{ service: "inspector", title: "Amazon Inspector Classic", verdict: "fail", calls: 3, records: 3, operations: 2, seconds: null, messages: [], unverified: [] }],
      exitCode: 1, messages: ["1 required check failed"], incidents: [],
      checks: [
        check("inspector:ListFindings/echo", "fail"), check("inspector:ListFindings/error", "pass"),
        check("inspector:DescribeFindings/echo", "pass"), check("inspector:DescribeFindings/error", "unknown"),
      ],
      identities: [], coverage: [], collection: { requests: 0, throttled: 0, missing: 0, duplicatesCollapsed: 0, unsupported: [] }, findingsByCode: {}, historyFile: null, recordsFile: null,
    });
  };
  const loaded = (expectations: ExpectationsFile["expectations"]) => ({ file: "e.json", expectations });

  it("expected failure -> pass (exit 0); no expectations -> the report as it was", () => {
    const r = applyExpectations(base(), loaded({ "inspector:ListFindings/echo": { status: "fail", reason: "r" } }), false);
    expect([r.verdict, r.exitCode, r.expectations?.expectedFailures]).toEqual(["pass", 0, 1]);
    const none = applyExpectations(base(), null, true);
    expect([none.verdict, none.exitCode, none.expectations]).toEqual(["fail", 1, null]);
  });

  it("an `unknown` expectation of a failing check is an unexpected failure; of a passing one an unexpected pass; of an unknown one nothing", () => {
    const r = applyExpectations(
      base(),
      loaded({
        "inspector:ListFindings/echo": { status: "unknown", reason: "r" },
        "inspector:DescribeFindings/echo": { status: "unknown", reason: "r" },
        "inspector:DescribeFindings/error": { status: "unknown", reason: "r" },
      }),
      false,
    );
    expect(r.expectations).toMatchObject({ expectedFailures: 0, unexpectedFailures: ["inspector:ListFindings/echo"], unexpectedPasses: ["inspector:DescribeFindings/echo"] });
    expect(r.exitCode).toBe(1);
  });

  it("applying twice replaces the first message, and an expectation about a check not made is said", () => {
    const e = loaded({ "inspector:ListFindings/echo": { status: "fail", reason: "r" }, "inspector2:ListFilters/echo": { status: "fail", reason: "r" } });
    const twice = applyExpectations(applyExpectations(base(), e, false), e, false);
    expect(twice.messages.filter((m) => m.startsWith("Expectations "))).toEqual(["Expectations e.json: pass with 1 expected failure; 1 expectation names a check this run did not make."]);
  });

  it("check ids: the shapes checks have, and nothing else", () => {
    for (const ok of ["inspector2:ListFilters/echo", "inspector:*/identity:Root", "inspector:*/completeness", "inspector2:BatchGetCodeSnippet/shape"]) expect(ok).toMatch(CHECK_ID_PATTERN);
    for (const bad of ["inspector3:ListFilters/echo", "inspector:ListFilters", "inspector:ListFilters/fixture", "inspector:*/identity:Robot", "ListFilters/echo", "inspector:listFilters/echo"]) expect(bad).not.toMatch(CHECK_ID_PATTERN);
    expect(() => parseExpectations(JSON.stringify({ schemaVersion: 1, expectations: { "inspector:*/identity:Root": { status: "unknown", reason: "no root keys" } } }), "f")).not.toThrow();
  });

  it("schemas/expectations.schema.json is what zod generates from the file's schema", () => {
    expect(readFileSync(new URL("../../../schemas/expectations.schema.json", import.meta.url), "utf8")).toBe(expectationsJsonSchemaText());
  });
});
