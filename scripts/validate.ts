/**
 * `npm run validate -- [--json] [--max-findings N] <files or folders>...`: the record-level rules
 * (shape, identity consistency, the record JSON Schema) on CloudTrail records in trail log files,
 * LookupEvents output, JSON lines or plain JSON (harness/validate/run-validate.ts).
 */
import { runValidate } from "../harness/validate/run-validate.js";

runValidate(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`validate failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
