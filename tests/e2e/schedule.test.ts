/**
 * Scheduled posts end to end, on Discord and Slack at once: the whole bot
 * (`startBriefbot`: watched corpus, discord.js client, bolt app in Socket Mode,
 * scheduler, SQLite in a scratch DATA_DIR) in process against both local peers.
 * Schedules are made with the real slash commands (`/schedule add when:…` and
 * `/brief schedule add …`); posts are the peers' `POST /channels/:id/messages` and
 * `chat.postMessage` calls. A restart is `stop()` and a new `startBriefbot` on the
 * same DATA_DIR. Every behaviour runs on both platforms side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { setLogSink } from '../../src/log.js';
import { startBriefbot, type Briefbot } from '../../src/main.js';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { ADMIN_ID, SlackPeer, WORKSPACE_ADMIN_ID } from '../peers/slack.js';
import { cronAt, discordSide, scheduleId, scratch, secondAfter, slackSide, waitFor, sleep, type ChatSide, type Scratch } from './scheduled.js';

const DISCORD_TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.scheduleTestTokenDoNotLog0123456789ab';
const SLACK_BOT = 'xoxb-1111111111-2222222222-scheduleBotTokenDoNotLog';
const SLACK_APP = 'xapp-1-A0BRIEFBOT-3333333333-scheduleAppTokenDoNotLog';

let discord: DiscordPeer;
let slack: SlackPeer;
let place: Scratch;
let config: Config;
let bot: Briefbot;
let sides: ChatSide[];
const logs: string[] = [];

/** Runs `check` on Discord and Slack at the same time. */
const onBoth = (check: (side: ChatSide) => Promise<void>) => Promise.all(sides.map(check));

/** A restart: stop the bot, run `whileDown`, start a new one on the same DATA_DIR. Resolves with when the new one began. */
async function restart(whileDown: () => Promise<void> = async () => undefined): Promise<number> {
  const opened = slack.connectionsOpened;
  await bot.stop();
  await whileDown();
  const startedAt = Date.now();
  bot = await startBriefbot(config);
  await slack.waitForConnection(opened + 1);
  return startedAt;
}

const runs = (id: string) => bot.scheduled!.store.runs(id);
const postedRun = (id: string) => waitFor(`run of ${id} recorded as posted`, () => runs(id).find((r) => r.status === 'posted'));
const usersInfoCalls = (user: string) => slack.posted.filter((p) => p.path === '/api/users.info' && p.body.user === user).length;

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  [discord, slack] = await Promise.all([new DiscordPeer().start(), new SlackPeer().start()]);
  sides = [discordSide(discord), slackSide(slack)];
  place = scratch();
  config = loadConfig(
    {
      CORPUS_DIR: place.corpusDir,
      DATA_DIR: place.dataDir,
      CACHE_DIR: 'off',
      TZ: 'UTC',
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: GUILD_ID,
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      SLACK_API_URL: slack.apiUrl,
      SLACK_ADMIN_USER_IDS: ADMIN_ID,
    },
    ['--no-health'],
  );
  bot = await startBriefbot(config);
  await slack.waitForConnection(1);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await Promise.all([discord?.stop(), slack?.stop()]);
  place?.cleanup();
});

/** Schedule A of each platform: the brief every 2 seconds. */
const briefEvery2s: Record<string, string> = {};
let pausedAt = 0;

