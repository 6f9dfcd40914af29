/**
 * The layers between (a) and (b), in-process: the same sequential `ListRulesPackages` calls as the
 * bare SDK figure, first answered by the reference emulator instead of a do-nothing handler (the
 * emulator's share: authentication, validation, state, the CloudTrail record), then sent through the
 * harness's executor (wire capture, per-call deadline, the history line on disk). What the suite does
 * beyond these (generating sequences, identities, collecting and checking records) is (b) minus the
 * executor layer, so these two figures bound how close (b) can come to (a) on this transport.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { DEFAULT_USER_ACCESS_KEY } from "../emulator/accounts/default-directory.js";
import { resolveRunConfig } from "../harness/config.js";
import { HistoryExecutor, targetIdentities } from "../harness/executor.js";
import { HistoryWriter } from "../harness/history.js";
import { createEmbeddedTarget } from "../harness/targets/index.js";

/** Calls per second of each layer. */
export interface LayerResult {
  calls: number;
  /** The SDK's calls answered by the reference emulator through msw. */
  emulatorCallsPerSecond: number;
  /** The same calls made by the harness's HistoryExecutor (what every suite call goes through). */
  executorCallsPerSecond: number;
}

async function rate(calls: number, warmup: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i++) await call();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return calls / ((performance.now() - started) / 1000);
}

/** Measures both layers on one embedded target (its own emulator and msw server). */
export async function measureLayers(calls: number, warmup: number): Promise<LayerResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-layers-"));
  const config = resolveRunConfig({ target: "embedded", reportsDir: dir }, {});
  const target = createEmbeddedTarget(config);
  // As bench/bare-sdk.ts builds its client: the only difference is who answers.
  const client = new InspectorClient({
    region: config.region,
    credentials: { ...DEFAULT_USER_ACCESS_KEY },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: config.callTimeoutMs, requestTimeout: config.callTimeoutMs }),
  });
  const history = new HistoryWriter(join(dir, "history.jsonl"));
  const executor = new HistoryExecutor({ target, config, history, identities: targetIdentities(target) });
  try {
    const command = new ListRulesPackagesCommand({});
    const emulatorCallsPerSecond = await rate(calls, warmup, () => client.send(command));
    const executorCallsPerSecond = await rate(calls, warmup, async () => {
      const outcome = await executor.call({ kind: "IAMUser" }, "ListRulesPackages", {});
      if (!outcome.ok) throw new Error(`layers: ListRulesPackages through the executor failed (${outcome.errorCode ?? "no code"})`);
    });
    return { calls, emulatorCallsPerSecond, executorCallsPerSecond };
  } finally {
    client.destroy();
    history.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
