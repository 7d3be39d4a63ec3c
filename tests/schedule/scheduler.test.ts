import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, type Reply } from '../../src/core/reply.js';
import { DeliveryError, Scheduler, planRuns, type Deliver, type Render, type SchedulerOptions } from '../../src/schedule/scheduler.js';
import { ScheduleStore, type NewSchedule } from '../../src/schedule/store.js';
import type { Schedule } from '../../src/schedule/types.js';
import { captureLogs, DAILY_BRIEF, FakeClock, storeWith, tempDataDir } from './fixtures.js';

/** Created the day before the first due run: 2026-03-27 12:00 UTC (GMT in London). */
const CREATED = '2026-03-27T12:00:00Z';
const DUE_28 = '2026-03-28T08:00:00.000Z'; // 08:00 GMT
const DUE_29 = '2026-03-29T07:00:00.000Z'; // 08:00 BST, the day the clocks go forward
const DUE_30 = '2026-03-30T07:00:00.000Z';

interface Post {
  schedule: string;
  dueAt: string;
  by: string;
  reply: Reply;
}

let data: ReturnType<typeof tempDataDir>;
let logs: ReturnType<typeof captureLogs>;
const open: { stores: ScheduleStore[]; schedulers: Scheduler[] } = { stores: [], schedulers: [] };

beforeEach(() => {
  data = tempDataDir();
  logs = captureLogs();
});
afterEach(async () => {
  for (const s of open.schedulers.splice(0)) await s.stop();
  for (const s of open.stores.splice(0)) s.close();
  logs.restore();
  data.cleanup();
});

function openStore(): ScheduleStore {
  const store = ScheduleStore.open({ dataDir: data.dir });
  open.stores.push(store);
  return store;
}

/** The post names its due time, so tests can see which run went out. */
const render: Render = async (s, req) => answer(s.command, `Scheduled ${s.command}`, { notes: [`due ${req.dueAt.toISOString()}`], data: { dueAt: req.dueAt.toISOString() } });

function makeScheduler(
  store: ScheduleStore,
  clock: FakeClock,
  posts: Post[],
  init: Partial<SchedulerOptions> & { id?: string; fail?: (s: Schedule, reply: Reply, attempt: number) => Error | null } = {},
): Scheduler {
  const id = init.id ?? 'A';
  let calls = 0;
  const deliver: Deliver = async (s, reply) => {
    calls++;
    const err = init.fail?.(s, reply, calls);
    if (err) throw err;
    const dueAt = reply.kind === 'answer' ? String((reply.data as { dueAt?: string }).dueAt ?? 'notice') : 'error';
    posts.push({ schedule: s.id, dueAt, by: id, reply });
  };
  const scheduler = new Scheduler({ store, deliver, render, clock: clock.now, instanceId: id, ...init });
  open.schedulers.push(scheduler);
  return scheduler;
}

function addSchedule(store: ScheduleStore, at: string, init: Partial<NewSchedule> = {}): Schedule {
  return store.insertSchedule({ ...DAILY_BRIEF, ...init }, new Date(at));
}

describe('Scheduler: posting on time', () => {
  it('GIVEN daily 08:00 in Europe/London THEN one post at 08:00 local each day, across the change to BST', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(CREATED));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts);
    // Tick every 10 minutes for three days.
    for (let t = new Date(CREATED).getTime(); t <= new Date('2026-03-30T12:00:00Z').getTime(); t += 10 * 60_000) {
      clock.set(new Date(t));
      await scheduler.tick();
    }
    expect(posts.map((p) => p.dueAt)).toEqual([DUE_28, DUE_29, DUE_30]);
    expect(store.runs(s.id).map((r) => [r.dueAt.toISOString(), r.status, r.attempts])).toEqual([
      [DUE_28, 'posted', 1],
      [DUE_29, 'posted', 1],
      [DUE_30, 'posted', 1],
    ]);
  });

  it('GIVEN a run already posted THEN ticking again in the same minute posts nothing', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts);
    await scheduler.tick();
    clock.advance(30_000);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
  });

  it('GIVEN a schedule created after today’s time THEN the first post is tomorrow, not a catch-up', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date('2026-03-28T08:05:00Z'));
    addSchedule(store, '2026-03-28T08:04:00Z');
    const posts: Post[] = [];
    await makeScheduler(store, clock, posts).tick();
    expect(posts).toEqual([]);
  });
});