describe('Scheduled posts on Discord and Slack', () => {
  it('GIVEN a member who may not manage the channel THEN /schedule add is refused, and listing works for everyone', async () => {
    await onBoth(async (side) => {
      const refused = await side.schedule('add', { when: 'daily 08:00', command: 'brief' }, 'member');
      expect(refused.ephemeral).toBe(true);
      expect(refused.error, side.name).toBe(`Only members who can manage this channel can add schedules. Anyone can see them with ${side.invocation('list')}.`);
      const list = await side.schedule('list', {}, 'member');
      expect(list.error, side.name).toBeNull();
      expect(list.lines[1], side.name).toMatch(/^No scheduled posts here yet\. Add one with /);
    });
  });

  it('GIVEN /schedule add with a seconds cron THEN the brief and its sources reach the channel at the due time', async () => {
    await onBoth(async (side) => {
      const since = Date.now();
      // Discord: Manage Guild without Manage Channels; Slack: a workspace admin not on SLACK_ADMIN_USER_IDS.
      const added = await side.schedule('add', { when: '*/2 * * * * *', command: 'brief' }, 'serverAdmin');
      expect(added.ephemeral).toBe(true);
      expect(added.lines[0], JSON.stringify(added)).toBe('Schedule added');
      const id = (briefEvery2s[side.name] = scheduleId(added));
      expect(added.lines).toContain(`Schedule ${id}: /brief, cron */2 * * * * * (UTC).`);

      const first = await waitFor(`the first ${side.name} post`, () => side.posts(since)[0], 15_000);
      const run = await postedRun(id);
      expect(run.dueAt.getUTCSeconds() % 2).toBe(0);
      expect(first.at).toBeGreaterThanOrEqual(run.dueAt.getTime());
      expect(first.at - run.dueAt.getTime()).toBeLessThan(10_000);

      expect(first.lines[0]!.length).toBeGreaterThan(0);
      expect(first.lines.some((l) => /^• .+\[\d+\]$/.test(l)), first.lines.join('\n')).toBe(true);
      expect(first.sourced).toBe(true);
      expect(first.lines).toContain(`Scheduled post ${id}: /brief, cron */2 * * * * * (UTC). See ${side.invocation('list')}.`);
    });
    expect((sides[0]!.posts()[0]!.raw as any).allowed_mentions).toEqual({ parse: [] });
    expect(usersInfoCalls(WORKSPACE_ADMIN_ID)).toBe(1);
  });

  it('GIVEN an article added to the corpus folder THEN the next post says 1 new article, with sources, and the one after says nothing new in one line', async () => {
    const before = bot.corpus.current().articles().length;
    place.addHeldBackArticle();
    await waitFor('the watched corpus to pick up the article', () => bot.corpus.current().articles().length === before + 1);
    const swapped = Date.now();
    await onBoth(async (side) => {
      // A post rendered just before the swap may still say "nothing new"; the first one after counts the article.
      const news = await waitFor(`a ${side.name} post counting the new article`, () => side.posts(swapped).find((p) => p.lines.some((l) => /new article/.test(l))), 15_000);
      expect(news.lines[1], news.lines.join('\n')).toMatch(/^Since (today|yesterday) \d\d:\d\d: 1 new article[;.]/);
      expect(news.sourced).toBe(true);

      const quiet = await waitFor(`the ${side.name} post after that`, () => side.posts(news.at + 1)[0], 15_000);
      expect(quiet.lines.slice(1)).toEqual([expect.stringMatching(/^Nothing new since (today|yesterday) \d\d:\d\d\.$/)]);
      expect(quiet.sourced).toBe(false);
    });
  }, 40_000);

  it('GIVEN /schedule pause THEN the list says paused, and every post so far was one claimed due time', async () => {
    await onBoth(async (side) => {
      const id = briefEvery2s[side.name]!;
      const paused = await side.schedule('pause', { id }, 'serverAdmin');
      expect(paused.lines[0]).toBe('Schedule paused');
      await waitFor('the post under way, if any, to be recorded', () => !runs(id).some((r) => r.status === 'claimed'));
      const all = runs(id);
      expect(all.every((r) => r.status === 'posted')).toBe(true);
      expect(new Set(all.map((r) => r.dueAt.getTime())).size).toBe(all.length);
      expect(side.posts()).toHaveLength(all.length);
      const list = await side.schedule('list', {}, 'member');
      expect(list.lines[1]).toBe(`${id}: /brief, cron */2 * * * * * (UTC); paused (paused by user ${side.userId('serverAdmin')})`);
    });
    pausedAt = Date.now();
    // Slack said once that this member is a workspace admin; it is remembered.
    expect(usersInfoCalls(WORKSPACE_ADMIN_ID)).toBe(1);
  });

  it('GIVEN the bot stopped across a due time THEN the restarted bot posts that run late, once, and another restart posts nothing twice', async () => {
    const due = secondAfter(3000);
    const ids: Record<string, string> = {};
    await onBoth(async (side) => void (ids[side.name] = scheduleId(await side.schedule('add', { when: cronAt(due), command: 'casualties' }))));
    let stoppedAt = 0;
    const restartedAt = await restart(async () => {
      stoppedAt = Date.now();
      await sleep(due.getTime() - Date.now() + 300);
    });
    await onBoth(async (side) => {
      const post = await waitFor(`the missed ${side.name} run to be posted`, () => side.posts(due.getTime())[0], 15_000);
      const run = await postedRun(ids[side.name]!);
      expect(run.dueAt.getTime()).toBe(due.getTime());
      // Down before it was due, so the new process posted it (a very slow machine may have posted it on time instead).
      if (stoppedAt < due.getTime()) expect(post.at).toBeGreaterThanOrEqual(restartedAt);
      expect(post.lines).toContainEqual(expect.stringMatching(new RegExp(`^Scheduled post ${ids[side.name]}: /casualties, cron `)));
    });

    await restart();
    await bot.scheduled!.scheduler.tick();
    await onBoth(async (side) => {
      // One post since the pause: the paused schedule stayed quiet, the missed run went out once.
      expect(side.posts(pausedAt)).toHaveLength(1);
      expect(runs(ids[side.name]!).map((r) => r.status)).toEqual(['posted']);
      for (const id of [ids[side.name]!, briefEvery2s[side.name]!]) expect((await side.schedule('remove', { id })).lines[0]).toBe('Schedule removed');
    });
  }, 40_000);

  it('GIVEN 429s on the post THEN a long wait goes back to the scheduler, a short one is waited out, and the post lands once', async () => {
    const due = secondAfter(3000);
    const since = Date.now();
    await onBoth(async (side) => {
      // First attempt: wait 3 s, longer than an adapter waits in line, so the scheduler retries.
      // Second attempt: wait 1 s, waited out by the adapter, then posted.
      side.rateLimitNextPosts([3, 1]);
      const id = scheduleId(await side.schedule('add', { when: cronAt(due), command: 'figures' }));
      const landed = await waitFor(`the ${side.name} post to land`, () => side.posts(since)[0], 20_000);
      const tries = side.attempts(since);
      expect(tries.map((t) => t.status), side.name).toEqual([429, 429, 200]);
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(2900);
      expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(900);
      expect(landed.lines).toContainEqual(expect.stringMatching(new RegExp(`^Scheduled post ${id}: /figures, cron `)));
      const run = await postedRun(id);
      expect(run).toMatchObject({ attempts: 2, error: null });
      expect(run.dueAt.getTime()).toBe(due.getTime());
    });
    await sleep(500);
    for (const side of sides) expect(side.posts(since), side.name).toHaveLength(1);
  }, 30_000);

  it('GIVEN the whole run THEN no token reached a log line', () => {
    const all = logs.join('\n');
    for (const t of [DISCORD_TOKEN, SLACK_BOT, SLACK_APP]) expect(all).not.toContain(t);
  });
});
