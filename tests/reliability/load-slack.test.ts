/**
 * Load and faults on Slack: the real @slack/bolt app and adapter, in process, with
 * the production rate limits and work queue, against the local Slack peer. A
 * thousand signed HTTP requests at once, each acknowledged within Slack's 3 s and
 * answered once on its response_url; then a thousand Socket Mode commands while the
 * socket is recycled and the response_url is slow, rate limited and failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { Workload } from '../../src/adapters/workload.js';
import type { SlackConfig } from '../../src/config.js';
import { dispatch } from '../../src/dispatch.js';
import { setLogSink } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimit.js';
import { renderSlackBlocks } from '../../src/render/slack.js';
import { SlackPeer, TEAM_ID, type SlashAnswer } from '../peers/slack.js';
import { loadSuite, slackText, type Suite } from '../e2e/suite.js';
import { burstMix, latencySummary, report, spread, type Invocation } from './load.js';

const BOT_TOKEN = 'xoxb-1111111111-2222222222-loadBotTokenDoNotLog';
const APP_TOKEN = 'xapp-1-A0BRIEFBOT-3333333333-loadAppTokenDoNotLog';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BURST = 1000;
const CHANNELS = 50;

let peer: SlackPeer;
let http: SlackAdapter;
let socket: SlackAdapter;
let suite: Suite;
let endpoint: string;
/** The header each real command answers with, over the seeds. */
const titles = new Map<string, string>();
const logs: string[] = [];

function adapter(config: Partial<SlackConfig>): SlackAdapter {
  return createSlackAdapter({
    config: { botToken: BOT_TOKEN, appToken: null, signingSecret: SECRET, mode: 'http', port: 0, apiUrl: peer.apiUrl, adminUserIds: [], allowedTeams: [TEAM_ID], ...config },
    index: suite.index,
    commands: suite.commands,
    now: () => suite.now,
    contextExtras: suite.contextExtras,
    host: '127.0.0.1',
    // Production settings: the default limits (8 per member, 40 per channel) and queue;
    // the response_url retried quickly so the test stays short.
    rateLimiter: new RateLimiter(),
    workload: new Workload(),
    respond: { retryDelayMs: 200 },
  });
}

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  peer = await new SlackPeer().start();
  http = adapter({});
  socket = adapter({ mode: 'socket', appToken: APP_TOKEN, signingSecret: null });
  await http.start();
  await socket.start();
  await peer.waitForConnection(1);
  endpoint = `http://127.0.0.1:${http.port}/slack/events`;
  for (const s of suite.samples) {
    const channel = { platform: 'slack', workspaceId: TEAM_ID, channelId: 'C0TITLES' };
    const reply = await dispatch({ index: suite.index, now: suite.now, commands: suite.commands, ...suite.contextExtras(), channel } as never, s.name, s.subcommand ? { ...s.args, action: s.subcommand } : s.args);
    const header = renderSlackBlocks(reply).blocks[0];
    if (header?.type === 'header') titles.set(s.name, header.text.text);
  }
});

afterAll(async () => {
  await http?.stop();
  await socket?.stop();
  await peer?.stop();
  suite?.close();
});

const text = (inv: Invocation) => slackText(inv.subcommand ? `${inv.name} ${inv.subcommand}` : inv.name, inv.args);

/** The answer is what the invocation should get; returns a reason when it is not. */
function wrongAnswer(inv: Invocation, a: SlashAnswer): string | null {
  const r = a.response;
  const header = r.blocks?.[0]?.type === 'header' ? r.blocks[0].text.text : undefined;
  if (r.blocks?.length > 50) return `${r.blocks.length} blocks`;
  switch (inv.expect) {
    case 'answer':
      return header !== undefined && header === titles.get(inv.name) ? null : `expected "${titles.get(inv.name)}" for /brief ${inv.name}, got ${JSON.stringify(r).slice(0, 200)}`;
    case 'busy':
      return header === 'Busy work done' ? null : `busywork: ${JSON.stringify(r).slice(0, 200)}`;
    case 'slow':
      return header === 'Slow brief' ? null : `slowbrief: ${JSON.stringify(r).slice(0, 200)}`;
    case 'error-id':
      return /^:warning: Sorry, \/explode failed\. Error id [0-9a-f]{8}/.test(r.text ?? '') ? null : `explode: ${r.text}`;
  }
}

/** Every response_url got exactly one answer. */
function duplicates(answers: readonly SlashAnswer[]): string[] {
  return answers.flatMap((a) => {
    const delivered = peer.postsTo(new URL(a.responseUrl).pathname).filter((p) => p.status === 200).length;
    return delivered === 1 ? [] : [`${a.responseUrl}: ${delivered} answers`];
  });
}

