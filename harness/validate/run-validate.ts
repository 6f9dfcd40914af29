/**
 * `npm run validate -- [--json] [--max-findings N] <files or folders>...`: the record-level rules on
 * any CloudTrail records. Exit 0 when no finding is required, 1 when one is, 2 for bad flags or an
 * input that cannot be read (one line saying which, then the usage).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { inputFiles, UnreadableInputError } from "./input-files.js";
import { exitCodeOf, renderJson, renderText, totalsOf } from "./render.js";
import { validateBytes, type FileResult } from "./validate-file.js";

/** The usage text. */
export const VALIDATE_USAGE = `Usage: npm run validate -- [--json] [--max-findings N] <file or folder>...
  Checks CloudTrail records against the record-level rules (shape, identity consistency, the record JSON Schema).
  Inputs: trail log files (*.json.gz, {"Records":[...]}), LookupEvents output ({"Events":[{"CloudTrailEvent":"..."}]}),
  JSON lines (*.jsonl, *.ndjson: one record per line), *.json (one record or a Records object); folders are walked.
  --json            print one JSON document (files, findings, totals, exitCode) instead of text
  --max-findings N  findings listed per file in the text output (default 50; --json lists all)
  Exit: 0 no required finding, 1 a required finding, 2 bad flags or unreadable input.`;

/** Where the command writes. */
export interface ValidateIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command on `argv` (the arguments after `--`); returns the exit code. */
export async function runValidate(argv: readonly string[], io: ValidateIo): Promise<number> {
  const usageError = (line: string): number => {
    io.err(`validate: ${line}\n${VALIDATE_USAGE}\n`);
    return 2;
  };
  let values: { json?: boolean; help?: boolean; "max-findings"?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" }, "max-findings": { type: "string" } },
    }));
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (values.help) {
    io.out(`${VALIDATE_USAGE}\n`);
    return 0;
  }
  const maxFindings = values["max-findings"] === undefined ? 50 : Number(values["max-findings"]);
  if (!Number.isInteger(maxFindings) || maxFindings < 0) return usageError(`--max-findings must be a whole number, got ${values["max-findings"]}`);
  if (positionals.length === 0) return usageError("give at least one file or folder");
  const results: FileResult[] = [];
  try {
    for (const file of await inputFiles(positionals)) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        throw new UnreadableInputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      results.push(validateBytes(file, bytes));
    }
  } catch (e) {
    if (e instanceof UnreadableInputError) return usageError(e.message);
    throw e;
  }
  io.out(values.json ? renderJson(results) : renderText(results, maxFindings));
  return exitCodeOf(totalsOf(results));
}
