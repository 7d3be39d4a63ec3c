/**
 * The real @slack/bolt app with its HTTP receiver, in process: signed requests are
 * answered; forged, stale and replayed ones are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { setLogSink } from '../../src/log.js';
import { SLACK_ACTIONS } from '../../src/render/slack.js';
import { ADMIN_ID, SlackPeer } from '../peers/slack.js';
import { RateLimiter } from '../../src/rateLimit.js';
import { loadSuite, sampleText, slackText, type Suite } from './suite.js';

const BOT_TOKEN = 'xoxb-1111111111-2222222222-httpBotTokenDoNotLog';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

let peer: SlackPeer;
let bot: SlackAdapter;
let suite: Suite;
let endpoint: string;
const logs: string[] = [];

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  peer = await new SlackPeer().start();
  bot = createSlackAdapter({
    config: { botToken: BOT_TOKEN, appToken: null, signingSecret: SECRET, mode: 'http', port: 0, apiUrl: peer.apiUrl, adminUserIds: [ADMIN_ID], allowedTeams: null },
    index: suite.index,
    commands: suite.commands,
    now: () => suite.now,
    contextExtras: suite.contextExtras,
    host: '127.0.0.1',
  });
  await bot.start();
  endpoint = `http://127.0.0.1:${bot.port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await peer?.stop();
  suite?.close();
});

/** Posts to the response_url seen since `since` for `url`'s path. */
const answersTo = (url: string) => peer.posted.filter((p) => p.path === new URL(url).pathname);

describe('Slack (HTTP): commands', () => {
  it('GIVEN each command as a signed /brief request THEN HTTP 200 at once and an answer on the response_url', async () => {
    expect(bot.isConnected()).toBe(true);
    for (const sample of suite.samples) {
      const { name, admin } = sample;
      const a = await peer.slashHttp(endpoint, SECRET, '/brief', sampleText(sample), { userId: admin ? ADMIN_ID : undefined });
      expect(a.ackMs, name).toBeLessThan(3000);
      expect(a.ephemeral, name).toBe(true);
      expect(a.response.blocks[0].type, `${name}: ${a.response.text}`).toBe('header');
    }
  });

  it('GIVEN a page button click THEN the message is replaced with the next page', async () => {
    const a = await peer.slashHttp(endpoint, SECRET, '/brief', slackText(suite.long.name, suite.long.args, true));
    expect(a.response.response_type).toBe('in_channel');
    const next = a.response.blocks.find((b: any) => b.type === 'actions').elements[0];
    const page2 = await peer.clickHttp(endpoint, SECRET, SLACK_ACTIONS.next, next.value);
    expect(page2.response.replace_original).toBe(true);
    expect(JSON.stringify(page2.response.blocks)).toMatch(/page 2\/\d+/);
  });
});

describe('Slack (HTTP): request verification', () => {
  it('GIVEN a forged signature THEN 401 and nothing answered', async () => {
    const form = peer.slashPayload('/brief', 'casualties');
    const r = await SlackPeer.postSigned(endpoint, form, 'not-the-secret-0000000000000000');
    expect(r.status).toBe(401);
    const tampered = await SlackPeer.postSigned(endpoint, peer.slashPayload('/brief', 'search troops'), SECRET, { tamper: true });
    expect(tampered.status).toBe(401);
    await new Promise((res) => setTimeout(res, 500));
    expect(answersTo(form.response_url!)).toEqual([]);
  });

  it('GIVEN a request replayed ten minutes later THEN 401 and nothing answered', async () => {
    const form = peer.slashPayload('/brief', 'casualties');
    const stale = Math.floor(Date.now() / 1000) - 600;
    const r = await SlackPeer.postSigned(endpoint, form, SECRET, { ts: stale });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 500));
    expect(answersTo(form.response_url!)).toEqual([]);
  });

  it('GIVEN the same signed request sent twice within the window THEN it is answered once', async () => {
    const form = peer.slashPayload('/brief', 'casualties');
    const first = await SlackPeer.postSigned(endpoint, form, SECRET);
    expect(first.status).toBe(200);
    const again = await fetch(endpoint, { method: 'POST', headers: first.headers, body: first.raw });
    expect(again.status).toBe(200);
    await peer.waitForPost((p) => p.path === new URL(form.response_url!).pathname);
    await new Promise((res) => setTimeout(res, 500));
    expect(answersTo(form.response_url!)).toHaveLength(1);
  });

  it('GIVEN one member asking faster than the limit THEN "try again in N s", privately', async () => {
    const limited = createSlackAdapter({
      config: { botToken: BOT_TOKEN, appToken: null, signingSecret: SECRET, mode: 'http', port: 0, apiUrl: peer.apiUrl, adminUserIds: [], allowedTeams: null },
      index: suite.index,
      commands: suite.commands,
      host: '127.0.0.1',
      rateLimiter: new RateLimiter({ user: { capacity: 2, refillPerSecond: 0.01 }, channel: { capacity: 100, refillPerSecond: 1 } }),
    });
    await limited.start();
    try {
      const url = `http://127.0.0.1:${limited.port}/slack/events`;
      for (let k = 0; k < 2; k++) expect((await peer.slashHttp(url, SECRET, '/brief', 'casualties')).response.blocks[0].type).toBe('header');
      const third = await peer.slashHttp(url, SECRET, '/brief', 'casualties public');
      expect(third.ephemeral).toBe(true);
      expect(third.response.text).toMatch(/^:warning: You're asking faster than I can answer well; try again in \d+ s\.$/);
    } finally {
      await limited.stop();
    }
  });

  it('GIVEN a revoked bot token THEN start-up fails with a clear message', async () => {
    const revoked = createSlackAdapter({
      config: { botToken: 'xoxb-1111111111-2222222222-revoked', appToken: null, signingSecret: SECRET, mode: 'http', port: 0, apiUrl: peer.apiUrl, adminUserIds: [], allowedTeams: null },
      index: suite.index,
      commands: suite.commands,
      host: '127.0.0.1',
    });
    await expect(revoked.start()).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (invalid_auth): check the Bot User OAuth Token');
    expect(revoked.isConnected()).toBe(false);
  });

  it('GIVEN the bot token THEN no log line carries it', () => {
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
