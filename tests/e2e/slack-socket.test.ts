/**
 * The real @slack/bolt app in Socket Mode, in process, against the local Slack peer:
 * every command through `/brief <subcommand>`, per-command slash commands,
 * pagination, ephemeral/public, escaping, and the faults (disconnect, 429s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, NOT_ALLOWED_MESSAGE, SOCKET_CONNECTIONS, type SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { setLogSink } from '../../src/log.js';
import { EXPIRED_MESSAGE } from '../../src/render/replyStore.js';
import { SLACK_ACTIONS } from '../../src/render/slack.js';
import { ADMIN_ID, CHANNEL_ID, GONE_CHANNEL_ID, OWNER_ID, SlackPeer, TEAM_ID, USER_ID, WORKSPACE_ADMIN_ID } from '../peers/slack.js';
import { DeliveryError } from '../../src/schedule/scheduler.js';
import { casualtiesReply, HOSTILE } from '../render/fixtures.js';
import { loadSuite, sampleText, slackText, type Suite } from './suite.js';

const BOT_TOKEN = 'xoxb-1111111111-2222222222-slackBotTokenDoNotLog';
const APP_TOKEN = 'xapp-1-A0BRIEFBOT-3333333333-slackAppTokenDoNotLog';

let peer: SlackPeer;
let bot: SlackAdapter;
let suite: Suite;
const logs: string[] = [];

const usersInfo = (user: string) => peer.posted.filter((p) => p.path === '/api/users.info' && p.body.user === user).length;

const blocksText = (r: any): string => JSON.stringify(r.blocks ?? []) + '\n' + (r.text ?? '');

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  peer = await new SlackPeer().start();
  bot = createSlackAdapter({
    config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, signingSecret: null, mode: 'socket', port: 0, apiUrl: peer.apiUrl, adminUserIds: [ADMIN_ID], allowedTeams: ['T0NEWSROOM'] },
    index: suite.index,
    commands: suite.commands,
    now: () => suite.now,
    contextExtras: suite.contextExtras,
  });
  await bot.start();
  await peer.waitForConnection(1);
});

afterAll(async () => {
  await bot?.stop();
  await peer?.stop();
  suite?.close();
});

describe('Slack (Socket Mode): every command', () => {
  it('GIVEN each command as /brief <subcommand> THEN acked at once and an ephemeral Block Kit answer', async () => {
    expect(bot.isConnected()).toBe(true);
    for (const sample of suite.samples) {
      const { name, expectSources, admin } = sample;
      const a = await peer.slashSocket('/brief', sampleText(sample), { userId: admin ? ADMIN_ID : undefined });
      expect(a.ackMs, name).toBeLessThan(3000);
      expect(a.ephemeral, name).toBe(true);
      expect(a.response.blocks[0].type, `${name}: ${a.response.text}`).toBe('header');
      if (expectSources) expect(blocksText(a.response), name).toContain('*Sources*');
      expect(a.response.text.length, name).toBeGreaterThan(0);
    }
  });

  it('GIVEN /brief casualties THEN one line per claim with source numbers and the sources in a context block', async () => {
    const a = await peer.slashSocket('/brief', 'casualties');
    const sections = a.response.blocks.filter((b: any) => b.type === 'section').map((b: any) => b.text.text).join('\n');
    const claims = sections.split('\n').filter((l: string) => l.startsWith('• '));
    expect(claims.length).toBeGreaterThan(0);
    for (const line of claims) expect(line).toMatch(/\[\d+\]$/);
    const context = a.response.blocks.find((b: any) => b.type === 'context');
    expect(context.elements[0].text).toMatch(/^\*Sources\*\n\*\[1\]\* /);
  });

  it('GIVEN "public" as the last word THEN the answer is posted in the channel', async () => {
    const a = await peer.slashSocket('/brief', 'casualties public');
    expect(a.response.response_type).toBe('in_channel');
  });

  it('GIVEN a per-command slash command THEN it works like the subcommand', async () => {
    const a = await peer.slashSocket('/casualties', '');
    const b = await peer.slashSocket('/brief', 'casualties');
    expect(a.response.blocks).toEqual(b.response.blocks);
  });

  it('GIVEN an unknown subcommand word and no brief command THEN a helpful ephemeral message', async () => {
    const a = await peer.slashSocket('/brief', suite.commands.some((c) => c.name === 'brief') ? 'explode' : 'frobnicate');
    expect(a.ephemeral).toBe(true);
    expect(a.response.blocks[0].text.text).toMatch(/^:warning: /);
  });
});

describe('Slack (Socket Mode): a command with its own grammar', () => {
  it('GIVEN /brief agenda add daily 08:00 public THEN its text parser reads the arguments', async () => {
    const a = await peer.slashSocket('/brief', 'agenda add daily 08:00 public');
    expect(a.response.response_type).toBe('in_channel');
    expect(a.response.blocks[0].text.text).toBe('Agenda add at daily 08:00');
    const bad = await peer.slashSocket('/brief', 'agenda frob');
    expect(bad.response.text).toBe(':warning: Usage: agenda add &lt;when&gt; | agenda list');
  });
});

describe('Slack (Socket Mode): pagination', () => {
  it('GIVEN a long answer THEN Next/Previous replace the message page by page; an expired id says so', async () => {
    const a = await peer.slashSocket('/brief', slackText(suite.long.name, suite.long.args));
    const actions = a.response.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements.map((e: any) => e.action_id)).toEqual([SLACK_ACTIONS.next]);
    const next = await peer.clickSocket(SLACK_ACTIONS.next, actions.elements[0].value);
    expect(next.response.replace_original).toBe(true);
    expect(blocksText(next.response)).toMatch(new RegExp(`/brief ${suite.long.name} · page 2/\\d+`));
    const prevButton = next.response.blocks.find((b: any) => b.type === 'actions').elements[0];
    expect(prevButton.action_id).toBe(SLACK_ACTIONS.previous);
    const back = await peer.clickSocket(SLACK_ACTIONS.previous, prevButton.value);
    expect(back.response.blocks.filter((b: any) => b.type === 'section')).toEqual(a.response.blocks.filter((b: any) => b.type === 'section'));

    const gone = await peer.clickSocket(SLACK_ACTIONS.next, 'nosuchid00:1');
    expect(gone.response).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: EXPIRED_MESSAGE });
  });
});

describe('Slack (Socket Mode): safety', () => {
  it('GIVEN a query full of control sequences THEN nothing can ping and the text shows literally', async () => {
    const a = await peer.slashSocket('/brief', `echo ${HOSTILE} public`);
    const all = blocksText(a.response);
    expect(all).not.toMatch(/<[!@#]/);
    expect(all).not.toMatch(/@(channel|here|everyone)/);
    expect(all).toContain('&lt;!channel&gt;');
  });

  it('GIVEN a command that throws THEN an ephemeral apology whose error id matches a log line', async () => {
    const a = await peer.slashSocket('/brief', 'explode public');
    expect(a.ephemeral).toBe(true);
    const id = /Error id ([0-9a-f]{8})/.exec(a.response.text)?.[1];
    expect(id).toBeDefined();
    expect(logs.some((l) => l.includes(id!) && l.includes('kaboom'))).toBe(true);
  });

  it('GIVEN an admin command THEN only SLACK_ADMIN_USER_IDS may run it, and it knows the channel', async () => {
    const denied = await peer.slashSocket('/brief', 'adminonly');
    expect(denied.response.text).toBe(':warning: /adminonly is for channel admins only.');
    const ok = await peer.slashSocket('/brief', 'adminonly', { userId: ADMIN_ID });
    expect(ok.response.blocks[0].text.text).toBe(`Admin check passed in slack:${TEAM_ID}/${CHANNEL_ID}`);
  });

  it('GIVEN a workspace admin or owner not on SLACK_ADMIN_USER_IDS THEN admin commands run, and Slack is asked once per member', async () => {
    for (const userId of [WORKSPACE_ADMIN_ID, OWNER_ID]) {
      for (let k = 0; k < 2; k++) {
        const ok = await peer.slashSocket('/brief', 'adminonly', { userId });
        expect(ok.response.blocks?.[0]?.text?.text, userId).toBe(`Admin check passed in slack:${TEAM_ID}/${CHANNEL_ID}`);
      }
      expect(usersInfo(userId)).toBe(1);
    }
  });

  it('GIVEN a plain member THEN the answer "not an admin" is remembered, and commands anyone may run ask Slack nothing', async () => {
    for (let k = 0; k < 2; k++) expect((await peer.slashSocket('/brief', 'adminonly', { userId: USER_ID })).response.text).toBe(':warning: /adminonly is for channel admins only.');
    expect(usersInfo(USER_ID)).toBe(1);
    const before = peer.posted.filter((p) => p.path === '/api/users.info').length;
    await peer.slashSocket('/brief', 'casualties', { userId: 'U0NEWCOMER' });
    await peer.slashSocket('/brief', 'adminonly', { userId: ADMIN_ID });
    expect(peer.posted.filter((p) => p.path === '/api/users.info').length).toBe(before);
  });

  it('GIVEN Slack cannot say whether a member is an admin THEN they are not, and one warning says why', async () => {
    for (let k = 0; k < 2; k++) expect((await peer.slashSocket('/brief', 'adminonly', { userId: 'U0STRANGER' })).response.text).toBe(':warning: /adminonly is for channel admins only.');
    const warnings = logs.filter((l) => l.includes('could not ask whether a member is a workspace admin (user_not_found)'));
    expect(warnings).toHaveLength(1);
  });

  it('GIVEN a workspace not on the allow-list THEN it refuses politely', async () => {
    const a = await peer.slashSocket('/brief', 'casualties', { teamId: 'T0ELSEWHERE' });
    expect(a.response.text).toBe(NOT_ALLOWED_MESSAGE);
  });

  it('GIVEN tokens THEN they reach Slack but never a log line', () => {
    expect(peer.tokensSeen).toContain(APP_TOKEN);
    expect(peer.tokensSeen).toContain(BOT_TOKEN);
    const all = logs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(APP_TOKEN);
  });
});

describe('Slack (Socket Mode): faults', () => {
  it('GIVEN a slow command THEN the ack is immediate and the answer follows', async () => {
    const a = await peer.slashSocket('/brief', 'slowbrief', { timeoutMs: 15_000 });
    expect(a.ackMs).toBeLessThan(1000);
    expect(a.response.blocks[0].text.text).toBe('Slow brief');
  });

  it('GIVEN a 429 on the response_url THEN the answer is retried', async () => {
    const since = Date.now();
    peer.failNext('/response');
    const a = await peer.slashSocket('/brief', 'casualties');
    const tries = peer.posted.filter((p) => p.at >= since && p.path === new URL(a.responseUrl).pathname);
    expect(tries.map((p) => p.status)).toEqual([429, 200]);
  });

  it('GIVEN a scheduled post and a 429 with a short Retry-After from chat.postMessage THEN it is waited out and posted once', async () => {
    const since = Date.now();
    peer.failNext('/api/chat.postMessage');
    await bot.postToChannel(CHANNEL_ID, casualtiesReply());
    const posts = peer.posted.filter((p) => p.at >= since && p.path === '/api/chat.postMessage');
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(posts[1]!.body.channel).toBe(CHANNEL_ID);
    expect(JSON.parse(posts[1]!.body.blocks)[0].text.text).toBe(casualtiesReply().title);
  });

  it('GIVEN a 429 with a long Retry-After THEN at once a retryable DeliveryError carrying Slack’s wait, for the scheduler', async () => {
    const since = Date.now();
    peer.failNext('/api/chat.postMessage', 1, 30);
    const err = await bot.postToChannel(CHANNEL_ID, casualtiesReply()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable: true, reason: 'Slack rate limit', retryAfterMs: 30_000 });
    expect(Date.now() - since).toBeLessThan(5000);
    expect(peer.posted.filter((p) => p.at >= since && p.path === '/api/chat.postMessage').map((p) => p.status)).toEqual([429]);
  });

  it('GIVEN a scheduled post to a channel that is gone THEN a final DeliveryError saying why', async () => {
    const err = await bot.postToChannel(GONE_CHANNEL_ID, casualtiesReply()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable: false, reason: 'the channel no longer exists, or the bot cannot see it' });
  });

  it('GIVEN Slack recycles the connection carrying the traffic THEN the other one answers meanwhile, at once, and the first comes back', async () => {
    const opened = peer.connectionsOpened;
    expect(peer.socketCount).toBe(SOCKET_CONNECTIONS);
    peer.sendDisconnect();
    await expect.poll(() => peer.socketCount, { timeout: 3000 }).toBe(SOCKET_CONNECTIONS - 1);
    expect(bot.isConnected()).toBe(true);
    const during = await peer.slashSocket('/brief', 'casualties');
    expect(during.ackMs).toBeLessThan(3000);
    expect(during.response.blocks[0].type).toBe('header');
    await peer.waitForConnection(opened + 1, 20_000);
    await expect.poll(() => peer.socketCount, { timeout: 10_000 }).toBe(SOCKET_CONNECTIONS);
  }, 30_000);

  it('GIVEN every Socket Mode connection recycled at once THEN the app reconnects and keeps answering', async () => {
    const opened = peer.connectionsOpened;
    peer.sendDisconnect({ all: true });
    await expect.poll(() => bot.isConnected(), { timeout: 3000 }).toBe(false);
    await peer.waitForConnection(opened + SOCKET_CONNECTIONS, 20_000);
    await expect.poll(() => bot.isConnected(), { timeout: 5000 }).toBe(true);
    const a = await peer.slashSocket('/brief', 'casualties');
    expect(a.response.blocks[0].type).toBe('header');
  }, 30_000);
});
