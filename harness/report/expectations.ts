/**
 * Expectations: a target's known deviations, recorded per check id with a reason and a link, the way
 * web-platform-tests keeps expectation files and test262 runners keep lists of known failures. Against
 * them a run passes with N expected failures (exit 0); a failure not in the file fails it (exit 1); a
 * check the file expects to fail that passed is reported, and fails the run only when strict.
 * Checks that are `unknown` or `na` follow the verdict rules of verdict.ts unchanged.
 *
 * The file (`--expectations FILE`, JSON Schema in schemas/expectations.schema.json):
 * `{ "schemaVersion": 1, "expectations": { "<check id>": { "status": "fail" | "unknown", "reason": "...", "link": "https://..." } } }`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { jsonSchemaOf, jsonSchemaText } from "../../oracles/json-schema.js";
import { IdentityKindSchema } from "../../history/observed-call.js";
import { SERVICE_IDS, type ServiceId } from "../../model/services.js";
import { ConfigError, type Shard } from "../config.js";
import { ALL_OPERATIONS, CHECK_PROPERTIES } from "./properties.js";
import type { ConformanceReport } from "./schema.js";
import { unsupportedOf } from "./unsupported.js";
import { exitCodeOf, verdictOf, type Verdict } from "./verdict.js";

/** The version of the expectations file format. */
export const EXPECTATIONS_SCHEMA_VERSION = 1;

/**
 * The shape of a check id: `<service>:<operation>/<family>` (`inspector2:ListFilters/echo`), or a
 * run-wide check `<service>:*\/<family>` and `<service>:*\/identity:<Kind>` (harness/report/checks.ts).
 */
export const CHECK_ID_PATTERN = new RegExp(
  `^(${SERVICE_IDS.join("|")}):(\\${ALL_OPERATIONS}|[A-Z][A-Za-z0-9]*)/(${CHECK_PROPERTIES.join("|")}|identity:(${IdentityKindSchema.options.join("|")}))$`,
);

/** One known deviation: the status the check is expected to have, why, and where it is tracked. */
export const ExpectationSchema = z.strictObject({
  /** `fail`: a known failure; `unknown`: a check the target is known not to let the run observe. */
  status: z.enum(["fail", "unknown"]),
  reason: z.string().min(1),
  /** An issue or document that explains the deviation. */
  link: z.string().regex(/^https:\/\/\S+$/, "must be an https:// URL").optional(),
});

/** One known deviation. */
export type Expectation = z.infer<typeof ExpectationSchema>;

/** The expectations file. */
export const ExpectationsFileSchema = z.strictObject({
  schemaVersion: z.literal(EXPECTATIONS_SCHEMA_VERSION),
  expectations: z.record(
    z.string().regex(CHECK_ID_PATTERN, "is not a check id such as inspector2:ListFilters/echo or inspector:*/identity:Root"),
    ExpectationSchema,
  ),
});

/** An expectations file's content. */
export type ExpectationsFile = z.infer<typeof ExpectationsFileSchema>;

/** Expectations as a run uses them: where they were read from, and what they say. */
export interface LoadedExpectations {
  file: string;
  expectations: ExpectationsFile["expectations"];
}

/** The JSON Schema of the file (draft 2020-12), generated from ExpectationsFileSchema, with an id and a title. */
export function expectationsJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(ExpectationsFileSchema, "expectations.schema.json", "Known deviations of a target, by conformance check id (npm run conformance -- --expectations FILE)");
}

/** The schema file's text: 2-space JSON with a final newline. */
export function expectationsJsonSchemaText(): string {
  return jsonSchemaText(expectationsJsonSchema());
}

/**
 * Parses an expectations file's text.
 * @throws ConfigError naming `file` and each problem (not JSON, not the schema, an id that is not a check id).
 */
export function parseExpectations(text: string, file: string): LoadedExpectations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`expectations file ${file}: not JSON (${err instanceof Error ? err.message : String(err)}). Fix the file (its schema: schemas/expectations.schema.json).`);
  }
  const parsed = ExpectationsFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const at = issue.path.map(String).join(".");
      // A bad check id (a record key): zod says "Invalid key in record" and keeps why in the issue's own issues.
      const message = issue.code === "invalid_key" ? issue.issues.map((i) => i.message).join("; ") : issue.message;
      return `  ${at === "" ? "(top level)" : at}: ${message}`;
    });
    throw new ConfigError(`expectations file ${file}: does not follow schemas/expectations.schema.json:\n${lines.join("\n")}\nFix the file, or write it from a run (--update-expectations).`);
  }
  return { file, expectations: parsed.data.expectations };
}

/**
 * Reads and parses an expectations file.
 * @throws ConfigError when it cannot be read or is not a valid expectations file.
 */
