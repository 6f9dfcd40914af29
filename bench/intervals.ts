/**
 * Busy intervals per label (e.g. "Inspector calls in flight"), measured from outside the suite, and
 * their union: with concurrent calls (the coverage sweep runs the four identities at once) the union
 * is the wall time during which at least one was in flight, never more than the run's wall time.
 */

/** Intervals by label, in performance.now() milliseconds. */
export class IntervalLog {
  private readonly byLabel = new Map<string, [number, number][]>();

  /** Records that `label` was busy from `start` to `end`. */
  add(label: string, start: number, end: number): void {
    let list = this.byLabel.get(label);
    if (list === undefined) this.byLabel.set(label, (list = []));
    list.push([start, end]);
  }

  /** Starts an interval now; the returned function ends it. */
  begin(label: string): () => void {
    const start = performance.now();
    return () => this.add(label, start, performance.now());
  }

  /** How many intervals `label` has. */
  count(label: string): number {
    return this.byLabel.get(label)?.length ?? 0;
  }

  /** Milliseconds covered by the union of the intervals of the given labels (all labels when none given). */
  unionMs(...labels: string[]): number {
    const chosen = labels.length === 0 ? [...this.byLabel.keys()] : labels;
    const all = chosen.flatMap((l) => this.byLabel.get(l) ?? []).sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [curStart, curEnd] = [Number.NaN, Number.NaN];
    for (const [s, e] of all) {
      if (Number.isNaN(curStart) || s > curEnd) {
        if (!Number.isNaN(curStart)) total += curEnd - curStart;
        [curStart, curEnd] = [s, e];
      } else if (e > curEnd) curEnd = e;
    }
    if (!Number.isNaN(curStart)) total += curEnd - curStart;
    return total;
  }
}
