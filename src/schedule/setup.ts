/**
 * Wires the scheduled-post pieces together for the bot's start-up: one store,
 * the service `/schedule` uses, and a running scheduler that wakes up when a
 * schedule is added or resumed.
 */
import type { Reply } from '../core/reply.js';
import type { BriefingIndex } from '../index/briefingIndex.js';
import { createScheduledRender } from './post.js';
import { Scheduler, type Deliver, type SchedulerOptions } from './scheduler.js';
import { createScheduleService, type ScheduleService } from './service.js';
import { ScheduleStore } from './store.js';
import type { ChannelRef, Schedule } from './types.js';

export interface ScheduledPostsOptions {
  /** Config `DATA_DIR`. */
  dataDir: string;
  /** Config `TZ`. */
  defaultZone: string;
  /** Posts to a channel; throws `DeliveryError`. Route on `schedule.platform`. */
  deliver: Deliver;
  /** The index as it is now. */
  index: () => BriefingIndex;
  /** Runs `schedule.command` for `schedule.topic`, normally through `dispatch`. */
  runCommand: (schedule: Schedule, now: Date) => Promise<Reply>;
  clock?: () => Date;
  zoneFor?: (channel: ChannelRef) => string | undefined;
  /** Grace period, retries, pausing, which platforms to post to: see `SCHEDULER_DEFAULTS`. */
  scheduler?: Omit<SchedulerOptions, 'store' | 'deliver' | 'render' | 'clock'>;
}

export interface ScheduledPosts {
  store: ScheduleStore;
  service: ScheduleService;
  scheduler: Scheduler;
  /** Stops the scheduler (waiting for posts under way) and closes the database. */
  stop(): Promise<void>;
}

/**
 * @example
 * const posts = startScheduledPosts({ dataDir: config.dataDir, defaultZone: config.timeZone, deliver, index: () => index,
 *   runCommand: (s, now) => dispatch({ index, now, commands }, s.command, s.topic ? { topic: s.topic } : {}) });
 * // ... ctx.schedules = posts.service; on shutdown: await posts.stop();
 */
export function startScheduledPosts(options: ScheduledPostsOptions): ScheduledPosts {
  const store = ScheduleStore.open({ dataDir: options.dataDir });
  const scheduler = new Scheduler({
    ...options.scheduler,
    store,
    deliver: options.deliver,
    render: createScheduledRender({ index: options.index, runCommand: options.runCommand }),
    clock: options.clock,
  });
  const service = createScheduleService({
    store,
    defaultZone: options.defaultZone,
    clock: options.clock,
    zoneFor: options.zoneFor,
    onChange: () => scheduler.wake(),
  });
  scheduler.start();
  let stopped: Promise<void> | null = null;
  return {
    store,
    service,
    scheduler,
    stop: () =>
      (stopped ??= (async () => {
        await scheduler.stop();
        store.close();
      })()),
  };
}