export function loadExpectations(file: string): LoadedExpectations {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError(`expectations file ${file}: cannot be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  return parseExpectations(text, file);
}

/** Reads an expectations file if it exists (undefined when it does not); a file that exists must be valid. */
export function loadExpectationsIfPresent(file: string): LoadedExpectations | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(`expectations file ${file}: cannot be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  return parseExpectations(text, file);
}

/** How a run did against its expectations (the report's `expectations`). */
export interface ExpectationsOutcome {
  file: string;
  /** Required checks that failed as the file expects. */
  expectedFailures: number;
  /** Required checks that failed and that the file does not expect to fail, by id. */
  unexpectedFailures: string[];
  /** Checks that passed and that the file expects to fail (or to be unknown), by id. */
  unexpectedPasses: string[];
  /** Whether an unexpected pass fails the run. */
  strict: boolean;
}

/** The verdicts of each service and of the run, from checks whose status `statusOf` gives. */
export function verdictsOf(
  report: Pick<ConformanceReport, "checks" | "incidents"> & { collection: Pick<ConformanceReport["collection"], "unsupported">; services: readonly { service: ServiceId }[] },
  statusOf: (check: ConformanceReport["checks"][number]) => ConformanceReport["checks"][number]["status"] = (c) => c.status,
): { run: Verdict; services: Map<ServiceId, Verdict> } {
  const services = new Map<ServiceId, Verdict>();
  for (const s of report.services) {
    const checks = report.checks.filter((c) => c.service === s.service).map((c) => ({ ...c, status: statusOf(c) }));
    services.set(s.service, verdictOf(checks, unsupportedOf(report.collection.unsupported, s.service), report.incidents));
  }
  return { run: worstOf([...services.values()]), services };
}

/** fail if one is fail, else unknown if one is unknown, else pass. */
export function worstOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) return "fail";
  return verdicts.includes("unknown") ? "unknown" : "pass";
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const listed = (ids: readonly string[], max = 8): string => (ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} and ${ids.length - max} more`);

/** What the run against the file says first: "pass with N expected failures", or what broke it. */
function outcomeMessage(verdict: Verdict, o: ExpectationsOutcome, unmatched: number): string {
  const parts: string[] = [];
  const expected = plural(o.expectedFailures, "expected failure");
  if (o.unexpectedFailures.length > 0) {
    parts.push(`${plural(o.unexpectedFailures.length, "unexpected failure")} (failing, not in the file): ${listed(o.unexpectedFailures)}; fix them, or record them with --update-expectations`);
  }
  if (o.unexpectedPasses.length > 0) {
    parts.push(
      `${plural(o.unexpectedPasses.length, "unexpected pass", "unexpected passes")} (the file lists them as failing or unknown): ${listed(o.unexpectedPasses)}; remove them from the file${o.strict ? " (strict: this fails the run)" : " (they fail the run only with --strict)"}`,
    );
  }
  if (unmatched > 0) parts.push(`${plural(unmatched, "expectation")} name${unmatched === 1 ? "s" : ""} a check this run did not make`);
  const head = `Expectations ${o.file}: ${verdict} with ${expected}`;
  return parts.length === 0 ? `${head}.` : `${head}; ${parts.join("; ")}.`;
}

/**
 * The report judged against `expectations` (pure: a new report; the checks keep their own status).
 * A required check failing as expected counts as observed and passing for the verdict; one failing
 * unexpectedly fails the run; a passing check the file expects to fail (or to be unknown) is an
 * unexpected pass, which fails the run when `strict`. A check the file expects to be unknown that
 * fails is an unexpected failure. Unknown and na checks follow the normal verdict rules. The
 * verdict, each service's verdict, the exit code and the first message are recomputed; with no
 * expectations the report is returned with `expectations: null`.
 */
export function applyExpectations(report: ConformanceReport, expectations: LoadedExpectations | null, strict: boolean): ConformanceReport {
  if (expectations === null) return { ...report, expectations: null };
  const known = expectations.expectations;
  const expectedIds = new Set<string>();
  const unexpectedFailures: string[] = [];
  const unexpectedPasses: string[] = [];
  for (const c of report.checks) {
    const e = known[c.id];
    if (c.severity === "required" && c.status === "fail") {
      if (e?.status === "fail") expectedIds.add(c.id);
      else unexpectedFailures.push(c.id);
    } else if (c.status === "pass" && e !== undefined) {
      unexpectedPasses.push(c.id);
    }
  }
  const ids = new Set(report.checks.map((c) => c.id));
  const unmatched = Object.keys(known).filter((id) => !ids.has(id)).length;
  const judged = verdictsOf(report, (c) => (expectedIds.has(c.id) ? "pass" : c.status));
  const passesFail = strict ? new Set(report.checks.filter((c) => unexpectedPasses.includes(c.id)).map((c) => c.service)) : new Set<ServiceId>();
  const serviceVerdict = (id: ServiceId): Verdict => (passesFail.has(id) ? "fail" : (judged.services.get(id) ?? "unknown"));
  const verdict = worstOf(report.services.map((s) => serviceVerdict(s.service)));
  const outcome: ExpectationsOutcome = { file: expectations.file, expectedFailures: expectedIds.size, unexpectedFailures, unexpectedPasses, strict };
  // A message an earlier application of expectations wrote is replaced, not repeated.
  const messages = report.messages.filter((m) => !m.startsWith("Expectations "));
  return {
    ...report,
    verdict,
    exitCode: exitCodeOf(verdict),
    services: report.services.map((s) => ({ ...s, verdict: serviceVerdict(s.service) })),
    messages: [outcomeMessage(verdict, outcome, unmatched), ...messages],
    expectations: outcome,
  };
}

/**
 * The expectations file a run's report makes: one `fail` entry per required failing check, sorted by
 * id, keeping the reason and link of an entry of `previous` that is still failing (a new one gets
 * reason "TODO" and no link). Entries of `previous` that the run cannot contradict are kept too: an
 * `unknown` entry whose check is still unknown, and an entry about a check the run did not make
 * (another service, say).
 */
export function updatedExpectations(report: Pick<ConformanceReport, "checks">, previous: LoadedExpectations | undefined): ExpectationsFile {
  const before = previous?.expectations ?? {};
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  const next: Record<string, Expectation> = {};
  for (const c of report.checks) {
    if (c.severity !== "required" || c.status !== "fail") continue;
    const old = before[c.id];
    next[c.id] = old?.status === "fail" ? { status: "fail", reason: old.reason, ...(old.link !== undefined ? { link: old.link } : {}) } : { status: "fail", reason: "TODO" };
  }
  for (const [id, old] of Object.entries(before)) {
    const check = byId.get(id);
    if (check === undefined || (old.status === "unknown" && check.status === "unknown")) next[id] = old;
  }
  const sorted = Object.fromEntries(Object.keys(next).sort().map((id) => [id, next[id]!]));
  return { schemaVersion: EXPECTATIONS_SCHEMA_VERSION, expectations: sorted };
}

/** The file's text: 2-space JSON with a final newline. */
export function expectationsText(file: ExpectationsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes `file` (mkdir -p of its folder). */
export function writeExpectations(path: string, file: ExpectationsFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, expectationsText(file), "utf8");
}

/** What a run reads before it starts: the expectations to judge it by, and the file to update, as it is now. */
export interface RunExpectations {
  judge: LoadedExpectations | null;
  update: { path: string; previous: LoadedExpectations | undefined } | undefined;
}

/**
 * Reads the run's expectations files before anything runs (a bad file stops the run: ConfigError).
 * The file to update may not exist yet; the reasons it keeps come from it, else from the judged file.
 */
export function loadRunExpectations(config: { expectations?: string | undefined; updateExpectations?: string | undefined }): RunExpectations {
  const judge = config.expectations !== undefined ? loadExpectations(config.expectations) : null;
  const update =
    config.updateExpectations === undefined
      ? undefined
      : { path: config.updateExpectations, previous: loadExpectationsIfPresent(config.updateExpectations) ?? judge ?? undefined };
  return { judge, update };
}


/** `2/3` for a shard, null for a whole run. */
export function shardLabel(shard: Shard | undefined): string | null {
  return shard === undefined ? null : `${shard.index}/${shard.count}`;
}

/**
 * The run's last step before its reports are written: says which shard it is, judges it against the
 * expectations, and writes the file to update. A shard sees only its part of the run, so a check the
 * file expects to fail may pass in one shard and fail in another: in a shard, unexpected passes are
 * reported but `strict` is left to merge-reports, which sees the whole run.
 */
export function finishRunReport(
  report: ConformanceReport,
  config: { shard?: Shard | undefined; strict: boolean },
  loaded: RunExpectations,
  log: (line: string) => void,
): ConformanceReport {
  const shard = shardLabel(config.shard);
  const sharded: ConformanceReport =
    shard === null
      ? { ...report, shard: null }
      : {
          ...report,
          shard,
          messages: [
            ...report.messages,
            `This report is shard ${shard} of the run: the random sequences k with k mod ${config.shard!.count} = ${config.shard!.index - 1}${config.shard!.index === 1 ? " and the coverage sweep" : ""}. Merge the ${config.shard!.count} shards' reports for the run's verdict: npm run merge-reports -- a.json b.json ...`,
          ],
        };
  const applied = applyExpectations(sharded, loaded.judge, config.strict && shard === null);
  const judged: ConformanceReport =
    shard !== null && config.strict && (applied.expectations?.unexpectedPasses.length ?? 0) > 0
      ? { ...applied, messages: [...applied.messages, `--strict is not applied to a shard (another shard may make these checks fail): give it to npm run merge-reports.`] }
      : applied;
  if (loaded.update !== undefined) {
    const next = updatedExpectations(judged, loaded.update.previous);
    writeExpectations(loaded.update.path, next);
    log(`conformance: wrote ${Object.keys(next.expectations).length} expectations to ${loaded.update.path}`);
  }
  return judged;
}
