/**
 * `requestParameters` of an STS record from the Query-protocol form: member names with a lower-case
 * first letter, integers as numbers, `X.member.N…` lists as arrays, as the IAM user guide's STS example
 * records show (`"roleArn"`, `"roleSessionName"`, `"durationSeconds": 3600`, `"tags": [{"key", "value"}]`,
 * `"transitiveTagKeys": [...]`; iam-user-guide--cloudtrail-integration.md, "Example AWS STS API events").
 */

/** STS members whose values are integers (API_AssumeRole.html, API_GetFederationToken.html). */
const INTEGER_MEMBERS: ReadonlySet<string> = new Set(["DurationSeconds"]);

/** Protocol parameters, not members of the action's input. */
const PROTOCOL_PARAMETERS: ReadonlySet<string> = new Set(["Action", "Version"]);

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** The request parameters of an STS call as CloudTrail logs them. */
export function stsRequestParameters(form: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, unknown>>();
  for (const [key, value] of form) {
    if (PROTOCOL_PARAMETERS.has(key)) continue;
    const [member, marker, index, field] = key.split(".");
    if (member === undefined || member === "") continue;
    const n = Number(index);
    if (marker === "member" && Number.isInteger(n) && n >= 1) {
      const list = lists.get(member) ?? new Map<number, unknown>();
      lists.set(member, list);
      if (field === undefined) list.set(n, value);
      else {
        const item = (list.get(n) as Record<string, unknown> | undefined) ?? {};
        item[lowerFirst(field)] = value;
        list.set(n, item);
      }
      continue;
    }
    out[lowerFirst(member)] = INTEGER_MEMBERS.has(member) && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  for (const [member, items] of lists) {
    out[lowerFirst(member)] = [...items.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  }
  return out;
}
