/**
 * The reports of a run's shards (`--shard i/n`) merged into the one report the whole run would have
 * given (`npm run merge-reports -- a.json b.json ...`): checks merged by id (fail if any fails; else
 * pass if any passes; else na if any is na; else unknown; see mergeStatus), counts, coverage,
 * collection figures and finding tallies summed, messages kept once, incidents concatenated, and the
 * verdict, exit code and distinct problems recomputed (verdict.ts, problems.ts). Reports that are not the shards of one run are refused: different
 * seeds, schema versions, targets or run sizes, a shard given twice, or a shard missing.
 */
import { SERVICES, type ServiceId } from "../../model/services.js";
import { FindingChannelSchema } from "../../oracles/finding.js";
import type { ReportJson } from "./compare.js";
import { schemaVersionOf } from "./compare.js";
import { verdictsOf, worstOf } from "./expectations.js";
import { ALL_OPERATIONS } from "./properties.js";
import { setDigest } from "./finding-tally.js";
import { problemsOf } from "./problems.js";
import { problemRefsOf } from "./render-common.js";
import { ConformanceReportSchema, type ConformanceReport, type FindingTallyRow } from "./schema.js";
import { unsupportedOf } from "./unsupported.js";
import { exitCodeOf, explainVerdict } from "./verdict.js";

/** Reports that cannot be merged into one, with why. */
export class MergeError extends Error {
  override name = "MergeError";
}

/** A report and the file it came from (named in refusals). */
export interface MergeInput {
  path: string;
  report: ConformanceReport;
}

type Check = ConformanceReport["checks"][number];
type Status = Check["status"];

/**
 * The status of a check from its shards' statuses: fail, else pass, else na, else unknown. `na` is
 * what the target or the operation allows (an identity kind the target lacks, an error no input can
 * cause), which one shard can establish for all: the coverage sweep (shard 1) finds that
 * DescribeCrossAccountAccessRole's error family is na where the other shards, which never call it,
 * leave it unknown. `unknown` only says a shard did not observe the check.
 */
export function mergeStatus(statuses: readonly Status[]): Status {
  for (const s of ["fail", "pass", "na"] as const) if (statuses.includes(s)) return s;
  return "unknown";
}

/**
 * Refuses report files of different schema versions (before each is read against its schema).
 * @throws MergeError naming each file and its version
 */
export function checkSchemaVersions(inputs: readonly ReportJson[]): void {
  const versions = new Set(inputs.map((i) => JSON.stringify(schemaVersionOf(i))));
  if (versions.size > 1) {
    throw new MergeError(`the reports have different schema versions (${inputs.map((i) => `${i.path}: ${JSON.stringify(schemaVersionOf(i))}`).join(", ")}): merge reports written by the same version of the suite`);
  }
}

/** `i/n` as numbers. */
function shardOf(label: string): { index: number; count: number } {
  const [index, count] = label.split("/").map(Number) as [number, number];
  return { index, count };
}

const differ = <T>(inputs: readonly MergeInput[], of: (r: ConformanceReport) => T): boolean => new Set(inputs.map((i) => JSON.stringify(of(i.report)))).size > 1;
const each = <T>(inputs: readonly MergeInput[], of: (r: ConformanceReport) => T): string => inputs.map((i) => `${i.path}: ${JSON.stringify(of(i.report))}`).join(", ");

/**
 * Checks that `inputs` are the complete set of shards of one run (or one whole run), and returns
 * them in shard order.
 * @throws MergeError saying what differs, which shard is given twice or which is missing
 */
