/** Timing helpers: repeated runs after a warm-up, reported as their median. */

export interface Timing {
  /** Median of the timed runs, in milliseconds. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
  /**
   * Median CPU time of this process over the same runs (user + system), ms.
   * On a busy machine the wall time includes waiting for a core; the CPU
   * time shows what the work itself costs.
   */
  readonly cpuMs?: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface RepeatOptions {
  /** Timed runs wanted. */
  readonly runs: number;
  /** Untimed runs first (JIT, caches). */
  readonly warmup: number;
  /**
   * Stop repeating once the timed runs took this long in all (at least one
   * run is always made): slow metrics on the largest workbook get fewer runs
   * so the whole benchmark stays within its time budget.
   */
  readonly budgetMs?: number;
}

export async function repeat<T>(opts: RepeatOptions, work: () => T | Promise<T>): Promise<{ timing: Timing; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < opts.warmup; i++) last = await work();
  const times: number[] = [];
  const cpu: number[] = [];
  let spent = 0;
  while (times.length < Math.max(1, opts.runs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await work();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    times.push(ms);
    spent += ms;
    if (opts.budgetMs !== undefined && spent >= opts.budgetMs) break;
  }
  return { timing: { ...timingOf(times), cpuMs: round(median(cpu)) }, last: last as T };
}

export function timingOf(times: readonly number[]): Timing {
  return { medianMs: round(median(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), runs: times.length };
}

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