describe('Scheduler: missed runs and the grace period', () => {
  it('GIVEN the bot was down and a run was missed by 10 minutes THEN it is posted late, once', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date('2026-03-28T08:10:00Z'));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts);
    await scheduler.tick();
    clock.advance(60_000);
    await scheduler.tick();
    expect(posts.map((p) => p.dueAt)).toEqual([DUE_28]);
    expect(store.runs(s.id).map((r) => r.status)).toEqual(['posted']);
  });

  it('GIVEN a run missed by 2 hours THEN it is skipped, recorded and logged, and the next one posts as usual', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date('2026-03-28T10:00:00Z'));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts);
    await scheduler.tick();
    expect(posts).toEqual([]);
    expect(store.runs(s.id)).toMatchObject([{ dueAt: new Date(DUE_28), status: 'skipped', error: 'missed by 2 h (grace 15 min); not posted' }]);
    expect(logs.lines.filter((l) => l.msg === 'scheduled runs skipped')).toEqual([
      expect.objectContaining({ level: 'warn', schedule: s.id, count: 1, first: DUE_28, last: DUE_28, graceMs: 900_000 }),
    ]);
    clock.set(DUE_29);
    await scheduler.tick();
    expect(posts.map((p) => p.dueAt)).toEqual([DUE_29]);
  });

  it('GIVEN days of downtime ending within grace of a run THEN only that run posts and the older ones are skipped in one record', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date('2026-03-30T07:05:00Z'));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    await makeScheduler(store, clock, posts).tick();
    expect(posts.map((p) => p.dueAt)).toEqual([DUE_30]);
    expect(store.runs(s.id).map((r) => [r.dueAt.toISOString(), r.status, r.error])).toEqual([
      [DUE_29, 'skipped', `2 runs from ${DUE_28} missed beyond the grace period (15 min); not posted`],
      [DUE_30, 'posted', null],
    ]);
  });

  it('GIVEN a configured grace period THEN it is used', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date('2026-03-28T08:10:00Z'));
    addSchedule(store, CREATED);
    const posts: Post[] = [];
    await makeScheduler(store, clock, posts, { graceMs: 5 * 60_000 }).tick();
    expect(posts).toEqual([]);
  });

  it('GIVEN the plan for a schedule THEN it is a pure function of the last run, the time and the grace', () => {
    const s = { cron: '0 0 8 * * *', zone: 'Europe/London', activeFrom: new Date(CREATED) };
    expect(planRuns(s, null, new Date('2026-03-28T07:59:59Z'), 900_000)).toEqual({ post: null, skipped: null });
    expect(planRuns(s, null, new Date(DUE_28), 900_000)).toEqual({ post: new Date(DUE_28), skipped: null });
    expect(planRuns(s, new Date(DUE_28), new Date('2026-03-28T08:05:00Z'), 900_000)).toEqual({ post: null, skipped: null });
    const everySecond = { cron: '* * * * * *', zone: 'UTC', activeFrom: new Date('2026-01-01T00:00:00Z') };
    const week = planRuns(everySecond, null, new Date('2026-01-08T00:00:00Z'), 0);
    expect(week.post).toEqual(new Date('2026-01-08T00:00:00Z'));
    expect(week.skipped).toMatchObject({ count: 1001, capped: true, latest: new Date('2026-01-07T23:59:59Z') });
  });
});

