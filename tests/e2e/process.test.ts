/**
 * The real thing: `node dist/src/main.js` (built with `tsc -p .`), configured only
 * through its environment, against both local peers at once: one process, one
 * corpus, Discord and Slack (Socket Mode), `/health`, clean shutdown on SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { SlackPeer } from '../peers/slack.js';
import { SOCKET_CONNECTIONS } from '../../src/adapters/slack/adapter.js';
import { botEnv, spawnBot, type BotProcess } from '../reliability/process.js';
import { buildOnce, MAIN_JS } from './build.js';

const DISCORD_TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.processTestTokenDoNotLog0123456789abcd';
const SLACK_BOT = 'xoxb-1111111111-2222222222-processBotTokenDoNotLog';
const SLACK_APP = 'xapp-1-A0BRIEFBOT-3333333333-processAppTokenDoNotLog';

let discord: DiscordPeer;
let slack: SlackPeer;
let bot: BotProcess;
let cwd: string;

beforeAll(async () => {
  await buildOnce();
  cwd = mkdtempSync(join(tmpdir(), 'briefbot-e2e-'));
  discord = await new DiscordPeer().start();
  slack = await new SlackPeer().start();
  // a clean environment (spawnBot): nothing from the developer's shell or .env leaks in
  bot = await spawnBot({
    cwd,
    env: {
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: GUILD_ID,
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      SLACK_API_URL: slack.apiUrl,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'debug',
    },
  });
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await discord?.stop();
  await slack?.stop();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('npm start (node dist/src/main.js) against both peers', () => {
  it('GIVEN both platforms configured THEN /health turns ready once the corpus is loaded and both are connected', async () => {
    await expect
      .poll(async () => (await fetch(bot.healthUrl)).status, { timeout: 20_000, interval: 100 })
      .toBe(200);
    const body = await (await fetch(bot.healthUrl)).json();
    expect(body).toMatchObject({ status: 'ready', corpus: { loaded: true }, platforms: { discord: true, slack: true } });
    expect(body.corpus.articles).toBeGreaterThan(0);
    expect(discord.identifies).toBe(1);
    expect(slack.connectionsOpened).toBe(SOCKET_CONNECTIONS);
  });

  it('GIVEN /casualties on Discord and /brief casualties on Slack THEN both answer from the same corpus', async () => {
    const d = await discord.command('casualties', {});
    const s = await slack.slashSocket('/brief', 'casualties');
    expect(d.ephemeral).toBe(true);
    expect(d.message.allowed_mentions).toEqual({ parse: [] });
    expect(s.ephemeral).toBe(true);
    expect(d.message.embeds[0].title).toBe(s.response.blocks[0].text.text);
    const figures = (t: string) => [...t.matchAll(/\d{1,3}(?:,\d{3})+|\d+/g)].map((m) => m[0]);
    const dLines = d.message.embeds[0].description.split('\n').filter((l: string) => l.startsWith('• '));
    const sLines = s.response.blocks.filter((b: any) => b.type === 'section').flatMap((b: any) => b.text.text.split('\n')).filter((l: string) => l.startsWith('• '));
    expect(dLines.length).toBeGreaterThan(0);
    expect(dLines.map(figures)).toEqual(sLines.map(figures));
  });

  it('GIVEN autocomplete on Discord THEN choices come from the loaded corpus', async () => {
    const choices = await discord.autocomplete('quotes', 'speaker', '');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN the whole run THEN no token appears on stderr or stdout', () => {
    expect(bot.stderr().length).toBeGreaterThan(0);
    for (const t of [DISCORD_TOKEN, SLACK_BOT, SLACK_APP]) {
      expect(bot.stderr()).not.toContain(t);
      expect(bot.stdout()).not.toContain(t);
    }
  });

  it('GIVEN SIGTERM THEN it disconnects and exits 0', async () => {
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.stderr()).toContain('"msg":"shutting down"');
  });
});

describe('npm start with bad configuration', () => {
  it('GIVEN malformed settings THEN it exits 2 listing every problem, without echoing the token', () => {
    const r = spawnSync(process.execPath, [MAIN_JS], {
      cwd,
      env: botEnv(cwd, { DISCORD_TOKEN: 'Bot ' + DISCORD_TOKEN, SLACK_BOT_TOKEN: SLACK_BOT, LOG_LEVEL: 'chatty', HEALTH_PORT: 'x' }),
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Briefbot cannot start\. Fix these 5 settings/);
    for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'SLACK_SIGNING_SECRET', 'LOG_LEVEL', 'HEALTH_PORT']) expect(r.stderr).toContain(name);
    expect(r.stderr).not.toContain(DISCORD_TOKEN);
    expect(r.stderr).not.toContain(SLACK_BOT);
  });
});
