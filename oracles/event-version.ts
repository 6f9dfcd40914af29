/**
 * CloudTrail eventVersion arithmetic. Versions are "major.minor" and compare numerically:
 * "1.10" > "1.09" (CloudTrail user guide, "CloudTrail record contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html; docs/decisions.md 11: real values carry a leading zero).
 */

/** A parsed eventVersion. */
export interface EventVersion {
  major: number;
  minor: number;
}

/** Parses "1.08" into {major: 1, minor: 8}; "1.0" is {1, 0}. Undefined when not major.minor digits. */
export function parseEventVersion(text: unknown): EventVersion | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Negative, zero or positive as a is older than, equal to or newer than b. */
export function compareEventVersions(a: EventVersion, b: EventVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** True when `version` is at least `since` (both "major.minor"); false when either does not parse. */
export function versionAtLeast(version: unknown, since: string): boolean {
  const v = parseEventVersion(version);
  const s = parseEventVersion(since);
  return v !== undefined && s !== undefined && compareEventVersions(v, s) >= 0;
}