export function orderShards(inputs: readonly MergeInput[]): MergeInput[] {
  if (inputs.length === 0) throw new MergeError("no report to merge: give the report of each shard (reports/conformance.json of each job)");
  if (differ(inputs, (r) => r.schemaVersion)) throw new MergeError(`the reports have different schema versions (${each(inputs, (r) => r.schemaVersion)})`);
  if (differ(inputs, (r) => r.seed)) throw new MergeError(`the reports are of different seeds (${each(inputs, (r) => r.seed)}): shards of one run share its seed`);
  if (differ(inputs, (r) => [r.target, r.endpoint, r.region])) {
    throw new MergeError(`the reports are of different targets (${each(inputs, (r) => `${r.target}${r.endpoint !== null ? ` ${r.endpoint}` : ""} ${r.region}`)}): shards of one run share its target`);
  }
  if (differ(inputs, (r) => r.runs)) throw new MergeError(`the reports are of runs of different sizes (runs: ${each(inputs, (r) => r.runs)}): shards of one run share --runs`);
  const whole = inputs.filter((i) => (i.report.shard ?? null) === null);
  if (whole.length > 0) {
    if (inputs.length === 1) return [...inputs];
    throw new MergeError(`${whole.map((i) => i.path).join(", ")} ${whole.length === 1 ? "is a whole run" : "are whole runs"} (no shard): merge the reports of one run's shards (--shard i/n)`);
  }
  const shards = inputs.map((i) => ({ input: i, ...shardOf(i.report.shard!) }));
  if (new Set(shards.map((s) => s.count)).size > 1) {
    throw new MergeError(`the reports are shards of different splits (${shards.map((s) => `${s.input.path}: ${s.index}/${s.count}`).join(", ")})`);
  }
  const count = shards[0]!.count;
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((s) => s.index === index);
    if (given.length > 1) throw new MergeError(`shard ${index}/${count} is given twice (${given.map((s) => s.input.path).join(", ")})`);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((index) => !shards.some((s) => s.index === index));
  if (missing.length > 0) {
    throw new MergeError(`the shard set is not complete: shard${missing.length === 1 ? "" : "s"} ${missing.map((i) => `${i}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing`);
  }
  return shards.sort((a, b) => a.index - b.index).map((s) => s.input);
}

/** The checks of the shards merged by id, in the order they first appear. */
export function mergeChecks(reports: readonly ConformanceReport[]): Check[] {
  const byId = new Map<string, Check[]>();
  for (const r of reports) for (const c of r.checks) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  return [...byId.values()].map((all) => {
    const status = mergeStatus(all.map((c) => c.status));
    const winners = all.filter((c) => c.status === status);
    // A failing check shows its smallest counterexample (a shrunk one is usually the smallest).
    const shown = status === "fail" ? ([...winners].sort((a, b) => (a.counterexample?.calls.length ?? Infinity) - (b.counterexample?.calls.length ?? Infinity))[0] ?? winners[0]!) : winners[0]!;
    const sum = (key: "count" | "failed" | "advisories"): number => all.reduce((n, c) => n + c[key], 0);
    return { ...shown, status, count: sum("count"), failed: sum("failed"), advisories: sum("advisories") };
  });
}

function sumRecords<K extends string>(items: readonly Partial<Record<K, number>>[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const item of items) for (const [k, v] of Object.entries(item) as [K, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
}

function mergeCoverage(reports: readonly ConformanceReport[]): ConformanceReport["coverage"] {
  const rows = new Map<string, ConformanceReport["coverage"][number]>();
  for (const r of reports) {
    for (const row of r.coverage) {
      const key = `${row.service}:${row.operation}`;
      const had = rows.get(key);
      rows.set(
        key,
        had === undefined
          ? { ...row, byIdentity: { ...row.byIdentity } }
          : {
              ...had,
              calls: had.calls + row.calls,
              ok: had.ok + row.ok,
              error: had.error + row.error,
              unknown: had.unknown + row.unknown,
              unsent: had.unsent + row.unsent,
              byIdentity: sumRecords([had.byIdentity, row.byIdentity]) as typeof had.byIdentity,
            },
      );
    }
  }
  return [...rows.values()];
}

function mergeCollection(reports: readonly ConformanceReport[]): ConformanceReport["collection"] {
  const cs = reports.map((r) => r.collection);
  const sum = (key: "requests" | "throttled" | "missing" | "duplicatesCollapsed" | "uncollected" | "late" | "pages"): number => cs.reduce((n, c) => n + c[key], 0);
  // Pages per record over all shards: pages over records found, each shard's records found being its pages / pagesPerRecord.
  const rated = cs.filter((c) => c.pagesPerRecord !== null && c.pagesPerRecord > 0);
  const found = rated.reduce((n, c) => n + c.pages / c.pagesPerRecord!, 0);
  const latencies = cs.flatMap((c) => (c.deliveryLatencyMs !== null ? [c.deliveryLatencyMs] : []));
  const unsupported = new Map(cs.flatMap((c) => c.unsupported).map((u) => [JSON.stringify(u), u]));
  return {
    requests: sum("requests"),
    throttled: sum("throttled"),
    missing: sum("missing"),
    duplicatesCollapsed: sum("duplicatesCollapsed"),
    uncollected: sum("uncollected"),
    late: sum("late"),
    pages: sum("pages"),
    pagesPerRecord: found > 0 ? rated.reduce((n, c) => n + c.pages, 0) / found : null,
    // The median and p95 of the union are at most the largest shard's: upper bounds, as the figures already are.
    deliveryLatencyMs:
      latencies.length === 0
        ? null
        : {
            samples: latencies.reduce((n, l) => n + l.samples, 0),
            p50: Math.max(...latencies.map((l) => l.p50)),
            p95: Math.max(...latencies.map((l) => l.p95)),
            max: Math.max(...latencies.map((l) => l.max)),
          },
    unsupported: [...unsupported.values()],
  };
}

/**
 * The shards' finding tallies as one: rows of the same service, operation, caller kind, code,
 * severity and path pattern summed (the shards' calls are distinct), channels and checks joined, and
 * a digest of the shards' digests, so that two codes on the same calls in every shard still share one.
 */
function mergeTally(reports: readonly ConformanceReport[]): FindingTallyRow[] {
  const rows = new Map<string, { row: FindingTallyRow; digests: string[] }>();
  reports.forEach((r, shard) => {
    for (const row of r.findingTally ?? []) {
      const key = JSON.stringify([row.service, row.operation, row.identity, row.code, row.severity, row.path]);
      const had = rows.get(key);
      if (had === undefined) {
        rows.set(key, { row: { ...row }, digests: [`${shard}:${row.digest}`] });
        continue;
      }
      had.digests.push(`${shard}:${row.digest}`);
      had.row = {
        ...had.row,
        findings: had.row.findings + row.findings,
        calls: had.row.calls + row.calls,
        channels: FindingChannelSchema.options.filter((c) => had.row.channels.includes(c) || row.channels.includes(c)),
        checks: [...new Set([...had.row.checks, ...row.checks])],
      };
    }
  });
  return [...rows.values()].map(({ row, digests }) => ({ ...row, digest: setDigest(digests) }));
}

function mergeIdentities(reports: readonly ConformanceReport[]): ConformanceReport["identities"] {
  return reports[0]!.identities.map((first) => {
    const all = reports.flatMap((r) => r.identities.filter((i) => i.kind === first.kind));
    const available = all.find((i) => i.status === "available");
    const callCount = all.reduce((n, i) => n + i.callCount, 0);
    return available !== undefined ? { kind: first.kind, status: "available" as const, callCount } : { ...first, callCount };
  });
}

const title = (service: ServiceId): string => SERVICES[service].title;

/** The messages of a report that its verdict wrote (recomputed after merging), and those of expectations and shards. */
function derivedMessages(r: ConformanceReport): Set<string> {
  const out = new Set<string>();
  if (r.services.length === 1) for (const m of r.services[0]!.messages) out.add(m);
  else {
    out.add(r.services.map((s) => `${title(s.service)}: ${s.verdict} (${s.calls} calls, ${s.operations} operations).`).join(" "));
    for (const s of r.services) for (const m of s.messages) out.add(`${title(s.service)}: ${m}`);
  }
  for (const m of r.messages) if (m.startsWith("Expectations ") || m.startsWith("This report is shard ")) out.add(m);
  return out;
}

/**
 * The shards' reports merged into one, its verdict and exit code recomputed (no expectations:
 * apply them with applyExpectations). `inputs` are checked first (orderShards).
 * @throws MergeError when they are not the complete shards of one run
 */
export function mergeReports(inputs: readonly MergeInput[]): ConformanceReport {
  const ordered = orderShards(inputs);
  const reports = ordered.map((i) => i.report);
  const first = reports[0]!;
  const checks = mergeChecks(reports);
  const collection = mergeCollection(reports);
  const incidents = reports.flatMap((r) => r.incidents);
  const serviceIds = [...new Set(reports.flatMap((r) => r.services.map((s) => s.service)))];
  const identities = mergeIdentities(reports);
  const coverage = mergeCoverage(reports);
  const findingTally = mergeTally(reports);
  // The distinct problems are computed again from the merged tally and checks.
  const problems = problemsOf({ checks, identities, coverage, findingTally });
  const refs = problemRefsOf(problems);
  const judged = verdictsOf({ checks, collection, incidents, services: serviceIds.map((service) => ({ service })) });
  const services = serviceIds.map((service) => {
    const parts = reports.flatMap((r) => r.services.filter((s) => s.service === service));
    const own = checks.filter((c) => c.service === service);
    const seconds = parts.map((p) => p.seconds).filter((s): s is number => s !== null);
    return {
      service,
      title: parts[0]!.title,
      verdict: judged.services.get(service)!,
      calls: parts.reduce((n, p) => n + p.calls, 0),
      records: parts.reduce((n, p) => n + p.records, 0),
      operations: new Set(own.filter((c) => c.operation !== ALL_OPERATIONS).map((c) => c.operation)).size,
      seconds: seconds.length > 0 ? Math.round(seconds.reduce((n, s) => n + s, 0) * 10) / 10 : null,
      messages: explainVerdict(own, unsupportedOf(collection.unsupported, service), incidents, refs),
      unverified: parts[0]!.unverified,
    };
  });
  const verdict = worstOf(services.map((s) => s.verdict));
  const kept = [...new Set(reports.flatMap((r) => {
    const derived = derivedMessages(r);
    return r.messages.filter((m) => !derived.has(m));
  }))];
  const explanations =
    services.length > 1
      ? [services.map((s) => `${s.title}: ${s.verdict} (${s.calls} calls, ${s.operations} operations).`).join(" "), ...services.flatMap((s) => s.messages.map((m) => `${s.title}: ${m}`))]
      : services[0]!.messages;
  const merged = ordered.length > 1 ? [`Merged from ${ordered.length} shards of seed ${first.seed}: ${ordered.map((i) => `${i.report.shard} (${i.path})`).join(", ")}.`] : [];
  return ConformanceReportSchema.parse({
    ...first,
    startedAt: reports.map((r) => r.startedAt).sort()[0]!,
    endedAt: reports.map((r) => r.endedAt).sort().at(-1)!,
    calls: reports.reduce((n, r) => n + r.calls, 0),
    records: reports.reduce((n, r) => n + r.records, 0),
    verdict,
    services,
    exitCode: exitCodeOf(verdict),
    messages: [...merged, ...kept, ...explanations],
    incidents,
    checks,
    identities,
    coverage,
    collection,
    findingsByCode: sumRecords(reports.map((r) => r.findingsByCode)),
    findingTally,
    problems,
    historyFile: null,
    recordsFile: null,
    expectations: null,
    shard: null,
  } satisfies ConformanceReport);
}
