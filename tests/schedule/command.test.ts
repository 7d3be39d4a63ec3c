import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleCommand, type ScheduleCommandContext } from '../../commands/schedule.js';
import { toDiscordCommand } from '../../src/adapters/discord/commands.js';
import type { AnswerReply, ErrorReply, Reply } from '../../src/core/reply.js';
import { dispatch } from '../../src/dispatch.js';
import { formatRunTime, sinceLabel } from '../../src/schedule/format.js';
import { createScheduleService, type ScheduleService } from '../../src/schedule/service.js';
import { startScheduledPosts } from '../../src/schedule/setup.js';
import { ScheduleStore } from '../../src/schedule/store.js';
import { scheduleArgsFromText } from '../../src/schedule/textArgs.js';
import type { ChannelContext } from '../../src/schedule/types.js';
import { captureLogs, FakeClock, FakeIndex, tempDataDir } from './fixtures.js';

const DISCORD: ChannelContext = { platform: 'discord', workspaceId: 'G1', channelId: 'C1' };
const ADMIN = { id: 'U-admin', isAdmin: true };
const MEMBER = { id: 'U-member', isAdmin: false };

let data: ReturnType<typeof tempDataDir>;
let store: ScheduleStore;
let clock: FakeClock;
let service: ScheduleService;
let changes: number;

beforeEach(() => {
  data = tempDataDir();
  store = ScheduleStore.open({ dataDir: data.dir });
  clock = new FakeClock(new Date('2026-03-27T12:00:00Z'));
  changes = 0;
  service = createScheduleService({ store, clock: clock.now, defaultZone: 'Europe/London', onChange: () => changes++ });
});
afterEach(() => {
  store.close();
  data.cleanup();
});

function ctx(init: Partial<ScheduleCommandContext> = {}): ScheduleCommandContext {
  return { index: new FakeIndex(), now: clock.now(), commands: [scheduleCommand], user: ADMIN, channel: DISCORD, schedules: service, ...init };
}

async function schedule(args: Record<string, string | boolean | undefined>, init: Partial<ScheduleCommandContext> = {}): Promise<Reply> {
  return dispatch(ctx(init), 'schedule', args);
}

