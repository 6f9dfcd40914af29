/**
 * The run file: what a history was made against, written beside it (`history.run.json`) as soon as
 * the target has been probed and again when the run ends. It is what `npm run check -- <history>
 * --collect` reads to collect the records again later, also for a run that was killed (the file then
 * says `completed: false`). Never holds a secret: the target's endpoints, region, account and the
 * run's parameters only.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { RulesEditionSchema } from "../../oracles/context.js";
import { TARGET_NAMES } from "../targets/target.js";
import { ServiceIdSchema } from "../../history/observed-call.js";
import { OPT_IN_CLASSES } from "../../model/inspector2-operation-classes.js";

const IsoInstant = z.iso.datetime({ offset: true });

/** The run file's schema (version 1). */
export const RunFileSchema = z.object({
  schemaVersion: z.literal(1),
  target: z.enum(TARGET_NAMES),
  /** Endpoint URL of each service; absent: AWS's own endpoint of the region (or the embedded emulator). */
  endpoints: z.object({ inspector: z.string().optional(), inspector2: z.string().optional(), cloudtrail: z.string().optional(), sts: z.string().optional() }),
  /** The services the run checked (runs written before there were two: Classic). */
  services: z.array(ServiceIdSchema).min(1).default(["inspector"]),
  region: z.string().min(1),
  /** The account the calls were made in (GetCallerIdentity of the base identity). */
  accountId: z.string().regex(/^\d{12}$/),
  seed: z.number().int(),
  runs: z.number().int().nonnegative(),
  maxCommands: z.number().int().positive(),
  rulesEdition: RulesEditionSchema,
  mode: z.enum(["interactive", "deferred"]),
  clockSkewMs: z.number().int().nonnegative(),
  /** Request ids of calls outside the history (the probe's): their records are not the run's. */
  uncheckedRequestIds: z.array(z.string()),
  startedAt: IsoInstant,
  /** The opt-in operation classes the run was allowed to call (`--allow`; the aws target's call policy). */
  allow: z.array(z.enum(OPT_IN_CLASSES)).default([]),
  /** The run id its creations are named and tagged with on a real account (harness/run/run-stamp.ts). */
  runId: z.string().min(1).optional(),
  /** Set when the run ended (normally, or stopped by a dead target): absent for a killed run. */
  endedAt: IsoInstant.optional(),
  completed: z.boolean(),
});
/** What a history was made against. */
export type RunFile = z.infer<typeof RunFileSchema>;

/** `…/history.jsonl` -> `…/history.run.json`. */
export function runFileBeside(historyPath: string): string {
  return join(dirname(historyPath), `${basename(historyPath).replace(/\.jsonl?$/i, "")}.run.json`);
}

/** Writes the run file atomically (temporary name, then rename). */
export function writeRunFile(path: string, run: RunFile): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(RunFileSchema.parse(run), null, 2)}\n`, "utf8");
  renameSync(temp, path);
}

/** Reads a run file; the reason it cannot, as a sentence, instead of a throw. */
export function readRunFile(path: string): { ok: true; run: RunFile } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, reason: code === "ENOENT" ? `${path} does not exist` : `${path} cannot be read (${(err as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `${path} is not JSON (${(err as Error).message})` };
  }
  const parsed = RunFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${path} is not a run file: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ")}` };
  return { ok: true, run: parsed.data };
}
