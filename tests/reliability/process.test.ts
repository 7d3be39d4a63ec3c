/**
 * The real process (`node dist/src/main.js`) against the local peers: a clean
 * shutdown on SIGTERM and SIGINT with answers in flight, the console leaving on
 * SIGINT, and stray errors that are logged instead of killing the bot.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { ADMIN_ID, SlackPeer } from '../peers/slack.js';
import { buildOnce, ROOT } from '../e2e/build.js';
import { spawnBot, waitForHealth, type BotProcess } from './process.js';

const DISCORD_TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.shutdownTestTokenDoNotLog0123456789ab';
const SLACK_BOT = 'xoxb-1111111111-2222222222-shutdownBotTokenDoNotLog';
const SLACK_APP = 'xapp-1-A0BRIEFBOT-3333333333-shutdownAppTokenDoNotLog';
const RESTARTING = 'Briefbot is restarting; try again in a minute.';

let discord: DiscordPeer;
let slack: SlackPeer;
let cwd: string;
let bot: BotProcess | null = null;

beforeAll(async () => {
  await buildOnce();
  discord = await new DiscordPeer().start();
  slack = await new SlackPeer().start();
}, 120_000);

afterEach(() => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  bot = null;
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

afterAll(async () => {
  await discord?.stop();
  await slack?.stop();
});

function discordEnv(): Record<string, string> {
  return { DISCORD_TOKEN, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: discord.apiBase, DISCORD_GUILD_ID: GUILD_ID };
}

function slackEnv(): Record<string, string> {
  return { SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP, SLACK_API_URL: slack.apiUrl, SLACK_ADMIN_USER_IDS: ADMIN_ID };
}

async function until(cond: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('shutdown', () => {
  it('GIVEN SIGTERM while an answer is in flight on Discord and on Slack THEN new commands hear "restarting", both answers are delivered, the database is checkpointed and closed, and it exits 0 within 10 s', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'briefbot-shutdown-'));
    const dataDir = join(cwd, 'data');
    bot = await spawnBot({ cwd, env: { ...discordEnv(), ...slackEnv(), HEALTH_PORT: '0', DATA_DIR: dataDir } });
    await waitForHealth(bot.healthUrl);
    const connections = slack.connectionsOpened;

    // Something for the database to hold.
    const added = await discord.command('schedule', { when: 'daily 08:00', command: 'brief' }, { subcommand: 'add', admin: true });
    expect(added.message.embeds?.[0]?.title, added.message.content).toBeTruthy();

    // In flight: Discord and Slack each take 3 s to accept the answer.
    const since = Date.now();
    discord.delayNextCallbacks(1, 3000);
    slack.slowResponses(1, 3000);
    const discordAnswer = discord.command('casualties', {}, { timeoutMs: 15_000 });
    const slackAnswer = slack.slashSocket('/brief', 'casualties', { timeoutMs: 15_000 });
    await until(() => discord.arrivals.some((a) => a.at >= since && a.path.endsWith('/callback')) && slack.arrivals.some((a) => a.at >= since && a.path.startsWith('/response/')), 10_000, 'both answers to be on their way');

    const termAt = Date.now();
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutting down');
    expect(await (await fetch(bot.healthUrl)).json()).toMatchObject({ status: 'stopping' });

    // While it finishes, new commands are answered, privately: it is restarting.
    const late = await discord.command('casualties', {});
    expect(late.ephemeral).toBe(true);
    expect(late.message.content).toBe(`⚠️ ${RESTARTING}`);
    const lateSlack = await slack.slashSocket('/brief', 'casualties');
    expect(lateSlack.response.text).toBe(`:warning: ${RESTARTING}`);

    const [d, s] = await Promise.all([discordAnswer, slackAnswer]);
    expect(d.message.embeds[0].footer.text).toMatch(/^\/casualties/);
    expect(s.response.blocks[0].type).toBe('header');

    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - termAt).toBeLessThan(10_000);
    // It did wait for both answers (each logged once delivered) before disconnecting.
    const logs = bot.logs();
    const shutdownAt = logs.findIndex((l) => l.msg === 'shutting down');
    expect(logs[shutdownAt]!.inFlight).toBe(2);
    expect(logs.slice(shutdownAt).filter((l) => (l.msg === 'discord command' || l.msg === 'slack command') && l.command === 'casualties' && l.outcome === 'answer')).toHaveLength(2);
    expect(logs.some((l) => l.msg === 'commands in flight answered')).toBe(true);
    expect(logs.some((l) => l.msg === 'gave up waiting for commands in flight')).toBe(false);
    expect(slack.connectionsOpened).toBe(connections);

    // The database was checkpointed and closed: no write-ahead log left behind, the schedule kept.
    const wal = join(dataDir, 'briefbot.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = new Database(join(dataDir, 'briefbot.db'), { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM schedules').get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  }, 60_000);

  it('GIVEN SIGINT (Ctrl-C) while an answer is in flight THEN it is delivered and the process exits 0', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'briefbot-sigint-'));
    bot = await spawnBot({ cwd, env: { ...discordEnv(), HEALTH_PORT: '0', DATA_DIR: join(cwd, 'data') } });
    await waitForHealth(bot.healthUrl);
    const since = Date.now();
    discord.delayNextCallbacks(1, 2000);
    const answer = discord.command('sources', {}, { timeoutMs: 15_000 });
    await until(() => discord.arrivals.some((a) => a.at >= since && a.path.endsWith('/callback')), 10_000, 'the answer to be on its way');
    const intAt = Date.now();
    bot.child.kill('SIGINT');
    expect((await answer).message.embeds[0].footer.text).toMatch(/^\/sources/);
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - intAt).toBeLessThan(10_000);
    expect(bot.logs().some((l) => l.msg === 'shutting down' && l.signal === 'SIGINT')).toBe(true);
    expect(bot.logs().some((l) => l.msg === 'discord command' && l.command === 'sources')).toBe(true);
  }, 60_000);

  it('GIVEN the local console (no platform) and SIGINT THEN it leaves at once with exit code 0', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'briefbot-console-'));
    bot = await spawnBot({ cwd, env: { HEALTH_PORT: 'off', DATA_DIR: join(cwd, 'data') }, stdin: 'pipe' });
    bot.child.stdin!.write('/sources\n');
    await until(() => bot!.stdout().includes('Sources'), 30_000, 'the console to answer');
    const intAt = Date.now();
    bot.child.kill('SIGINT');
    const { code, signal, at } = await bot.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(at - intAt).toBeLessThan(2000);
  }, 60_000);
});

describe('stray errors', () => {
  it('GIVEN an unhandled rejection and an uncaught exception in the running bot THEN both are logged with an error id and it keeps answering', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'briefbot-stray-'));
    bot = await spawnBot({
      cwd,
      env: { ...discordEnv(), HEALTH_PORT: '0', DATA_DIR: join(cwd, 'data') },
      execArgv: ['--import', join(ROOT, 'tests/reliability/fixtures/stray-errors.mjs')],
    });
    await waitForHealth(bot.healthUrl);
    bot.child.kill('SIGUSR2');
    const rejection = await bot.waitForLog((l) => l.msg === 'unhandled rejection; still running');
    const thrown = await bot.waitForLog((l) => l.msg === 'uncaught exception; still running');
    expect(rejection.err.message).toBe('stray rejection from the test');
    expect(rejection.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(thrown.err.message).toBe('stray throw from the test');
    expect(thrown.err.stack).toContain('stray-errors.mjs');

    expect(bot.child.exitCode).toBeNull();
    expect((await discord.command('casualties', {})).message.embeds[0].footer.text).toMatch(/^\/casualties/);
    await waitForHealth(bot.healthUrl);
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
  }, 60_000);
});
