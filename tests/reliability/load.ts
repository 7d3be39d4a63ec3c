/**
 * Helpers for the load tests: the mix of commands a busy newsroom sends, distinct
 * members and channels, and latency percentiles printed with the test output.
 */
import type { Suite } from '../e2e/suite.js';

export interface Invocation {
  /** Position in the burst. */
  n: number;
  name: string;
  args: Record<string, string | number | boolean>;
  subcommand?: string;
  /** What the answer must look like. */
  expect: 'answer' | 'error-id' | 'slow' | 'busy';
}

/**
 * `count` invocations: every real command anyone may run (with sample arguments),
 * one in five `busywork` (15 ms of CPU each: a corpus far larger than the seeds),
 * and a few slow (4 s) and failing commands.
 */
export function burstMix(suite: Suite, count: number): Invocation[] {
  const real = suite.samples.filter((s) => !s.admin);
  const out: Invocation[] = [];
  for (let n = 0; n < count; n++) {
    if (n % 5 === 4) out.push({ n, name: 'busywork', args: {}, expect: 'busy' });
    else if (n % 97 === 13) out.push({ n, name: 'slowbrief', args: {}, expect: 'slow' });
    else if (n % 89 === 7) out.push({ n, name: 'explode', args: {}, expect: 'error-id' });
    else {
      const s = real[n % real.length]!;
      out.push({ n, name: s.name, args: s.args, subcommand: s.subcommand, expect: 'answer' });
    }
  }
  return out;
}

/** The p-th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** "p50 12 ms, p99 340 ms, max 410 ms (n=1000)" */
export function latencySummary(values: readonly number[]): string {
  return `p50 ${percentile(values, 50)} ms, p99 ${percentile(values, 99)} ms, max ${Math.max(...values)} ms (n=${values.length})`;
}

/** Prints a result line that stays in the test output (vitest shows stdout per test). */
export function report(line: string): void {
  console.log(`[load] ${line}`);
}

/** A Discord snowflake-shaped id for member or channel `i` of a series. */
export function discordId(series: 5 | 6, i: number): string {
  return `${series}000000000${String(i).padStart(8, '0')}`;
}

/** Runs `fn` for each item, starting `perTick` of them every `everyMs` (a burst spread over a moment). */
export async function spread<T, R>(items: readonly T[], perTick: number, everyMs: number, fn: (item: T, i: number) => Promise<R>, onTick?: (sent: number) => void): Promise<R[]> {
  const running: Promise<R>[] = [];
  for (let i = 0; i < items.length; i += perTick) {
    for (let k = i; k < Math.min(items.length, i + perTick); k++) running.push(fn(items[k]!, k));
    onTick?.(Math.min(items.length, i + perTick));
    if (i + perTick < items.length) await new Promise((r) => setTimeout(r, everyMs));
  }
  return Promise.all(running);
}