describe('Slack (HTTP) under load', () => {
  it(`GIVEN ${BURST} signed requests at once from ${BURST} members in ${CHANNELS} channels THEN each is acknowledged within 3 s and answered exactly once`, async () => {
    const mix = burstMix(suite, BURST);
    const started = Date.now();
    const answers = await Promise.all(mix.map((inv) => peer.slashHttp(endpoint, SECRET, '/brief', text(inv), { userId: `U0LOAD${inv.n}`, channelId: `C0LOAD${inv.n % CHANNELS}`, timeoutMs: 60_000 })));
    const tookMs = Date.now() - started;
    const acks = answers.map((a) => a.ackMs);
    report(`Slack HTTP burst of ${BURST}: ack (HTTP 200) ${latencySummary(acks)}; answer on the response_url ${latencySummary(answers.map((a) => a.answeredMs))}; all answered in ${tookMs} ms`);

    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(acks.filter((ms) => ms > 3000)).toEqual([]);
    expect(mix.map((inv, i) => wrongAnswer(inv, answers[i]!)).filter(Boolean)).toEqual([]);
    expect(duplicates(answers)).toEqual([]);
  }, 90_000);

  it('GIVEN one member sending 30 requests at once THEN 8 are answered, the rest told "try again in N s", and none is left unanswered', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => peer.slashHttp(endpoint, SECRET, '/brief', 'casualties', { userId: 'U0FLOOD', channelId: 'C0FLOOD', timeoutMs: 30_000 })));
    const limited = answers.filter((a) => /^:warning: You're asking faster than I can answer well; try again in \d+ s\.$/.test(a.response.text));
    const answered = answers.filter((a) => a.response.blocks?.[0]?.type === 'header');
    report(`one Slack member, 30 at once: ${answered.length} answered, ${limited.length} asked to wait; ack ${latencySummary(answers.map((a) => a.ackMs))}`);
    expect(answered.length + limited.length).toBe(30);
    expect(answered.length).toBeGreaterThanOrEqual(8);
    expect(answered.length).toBeLessThanOrEqual(9);
    expect(limited.every((a) => a.ephemeral)).toBe(true);
    expect(answers.filter((a) => a.ackMs > 3000)).toEqual([]);
  }, 60_000);
});

describe('Slack (Socket Mode) faults under load', () => {
  it(`GIVEN ${BURST} commands over 2 s while a Socket Mode connection is recycled and the response_url is slow, rate limited and failing THEN each is acknowledged within 3 s and answered exactly once`, async () => {
    const mix = burstMix(suite, BURST);
    const opened = peer.connectionsOpened;
    const started = Date.now();
    const faults = (sent: number) => {
      if (sent % 100 === 0) {
        peer.failNext('/response', 1, 1); // 429, Retry-After: 1
        peer.failNext('/response', 1, 0, 500);
        peer.failNext('/response', 1, 0, 503);
        peer.slowResponses(5, 4000);
      }
      if (sent === 500) peer.sendDisconnect();
    };
    const answers = await spread(mix, 50, 100, (inv) => peer.slashSocket('/brief', text(inv), { userId: `U0SOCK${inv.n}`, channelId: `C0SOCK${inv.n % CHANNELS}`, timeoutMs: 60_000, ackTimeoutMs: 60_000 }), faults);
    const tookMs = Date.now() - started;
    const redelivered = answers.filter((a) => a.attempts > 1).length;
    report(
      `Slack Socket Mode burst of ${BURST} with faults: ack ${latencySummary(answers.map((a) => a.ackMs))}; ` +
        `answer ${latencySummary(answers.map((a) => a.answeredMs))}; ${peer.redeliveries} envelopes redelivered after their connection closed (${redelivered} of them acked only then); reconnected ${peer.connectionsOpened - opened}×; all answered in ${tookMs} ms`,
    );

    expect(peer.connectionsOpened).toBeGreaterThan(opened);
    // The other connection carries on while one is recycled: every command is acknowledged within 3 s of being sent.
    expect(answers.map((a) => a.ackMs).filter((ms) => ms > 3000)).toEqual([]);
    expect(mix.map((inv, i) => wrongAnswer(inv, answers[i]!)).filter(Boolean)).toEqual([]);
    expect(duplicates(answers)).toEqual([]);
    // The faults did happen.
    const statuses = peer.posted.filter((p) => p.at >= started && p.path.startsWith('/response/')).map((p) => p.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(0);
    await expect.poll(() => socket.isConnected()).toBe(true);
  }, 90_000);
});
