/**
 * One conformance run, end to end: provision identities, probe the target, and for each checked
 * service in turn (Inspector Classic, Amazon Inspector v2) execute (the coverage sweep, then random
 * model-based sequences), collect its CloudTrail records and check them with the oracles; then
 * write one report with a verdict per service and one for the run. Interactive mode checks each
 * sequence at once and shrinks a failure; deferred mode (default on AWS) executes everything and
 * collects once at the end.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { IdentityKindSchema } from "../../history/observed-call.js";
import { type ObservedCall } from "../../history/observed-call.js";
import { oracleContext, type OracleContext } from "../../oracles/context.js";
import { EarlierBatches, type CheckedBatch, type CollectSettings } from "../check/batch-check.js";
import { collectSettings, whereOf } from "../collect/collect-settings.js";
import { recordsFileBeside, writeRecordsFile } from "../collect/records-file.js";
import { CollectionTally } from "../collect/collection-tally.js";
import { collectHistory } from "../check/collect-history.js";
import { ConfigError, servicesOf, settingName, type RunConfig } from "../config.js";
import { HistoryExecutor, targetIdentities } from "../execute/executor.js";
import { HistoryWriter } from "../execute/history.js";
import { CollectorTrouble, incidentsOf } from "../report/incidents.js";
import { runFileBeside, writeRunFile, type RunFile } from "./run-file.js";
import { TargetHealth } from "../execute/target-health.js";
import { checkTrailFiles, checkTrailFilesInChunks, mergeTrailFindings, tagChannel } from "../check/trail-check.js";
import { probeTarget } from "../targets/probe.js";
import { replayCommand } from "./replay.js";
import { buildReport, renderConsole, useColour, writeReports, type ConformanceReport } from "../report/index.js";
import { finishRunReport, loadRunExpectations } from "../report/expectations.js";
import type { ServicePart } from "../report/build-report.js";
import type { IdentityStatus, Unsupported } from "../report/check-types.js";
import { createTarget, type HarnessTarget } from "../targets/index.js";
import { harnessServices } from "../services/index.js";
import { unverifiedRulesOf } from "../../oracles/index.js";
import { executeService, ServiceRun, sweepService } from "./service-phase.js";
import { surveyAnswers, surveyMessage } from "../report/answer-survey.js";
import type { ServiceExecutor } from "../execute/executor.js";
import { targetProfile } from "../targets/target-profile.js";
import { newRunId, RUN_TAG_KEY, stampInput } from "./run-stamp.js";
import type { ServiceId } from "../../model/services.js";

/** The outcome of a run: the report, the exit code and where the files are. */
export interface ConformanceRun {
  report: ConformanceReport;
  exitCode: 0 | 1 | 2;
  paths: { json: string; md: string; html: string; history: string; records: string };
  /** The console summary table and verdict line. */
  summary: string;
}

/** Options for tests, self-tests and benchmarks. */
export interface RunOptions {
  /** Aborted (SIGINT, SIGTERM): the run stops executing, cleans up, writes its reports and returns. */
  signal?: AbortSignal;
  /** An injected target (e.g. an emulator with faults) instead of the configured one. */
  target?: HarnessTarget;
  /** Called once, when the first required finding is found: calls made so far and ms since the run started. */
  onDetection?: (at: { calls: number; elapsedMs: number }) => void;
}

const KINDS = IdentityKindSchema.options;

/**
 * Runs the suite against the configured (or injected) target and writes the reports.
 * @throws ConfigError for configuration that names no usable target (nothing is run or written).
 */
