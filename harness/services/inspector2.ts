/**
 * Amazon Inspector v2 (`inspector2`, rest-json) for the harness: commands of
 * @aws-sdk/client-inspector2, what a call sent decoded from the wire by the model's HTTP bindings
 * (harness/execute/rest-json-request.ts), the exchange chosen by the operation's method and path,
 * ListFilters as the probe, the v2 coverage sweep and sequences.
 */
import * as inspector2Sdk from "@aws-sdk/client-inspector2";
import { hasEmptyInput } from "../../model/http-bindings.js";
import { SERVICES } from "../../model/services.js";
import { eventSourceOf } from "../../oracles/index.js";
import { decodeRestJsonRequest } from "../execute/rest-json-request.js";
import type { WireExchange } from "../execute/wire-capture.js";
import { inspector2Sequences, inspector2Sweep } from "./inspector2-generated.js";
import type { HarnessService } from "./profile.js";
import { asJson, commandOf } from "./sdk-commands.js";

const facts = SERVICES.inspector2;

/** The path of an operation's URI template up to its first label: `/tags/` for `/tags/{resourceArn}`. */
function pathPrefix(operation: string): string {
  return facts.model.operations[operation]!.http.requestUri.split(/[{?]/)[0]!;
}

function exchangeOf(exchanges: readonly WireExchange[], operation: string): WireExchange | undefined {
  const { method } = facts.model.operations[operation]!.http;
  const prefix = pathPrefix(operation);
  return [...exchanges].reverse().find((x) => x.method === method && new URL(x.url).pathname.startsWith(prefix)) ?? exchanges.at(-1);
}

/** Amazon Inspector v2, for the harness. */
export const inspector2Service: HarnessService = {
  id: "inspector2",
  facts,
  eventSource: eventSourceOf("inspector2"),
  command: (operation) => commandOf(inspector2Sdk as unknown as Record<string, unknown>, facts, operation),
  exchangeOf,
  sent: (operation, exchange, input) => {
    if (exchange !== undefined) {
      return decodeRestJsonRequest(facts.model, operation, { method: exchange.method, url: exchange.url, headers: exchange.requestHeaders, body: exchange.requestBody });
    }
    // Nothing was sent (the SDK refused the input): what was asked, by member name.
    const asked = asJson(input) as Record<string, unknown>;
    return { request: hasEmptyInput(facts.model, operation) ? null : asked };
  },
  probe: { operation: "ListFilters", input: {} },
  sweep: inspector2Sweep,
  sequences: inspector2Sequences,
};
