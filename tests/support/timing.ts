/**
 * Timing for "linear in rows" checks on a shared, busy machine: compare the
 * code under test with the least work any solution must do (one grouping
 * pass over the rows), measured in the same process at the same time, so a
 * neighbour hogging the CPU slows both alike. A per-customer scan of all
 * follow-ups would be thousands of times the baseline, not a few.
 */

/** Fastest of n runs, in milliseconds. */
export function bestOf(n: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** One pass grouping rows by a key into arrays: the floor for any indexing. */
export function groupingPass<T>(rows: readonly T[], key: (row: T) => string): void {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  if (groups.size < 0) throw new Error("unreachable: keeps the pass from being optimised away");
}
