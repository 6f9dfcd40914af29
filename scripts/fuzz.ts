/**
 * `npm run fuzz -- [--inputs 100000] [--seed 1] [--only record,history,records-file,validate]`: feeds each
 * of the four readers of recorded data (the record reader with every rule behind it, the history reader,
 * the records-file reader, `npm run validate`'s file reader) generated malformed inputs with fast-check, from a fixed seed. Any throw,
 * or an input that is neither a finding nor a problem naming its line, fails the run (exit 1) with
 * fast-check's shrunk counterexample and its seed and path. Prints a table and writes reports/fuzz.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { historyReaderProperty } from "../fuzz/history-reader.js";
import { recordReaderProperty, type ReaderStats } from "../fuzz/record-reader.js";
import { recordsFileReaderProperty } from "../fuzz/records-file-reader.js";
import { validateInputProperty } from "../fuzz/validate-input.js";

const READERS = {
  record: { what: "record reader (LookupEvents page + every rule)", property: recordReaderProperty },
  history: { what: "history reader", property: historyReaderProperty },
  "records-file": { what: "records-file reader", property: recordsFileReaderProperty },
  validate: { what: "npm run validate (files of every layout, malformed)", property: validateInputProperty },
} as const;

const { values } = parseArgs({ options: { inputs: { type: "string" }, seed: { type: "string" }, only: { type: "string" } }, strict: true });
const inputs = Number(values.inputs ?? 100_000);
const seed = Number(values.seed ?? 1);
if (!Number.isInteger(inputs) || inputs < 1 || !Number.isInteger(seed)) {
  process.stderr.write("fuzz: --inputs must be a positive whole number and --seed a whole number\n");
  process.exit(2);
}
const only = (values.only?.split(",") ?? Object.keys(READERS)) as (keyof typeof READERS)[];
const unknown = only.filter((k) => !(k in READERS));
if (unknown.length > 0) {
  process.stderr.write(`fuzz: unknown reader ${unknown.join(", ")}; choose from ${Object.keys(READERS).join(", ")}\n`);
  process.exit(2);
}

const results: { reader: string; inputs: number; failures: number; reported: number; seconds: number; byKind: Record<string, number>; counterexample?: string }[] = [];
for (const name of only) {
  const stats: ReaderStats = { inputs: 0, byKind: {}, reported: 0 };
  const started = performance.now();
  const details = await fc.check(READERS[name].property(stats) as fc.IAsyncProperty<unknown>, { numRuns: inputs, seed });
  const seconds = (performance.now() - started) / 1000;
  results.push({
    reader: READERS[name].what, inputs: details.numRuns, failures: details.failed ? 1 : 0, reported: stats.reported, seconds, byKind: stats.byKind,
    ...(details.failed ? { counterexample: fc.defaultReportMessage(details) ?? "failed" } : {}),
  });
}

const rows = results.map((r) => [r.reader, String(r.inputs), r.failures === 0 ? "0" : "FAILED", String(r.reported), r.seconds.toFixed(1)]);
const head = ["reader", "inputs", "crashes or unreported", "findings/problems", "seconds"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
process.stdout.write(`fuzz: seed ${seed}, ${inputs} inputs per reader\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
for (const r of results) process.stdout.write(`  ${r.reader}: ${Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(", ")}\n`);
for (const r of results.filter((x) => x.counterexample !== undefined)) process.stdout.write(`\n${r.reader} FAILED:\n${r.counterexample}\n`);
mkdirSync("reports", { recursive: true });
writeFileSync("reports/fuzz.json", `${JSON.stringify({ seed, inputsPerReader: inputs, results }, null, 2)}\n`);
process.exit(results.some((r) => r.failures > 0) ? 1 : 0);
