/**
 * One record problem, counted once whichever collectors saw it. A run may read the same records
 * through LookupEvents and through trail log files: the oracles then find the same thing twice on
 * one call (same code, path, expected and actual values), once per channel. Counts (checks,
 * findingsByCode, problems) take each such finding once and say which channels saw it.
 */
import type { Finding, FindingChannel } from "../../oracles/finding.js";
import { FindingChannelSchema } from "../../oracles/finding.js";

/** What makes two findings of one call the same finding: everything but the channel (and the words). */
export function findingKey(f: Finding): string {
  return JSON.stringify([f.code, f.path, f.severity, f.expected ?? null, f.actual ?? null]);
}

/** The findings of one call (or one record) with each finding kept once, first copy first, in order. */
export function distinctFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = findingKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/** Each distinct finding of one call (first copy, in order) with every channel any copy came through. */
export function distinctWithChannels(findings: readonly Finding[]): { finding: Finding; channels: FindingChannel[] }[] {
  const byKey = new Map<string, { finding: Finding; copies: Finding[] }>();
  for (const f of findings) {
    const key = findingKey(f);
    const entry = byKey.get(key);
    if (entry) entry.copies.push(f);
    else byKey.set(key, { finding: f, copies: [f] });
  }
  return [...byKey.values()].map((e) => ({ finding: e.finding, channels: channelsOf(e.copies) }));
}

/** The channels the findings name, in a fixed order (LookupEvents, then trail files). */
export function channelsOf(findings: readonly Pick<Finding, "channel">[]): FindingChannel[] {
  const named = new Set(findings.map((f) => f.channel));
  return FindingChannelSchema.options.filter((c) => named.has(c));
}

/** How a channel is named in the reports. */
export const CHANNEL_TITLE: Readonly<Record<FindingChannel, string>> = { "lookup-events": "LookupEvents", "trail-file": "trail files" };

/** `LookupEvents and trail files` for a list of channels ("" for none). */
export function channelWords(channels: readonly FindingChannel[]): string {
  return channels.map((c) => CHANNEL_TITLE[c]).join(" and ");
}
