/**
 * Collecting a recorded run's records again (`npm run check -- <history> --collect`): from the target
 * its run file names (endpoint or aws, with the same variables as a run: credentials from the SDK's
 * chain, `AWS_ENDPOINT_URL[_CLOUDTRAIL]` if set), over the history's time window, chunk by chunk as a
 * deferred run does. It works on the history of a killed run: every finished call is on disk.
 */
import { rmSync } from "node:fs";
import { oracleContext } from "../../oracles/context.js";
import { harnessServices, type HarnessService } from "../services/index.js";
import type { CheckedBatch } from "./batch-check.js";
import type { ChunkedCheck } from "./chunked-check.js";
import { collectHistory, indexHistory, type HistoryIndex } from "./collect-history.js";
import { collectSettings, whereOf } from "../collect/collect-settings.js";
import { CollectionTally } from "../collect/collection-tally.js";
import { progressReporter } from "../collect/delivery-latency.js";
import { ConfigError, resolveRunConfig, type RunConfig } from "../config.js";
import { CollectorTrouble } from "../report/incidents.js";
import type { RunFile } from "../run/run-file.js";
import { ENDPOINT_ENV, endpointsFromEnv } from "../targets/endpoint-env.js";
import { createRemoteTarget } from "../targets/remote.js";
import type { ServiceEndpoints } from "../targets/service-clients.js";

/** Settings a user may give for collecting again (the same flags as a run). */
export interface RecollectSettings {
  collectDeadlineMs?: string;
  collectPollMs?: string;
  lookupRequestsPerSecond?: string;
  callTimeoutMs?: string;
  checkChunkCalls?: string;
}

/** What collecting again found. */
export interface Recollected {
  config: RunConfig;
  index: HistoryIndex;
  /** Each service of the run, collected and checked on its own. */
  parts: { service: HarnessService; checked: ChunkedCheck }[];
  trouble: CollectorTrouble;
  collection: CollectionTally;
  where: string;
  /** Lines for the report: where the records were read from, and how. */
  messages: string[];
}

/** The endpoints to read from: the standard variables when any is set (as for a run), else the ones the run used. */
function endpointsFor(run: RunFile, env: NodeJS.ProcessEnv, messages: string[]): ServiceEndpoints {
  const set = Object.values(ENDPOINT_ENV).some((name) => (env[name] ?? "").trim() !== "");
  // aws: AWS's own hostnames unless the standard variables name others (an AWS-like stand-in), as for the run.
  if (run.target === "aws") return set ? endpointsFromEnv(env, []) : {};
  if (!set) return run.endpoints;
  const endpoints = endpointsFromEnv(env, []);
  if (endpoints.cloudtrail !== run.endpoints.cloudtrail) {
    messages.push(`Records read from ${endpoints.cloudtrail} (${ENDPOINT_ENV.all}); the run itself was made against ${run.endpoints.cloudtrail ?? "?"}.`);
  }
  return endpoints;
}

/**
 * Collects the records of `historyPath` again from the run's target and checks them; the records
 * file is written anew. @throws ConfigError when the history cannot be collected again (embedded
 * target, bad settings, credentials of another account), with what to do.
 */
export async function recollect(historyPath: string, recordsPath: string, run: RunFile, settings: RecollectSettings, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Recollected> {
  // The one target whose profile cannot collect later (TARGET_PROFILES.embedded.collectLater).
  if (run.target === "embedded") {
    throw new ConfigError(
      `--collect cannot read the records of ${historyPath}: it was made on the embedded target, whose emulator lived in the process that made the run, and its records went with it. Run again; to be able to collect later, run against \`npm run emulator\` (CONFORMANCE_TARGET=endpoint).`,
    );
  }
  const config = resolveRunConfig(
    {
      target: run.target, region: run.region, seed: run.seed, runs: run.runs, maxCommands: run.maxCommands, rulesEdition: run.rulesEdition, deferred: true,
      collectDeadlineMs: settings.collectDeadlineMs, collectPollMs: settings.collectPollMs, lookupRequestsPerSecond: settings.lookupRequestsPerSecond,
      callTimeoutMs: settings.callTimeoutMs, checkChunkCalls: settings.checkChunkCalls,
    },
    env,
  );
  const messages: string[] = [];
  const target = createRemoteTarget(run.target, config, env, endpointsFor(run, env, messages));
  const where = whereOf(config, { ...target, endpoint: target.endpoints.cloudtrail });
  try {
    const base = await target.provision("IAMUser");
    if (base.status !== "available") {
      throw new ConfigError(`--collect needs the credentials the run used, to call cloudtrail:LookupEvents at ${where}: ${base.reason}. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE as for the run.`);
    }
    if (base.identity.expected.accountId !== run.accountId) {
      throw new ConfigError(`--collect: the credentials are of account ${base.identity.expected.accountId}, but the run's calls were made in ${run.accountId}; use the run's credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID).`);
    }
    const index = await indexHistory(historyPath, config.checkChunkCalls);
    const trouble = new CollectorTrouble();
    const collection = new CollectionTally();
    const onBatch = (batch: CheckedBatch): void => {
      const c = batch.collection;
      collection.add(batch);
      trouble.add(c.failures, batch.result.uncollected.length, c.readAll && c.unsupported === undefined, c.unsupported, batch.late.length);
      for (const note of c.notes) if (!messages.includes(`collector: ${note}`)) messages.push(`collector: ${note}`);
    };
    rmSync(recordsPath, { force: true });
    log(`check: collecting the records of ${index.calls.length} calls from ${where}`);
    const parts: Recollected["parts"] = [];
    for (const service of harnessServices(run.services)) {
      const ctx = oracleContext(run.accountId, { rulesEdition: run.rulesEdition, clockSkewMs: run.clockSkewMs, eventSource: service.eventSource, lookupEventSource: service.eventSource });
      const checked = await collectHistory({
        historyPath, recordsPath, runRequestIds: index.requestIds, runAccessKeys: index.accessKeys, unchecked: new Set(run.uncheckedRequestIds),
        collect: { ...collectSettings(config, target, base.identity, ctx, true), onProgress: progressReporter(log) }, ctx, chunkCalls: config.checkChunkCalls, onBatch, service: service.id,
      });
      parts.push({ service, checked });
    }
    const chunks = parts.reduce((n, p) => n + p.checked.chunks, 0);
    messages.unshift(`Records collected again from ${where} for ${index.calls.length} calls of ${historyPath}, in ${chunks} chunk(s); written to ${recordsPath}.`);
    return { config, index, parts, trouble, collection, where, messages };
  } finally {
    await target.close();
  }
}
