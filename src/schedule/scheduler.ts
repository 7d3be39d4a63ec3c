/**
 * Posts due schedules exactly once.
 *
 * Each tick reads the unpaused schedules from the store, works out which due time
 * (if any) each one owes, and claims it by inserting a row keyed by (schedule,
 * due time). Only the scheduler whose insert succeeds posts, so restarts, crashes
 * and several processes sharing the database never post twice. A claim whose post
 * may have gone out is never retried; only failures that certainly did not post
 * (`DeliveryError.retryable`) are, and those retries live in the database too, so
 * any scheduler can finish them after a restart.
 *
 * Time comes from the injected clock; croner (via `cron.ts`) does the calendar.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { answer, type Reply } from '../core/reply.js';
import { log } from '../log.js';
import { countRunsBetween, latestRunAtOrBefore, nextRunAfter, previousRunBefore } from './cron.js';
import { invocation } from './format.js';
import type { ScheduleStore } from './store.js';
import type { RunRecord, Schedule, SchedulePlatform } from './types.js';

/**
 * A post that did not go out. Adapters throw it from `deliver`.
 *
 * `retryable` promises that the message certainly was not posted and that trying
 * again may work (429, connection refused, 503 before the request was accepted).
 * Anything ambiguous (a timeout after sending, an unknown error) must be
 * `retryable: false`: a missed post is better than a duplicate.
 */
export class DeliveryError extends Error {
  readonly retryable: boolean;
  /** The platform's own wait (Discord `retry_after`, Slack `Retry-After`), if it gave one. */
  readonly retryAfterMs?: number;
  /** One line, safe to show in the channel: "the bot is missing permission to post here". */
  readonly reason: string;

