/**
 * The real thing: `node dist/src/main.js` (built with `tsc -p .`), configured only
 * through its environment, against both local peers at once: one process, one
 * corpus, Discord and Slack (Socket Mode), `/health`, clean shutdown on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { SlackPeer } from '../peers/slack.js';
import { SOCKET_CONNECTIONS } from '../../src/adapters/slack/adapter.js';
import { buildOnce } from './build.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DISCORD_TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.processTestTokenDoNotLog0123456789abcd';
const SLACK_BOT = 'xoxb-1111111111-2222222222-processBotTokenDoNotLog';
const SLACK_APP = 'xapp-1-A0BRIEFBOT-3333333333-processAppTokenDoNotLog';

let discord: DiscordPeer;
let slack: SlackPeer;
let child: ChildProcess;
let cwd: string;
let stderr = '';
let healthUrl = '';
let exited: Promise<number | null>;

/** A clean environment: nothing from the developer's shell or .env leaks in. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: cwd, NODE_ENV: 'production', CORPUS_DIR: join(root, 'seeds'), CACHE_DIR: 'off', ...extra };
}

beforeAll(async () => {
  await buildOnce();
  cwd = mkdtempSync(join(tmpdir(), 'briefbot-e2e-'));
  discord = await new DiscordPeer().start();
  slack = await new SlackPeer().start();
  child = spawn(process.execPath, [join(root, 'dist/src/main.js')], {
    cwd,
    env: env({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: GUILD_ID,
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      SLACK_API_URL: slack.apiUrl,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'debug',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));
  const end = Date.now() + 20_000;
  while (!healthUrl) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`main.js did not start its health server:\n${stderr}`);
    const port = /"msg":"health server listening","port":(\d+)/.exec(stderr)?.[1];
    if (port) healthUrl = `http://127.0.0.1:${port}/health`;
    else await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await discord?.stop();
  await slack?.stop();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('npm start (node dist/src/main.js) against both peers', () => {
  it('GIVEN both platforms configured THEN /health turns ready once the corpus is loaded and both are connected', async () => {
    await expect
      .poll(async () => (await fetch(healthUrl)).status, { timeout: 20_000, interval: 100 })
      .toBe(200);
    const body = await (await fetch(healthUrl)).json();
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
    expect(stderr.length).toBeGreaterThan(0);
    for (const t of [DISCORD_TOKEN, SLACK_BOT, SLACK_APP]) expect(stderr).not.toContain(t);
  });

  it('GIVEN SIGTERM THEN it disconnects and exits 0', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('"msg":"shutting down"');
  });
});

describe('npm start with bad configuration', () => {
  it('GIVEN malformed settings THEN it exits 2 listing every problem, without echoing the token', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist/src/main.js')], {
      cwd,
      env: env({ DISCORD_TOKEN: 'Bot ' + DISCORD_TOKEN, SLACK_BOT_TOKEN: SLACK_BOT, LOG_LEVEL: 'chatty', HEALTH_PORT: 'x' }),
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
