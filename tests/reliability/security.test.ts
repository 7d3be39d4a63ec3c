/**
 * Abuse and secrets: forged Slack requests do no work at all; Discord commands
 * arrive only through the authenticated gateway (the process listens on nothing
 * else); admin commands are checked on the server; workspaces off the allow-list
 * are refused and logged (without flooding the log); tokens stay out of logs and
 * error messages; `.env` is git-ignored; the Docker image runs unprivileged with no
 * secrets in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, NOT_ALLOWED_MESSAGE as DISCORD_NOT_ALLOWED, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { createSlackAdapter, NOT_ALLOWED_MESSAGE as SLACK_NOT_ALLOWED, type SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { defineCommand } from '../../src/core/command.js';
import { setLogSink } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimit.js';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { ADMIN_ID, SlackPeer, TEAM_ID } from '../peers/slack.js';
import { buildOnce, ROOT } from '../e2e/build.js';
import { loadSuite, type Suite } from '../e2e/suite.js';
import { spawnBot, waitForHealth } from './process.js';

const DISCORD_TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.securityTestTokenDoNotLog0123456789ab';
const SLACK_BOT = 'xoxb-1111111111-2222222222-securityBotTokenDoNotLog';
const SECRET = '5ec8e7a1b10e8888abcd99yyyzzz85a5';

let suite: Suite;
let discordPeer: DiscordPeer;
let slackPeer: SlackPeer;
let discord: DiscordAdapter;
let slack: SlackAdapter;
let endpoint: string;
const logs: string[] = [];
const reloads: string[] = [];

/** Throws an error carrying both tokens, as a failing HTTP client might. */
const leaky = defineCommand({
  name: 'leaky',
  description: 'Test only: fails with the tokens in its error message',
  options: [],
  run() {
    throw new Error(`GET https://discord.com/api/v10/users/@me failed: Authorization: Bot ${DISCORD_TOKEN}; slack ${SLACK_BOT}; secret ${SECRET}`);
  },
});

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  discordPeer = await new DiscordPeer().start();
  slackPeer = await new SlackPeer().start();
  const common = {
    index: suite.index,
    commands: [...suite.commands, leaky],
    now: () => suite.now,
    // /reload reloads a stand-in corpus that counts the calls.
    contextExtras: () => ({ ...suite.contextExtras(), corpus: { reload: async (reason?: string) => (reloads.push(reason ?? ''), { articles: 5, changed: false, reason: reason ?? 'requested' }) } }),
  };
  discord = createDiscordAdapter({
    ...common,
    config: { token: DISCORD_TOKEN, applicationId: discordPeer.applicationId, guildId: GUILD_ID, apiBase: discordPeer.apiBase, allowedGuilds: [GUILD_ID] },
  });
  slack = createSlackAdapter({
    ...common,
    config: { botToken: SLACK_BOT, appToken: null, signingSecret: SECRET, mode: 'http', port: 0, apiUrl: slackPeer.apiUrl, adminUserIds: [ADMIN_ID], allowedTeams: [TEAM_ID] },
    host: '127.0.0.1',
    rateLimiter: new RateLimiter(),
  });
  await discord.start();
  await slack.start();
  endpoint = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await discord?.stop();
  await slack?.stop();
  await discordPeer?.stop();
  await slackPeer?.stop();
  suite?.close();
});