export async function runConformance(
  config: RunConfig,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  options: RunOptions = {},
): Promise<ConformanceRun> {
  const runStart = new Date();
  const startedAt = runStart.toISOString();
  /** What the run's creations are named and tagged with where the target asks for that (run-stamp.ts). */
  const runId = newRunId(runStart);
  const historyPath = join(config.reportsDir, "run", "history.jsonl");
  const recordsPath = recordsFileBeside(historyPath);
  const runPath = runFileBeside(historyPath);
  // Bad configuration (no endpoint URL, unknown EMULATOR_FAULTS) stops here, before anything is written.
  const expectations = loadRunExpectations(config);
  const target: HarnessTarget = options.target ?? createTarget(config, env);
  for (const path of [historyPath, recordsPath, runPath]) rmSync(path, { force: true });
  const services = harnessServices(servicesOf(config));
  const history = new HistoryWriter(historyPath);
  const profile = targetProfile(config.target);
  const deferred = config.deferred || profile.alwaysDeferred;
  const unsupported: Unsupported[] = [];
  const messages: string[] = [];
  const notes = new Set<string>();
  /** Request ids of calls outside the checked history (the probe's): their records are not the run's. */
  const probeRequestIds = new Set<string>();
  /** What earlier batches took: the probe's request ids first, then each checked batch's. */
  const earlier = new EarlierBatches();
  const collection = new CollectionTally();
  const where = whereOf(config, target);
  const health = new TargetHealth(where);
  const onAbort = (): void => health.interrupt(`stopped by ${String(options.signal?.reason ?? "a signal")}`);
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const trouble = new CollectorTrouble();
  let identities: IdentityStatus[] = KINDS.map((kind) => ({ kind, status: "na", reason: "not provisioned: the run stopped before" }));
  let executor: HistoryExecutor | undefined;
  const parts: ServiceRun[] = [];
  /** Services called without records to read (no LookupEvents): their calls are reported, not checked. */
  const surveyed: ServiceExecutor[] = [];
  let accountId = "000000000000";
  let runFile: RunFile | undefined;
  const contextOf = (eventSource: string): OracleContext =>
    oracleContext(accountId, { rulesEdition: config.rulesEdition, eventSource, lookupEventSource: eventSource });

  const startedMs = Date.now();
  let detected = false;
  const detect = (failed: boolean): void => {
    if (!failed || detected) return;
    detected = true;
    options.onDetection?.({ calls: executor?.calls().length ?? 0, elapsedMs: Date.now() - startedMs });
  };
  /** Counts a checked batch's collection, and notes the first detection. */
  const tally = (part: ServiceRun) => (batch: CheckedBatch): void => {
    detect(batch.failed);
    const c = batch.collection;
    collection.add(batch);
    // The probe found LookupEvents: failing (or seeming absent) later is the target failing, not a gap.
    const readAll = c.readAll && c.unsupported === undefined;
    trouble.add(c.failures, batch.result.uncollected.length, readAll, c.unsupported, batch.late.length);
    for (const seq of batch.result.uncollected) part.uncollected.add(seq);
    health.observeCollection(readAll, Object.keys(c.failures.byCode).join(", ") || c.unsupported);
    for (const note of c.notes) notes.add(`collector: ${note}`);
  };

  try {
    log(`conformance: target ${target.name}${target.endpoint ? ` at ${target.endpoint}` : ""}, region ${config.region}, services ${services.map((s) => s.id).join(", ")}, seed ${config.seed}, ${deferred ? "deferred" : "interactive"} mode`);
    const availability = await Promise.all(KINDS.map((kind) => target.provision(kind)));
    identities = availability.map((a) => (a.status === "available" ? { kind: a.kind, status: "available" } : { kind: a.kind, status: "na", reason: a.reason }));
    const base = availability.find((a) => a.kind === "IAMUser" && a.status === "available") ?? availability.find((a) => a.status === "available");
    if (base === undefined || base.status !== "available") {
      unsupported.push({ scope: "target", reason: `no credentials could be used (${availability.map((a) => `${a.kind}: ${a.status === "na" ? a.reason : "ok"}`).join("; ")})` });
    } else {
      accountId = base.identity.expected.accountId;
      if (profile.requiresAccountAllowList && !config.awsAccounts.includes(accountId)) {
        throw new ConfigError(
          `the aws target calls only an account you list: STS GetCallerIdentity names ${accountId}, which ${settingName("awsAccounts")} does not list (it lists ${config.awsAccounts.length === 0 ? "none" : config.awsAccounts.join(", ")}). If ${accountId} is the sandbox account to test, set CONFORMANCE_AWS_ACCOUNTS=${accountId}.`,
        );
      }
      const probe = await probeTarget(target, base.identity, config, services);
      for (const id of probe.requestIds) {
        probeRequestIds.add(id);
        earlier.requestIds.add(id);
      }
      for (const service of services) {
        const capability = probe.services[service.id];
        if (capability?.status === "missing") unsupported.push({ scope: service.id, reason: capability.reason });
      }
      for (const scope of ["lookupEvents", "sts"] as const) {
        const capability = probe[scope];
        if (capability.status === "missing") unsupported.push({ scope, reason: capability.reason });
      }
      const served = services.filter((s) => probe.services[s.id]?.status === "ok");
      if (served.length > 0 && probe.lookupEvents.status === "ok") {
        const clockSkewMs = oracleContext(accountId).clockSkewMs;
        runFile = {
          schemaVersion: 1, target: config.target, endpoints: target.endpoints, region: config.region, accountId,
          services: served.map((s) => s.id), seed: config.seed, runs: config.runs, maxCommands: config.maxCommands,
          rulesEdition: config.rulesEdition, mode: deferred ? "deferred" : "interactive", clockSkewMs,
          uncheckedRequestIds: [...probeRequestIds], startedAt, runId, allow: config.allow, completed: false,
        };
        writeRunFile(runPath, runFile);
        // Deferred runs may be long (100,000 calls): calls are kept without bodies and read back in chunks to check.
        executor = new HistoryExecutor({
          target, config, history, health, identities: targetIdentities(target),
          ...(deferred ? { retain: "light" as const } : {}),
          ...(profile.stampsResources ? { stamp: (service: ServiceId, operation: string, input: Record<string, unknown>) => (service === "inspector2" ? stampInput(operation, input, runId) : input) } : {}),
        });
        const kinds = availability.filter((a) => a.status === "available").map((a) => a.kind);
        const scope = { region: config.region, accountId };
        // The services' parts run side by side: their calls, records and checks are apart (each
        // service has its own state in the target, its own eventSource and its own checks), and
        // one part's waits (a v2 scan the sweep waits for) are the other's time to run.
        await Promise.all(served.map(async (service) => {
          if (health.halted !== undefined) return;
          const part = new ServiceRun(service, executor!.forService(service), contextOf(service.eventSource));
          parts.push(part);
          const run = executor!;
          const checkDeferred = (collect: CollectSettings) =>
            collectHistory({
              historyPath, recordsPath, runRequestIds: requestIdsOf(run.calls()), runAccessKeys: accessKeysOf(run.calls()),
              unchecked: probeRequestIds, collect, ctx: part.ctx, chunkCalls: config.checkChunkCalls, onBatch: tally(part), service: service.id,
            });
          const started = Date.now();
          await executeService({
            config, deferred, part, kinds, scope, collect: collectSettings(config, target, base.identity, part.ctx, deferred),
            earlier, health, log, onBatch: tally(part), recordsPath, historyPath, checkDeferred,
          });
          part.elapsedMs = Date.now() - started;
          log(`conformance: ${service.facts.title}: ${part.executor.calls().length} calls in ${(part.elapsedMs / 1000).toFixed(1)} s`);
        }));
        parts.sort((a, b) => served.indexOf(a.service) - served.indexOf(b.service));
        if (profile.stampsResources) {
          messages.push(`What this run created in the account is named ${runId}-… and tagged ${RUN_TAG_KEY}=${runId}; \`npm run janitor\` finds and deletes what a run leaves behind.`);
        }
        const down = health.down;
        if (down !== undefined) log(`conformance: ${down.reason}; the run stopped executing and checked what it had`);
        if (health.failedFast !== undefined) {
          messages.push(`The run stopped at its first failure (--fail-fast: ${health.failedFast}): it executed nothing after it, no coverage sweep included, so what it did not reach is unknown. Without --fail-fast the run goes on and reports every check.`);
        }
        if (health.interrupted !== undefined) {
          messages.push(`The run was interrupted (${health.interrupted}): it stopped executing, undid what it had created where the target asks for that, and checked only what it had already collected, so its verdict is unknown. To check the rest: npm run check -- ${historyPath} --collect.`);
        }
      } else if (served.length > 0) {
        // No record can be read: each served service's operations are still called once both ways,
        // to say which of them answer as AWS would.
        health.surveying();
        executor = new HistoryExecutor({ target, config, history, health, identities: targetIdentities(target) });
        for (const service of served) {
          const view = executor.forService(service);
          await sweepService(view, [base.kind], { config, scope: { region: config.region, accountId }, health, log });
          messages.push(surveyMessage(service.facts, surveyAnswers(service.facts, view.calls())));
          surveyed.push(view);
        }
      } else {
        log("conformance: the target cannot be checked; nothing was executed (see the report's messages)");
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    unsupported.push({ scope: "target", reason: `the run stopped on an error of the harness: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    history.close();
    await target.close();
  }

  const trailDir = config.trailDir ?? ("trailDir" in target ? String(target.trailDir) : undefined);
  const reported: ServicePart[] = [];
  // Each service's deferred check reads the whole history: a line it could not read is said once.
  const unreadLines = new Set<string>();
  for (const part of parts) {
    const { calls, records, result } = part.result();
    for (const p of part.chunked?.problems ?? []) unreadLines.add(`history line ${p.line} could not be read back to check: ${p.message}`);
    // Each finding says which collector's record showed it; one both showed is counted once in the report.
    tagChannel(result, "lookup-events");
    if (trailDir !== undefined && calls.length > 0) {
      const trailCtx = { ...part.ctx, lookupEventSource: undefined };
      const deadlineMs = config.collectDeadlineMs ?? profile.trailDeadlineMs;
      const pollMs = profile.trailPollMs;
      const all = executor?.calls() ?? [];
      const trail =
        part.chunked !== undefined
          ? await checkTrailFilesInChunks(trailDir, historyPath, requestIdsOf(all), { ...trailCtx, runAccessKeys: accessKeysOf(all) }, deadlineMs, pollMs, probeRequestIds, config.checkChunkCalls, part.service.id)
          : await checkTrailFiles(trailDir, calls, trailCtx, deadlineMs, pollMs, probeRequestIds);
      messages.push(...trail.messages.map((m) => (parts.length > 1 ? `${part.service.facts.title}: ${m}` : m)));
      detect(trail.result.all.some((f) => f.severity === "required"));
      mergeTrailFindings(result, trail.result);
    }
    if (part.cleanup !== undefined) messages.push(part.cleanup);
    reported.push(part.reportPart(result, records, unverifiedRulesOf(part.service.id)));
  }
  for (const view of surveyed) {
    reported.push({ service: view.service.id, calls: view.calls(), records: [], findings: { all: [], byCall: new Map() }, cannotFail: view.service.sweep.cannotFail, unverified: unverifiedRulesOf(view.service.id) });
  }
  // A service the run did not get to (not served, or the run stopped first) is reported with no calls.
  for (const service of services) {
    if (!reported.some((p) => p.service === service.id)) reported.push({ service: service.id, calls: [], records: [], findings: { all: [], byCall: new Map() }, cannotFail: service.sweep.cannotFail, unverified: unverifiedRulesOf(service.id) });
  }
  reported.sort((a, b) => services.findIndex((s) => s.id === a.service) - services.findIndex((s) => s.id === b.service));
  messages.push(...unreadLines, ...notes);
  const endedAt = new Date().toISOString();
  if (runFile !== undefined) writeRunFile(runPath, { ...runFile, endedAt, completed: true });
  const calls = executor?.calls() ?? [];
  const built = buildReport({
    target: config.target,
    endpoint: target.endpoint,
    region: config.region,
    seed: config.seed,
    runs: config.runs,
    rulesEdition: config.rulesEdition,
    mode: deferred ? "deferred" : "interactive",
    startedAt,
    endedAt,
    clockSkewMs: oracleContext(accountId).clockSkewMs,
    calls,
    records: [],
    findings: { all: [], byCall: new Map() },
    services: reported,
    identities,
    unsupported,
    incidents: incidentsOf(health, trouble, { where, calls: calls.length, historyFile: profile.collectLater ? historyPath : undefined }),
    collection: { ...collection.figures(), uncollected: reported.reduce((n, p) => n + (p.uncollected?.size ?? 0), 0) },
    replayCommand: () => replayCommand(config),
    messages,
    historyFile: historyPath,
    recordsFile: recordsPath,
  });
  // An interactive run with no batch checked leaves no records file: write an empty one, so a re-check finds it.
  if (!deferred && parts.every((p) => p.records.size === 0)) await writeRecordsFile(recordsPath, []);
  const report = finishRunReport(built, config, expectations, log);
  const written = await writeReports(report, config.reportsDir);
  return {
    report,
    exitCode: report.exitCode as 0 | 1 | 2,
    paths: { json: written.json, md: written.markdown, html: written.html, history: historyPath, records: recordsPath },
    summary: renderConsole(report, useColour(process.stdout, env)),
  };
}

/** The access keys `calls` were made with. */
function accessKeysOf(calls: readonly ObservedCall[]): Set<string> {
  return new Set(calls.map((c) => c.identity.accessKeyId));
}

/** The request ids of `calls` that have one. */
function requestIdsOf(calls: readonly ObservedCall[]): Set<string> {
  return new Set(calls.flatMap((c) => (c.requestId !== undefined ? [c.requestId] : [])));
}

