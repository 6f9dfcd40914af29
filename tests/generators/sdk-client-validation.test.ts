/**
 * Experiment (AWS documents nothing about it: UNVERIFIED until measured here): does @aws-sdk/client-inspector v3 validate inputs before
 * sending? Every invalid plan is sent through the real SDK with a requestHandler that captures the
 * request instead of sending it, and the wire body is compared with the plan's input.
 */
import { Readable } from "node:stream";
import * as sdk from "@aws-sdk/client-inspector";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectorModel } from "../../model/service-model.js";
import { GENERATED_OPERATIONS, inputArbitraries, modesOf } from "../../generators/operation-inputs.js";
import { ResourcePool } from "../../generators/resource-pool.js";

type Sent = { outcome: "unchanged" | "altered" | "rejected"; path: string; constraint: string };

function capturingClient(bodies: string[]) {
  return new sdk.InspectorClient({
    region: "us-west-2",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        bodies.push(String(request.body ?? ""));
        return { response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: Readable.from([Buffer.from("{}")]) } };
      },
    },
  });
}

/** The JSON the input would be on the wire if sent unchanged (timestamps as epoch seconds, as the SDK writes them). */
function asWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? Math.round(raw.getTime() / 1000) : v;
  }));
}

function hasTimestamp(shapeName: string, seen = new Set<string>()): boolean {
  if (seen.has(shapeName)) return false;
  seen.add(shapeName);
  const shape = inspectorModel.shapes[shapeName]!;
  if (shape.type === "timestamp") return true;
  const children = [...Object.values(shape.members ?? {}).map((m) => m.shape), shape.member?.shape].filter((s): s is string => !!s);
  return children.some((c) => hasTimestamp(c, seen));
}

async function sendAll(operation: string): Promise<Sent[]> {
  const bodies: string[] = [];
  const client = capturingClient(bodies);
  const Command = (sdk as unknown as Record<string, new (input: unknown) => Parameters<typeof client.send>[0]>)[`${operation}Command`]!;
  const pool = new ResourcePool({ region: "us-west-2", accountId: "123456789012" });
  const results: Sent[] = [];
  for (const arb of inputArbitraries(operation, "invalid")) {
    for (const plan of fc.sample(arb, { numRuns: 2, seed: 9 })) {
      if (plan.label.mode !== "invalid") throw new Error("not invalid");
      const { input } = plan.resolve(pool);
      const before = bodies.length;
      const base = { path: plan.label.path, constraint: plan.label.constraint };
      try {
        await client.send(new Command(input));
      } catch {
        results.push({ ...base, outcome: bodies.length === before ? "rejected" : "altered" });
        continue;
      }
      const wire = JSON.parse(bodies.at(-1)!);
      results.push({ ...base, outcome: JSON.stringify(sortKeys(wire)) === JSON.stringify(sortKeys(asWire(input))) ? "unchanged" : "altered" });
    }
  }
  return results;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

describe("@aws-sdk/client-inspector does not validate inputs client-side", () => {
  for (const operation of GENERATED_OPERATIONS.filter((op) => modesOf(op).includes("invalid"))) {
    it(operation, async () => {
      const results = await sendAll(operation);
      const timestamped = hasTimestamp(inspectorModel.operations[operation]!.input!.shape);
      for (const r of results) {
        // missing required members, lengths, sizes, ranges, enums, the UUID pattern and unknown ARNs all go out as generated
        if (r.constraint !== "wrongType" || !timestamped) expect(r, JSON.stringify(r)).toMatchObject({ outcome: "unchanged" });
      }
      if (timestamped) {
        // inputs serialized field by field (filters with timestamps): a non-Date timestamp is rejected
        // before sending, a non-object filter is rewritten (to {}), other wrong types go out unchanged
        const at = (path: RegExp) => results.filter((r) => r.constraint === "wrongType" && path.test(r.path)).map((r) => r.outcome);
        expect(new Set(at(/(beginDate|endDate)$/))).toEqual(new Set(["rejected"]));
        expect(new Set(at(/^filter$/))).toEqual(new Set(["altered"]));
        expect(new Set(at(/^(nextToken|maxResults)$/))).toEqual(new Set(["unchanged"]));
      }
    });
  }
});
