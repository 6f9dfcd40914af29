/**
 * The run id, and the stamp it puts on everything a run creates in a real account, so that what a
 * run leaves behind (it was killed, or a delete failed) can be found later by `npm run janitor` and
 * nothing else is: every Inspector v2 create carries the tag `conformance-run` = run id, and every
 * name a create or update sets starts with the run id and a hyphen. A run id is
 * `ict-<UTC time, yyyymmddThhmmssZ>-<4 hex digits>`: it says when the run started, so the janitor can
 * tell an earlier run's leftovers from a run still going, and it satisfies every v2 name pattern
 * (`[a-zA-Z0-9-_$:.]*`).
 */
import { inspector2Model } from "../../model/inspector2-model.js";

/** The tag key every resource a run creates carries; its value is the run id. */
export const RUN_TAG_KEY = "conformance-run";

const RUN_ID = /^ict-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{4}$/;
/** A run id at the start of a name, followed by the hyphen the stamp adds. */
const STAMPED_NAME = /^(ict-\d{8}T\d{6}Z-[0-9a-f]{4})-/;

/** A new run id for a run starting at `at`. */
export function newRunId(at: Date, random: () => number = Math.random): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, "0");
  return `ict-${time}-${suffix}`;
}

/** When the run of `runId` started, or undefined when it is not a run id. */
export function runIdTime(runId: string): Date | undefined {
  const m = RUN_ID.exec(runId);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The run id a stamped name starts with, or undefined for a name no run stamped. */
export function runIdOfName(name: string): string | undefined {
  const m = STAMPED_NAME.exec(name);
  return m !== null && runIdTime(m[1]!) !== undefined ? m[1] : undefined;
}

/** The name members each v2 create or update sets, by operation. */
const NAME_MEMBERS: Readonly<Record<string, string>> = {
  CreateFilter: "name",
  UpdateFilter: "name",
  CreateCisScanConfiguration: "scanName",
  UpdateCisScanConfiguration: "scanName",
  CreateCodeSecurityScanConfiguration: "name",
  CreateCodeSecurityIntegration: "name",
};

/** The length bounds of `member` of `operation`'s input, from the model. */
function lengthBounds(operation: string, member: string): { min: number; max: number } {
  const input = inspector2Model.operations[operation]?.input?.shape;
  const shapeName = input !== undefined ? inspector2Model.shapes[input]?.members?.[member]?.shape : undefined;
  const shape = shapeName !== undefined ? inspector2Model.shapes[shapeName] : undefined;
  return { min: shape?.min ?? 0, max: shape?.max ?? Number.POSITIVE_INFINITY };
}

/** Whether `operation`'s input has a `tags` map (every v2 create that can tag what it makes). */
function takesTags(operation: string): boolean {
  const input = inspector2Model.operations[operation]?.input?.shape;
  const member = input !== undefined ? inspector2Model.shapes[input]?.members?.["tags"] : undefined;
  return member !== undefined && inspector2Model.shapes[member.shape]?.type === "map";
}

/**
 * `input` of Inspector v2 `operation` with the run's stamp: the run tag added to a create's tags,
 * `<runId>-` put before a name (cut to the name's longest length), and the run tag kept off an
 * UntagResource. A name the generator made invalid on purpose (too short or too long) is left as it
 * is, so the call still tests what it was made to test; a run's own cleanup removes such a thing if
 * the service made it anyway.
 */
export function stampInput(operation: string, input: Record<string, unknown>, runId: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  const nameMember = NAME_MEMBERS[operation];
  const name = nameMember !== undefined ? out[nameMember] : undefined;
  if (nameMember !== undefined && typeof name === "string" && runIdOfName(name) !== runId) {
    const { min, max } = lengthBounds(operation, nameMember);
    if (name.length >= min && name.length <= max) out[nameMember] = `${runId}-${name}`.slice(0, max);
  }
  if (operation.startsWith("Create") && takesTags(operation)) {
    const tags = out["tags"];
    if (tags === undefined || (tags !== null && typeof tags === "object" && !Array.isArray(tags))) {
      out["tags"] = { ...(tags as Record<string, unknown> | undefined), [RUN_TAG_KEY]: runId };
    }
  }
  if (operation === "UntagResource" && Array.isArray(out["tagKeys"])) {
    const keys = (out["tagKeys"] as unknown[]).filter((k) => k !== RUN_TAG_KEY);
    if (keys.length > 0) out["tagKeys"] = keys;
  }
  return out;
}
