/** The benchmark's fixed-width table: one row per figure, with its target and PASS/MISS. */

/** One row of the table; `status` is empty when the figure has no target. */
export interface TableRow {
  section: string;
  figure: string;
  value: string;
  target: string;
  status: "PASS" | "MISS" | "";
}

/** A row whose status follows from `ok` (undefined: no target). */
export function row(section: string, figure: string, value: string, target = "", ok?: boolean): TableRow {
  return { section, figure, value, target, status: ok === undefined ? "" : ok ? "PASS" : "MISS" };
}

/** Formats a number with `digits` decimals, or "-" when absent. */
export function num(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(digits);
}

/** Renders rows as a fixed-width text table with a header and a rule. */
export function renderTable(rows: readonly TableRow[]): string {
  const header: TableRow = { section: "part", figure: "figure", value: "value", target: "target", status: "" };
  const all = [header, ...rows];
  const w = (k: keyof TableRow) => Math.max(...all.map((r) => r[k].length));
  const [ws, wf, wv, wt] = [w("section"), w("figure"), w("value"), w("target")];
  const line = (r: TableRow) => `${r.section.padEnd(ws)}  ${r.figure.padEnd(wf)}  ${r.value.padStart(wv)}  ${r.target.padEnd(wt)}  ${r === header ? "result" : r.status}`.trimEnd();
  const rule = "-".repeat(ws + wf + wv + wt + 14);
  return [line(header), rule, ...rows.map(line)].join("\n");
}