  constructor(init: { retryable: boolean; reason: string; retryAfterMs?: number; cause?: unknown }) {
    super(init.reason, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DeliveryError';
    this.retryable = init.retryable;
    this.reason = init.reason;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

export type Deliver = (schedule: Schedule, reply: Reply) => Promise<void>;

export interface RenderRequest {
  /** The due time being posted. */
  dueAt: Date;
  now: Date;
  /** What the previous successful post of this schedule recorded, if any. */
  previous: { dueAt: Date; snapshot: unknown } | null;
}

export interface RenderedPost {
  reply: Reply;
  /** Kept (only once the post went out) and handed back as `previous` next time. */
  snapshot?: unknown;
}

/** Builds the post for a run; see `createScheduledRender` in `post.ts`. */
export type Render = (schedule: Schedule, request: RenderRequest) => Promise<RenderedPost | Reply>;

export interface SchedulerOptions {
  store: ScheduleStore;
  deliver: Deliver;
  render: Render;
  clock?: () => Date;
  /** Written to `runs.claimed_by`; defaults to host:pid:random. */
  instanceId?: string;
  /**
   * Only schedules of these platforms are claimed (default: all). A process that
   * is not connected to Slack must leave Slack schedules to one that is, when
   * several share the database.
   */
  platforms?: readonly SchedulePlatform[];
  /** A run missed by at most this much is posted late, once. */
  graceMs?: number;
  /** Attempts per run, including the first. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, capped by `maxBackoffMs`. */
  backoffBaseMs?: number;
  maxBackoffMs?: number;
  /** A platform asking us to wait longer than this is not retried. */
  maxRetryAfterMs?: number;
  /** Pause a schedule after this many failed runs in a row. */
  pauseAfterFailures?: number;
  /** A `deliver` that has not settled by then counts as failed (not retried: it may have posted). */
  deliveryTimeoutMs?: number;
  /** Longest sleep between ticks, so schedules added by other processes are noticed. */
  pollMs?: number;
  /** Finished runs older than this are pruned (each schedule keeps its latest). */
  keepRunsMs?: number;
}

export const SCHEDULER_DEFAULTS = Object.freeze({
  graceMs: 15 * 60_000,
  maxAttempts: 4,
  backoffBaseMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  maxRetryAfterMs: 15 * 60_000,
  pauseAfterFailures: 3,
  deliveryTimeoutMs: 60_000,
  pollMs: 30_000,
  keepRunsMs: 30 * 24 * 3_600_000,
});

/** setTimeout's limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Failure = { retryable: boolean; reason: string; retryAfterMs?: number };

/** What a schedule owes at `now`: a run to post and/or missed runs to record as skipped. */
export interface RunPlan {
  post: Date | null;
  /** Latest missed run beyond the grace period, with how many were missed in all. */
  skipped: { latest: Date; count: number; first: Date; capped: boolean } | null;
}

/**
 * Decides what a schedule owes at `now`. Pure.
 *
 * Runs are due strictly after `max(lastDueAt, activeFrom)`. The most recent due run
 * is posted if it is at most `graceMs` late; every earlier missed run, and the most
 * recent one if it is later than that, is skipped.
 *
 * @example
 * // daily 08:00, last run yesterday, now 08:10 -> { post: 08:00 today, skipped: null }
 * planRuns(schedule, yesterday0800, today0810, 15 * 60_000)
 */
export function planRuns(schedule: Pick<Schedule, 'cron' | 'zone' | 'activeFrom'>, lastDueAt: Date | null, now: Date, graceMs: number): RunPlan {
  const from = lastDueAt && lastDueAt > schedule.activeFrom ? lastDueAt : schedule.activeFrom;
  const latest = latestRunAtOrBefore(schedule.cron, schedule.zone, now);
  if (!latest || latest <= from) return { post: null, skipped: null };
  const inGrace = now.getTime() - latest.getTime() <= graceMs;
  const lastSkipped = inGrace ? previousRunBefore(schedule.cron, schedule.zone, latest) : latest;
  if (!lastSkipped || lastSkipped <= from) return { post: inGrace ? latest : null, skipped: null };
  const earlier = countRunsBetween(schedule.cron, schedule.zone, from, lastSkipped);
  return {
    post: inGrace ? latest : null,
    skipped: { latest: lastSkipped, count: earlier.count + 1, first: earlier.first ?? lastSkipped, capped: earlier.capped },
  };
}

/**
 * @example
 * const scheduler = new Scheduler({ store, deliver, render });
 * scheduler.start();
 * // ... on shutdown:
 * await scheduler.stop();
 * store.close();
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly store: ScheduleStore;
  private readonly deliver: Deliver;
  private readonly render: Render;
  private readonly clock: () => Date;
  private readonly opts: Required<Omit<SchedulerOptions, 'store' | 'deliver' | 'render' | 'clock' | 'instanceId' | 'platforms'>>;
  private readonly platforms: ReadonlySet<SchedulePlatform> | null;
  /** Attempts under way, by schedule id: one at a time per schedule in this process. */
  private readonly inflight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private currentTick: Promise<void> | null = null;
  private lastPrune = 0;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.deliver = options.deliver;
    this.render = options.render;
    this.clock = options.clock ?? (() => new Date());
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.platforms = options.platforms ? new Set(options.platforms) : null;
    const merged: Record<keyof typeof SCHEDULER_DEFAULTS, number> = { ...SCHEDULER_DEFAULTS };
    for (const key of Object.keys(SCHEDULER_DEFAULTS) as (keyof typeof SCHEDULER_DEFAULTS)[]) {
      const v = options[key];
      if (v !== undefined) {
        if (!Number.isFinite(v) || v < 0) throw new RangeError(`Scheduler option ${key} must be a non-negative number (got ${v}).`);
        merged[key] = v;
      }
    }
    if (merged.maxAttempts < 1 || merged.pauseAfterFailures < 1) throw new RangeError('maxAttempts and pauseAfterFailures must be at least 1.');
    this.opts = merged;
  }

  /**
   * Claims and posts everything due now, then waits for those posts (and their
   * bookkeeping) to finish. Tests drive the scheduler with this and a fake clock.
   */
  async tick(): Promise<void> {
    const started = await this.claimDue();
    await Promise.allSettled(started);
  }

  /** Ticks on a timer until `stop()`. Catches up on missed runs at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Ticks soon: call after adding or resuming a schedule in this process. */
  wake(): void {
    if (this.running && !this.currentTick) this.schedule(0);
  }

  /** Stops ticking and waits for the tick and posts under way. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.currentTick;
    await Promise.allSettled([...this.inflight.values()]);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const tick = this.claimDue().then(
      () => undefined,
      (err: unknown) => log.error('scheduler tick failed', { err }),
    );
    this.currentTick = tick;
    await tick;
    this.currentTick = null;
    if (this.running) this.schedule(this.msToNextWake());
  }

  /** Sleep until the next due run or retry (a little after, as timers may fire early), at most `pollMs`. */
  private msToNextWake(): number {
    const now = this.clock();
    let wake = now.getTime() + this.opts.pollMs;
    try {
      for (const { schedule } of this.store.activeSchedules()) {
        // A schedule with a post under way wakes us itself when the post is done.
        if (this.inflight.has(schedule.id) || !this.serves(schedule)) continue;
        try {
          const after = schedule.activeFrom > now ? schedule.activeFrom : now;
          const next = nextRunAfter(schedule.cron, schedule.zone, after);
          if (next) wake = Math.min(wake, next.getTime());
        } catch {
          // logged by the tick that skips it
        }
      }
      const retry = this.store.nextRetryAt(this.platforms ? [...this.platforms] : undefined);
      if (retry) wake = Math.min(wake, retry.getTime());
    } catch (err) {
      log.error('scheduler could not compute its next wake-up', { err });
    }
    return Math.min(MAX_TIMER_MS, Math.max(50, wake - now.getTime() + 20));
  }

  /** The synchronous part of a tick: claims, skips, retries taken over. Returns the attempts started. */
  private async claimDue(): Promise<Promise<void>[]> {
    const now = this.clock();
    const started: Promise<void>[] = [];
    for (const { schedule, lastDueAt } of this.store.activeSchedules()) {
      if (this.inflight.has(schedule.id) || !this.serves(schedule)) continue;
      try {
        const plan = planRuns(schedule, lastDueAt, now, this.opts.graceMs);
        if (plan.skipped) this.recordSkipped(schedule, plan.skipped, now);
        if (!plan.post) continue;
        const run = this.store.claimRun(schedule.id, plan.post, this.instanceId, now);
        if (run) started.push(this.launch(schedule, run));
      } catch (err) {
        // One broken schedule (bad row, odd cron) must not stop the others.
        log.error('schedule could not be checked', { schedule: schedule.id, err });
      }
    }
    for (const retry of this.store.dueRetries(now)) {
      if (this.inflight.has(retry.scheduleId)) continue;
      try {
        const owner = this.store.getSchedule(retry.scheduleId);
        if (!owner || !this.serves(owner)) continue;
        const run = this.store.takeOverRetry(retry.id, this.instanceId, now);
        const schedule = run && this.store.getSchedule(run.scheduleId);
        if (run && schedule) started.push(this.launch(schedule, run));
      } catch (err) {
        log.error('retry could not be taken over', { schedule: retry.scheduleId, run: retry.id, err });
      }
    }
    this.pruneNowAndThen(now);
    return started;
  }

  private serves(schedule: Pick<Schedule, 'platform'>): boolean {
    return this.platforms === null || this.platforms.has(schedule.platform);
  }

  private recordSkipped(schedule: Schedule, skipped: NonNullable<RunPlan['skipped']>, now: Date): void {
    const more = skipped.capped ? 'more than ' : '';
    const note =
      skipped.count === 1
        ? `missed by ${formatDuration(now.getTime() - skipped.latest.getTime())} (grace ${formatDuration(this.opts.graceMs)}); not posted`
        : `${more}${skipped.count} runs from ${skipped.first.toISOString()} missed beyond the grace period (${formatDuration(this.opts.graceMs)}); not posted`;
    if (this.store.recordSkipped(schedule.id, skipped.latest, this.instanceId, now, note)) {
      log.warn('scheduled runs skipped', {
        schedule: schedule.id,
        count: skipped.count,
        capped: skipped.capped,
        first: skipped.first.toISOString(),
        last: skipped.latest.toISOString(),
        graceMs: this.opts.graceMs,
      });
    }
  }

  private launch(schedule: Schedule, run: RunRecord): Promise<void> {
    const p = this.attempt(schedule, run)
      .catch((err: unknown) => log.error('scheduled run bookkeeping failed', { schedule: schedule.id, run: run.id, err }))
      .finally(() => {
        this.inflight.delete(schedule.id);
        this.wake();
      });
    this.inflight.set(schedule.id, p);
    return p;
  }

  /** One attempt at posting a claimed run, and the record of how it went. */
  private async attempt(schedule: Schedule, run: RunRecord): Promise<void> {
    const attemptNo = run.attempts + 1;
    let rendered: RenderedPost;
    try {
      try {
        const previous = this.store.latestSnapshot(schedule.id);
        const out = await this.render(schedule, { dueAt: run.dueAt, now: this.clock(), previous });
        rendered = 'reply' in out ? out : { reply: out };
      } catch (err) {
        // Nothing was sent, so trying again is safe.
        throw new DeliveryError({ retryable: true, reason: 'the post could not be built', cause: err });
      }
      const { reply } = rendered;
      if (reply.kind === 'error' && reply.code === 'internal') {
        throw new DeliveryError({ retryable: true, reason: `the post could not be built (error id ${reply.errorId ?? 'unknown'})` });
      }
      await withTimeout(this.deliver(schedule, reply), this.opts.deliveryTimeoutMs);
    } catch (err) {
      let failure: Failure;
      if (err instanceof DeliveryError) {
        failure = { retryable: err.retryable, reason: err.reason, retryAfterMs: err.retryAfterMs };
        if (err.cause !== undefined) log.warn('scheduled post attempt failed', { schedule: schedule.id, reason: err.reason, err: err.cause });
      } else {
        failure = { retryable: false, reason: 'an unexpected error while posting' };
        log.error('scheduled post attempt threw', { schedule: schedule.id, err });
      }
      await this.recordFailure(schedule, run, attemptNo, failure);
      return;
    }
    try {
      this.store.markPosted(run.id, attemptNo, this.clock(), rendered.snapshot);
      log.info('scheduled post sent', { schedule: schedule.id, dueAt: run.dueAt.toISOString(), attempts: attemptNo });
    } catch (err) {
      // The run stays claimed, so it is not posted again; the next diff starts from the older snapshot.
      log.error('scheduled post went out but could not be recorded', { schedule: schedule.id, run: run.id, err });
    }
  }

  private async recordFailure(schedule: Schedule, run: RunRecord, attemptNo: number, failure: Failure): Promise<void> {
    const { retryAfterMs } = failure;
    const canRetry = failure.retryable && attemptNo < this.opts.maxAttempts && (retryAfterMs === undefined || retryAfterMs <= this.opts.maxRetryAfterMs);
    if (canRetry) {
      const backoff = Math.min(this.opts.maxBackoffMs, this.opts.backoffBaseMs * 2 ** (attemptNo - 1));
      const delay = Math.max(backoff, retryAfterMs ?? 0);
      const at = new Date(this.clock().getTime() + delay);
      this.store.markRetrying(run.id, attemptNo, failure.reason, at);
      log.warn('scheduled post will be retried', { schedule: schedule.id, dueAt: run.dueAt.toISOString(), attempt: attemptNo, retryAt: at.toISOString(), reason: failure.reason });
      return;
    }
    const n = this.opts.pauseAfterFailures;
    const pauseReason = `paused after ${n} failed post${n === 1 ? '' : 's'} in a row; last error: ${failure.reason}`;
    const { newlyPaused, schedule: updated } = this.store.markFailed(run.id, { attempts: attemptNo, error: failure.reason, pauseAfter: n, pauseReason });
    log.error('scheduled post failed', { schedule: schedule.id, dueAt: run.dueAt.toISOString(), attempts: attemptNo, reason: failure.reason, paused: newlyPaused });
    if (newlyPaused) await this.tellChannelPaused(updated ?? schedule, failure.reason);
  }

  /** Best effort: the channel may be the very thing that is broken. */
  private async tellChannelPaused(schedule: Schedule, reason: string): Promise<void> {
    const n = this.opts.pauseAfterFailures;
    const notice = answer('schedule', 'Scheduled post paused', {
      notes: [
        `Schedule ${schedule.id} (/${schedule.command}${schedule.topic ? ` ${schedule.topic}` : ''}, ${schedule.label}) is paused after ${n} failed post${n === 1 ? '' : 's'} in a row. Last error: ${reason}.`,
        `Once that is fixed, a channel admin can turn it back on with ${invocation(schedule.platform, 'resume', schedule.id)}.`,
      ],
      data: { schedule: schedule.id, paused: true, reason },
    });
    try {
      await withTimeout(this.deliver(schedule, notice), this.opts.deliveryTimeoutMs);
    } catch (err) {
      log.warn('could not tell the channel a schedule was paused', { schedule: schedule.id, err });
    }
  }

  private pruneNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPrune < 3_600_000) return;
    this.lastPrune = now.getTime();
    try {
      const n = this.store.pruneRuns(new Date(now.getTime() - this.opts.keepRunsMs));
      if (n > 0) log.info('old scheduled runs pruned', { runs: n });
    } catch (err) {
      log.warn('pruning old runs failed', { err });
    }
  }
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  if (ms <= 0) return p;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryError({ retryable: false, reason: `the platform did not answer within ${formatDuration(ms)}` })),
      ms,
    );
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** 20 -> "20 ms", 90_000 -> "1 min 30 s", 7_200_000 -> "2 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (sec || parts.length === 0) parts.push(`${sec} s`);
  return parts.join(' ');
}
