/**
 * SDK side of the Inspector v2 tests: clients of @aws-sdk/client-inspector2 (pinned 3.1085.0) for
 * a test emulator, its commands by operation name, and the comparison of an SDK value (Dates,
 * Uint8Arrays) with the same value as a CloudTrail record holds it.
 */
import * as inspector2 from "@aws-sdk/client-inspector2";
import { LookupEventsCommand, type CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { Credentials, EmulatorUnderTest } from "../e2e/transports.js";
import type { ParsedRecord } from "../e2e/read-back.js";

/** An Inspector v2 client signed with `credentials`, addressed as `target` needs. */
export function inspector2Client(target: EmulatorUnderTest, credentials: Credentials, region = target.region): inspector2.Inspector2Client {
  return new inspector2.Inspector2Client({ region, credentials, maxAttempts: 1, ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}) });
}

type CommandCtor = new (input: never) => unknown;

/** The SDK command class of `operation` (`ListFindings` → ListFindingsCommand). */
export const commandFor = (operation: string): CommandCtor => (inspector2 as unknown as Record<string, CommandCtor>)[`${operation}Command`]!;

/** The operation names of every command the SDK exports. */
export const SDK_OPERATIONS: readonly string[] = Object.keys(inspector2)
  .filter((k) => k.endsWith("Command") && k !== "Command" && typeof (inspector2 as Record<string, unknown>)[k] === "function")
  .map((k) => k.slice(0, -"Command".length))
  .filter((name) => /^[A-Z]/.test(name) && name !== "$")
  .sort();

/** One SDK call's outcome: the output (without $metadata) or the error, with the request id either way. */
export type SdkOutcome =
  | { ok: true; output: Record<string, unknown>; requestId: string }
  | { ok: false; name: string; message: string; status: number | undefined; requestId: string; error: Record<string, unknown> };

/** Sends `operation` with `input` through `client`. */
export async function send(client: inspector2.Inspector2Client, operation: string, input: Record<string, unknown>): Promise<SdkOutcome> {
  try {
    const out = (await client.send(new (commandFor(operation))(structuredClone(input) as never) as never)) as Record<string, unknown> & { $metadata: { requestId?: string } };
    const { $metadata, ...output } = out;
    return { ok: true, output, requestId: $metadata.requestId ?? "" };
  } catch (e) {
    const err = e as Error & { $metadata?: { requestId?: string; httpStatusCode?: number } };
    return { ok: false, name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, requestId: err.$metadata?.requestId ?? "", error: err as unknown as Record<string, unknown> };
  }
}

/**
 * The SDK value `sdk` in the form a record holds it, guided by the record's own value: a Date
 * becomes epoch seconds or ISO-8601 text (whichever the record has), a Uint8Array base64 text.
 */
export function asRecorded(sdk: unknown, recorded: unknown): unknown {
  if (sdk instanceof Date) return typeof recorded === "string" ? sdk.toISOString() : sdk.getTime() / 1000;
  if (sdk instanceof Uint8Array) return Buffer.from(sdk).toString("base64");
  if (Array.isArray(sdk)) return sdk.map((v, i) => asRecorded(v, Array.isArray(recorded) ? recorded[i] : undefined));
  if (sdk !== null && typeof sdk === "object") {
    const r = recorded !== null && typeof recorded === "object" ? (recorded as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(sdk).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asRecorded(v, r[k])]));
  }
  return sdk;
}

/** Every record LookupEvents returns for `eventSource` (all pages), newest first. */
export async function lookupBySource(ct: CloudTrailClient, eventSource: string): Promise<{ record: ParsedRecord; resources: { ResourceType?: string; ResourceName?: string }[] }[]> {
  const out: { record: ParsedRecord; resources: { ResourceType?: string; ResourceName?: string }[] }[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: eventSource }], NextToken, MaxResults: 50 }));
    for (const e of page.Events ?? []) out.push({ record: JSON.parse(e.CloudTrailEvent ?? "null") as ParsedRecord, resources: e.Resources ?? [] });
    NextToken = page.NextToken;
  } while (NextToken !== undefined);
  return out;
}