describe('Slack requests are verified before any work', () => {
  it('GIVEN 100 forged and 100 stale (6 minutes old) requests from one member THEN all get 401, none is answered or logged as a command, and the member’s rate limit is untouched', async () => {
    const member = 'U0FORGER';
    const forms = Array.from({ length: 200 }, () => slackPeer.slashPayload('/brief', 'reload', { userId: member }));
    const stale = Math.floor(Date.now() / 1000) - 360;
    const statuses = await Promise.all(forms.map((f, i) => SlackPeer.postSigned(endpoint, f, i < 100 ? 'not-the-signing-secret-000000000' : SECRET, i < 100 ? {} : { ts: stale }).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([401]));
    await new Promise((r) => setTimeout(r, 300));
    for (const f of forms) expect(slackPeer.postsTo(new URL(f.response_url!).pathname)).toEqual([]);
    expect(logs.filter((l) => l.includes('"msg":"slack command"') && l.includes('reload'))).toEqual([]);
    expect(reloads).toEqual([]);
    // All 8 requests the member may make still go through.
    const real = await Promise.all(Array.from({ length: 8 }, () => slackPeer.slashHttp(endpoint, SECRET, '/brief', 'casualties', { userId: member })));
    expect(real.every((a) => a.response.blocks?.[0]?.type === 'header')).toBe(true);
  });
});

describe('admin commands are checked on the server', () => {
  it('GIVEN /reload from a member without Manage Channels (as if the server had overridden the default permissions) THEN it is refused and nothing reloads', async () => {
    const denied = await discordPeer.command('reload', {});
    expect(denied.ephemeral).toBe(true);
    expect(denied.message.content).toBe('⚠️ /reload is for channel admins only.');
    expect(reloads).toEqual([]);
    const allowed = await discordPeer.command('reload', {}, { admin: true });
    expect(allowed.message.embeds[0].title).toBe('Corpus reloaded');
    expect(reloads).toEqual(['/reload']);
  });

  it('GIVEN /brief reload from a member who is no admin THEN it is refused; from an admin THEN it runs', async () => {
    reloads.length = 0;
    const denied = await slackPeer.slashHttp(endpoint, SECRET, '/brief', 'reload', { userId: 'U0REPORTER' });
    expect(denied.response.text).toBe(':warning: /reload is for channel admins only.');
    expect(reloads).toEqual([]);
    const allowed = await slackPeer.slashHttp(endpoint, SECRET, '/brief', 'reload', { userId: ADMIN_ID });
    expect(allowed.response.blocks[0].text.text).toBe('Corpus reloaded');
    expect(reloads).toEqual(['/reload']);
  });
});

describe('allow-lists', () => {
  it('GIVEN 5 commands from a Discord server not on the list THEN each is refused politely, one log line names the server, and the allowed server is served', async () => {
    const stranger = '499999999999999998';
    const before = logs.length;
    for (let k = 0; k < 5; k++) {
      const a = await discordPeer.command('casualties', {}, { guildId: stranger });
      expect(a.message.content).toBe(DISCORD_NOT_ALLOWED);
      expect(a.ephemeral).toBe(true);
    }
    const lines = logs.slice(before).filter((l) => l.includes('not on DISCORD_ALLOWED_GUILDS'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', guild: stranger });
    expect((await discordPeer.command('casualties', {})).message.embeds).toHaveLength(1);
  });

  it('GIVEN 5 commands from a Slack workspace not on the list THEN each is refused, one log line names the workspace', async () => {
    const before = logs.length;
    for (let k = 0; k < 5; k++) {
      const a = await slackPeer.slashHttp(endpoint, SECRET, '/brief', 'casualties', { teamId: 'T0STRANGER' });
      expect(a.response.text).toBe(SLACK_NOT_ALLOWED);
    }
    const lines = logs.slice(before).filter((l) => l.includes('not on SLACK_ALLOWED_TEAMS'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', team: 'T0STRANGER' });
  });
});

describe('secrets', () => {
  it('GIVEN a command whose error message carries the tokens THEN the member sees only an apology and the log line has them redacted', async () => {
    const before = logs.length;
    const d = await discordPeer.command('leaky', {});
    expect(d.message.content).toMatch(/^⚠️ Sorry, \/leaky failed\. Error id [0-9a-f]{8}; the team can find it in the logs\.$/);
    const s = await slackPeer.slashHttp(endpoint, SECRET, '/brief', 'leaky');
    expect(s.response.text).toMatch(/^:warning: Sorry, \/leaky failed\. Error id [0-9a-f]{8}/);
    const lines = logs.slice(before).filter((l) => l.includes('"msg":"command failed"'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain('Authorization: Bot [redacted]; slack [redacted]; secret [redacted]');
      for (const secret of [DISCORD_TOKEN, SLACK_BOT, SECRET]) expect(line).not.toContain(secret);
    }
    for (const secret of [DISCORD_TOKEN, SLACK_BOT, SECRET]) expect(logs.join('\n')).not.toContain(secret);
  });

  it('GIVEN the repository THEN .env is git-ignored and no .env file is tracked', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
    const tracked = spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n');
    expect(tracked.filter((f) => /(^|\/)\.env(\.|$)/.test(f) && !f.endsWith('.env.example'))).toEqual([]);
  });

  it('GIVEN the Dockerfile THEN the image runs as an unprivileged user, holds no secret, and node gets docker stop’s SIGTERM itself', () => {
    const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const runtime = lines.slice(lines.map((l) => l.startsWith('FROM ')).lastIndexOf(true));
    const user = runtime.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
    // No token or secret set in the image, and nothing copied wholesale (a stray .env would go in).
    expect(lines.filter((l) => /^(ENV|ARG)\b/.test(l) && /(TOKEN|SECRET|PASSWORD|KEY)\w*=\S/i.test(l))).toEqual([]);
    expect(lines.filter((l) => /^(COPY|ADD)\s+(--\S+\s+)*(\.|\.env\S*)\s/.test(l))).toEqual([]);
    // Exec form with node first: SIGTERM reaches main.js, which shuts down cleanly (see process.test.ts).
    const cmd = runtime.filter((l) => l.startsWith('CMD ')).at(-1)!;
    expect(JSON.parse(cmd.slice(4))[0]).toBe('node');
    expect(runtime.some((l) => /^STOPSIGNAL\s+(?!SIGTERM)/.test(l))).toBe(false);
  });
});

/** TCP ports process `pid` listens on (Linux: its socket inodes matched against /proc/net/tcp*). */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((x): x is string => !!x),
  );
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9]!)) ports.push(parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

describe('the real process', () => {
  let cwd: string;
  beforeAll(async () => {
    await buildOnce();
    cwd = mkdtempSync(join(tmpdir(), 'briefbot-security-'));
  }, 120_000);
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('GIVEN Discord configured only in a .env file THEN it connects with that token, listens on no port but /health (interactions come only through the gateway), and never logs the token', async () => {
    writeFileSync(join(cwd, '.env'), `DISCORD_TOKEN=${DISCORD_TOKEN}\nDISCORD_APPLICATION_ID=${discordPeer.applicationId}\nDISCORD_API_BASE=${discordPeer.apiBase}\nDISCORD_ALLOWED_GUILDS=${GUILD_ID}\n`);
    const bot = await spawnBot({ cwd, env: { HEALTH_PORT: '0', DATA_DIR: join(cwd, 'data'), LOG_LEVEL: 'debug' } });
    try {
      await waitForHealth(bot.healthUrl);
      expect(discordPeer.tokensSeen).toContain(DISCORD_TOKEN);
      const health = Number(new URL(bot.healthUrl).port);
      expect(listeningPorts(bot.child.pid!)).toEqual([health]);
      // An interaction posted over HTTP, as to an interactions endpoint, finds nothing to take it.
      for (const path of ['/', '/interactions', '/api/interactions']) {
        const r = await fetch(`http://127.0.0.1:${health}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 2, data: { name: 'reload' } }) });
        expect(r.status, path).toBe(404);
      }
      expect((await discordPeer.command('casualties', {})).message.embeds).toHaveLength(1);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stderr()).not.toContain(DISCORD_TOKEN);
      expect(bot.stdout()).not.toContain(DISCORD_TOKEN);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);

  it('GIVEN a token on the command line THEN it is refused without being echoed: secrets come only from the environment or .env', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/main.js'), '--token', DISCORD_TOKEN, `--slack-token=${SLACK_BOT}`], { cwd, env: { PATH: process.env.PATH, HOME: cwd }, encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option --token.');
    expect(r.stderr).toContain('Unknown option --slack-token.');
    expect(r.stderr).toContain(`Unexpected argument (${DISCORD_TOKEN.length} characters)`);
    for (const part of [...DISCORD_TOKEN.split('.'), SLACK_BOT.slice(5)]) expect(r.stderr).not.toContain(part);
  });
});
