/**
 * Inspector Classic (`inspector`, JSON 1.1) for the harness: commands of @aws-sdk/client-inspector,
 * the request body as sent (the X-Amz-Target names the operation), ListRulesPackages as the probe,
 * the Classic coverage sweep and sequences.
 */
import * as inspectorSdk from "@aws-sdk/client-inspector";
import { inspectorCommands } from "../../generators/commands.js";
import { newServicePool } from "../../generators/service-profile.js";
import { SERVICES } from "../../model/services.js";
import { eventSourceOf } from "../../oracles/index.js";
import { parseWireJson } from "../execute/wire-capture.js";
import { failureSweep, successSweep } from "../run/coverage-sweep.js";
import { OPERATIONS_WITHOUT_FAILING_INPUT } from "../run/failing-input.js";
import type { HarnessService } from "./profile.js";
import { asJson, commandOf } from "./sdk-commands.js";

const facts = SERVICES.inspector;

/** Inspector Classic, for the harness. */
export const inspectorService: HarnessService = {
  id: "inspector",
  facts,
  eventSource: eventSourceOf("inspector"),
  command: (operation) => commandOf(inspectorSdk as unknown as Record<string, unknown>, facts, operation),
  exchangeOf: (exchanges, operation) => [...exchanges].reverse().find((x) => x.amzTarget?.endsWith(`.${operation}`)) ?? exchanges.at(-1),
  sent: (operation, exchange, input) => {
    if (facts.model.operations[operation]?.input === undefined) return { request: null };
    // The body exactly as handed to the socket; the SDK's input only when nothing was sent.
    return { request: exchange !== undefined ? parseWireJson(exchange.requestBody) : asJson(input) };
  },
  probe: { operation: "ListRulesPackages", input: {} },
  sweep: {
    success: (call, s) => successSweep(call, { uniq: s.uniq, region: s.region, accountId: s.accountId, runCompletionTimeoutMs: s.completionTimeoutMs, pollIntervalMs: s.pollIntervalMs, sleep: s.sleep }),
    failure: (call) => failureSweep(call),
    cannotFail: OPERATIONS_WITHOUT_FAILING_INPUT,
    accountWide: false,
  },
  sequences: {
    commands: (options) => inspectorCommands(options),
    newModel: (scope) => newServicePool("inspector", scope),
  },
};