describe('Scheduler: exactly once', () => {
  it('GIVEN a restart after a post THEN the new scheduler on the same file does not post it again', async () => {
    const clock = new FakeClock(new Date(DUE_28));
    const posts: Post[] = [];
    const first = openStore();
    addSchedule(first, CREATED);
    const a = makeScheduler(first, clock, posts, { id: 'A' });
    await a.tick();
    await a.stop();
    first.close();

    clock.advance(5 * 60_000);
    const second = openStore();
    await makeScheduler(second, clock, posts, { id: 'B' }).tick();
    expect(posts.map((p) => [p.dueAt, p.by])).toEqual([[DUE_28, 'A']]);
  });

  it('GIVEN a crash between claim and post THEN the claimed run is never posted by anyone', async () => {
    const clock = new FakeClock(new Date(DUE_28));
    const first = openStore();
    const s = addSchedule(first, CREATED);
    first.claimRun(s.id, new Date(DUE_28), 'crashed-process', new Date(DUE_28)); // the process dies here
    first.close();

    clock.advance(60_000);
    const posts: Post[] = [];
    await makeScheduler(openStore(), clock, posts, { id: 'B' }).tick();
    expect(posts).toEqual([]);
  });

  it('GIVEN a process connected to Discord only THEN it leaves Slack schedules, and their retries, to a process connected to Slack', async () => {
    const clock = new FakeClock(new Date(DUE_28));
    const posts: Post[] = [];
    const store = openStore();
    const onDiscord = addSchedule(store, CREATED);
    const onSlack = addSchedule(store, CREATED, { platform: 'slack', workspaceId: 'T1', channelId: 'C9' });
    const discordOnly = makeScheduler(store, clock, posts, { id: 'D', platforms: ['discord'] });
    await discordOnly.tick();
    expect(posts.map((p) => [p.schedule, p.by])).toEqual([[onDiscord.id, 'D']]);
    expect(store.runs(onSlack.id)).toEqual([]);

    // A Slack post that hit a rate limit waits for its retry; only a Slack process takes it over.
    const slackOnly = makeScheduler(store, clock, posts, { id: 'S', platforms: ['slack'], fail: (_s, _r, n) => (n === 1 ? new DeliveryError({ retryable: true, reason: 'Slack rate limit', retryAfterMs: 5000 }) : null) });
    await slackOnly.tick();
    expect(store.runs(onSlack.id).map((r) => r.status)).toEqual(['retrying']);
    clock.advance(6000);
    await discordOnly.tick();
    expect(store.runs(onSlack.id).map((r) => r.status)).toEqual(['retrying']);
    await slackOnly.tick();
    expect(posts.map((p) => [p.schedule, p.by])).toEqual([[onDiscord.id, 'D'], [onSlack.id, 'S']]);
  });

  it('GIVEN two schedulers on one database file that both read before either claims THEN every due run is posted exactly once', async () => {
    const clock = new FakeClock(new Date('2026-03-28T06:00:00Z'));
    const setup = openStore();
    const schedules = [
      addSchedule(setup, '2026-03-28T06:00:00Z', { cron: '0 * * * * *', label: 'every minute' }),
      addSchedule(setup, '2026-03-28T06:00:00Z', { cron: '*/20 * * * * *', label: 'cron */20 * * * * *', channelId: 'C2' }),
      addSchedule(setup, '2026-03-28T06:00:00Z', { cron: '0 */5 * * * *', label: 'every 5 minutes', platform: 'slack', workspaceId: 'T1' }),
    ];
    const posts: Post[] = [];
    // Rendering yields, so one scheduler's posts are under way while the other ticks.
    const slowRender: Render = async (s, req) => {
      await new Promise((r) => setTimeout(r, (req.dueAt.getTime() / 1000) % 3));
      return render(s, req);
    };
    const a = racingConnection(openStore());
    const b = racingConnection(openStore());
    const schedulerA = makeScheduler(a.store, clock, posts, { id: 'A', render: slowRender });
    const schedulerB = makeScheduler(b.store, clock, posts, { id: 'B', render: slowRender });
    let seed = 7;
    const coin = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) & 1) === 1;
    for (let i = 0; i < 180; i++) {
      clock.advance(10_000);
      a.readNow();
      b.readNow(); // both have read; neither has claimed
      const [x, y] = coin() ? [schedulerA, schedulerB] : [schedulerB, schedulerA];
      await Promise.all([x.tick(), y.tick()]);
    }
    const keys = posts.map((p) => `${p.schedule}@${p.dueAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    // After 06:00:00, up to 06:30:00: 30 every-minute runs, 90 every-20-seconds runs, 6 every-5-minutes runs.
    expect(posts.filter((p) => p.schedule === schedules[0]!.id)).toHaveLength(30);
    expect(posts.filter((p) => p.schedule === schedules[1]!.id)).toHaveLength(90);
    expect(posts.filter((p) => p.schedule === schedules[2]!.id)).toHaveLength(6);
    expect(new Set(posts.map((p) => p.by))).toEqual(new Set(['A', 'B']));
    // Every due time was contested, and the loser of each contest got nothing.
    expect(a.lostClaims + b.lostClaims).toBe(126);
    for (const s of schedules) expect(setup.runs(s.id).filter((r) => r.status !== 'posted')).toEqual([]);
  });
});

/**
 * A connection whose list of due schedules is read at a moment the test picks,
 * so two schedulers can both decide a run is due before either claims it: the
 * database's unique key alone must then settle who posts.
 */
function racingConnection(real: ScheduleStore): { store: ScheduleStore; readNow: () => void; lostClaims: number } {
  let view: ReturnType<ScheduleStore['activeSchedules']> | null = null;
  const handle = {
    lostClaims: 0,
    readNow: () => {
      view = real.activeSchedules();
    },
    store: storeWith(real, {
      activeSchedules: () => view ?? real.activeSchedules(),
      claimRun: (...args) => {
        const run = real.claimRun(...args);
        if (!run) handle.lostClaims++;
        return run;
      },
    }),
  };
  return handle;
}

describe('Scheduler: failures', () => {
  it('GIVEN a 429 with retry-after THEN the run is retried after that wait, posted once, and not before', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts, {
      fail: (_s, _r, attempt) => (attempt === 1 ? new DeliveryError({ retryable: true, retryAfterMs: 5_000, reason: 'rate limited by Discord' }) : null),
    });
    await scheduler.tick();
    expect(store.runs(s.id)).toMatchObject([{ status: 'retrying', attempts: 1, error: 'rate limited by Discord', nextAttemptAt: new Date('2026-03-28T08:00:05Z') }]);
    clock.advance(4_000);
    await scheduler.tick();
    expect(posts).toEqual([]);
    clock.advance(1_000);
    await scheduler.tick();
    expect(posts.map((p) => p.dueAt)).toEqual([DUE_28]);
    expect(store.runs(s.id)).toMatchObject([{ status: 'posted', attempts: 2, error: null }]);
  });

  it('GIVEN retryable failures without a wait THEN backoff doubles (2 s, 4 s, 8 s) and the run fails after 4 attempts', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts, { fail: () => new DeliveryError({ retryable: true, reason: 'Slack is unavailable' }) });
    const waits: number[] = [];
    await scheduler.tick();
    for (let i = 0; i < 3; i++) {
      const run = store.runs(s.id)[0]!;
      waits.push(run.nextAttemptAt!.getTime() - clock.now().getTime());
      clock.set(run.nextAttemptAt!);
      await scheduler.tick();
    }
    expect(waits).toEqual([2_000, 4_000, 8_000]);
    expect(store.runs(s.id)).toMatchObject([{ status: 'failed', attempts: 4, error: 'Slack is unavailable' }]);
    expect(store.getSchedule(s.id)).toMatchObject({ consecutiveFailures: 1, paused: false });
  });

  it('GIVEN a retry pending when the bot restarts THEN the new process finishes it', async () => {
    const clock = new FakeClock(new Date(DUE_28));
    const posts: Post[] = [];
    const first = openStore();
    addSchedule(first, CREATED);
    const a = makeScheduler(first, clock, posts, { id: 'A', fail: () => new DeliveryError({ retryable: true, retryAfterMs: 30_000, reason: 'rate limited' }) });
    await a.tick();
    await a.stop();
    first.close();

    clock.advance(30_000);
    await makeScheduler(openStore(), clock, posts, { id: 'B' }).tick();
    expect(posts.map((p) => [p.dueAt, p.by])).toEqual([[DUE_28, 'B']]);
  });

  it('GIVEN a failure that is not retryable THEN it is not retried', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    let attempts = 0;
    const scheduler = makeScheduler(store, clock, [], {
      fail: () => {
        attempts++;
        return new DeliveryError({ retryable: false, reason: 'the channel was deleted' });
      },
    });
    await scheduler.tick();
    clock.advance(60_000);
    await scheduler.tick();
    expect(attempts).toBe(1);
    expect(store.runs(s.id)).toMatchObject([{ status: 'failed', attempts: 1, error: 'the channel was deleted' }]);
  });

  it('GIVEN 3 failed runs in a row THEN the schedule is paused, the channel is told why, and nothing more is attempted', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(CREATED));
    const s = addSchedule(store, CREATED);
    const posts: Post[] = [];
    const attempted: string[] = [];
    const scheduler = makeScheduler(store, clock, posts, {
      fail: (_s, reply) => {
        if (reply.kind === 'answer' && reply.title === 'Scheduled post paused') return null; // the notice gets through
        attempted.push(clock.now().toISOString());
        return new DeliveryError({ retryable: false, reason: 'the bot is missing permission to post here' });
      },
    });
    for (const due of [DUE_28, DUE_29, DUE_30, '2026-03-31T07:00:00Z']) {
      clock.set(due);
      await scheduler.tick();
    }
    expect(attempted).toEqual([DUE_28, DUE_29, DUE_30]);
    expect(store.getSchedule(s.id)).toMatchObject({
      paused: true,
      consecutiveFailures: 3,
      pauseReason: 'paused after 3 failed posts in a row; last error: the bot is missing permission to post here',
    });
    expect(posts).toHaveLength(1);
    const notice = posts[0]!.reply;
    expect(notice.kind === 'answer' && notice.notes).toEqual([
      `Schedule ${s.id} (/brief, daily at 08:00) is paused after 3 failed posts in a row. Last error: the bot is missing permission to post here.`,
      `Once that is fixed, a channel admin can turn it back on with /schedule resume id:${s.id}.`,
    ]);
    expect(logs.lines.some((l) => l.msg === 'scheduled post failed' && l.paused === true)).toBe(true);
  });

  it('GIVEN a success between failures THEN the failure count starts again', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(CREATED));
    const s = addSchedule(store, CREATED);
    const failOn = new Set([DUE_28, DUE_30]);
    const scheduler = makeScheduler(store, clock, [], {
      pauseAfterFailures: 2,
      fail: () => (failOn.has(clock.now().toISOString()) ? new DeliveryError({ retryable: false, reason: 'missing permission' }) : null),
    });
    for (const due of [DUE_28, DUE_29, DUE_30]) {
      clock.set(due);
      await scheduler.tick();
    }
    expect(store.getSchedule(s.id)).toMatchObject({ paused: false, consecutiveFailures: 1 });
  });

  it('GIVEN a telling-off notice that also fails THEN the failure is logged and nothing throws', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    const scheduler = makeScheduler(store, clock, [], { pauseAfterFailures: 1, fail: () => new DeliveryError({ retryable: false, reason: 'unknown channel' }) });
    await scheduler.tick();
    expect(store.getSchedule(s.id)?.paused).toBe(true);
    expect(logs.lines.some((l) => l.msg === 'could not tell the channel a schedule was paused')).toBe(true);
  });

  it('GIVEN one schedule whose posts throw and one with a corrupt cron THEN the others still post', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const broken = addSchedule(store, CREATED, { channelId: 'BROKEN' });
    const weird = addSchedule(store, CREATED, { channelId: 'WEIRD', cron: 'not a cron' });
    const fine = addSchedule(store, CREATED, { channelId: 'FINE' });
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts, { fail: (s) => (s.channelId === 'BROKEN' ? new TypeError('socket hang up') : null) });
    await scheduler.tick();
    expect(posts.map((p) => p.schedule)).toEqual([fine.id]);
    expect(store.runs(broken.id)).toMatchObject([{ status: 'failed', error: 'an unexpected error while posting' }]);
    expect(store.runs(weird.id)).toEqual([]);
    expect(logs.lines.filter((l) => l.level === 'error').map((l) => [l.msg, l.schedule])).toEqual([
      ['schedule could not be checked', weird.id],
      ['scheduled post attempt threw', broken.id],
      ['scheduled post failed', broken.id],
    ]);
  });

  it('GIVEN a render that fails THEN nothing is posted and the run is retried', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    let calls = 0;
    const flaky: Render = async (sch, req) => {
      if (++calls === 1) throw new Error('index reloading');
      return render(sch, req);
    };
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts, { render: flaky });
    await scheduler.tick();
    expect(store.runs(s.id)).toMatchObject([{ status: 'retrying', error: 'the post could not be built' }]);
    clock.advance(2_000);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
  });

  it('GIVEN a post that went out but could not be recorded THEN it is logged and never posted again', async () => {
    const real = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(real, CREATED);
    const diskFull = storeWith(real, {
      markPosted: () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    });
    const posts: Post[] = [];
    const scheduler = makeScheduler(diskFull, clock, posts);
    await scheduler.tick();
    clock.advance(60_000);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    expect(real.runs(s.id)).toMatchObject([{ status: 'claimed' }]);
    expect(logs.lines.some((l) => l.msg === 'scheduled post went out but could not be recorded')).toBe(true);
  });

  it('GIVEN a platform that never answers THEN the attempt times out as failed and is not retried (it may have posted)', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(DUE_28));
    const s = addSchedule(store, CREATED);
    const scheduler = new Scheduler({ store, render, clock: clock.now, deliver: () => new Promise(() => {}), deliveryTimeoutMs: 20 });
    open.schedulers.push(scheduler);
    await scheduler.tick();
    expect(store.runs(s.id)).toMatchObject([{ status: 'failed', error: 'the platform did not answer within 20 ms' }]);
  });
});

describe('Scheduler: pause, resume and the timer', () => {
  it('GIVEN a schedule resumed after days paused THEN the runs missed while paused are not posted', async () => {
    const store = openStore();
    const clock = new FakeClock(new Date(CREATED));
    const s = addSchedule(store, CREATED);
    store.setPaused(s.id, true, 'paused by user U1', new Date(CREATED));
    const posts: Post[] = [];
    const scheduler = makeScheduler(store, clock, posts);
    clock.set('2026-03-30T07:05:00Z');
    await scheduler.tick();
    store.setPaused(s.id, false, null, clock.now());
    await scheduler.tick();
    expect(posts).toEqual([]);
    clock.set('2026-03-31T07:00:00Z');
    await scheduler.tick();
    expect(posts.map((p) => p.dueAt)).toEqual(['2026-03-31T07:00:00.000Z']);
  });

  it('GIVEN start() THEN it posts on its own timer, and stop() waits for the post under way and ends the ticking', async () => {
    const real = openStore();
    const start = new Date();
    real.insertSchedule({ ...DAILY_BRIEF, cron: '* * * * * *', label: 'cron * * * * * *' }, start);
    let reads = 0;
    const store = storeWith(real, {
      activeSchedules: () => {
        reads++;
        return real.activeSchedules();
      },
    });
    const posts: string[] = [];
    let inFlight = 0;
    const scheduler = new Scheduler({
      store,
      render,
      pollMs: 20,
      deliver: async (_s, reply) => {
        inFlight++;
        await new Promise((r) => setTimeout(r, 150));
        posts.push(String((reply as { data: { dueAt: string } }).data.dueAt));
        inFlight--;
      },
    });
    open.schedulers.push(scheduler);
    scheduler.start();
    while (inFlight === 0) await new Promise((r) => setTimeout(r, 10));
    await scheduler.stop();
    expect(inFlight).toBe(0);
    expect(posts).toHaveLength(1);
    expect(new Date(posts[0]!).getTime()).toBeGreaterThan(start.getTime());
    const readsAtStop = reads;
    await new Promise((r) => setTimeout(r, 200));
    expect(reads).toBe(readsAtStop);
  });
});