function notes(r: Reply): string[] {
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${r.kind}: ${(r as ErrorReply).message}`);
  return (r as AnswerReply).notes;
}

describe('/schedule', () => {
  it('GIVEN an admin adding a daily brief THEN it is stored and the reply gives its id and first post', async () => {
    const r = await schedule({ action: 'add', when: 'daily 08:00', command: 'brief', topic: 'north korean troops' });
    const [s] = store.listSchedules();
    expect(s).toMatchObject({ platform: 'discord', workspaceId: 'G1', channelId: 'C1', createdBy: 'U-admin', command: 'brief', topic: 'north korean troops', cron: '0 0 8 * * *', zone: 'Europe/London' });
    expect(notes(r)).toEqual([
      `Schedule ${s!.id}: /brief north korean troops, daily at 08:00 (Europe/London).`,
      'First post: Sat 28 Mar 2026 08:00 (Europe/London).',
      'Each post says what changed since the previous one, or just "nothing new" when nothing did.',
    ]);
    expect((r as AnswerReply).data).toMatchObject({ schedule: { id: s!.id, nextRunAt: '2026-03-28T08:00:00.000Z' } });
    expect(changes).toBe(1);
  });

  it('GIVEN a time zone option THEN it overrides the default', async () => {
    const r = await schedule({ action: 'add', when: 'weekdays 07:30', command: 'casualties', timezone: 'America/New_York', full: true });
    expect(notes(r)[1]).toBe('First post: Mon 30 Mar 2026 07:30 (America/New_York).');
    expect(store.listSchedules()[0]).toMatchObject({ zone: 'America/New_York', fullBrief: true });
  });

  it('GIVEN a member who is not an admin THEN add, remove, pause and resume are forbidden but list works', async () => {
    const added = await schedule({ action: 'add', when: 'daily 08:00', command: 'brief' });
    const id = store.listSchedules()[0]!.id;
    expect(added.kind).toBe('answer');
    for (const args of [{ action: 'add', when: 'daily 09:00', command: 'brief' }, { action: 'remove', id }, { action: 'pause', id }, { action: 'resume', id }]) {
      const r = await schedule(args, { user: MEMBER });
      expect(r).toMatchObject({ kind: 'error', code: 'forbidden' });
    }
    expect((await schedule({ action: 'pause', id }, { user: MEMBER })) as ErrorReply).toMatchObject({
      message: 'Only members who can manage this channel can pause schedules. Anyone can see them with /schedule list.',
    });
    expect(notes(await schedule({ action: 'list' }, { user: MEMBER }))[0]).toBe(`${id}: /brief, daily at 08:00 (Europe/London); next Sat 28 Mar 2026 08:00 (Europe/London)`);
  });

  it('GIVEN a bad schedule or zone THEN a one-line bad-argument error', async () => {
    expect(await schedule({ action: 'add', when: 'dayly 8', command: 'brief' })).toMatchObject({
      kind: 'error',
      code: 'bad-argument',
      message: 'Unrecognised schedule "dayly 8". Try: daily 08:00, weekdays 07:30, every 2h, or a cron expression like 0 8 * * 1-5.',
    });
    expect(await schedule({ action: 'add', when: 'daily 08:00', command: 'brief', timezone: 'Europe/Kiev2' })).toMatchObject({ code: 'bad-argument' });
    expect(await schedule({ action: 'add', command: 'brief' })).toMatchObject({ code: 'bad-argument', message: 'Say when to post, e.g. /schedule add when:daily 08:00 command:brief.' });
    expect(await schedule({ action: 'add', when: 'daily 08:00' })).toMatchObject({ code: 'bad-argument' });
    expect(await schedule({ action: 'add', when: 'daily 08:00', command: 'quotes' })).toMatchObject({ code: 'bad-argument', message: 'command must be one of: brief, casualties, timeline, figures.' });
  });

  it('GIVEN the same schedule twice THEN the second is refused', async () => {
    await schedule({ action: 'add', when: 'daily 08:00', command: 'brief' });
    const id = store.listSchedules()[0]!.id;
    expect(await schedule({ action: 'add', when: 'daily at 8am', command: 'brief' })).toMatchObject({
      code: 'bad-argument',
      message: `Schedule ${id} already posts /brief daily at 08:00 here.`,
    });
  });

  it('GIVEN pause, resume and remove THEN each changes the schedule and says so', async () => {
    await schedule({ action: 'add', when: 'every 2h', command: 'timeline' });
    const id = store.listSchedules()[0]!.id;
    expect(notes(await schedule({ action: 'pause', id: id.toUpperCase() }))).toEqual([`Paused schedule ${id}: /timeline, every 2 hours (Europe/London).`, `Turn it back on with /schedule resume id:${id}.`]);
    expect(notes(await schedule({ action: 'list' }))[0]).toBe(`${id}: /timeline, every 2 hours (Europe/London); paused (paused by user U-admin)`);
    expect(notes(await schedule({ action: 'pause', id }))[0]).toBe(`Schedule ${id} was already paused.`);
    clock.set('2026-03-27T12:30:00Z');
    expect(notes(await schedule({ action: 'resume', id }))).toEqual([`Resumed schedule ${id}: /timeline, every 2 hours (Europe/London).`, 'Next post: Fri 27 Mar 2026 14:00 (Europe/London).']);
    expect(notes(await schedule({ action: 'remove', id }))).toEqual([`Removed schedule ${id}: /timeline, every 2 hours (Europe/London).`]);
    expect(notes(await schedule({ action: 'list' }))).toEqual(['No scheduled posts here yet. Add one with /schedule add when:daily 08:00 command:brief.']);
  });

  it('GIVEN another channel’s schedule id THEN it is not found here', async () => {
    await schedule({ action: 'add', when: 'daily 08:00', command: 'brief' });
    const id = store.listSchedules()[0]!.id;
    const elsewhere: ChannelContext = { platform: 'discord', workspaceId: 'G2', channelId: 'C9' };
    expect(await schedule({ action: 'remove', id }, { channel: elsewhere })).toMatchObject({ code: 'not-found', message: `No schedule "${id}" in this channel. See /schedule list.` });
    expect(store.listSchedules()).toHaveLength(1);
  });

  it('GIVEN a failed last post THEN the list says so', async () => {
    await schedule({ action: 'add', when: 'daily 08:00', command: 'brief' });
    const s = store.listSchedules()[0]!;
    const run = store.claimRun(s.id, new Date('2026-03-28T08:00:00Z'), 'A', new Date('2026-03-28T08:00:00Z'))!;
    store.markFailed(run.id, { attempts: 1, error: 'the bot is missing permission to post here', pauseAfter: 3, pauseReason: 'x' });
    clock.set('2026-03-28T09:00:00Z');
    expect(notes(await schedule({ action: 'list' }))[0]).toBe(
      `${s.id}: /brief, daily at 08:00 (Europe/London); next Sun 29 Mar 2026 08:00 (Europe/London); last post failed: the bot is missing permission to post here`,
    );
  });

  it('GIVEN the console or no schedule service THEN scheduled posts are unavailable', async () => {
    expect(await schedule({ action: 'list' }, { channel: { platform: 'console', workspaceId: 'local', channelId: 'tty' } })).toMatchObject({ code: 'unavailable' });
    expect(await schedule({ action: 'list' }, { schedules: undefined })).toMatchObject({ code: 'unavailable' });
  });

  it('GIVEN Slack THEN hints use Slack’s /brief schedule form', async () => {
    const slack: ChannelContext = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
    expect(notes(await schedule({ action: 'list' }, { channel: slack }))).toEqual(['No scheduled posts here yet. Add one with /brief schedule add daily 08:00 brief.']);
  });
});

describe('scheduleArgsFromText (Slack)', () => {
  it.each([
    ['add daily 08:00 brief', { action: 'add', when: 'daily 08:00', command: 'brief' }],
    ['schedule add weekdays 07:30 casualties north korean troops tz:Europe/Kyiv', { action: 'add', when: 'weekdays 07:30', command: 'casualties', topic: 'north korean troops', timezone: 'Europe/Kyiv' }],
    ['add 0 8 * * 1-5 timeline kursk full', { action: 'add', when: '0 8 * * 1-5', command: 'timeline', topic: 'kursk', full: true }],
    ['add every 2h figures', { action: 'add', when: 'every 2h', command: 'figures' }],
    ['list', { action: 'list' }],
    ['', { action: 'list' }],
    ['pause k7p2xq', { action: 'pause', id: 'k7p2xq' }],
  ])('GIVEN "%s" THEN %j', (text, args) => {
    expect(scheduleArgsFromText(text)).toEqual({ ok: true, args });
  });

  it('GIVEN no command name or no schedule THEN usage', () => {
    expect(scheduleArgsFromText('add daily 08:00')).toMatchObject({ ok: false, message: expect.stringMatching(/^Usage: schedule add <when>/) });
    expect(scheduleArgsFromText('add brief daily')).toMatchObject({ ok: false, message: expect.stringMatching(/^Say when before the command/) });
    expect(scheduleArgsFromText('remove')).toEqual({ ok: false, message: 'Usage: schedule remove <id>' });
  });
});

describe('times as people read them', () => {
  it('GIVEN a previous post THEN "since" reads relative to the new post, in the schedule’s zone', () => {
    const at = new Date('2026-03-29T07:00:00Z'); // Sunday 08:00 BST
    expect(sinceLabel(new Date('2026-03-28T08:00:00Z'), at, 'Europe/London')).toBe('yesterday 08:00');
    expect(sinceLabel(new Date('2026-03-29T05:00:00Z'), at, 'Europe/London')).toBe('today 06:00');
    expect(sinceLabel(new Date('2026-03-23T08:00:00Z'), at, 'Europe/London')).toBe('Monday 08:00');
    expect(sinceLabel(new Date('2026-03-02T08:00:00Z'), at, 'Europe/London')).toBe('2 Mar 08:00');
    expect(sinceLabel(new Date('2025-12-31T08:00:00Z'), at, 'Europe/London')).toBe('31 Dec 2025 08:00');
    // 23:30 UTC on the 28th is already the 29th in Kyiv.
    expect(sinceLabel(new Date('2026-03-28T23:30:00Z'), at, 'Europe/Kyiv')).toBe('today 01:30');
    expect(formatRunTime(at, 'America/New_York')).toBe('Sun 29 Mar 2026 03:00 (America/New_York)');
  });
});

describe('startScheduledPosts', () => {
  it('GIVEN a schedule added through /schedule THEN the running scheduler posts it when due, then stops cleanly', async () => {
    const dir = tempDataDir();
    const logs = captureLogs();
    const posted: string[] = [];
    const posts = startScheduledPosts({
      dataDir: dir.dir,
      defaultZone: 'UTC',
      deliver: async (s, reply) => void posted.push(`${s.channelId}: ${reply.kind === 'answer' ? reply.title : reply.message}`),
      index: () => new FakeIndex(),
      runCommand: async (s) => ({ kind: 'answer', command: s.command, title: `/${s.command}`, notes: [], sections: [], data: null }),
      scheduler: { pollMs: 50 },
    });
    try {
      const r = await dispatch(ctx({ schedules: posts.service, now: new Date() }), 'schedule', { action: 'add', when: '* * * * * *', command: 'figures' });
      expect(r.kind).toBe('answer');
      const deadline = Date.now() + 3_000;
      while (posted.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 25));
      expect(posted[0]).toBe('C1: /figures');
    } finally {
      await posts.stop();
      await posts.stop();
      logs.restore();
      dir.cleanup();
    }
  });
});

describe('/schedule as Discord subcommands', () => {
  it('GIVEN the Discord adapter’s subcommand builder THEN every action becomes a subcommand with its own options', () => {
    const json = toDiscordCommand(scheduleCommand);
    const subs = json.options as { name: string; options?: { name: string }[] }[];
    expect(subs.map((s) => [s.name, (s.options ?? []).map((o) => o.name).filter((n) => n !== 'public')])).toEqual([
      ['add', ['when', 'command', 'topic', 'timezone', 'full']],
      ['list', []],
      ['remove', ['id']],
      ['pause', ['id']],
      ['resume', ['id']],
    ]);
  });
});
