/**
 * (b0) The layers between (a) and (b), in-process, on one msw server: the same sequential
 * `ListRulesPackages` calls as (a), answered by a do-nothing handler (bare), then by the reference
 * emulator (its share: authentication, validation, state, the CloudTrail record), then made through
 * the harness's executor (wire capture, per-call deadline, the history line on disk). The three are
 * measured in interleaved rounds and each is given as its median, so the machine's drift between
 * minutes falls on all three alike. Every suite call goes through the executor layer, so its ratio
 * to bare bounds how close (b) can come to (a) on this transport.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { http, HttpResponse } from "msw";
import { DEFAULT_USER_ACCESS_KEY } from "../emulator/accounts/default-directory.js";
import { resolveRunConfig } from "../harness/config.js";
import { HistoryExecutor, targetIdentities } from "../harness/execute/executor.js";
import { HistoryWriter } from "../harness/execute/history.js";
import { createEmbeddedTarget } from "../harness/targets/index.js";
import { MSW_TRANSPORT } from "../harness/targets/embedded-msw.js";
import { median } from "./table.js";

/** The layers, in order. */
export type Layer = "bare" | "emulator" | "executor";

/** Median calls/s of each layer over the rounds, and every round's figure. */
export interface LayerResult {
  callsPerRound: number;
  rounds: number;
  median: Record<Layer, number>;
  perRound: Record<Layer, number[]>;
}

async function rate(calls: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return calls / ((performance.now() - started) / 1000);
}

/** Measures the three layers on one embedded target, `rounds` times `calls` calls each after `warmup` calls. */
export async function measureLayers(calls: number, rounds: number, warmup: number): Promise<LayerResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-layers-"));
  const config = resolveRunConfig({ target: "embedded", reportsDir: dir }, {});
  const target = createEmbeddedTarget(config, {}, { transport: MSW_TRANSPORT });
  const msw = target.msw!;
  // As bench/bare-sdk.ts builds its client and answers: the only difference is who answers.
  const client = new InspectorClient({
    region: config.region,
    credentials: { ...DEFAULT_USER_ACCESS_KEY },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: config.callTimeoutMs, requestTimeout: config.callTimeoutMs }),
  });
  const doNothing = http.post(`https://inspector.${config.region}.amazonaws.com/`, () =>
    new HttpResponse(JSON.stringify({ rulesPackageArns: [] }), { status: 200, headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID() } }),
  );
  const history = new HistoryWriter(join(dir, "history.jsonl"));
  const executor = new HistoryExecutor({ target, config, history, identities: targetIdentities(target) });
  const command = new ListRulesPackagesCommand({});
  const layers: Record<Layer, () => Promise<unknown>> = {
    bare: () => client.send(command),
    emulator: () => client.send(command),
    executor: async () => {
      const outcome = await executor.call({ kind: "IAMUser" }, "ListRulesPackages", {});
      if (!outcome.ok) throw new Error(`layers: ListRulesPackages through the executor failed (${outcome.errorCode ?? "no code"})`);
    },
  };
  const perRound: Record<Layer, number[]> = { bare: [], emulator: [], executor: [] };
  try {
    for (let round = -1; round < rounds; round++) {
      for (const layer of ["bare", "emulator", "executor"] as const) {
        // The do-nothing handler goes in front of the emulator's for the bare layer only.
        if (layer === "bare") msw.use(doNothing);
        else msw.resetHandlers();
        if (round < 0) {
          for (let i = 0; i < warmup; i++) await layers[layer]();
          continue;
        }
        perRound[layer].push(await rate(calls, layers[layer]));
      }
    }
    return { callsPerRound: calls, rounds, median: { bare: median(perRound.bare) ?? 0, emulator: median(perRound.emulator) ?? 0, executor: median(perRound.executor) ?? 0 }, perRound };
  } finally {
    msw.resetHandlers();
    client.destroy();
    history.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
