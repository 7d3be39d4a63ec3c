/**
 * The only module that imports croner. Every date computation of the scheduler
 * goes through here, so time zones and daylight-saving changes are handled by
 * the library, never by hand-written arithmetic.
 */
import { Cron } from 'croner';

/** A compiled, never-firing croner job: we only ask it for dates. */
function compile(cron: string, zone: string): Cron {
  return new Cron(cron, { timezone: zone, paused: true, mode: '5-or-6-parts' });
}

/**
 * Checks a cron expression in a zone; returns croner's complaint, or null if it is
 * valid and runs at least once after `from`.
 *
 * @example cronProblem('0 8 * * 1-5', 'Europe/London', now) // null
 */
export function cronProblem(cron: string, zone: string, from: Date): string | null {
  let job: Cron;
  try {
    job = compile(cron, zone);
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).replace(/^CronPattern:\s*/, '');
  }
  return job.nextRun(from) ? null : 'it never runs';
}

/**
 * The first run strictly after `after`.
 *
 * @example nextRunAfter('0 0 8 * * *', 'Europe/London', new Date('2026-03-28T08:00:00Z')) // 2026-03-29T07:00:00Z (08:00 BST)
 */
export function nextRunAfter(cron: string, zone: string, after: Date): Date | null {
  return compile(cron, zone).nextRun(after);
}

/** The most recent run at or before `at` (runs fall on whole seconds). */
export function latestRunAtOrBefore(cron: string, zone: string, at: Date): Date | null {
  // croner's previousRuns includes a run earlier in the same second as the reference,
  // so referencing the last millisecond of `at`'s second makes the search inclusive.
  const ref = new Date(Math.floor(at.getTime() / 1000) * 1000 + 999);
  const [latest] = compile(cron, zone).previousRuns(1, ref);
  return latest && latest.getTime() <= at.getTime() ? latest : null;
}

/** The run just before `before` (exclusive). */
export function previousRunBefore(cron: string, zone: string, before: Date): Date | null {
  const [prev] = compile(cron, zone).previousRuns(1, new Date(before.getTime() - 1));
  return prev && prev.getTime() < before.getTime() ? prev : null;
}

/**
 * Counts runs strictly between `after` and `before`, giving up at `cap` (a schedule
 * every second that was down for a week would otherwise take a while).
 */
export function countRunsBetween(cron: string, zone: string, after: Date, before: Date, cap = 1000): { count: number; first: Date | null; capped: boolean } {
  const job = compile(cron, zone);
  let count = 0;
  let first: Date | null = null;
  let cursor: Date | null = job.nextRun(after);
  while (cursor && cursor.getTime() < before.getTime()) {
    if (count === cap) return { count, first, capped: true };
    first ??= cursor;
    count++;
    cursor = job.nextRun(cursor);
  }
  return { count, first, capped: false };
}
