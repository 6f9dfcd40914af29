/**
 * The finding tally of conformance.json: where a run's findings were, by service, operation, caller
 * kind, code, severity and path pattern, with counts, channels, the checks they count in and a
 * digest of which calls they were. Small (its rows are bounded by operations x kinds x codes, not by
 * calls) and enough to compute the report's distinct problems again (problems.ts). Pure.
 */
import { familyOf, FindingChannelSchema, type Finding, type FindingChannel } from "../../oracles/finding.js";
import type { ObservedCall } from "../../history/observed-call.js";
import type { ServiceId } from "../../model/services.js";
import { distinctWithChannels } from "./channels.js";
import { checkId } from "./checks.js";
import { attributeFindings } from "./finding-attribution.js";
import { ALL_OPERATIONS } from "./properties.js";
import type { FindingTallyRow } from "./schema.js";

/** A path segment that names a resource rather than a field: an ARN, a UUID, a number, an id with `/`. */
const ID_SEGMENT = /^(arn:.*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|.*[/:].*)$/i;

/**
 * A finding path with what differs from record to record abstracted: indices (`[3]`, `[seq=12]`)
 * become `[]`, ids and ARNs used as keys become `*`, and the `records[i].` prefix of a record that
 * joined no call goes (`records[3].userIdentity.type` -> `userIdentity.type`).
 */
export function pathPattern(path: string): string {
  const indexed = path.replace(/\[(?:seq=)?\d+\]/g, "[]");
  const bare = indexed.startsWith("records[].") ? indexed.slice("records[].".length) : indexed;
  return bare
    .split(".")
    .map((segment) => {
      const m = /^(.*?)((?:\[\])*)$/.exec(segment)!;
      return ID_SEGMENT.test(m[1]!) ? `*${m[2]}` : segment;
    })
    .join(".");
}

/** FNV-1a (32 bits) of the keys in sorted order, as 8 hex digits: a set's fingerprint. */
export function setDigest(keys: Iterable<string>): string {
  let h = 0x811c9dc5;
  for (const key of [...new Set(keys)].sort()) {
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x2c; // a separator, so that ["ab"] and ["a", "b"] differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** What tallying one service's findings needs. */
export interface TallyInput {
  service: ServiceId;
  calls: readonly ObservedCall[];
  findings: { all: readonly Finding[]; byCall: ReadonlyMap<number, readonly Finding[]> };
  records?: readonly unknown[];
  /** The ids of the service's checks (a row names those its findings count in). */
  checkIds: ReadonlySet<string>;
}

interface Building {
  row: Omit<FindingTallyRow, "channels" | "checks" | "digest" | "calls">;
  owners: Set<string>;
  channels: Set<FindingChannel>;
  checks: Set<string>;
}

/** The tally rows of one service, in first-seen order. */
export function tallyFindings(input: TallyInput): FindingTallyRow[] {
  const { byCall, unattached } = attributeFindings(input.calls, input.findings, input.records ?? []);
  const callOf = new Map(input.calls.map((c) => [c.seq, c]));
  const rows = new Map<string, Building>();
  const add = (f: Finding, channels: readonly FindingChannel[], owner: string, operation: string, identity: FindingTallyRow["identity"], candidates: string[]): void => {
    const path = pathPattern(f.path);
    const key = JSON.stringify([operation, identity, f.code, f.severity, path]);
    let b = rows.get(key);
    if (b === undefined) {
      b = { row: { service: input.service, operation, identity, code: f.code, severity: f.severity, path, findings: 0, example: f.message.split("\n")[0] ?? f.code }, owners: new Set(), channels: new Set(), checks: new Set() };
      rows.set(key, b);
    }
    b.row.findings++;
    b.owners.add(owner);
    for (const c of channels) b.channels.add(c);
    for (const id of candidates) if (input.checkIds.has(id)) b.checks.add(id);
  };
  for (const [seq, list] of byCall) {
    const call = callOf.get(seq);
    const operation = call?.operation ?? ALL_OPERATIONS;
    const kind = call?.identity.kind ?? null;
    for (const { finding: f, channels } of distinctWithChannels(list)) {
      const family = familyOf(f.code);
      const ids = [checkId(input.service, operation, family)];
      if (family === "identity" && kind !== null) ids.push(checkId(input.service, ALL_OPERATIONS, `identity:${kind}`));
      add(f, channels, `call:${seq}`, operation, kind, ids);
    }
  }
  unattached.forEach((o, i) => {
    const family = familyOf(o.finding.code);
    const operation = o.operation ?? ALL_OPERATIONS;
    // A record of no call is its own owner: the same path in two channels may be two records.
    add(o.finding, o.finding.channel ? [o.finding.channel] : [], `record:${o.finding.channel ?? ""}:${o.finding.path}:${i}`, operation, null, [checkId(input.service, operation, family), checkId(input.service, ALL_OPERATIONS, family)]);
  });
  return [...rows.values()].map((b) => ({
    ...b.row,
    calls: b.owners.size,
    channels: FindingChannelSchema.options.filter((c) => b.channels.has(c)),
    checks: [...b.checks],
    digest: setDigest(b.owners),
  }));
}
