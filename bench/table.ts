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

/** The median of `xs` (mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
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
