/**
 * The real discord.js client, in process, against the local Discord peer: slash
 * commands, pagination, autocomplete, ephemeral/public, allowed_mentions, and the
 * faults Discord throws at a bot (resume, re-identify, 429, the 3-second deadline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, NOT_ALLOWED_MESSAGE, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { deployDiscordCommands } from '../../src/adapters/discord/deploy.js';
import type { DiscordConfig } from '../../src/config.js';
import { setLogSink } from '../../src/log.js';
import { EXPIRED_MESSAGE } from '../../src/render/replyStore.js';
import { CHANNEL_ID, DiscordPeer, FORBIDDEN_CHANNEL_ID, GUILD_ID, PERMISSIONS } from '../peers/discord.js';
import { RateLimiter } from '../../src/rateLimit.js';
import { DeliveryError } from '../../src/schedule/scheduler.js';
import { casualtiesReply, HOSTILE } from '../render/fixtures.js';
import { loadSuite, type Suite } from './suite.js';

const TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.discordTestTokenDoNotLog0123456789abc';

let peer: DiscordPeer;
let bot: DiscordAdapter;
let suite: Suite;
let config: DiscordConfig;
const logs: string[] = [];

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  peer = await new DiscordPeer().start();
  config = { token: TOKEN, applicationId: peer.applicationId, guildId: GUILD_ID, apiBase: peer.apiBase, allowedGuilds: [GUILD_ID] };
  bot = createDiscordAdapter({
    config,
    index: suite.index,
    commands: suite.commands,
    now: () => suite.now,
    contextExtras: suite.contextExtras,
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await peer?.stop();
  suite?.close();
});

/** Every embed text of an answer, joined. */
const text = (m: any): string =>
  [m.content ?? '', ...(m.embeds ?? []).flatMap((e: any) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])].join('\n');

describe('Discord: every command', () => {
  it('GIVEN each declared command with sample arguments THEN an ephemeral, sourced answer with no pings', async () => {
    expect(bot.isConnected()).toBe(true);
    for (const { name, args, expectSources, admin, subcommand } of suite.samples) {
      const a = await peer.command(name, args, { admin, subcommand });
      expect(a.callback.type, name).toBe(4);
      expect(a.ephemeral, name).toBe(true);
      expect(a.message.allowed_mentions, name).toEqual({ parse: [] });
      expect(a.message.embeds?.length ?? 0, `${name}: ${a.message.content}`).toBe(1);
      const e = a.message.embeds[0];
      expect(e.title.length, name).toBeGreaterThan(0);
      if (expectSources) expect(e.fields?.[0]?.name, name).toBe('Sources');
      expect(e.footer.text, name).toMatch(new RegExp(`^/${name}`));
    }
  });

  it('GIVEN /casualties THEN one line per claim with who, when and numbered sources', async () => {
    const a = await peer.command('casualties', {});
    const e = a.message.embeds[0];
    const claims = e.description.split('\n').filter((l: string) => l.startsWith('• '));
    expect(claims.length).toBeGreaterThan(0);
    for (const line of claims) expect(line).toMatch(/\[\d+\]$/);
    expect(e.fields[0].value).toMatch(/^\*\*\[1\]\*\* /);
    if (suite.stub) expect(e).toEqual(expect.objectContaining({ title: casualtiesReply().title }));
  });

  it('GIVEN public:true THEN the answer is posted for the channel', async () => {
    const a = await peer.command('casualties', { public: true });
    expect(a.ephemeral).toBe(false);
    expect(a.message.flags ?? 0).toBe(0);
  });
});

describe('Discord: pagination', () => {
  it('GIVEN a long answer THEN Previous/Next page through it and an expired id says so', async () => {
    const a = await peer.command(suite.long.name, suite.long.args);
    const first = a.message;
    const row = first.components[0];
    expect(row.components.map((b: any) => b.label)).toEqual(['◀ Previous', expect.stringMatching(/^1 \/ \d+$/), 'Next ▶']);
    const pages = Number(row.components[1].label.split(' / ')[1]);
    expect(pages).toBeGreaterThan(1);
    expect(row.components[0].disabled).toBe(true);

    const next = await peer.click(row.components[2].custom_id, first, { ephemeral: true });
    expect(next.callback.type).toBe(7);
    expect(next.message.embeds[0].footer.text).toMatch(new RegExp(`page 2/${pages}$`));
    expect(next.message.allowed_mentions).toEqual({ parse: [] });
    expect(text(next.message)).not.toBe(text(first));
    const back = await peer.click(next.message.components[0].components[0].custom_id, next.message, { ephemeral: true });
    expect(back.message.embeds[0].description).toBe(first.embeds[0].description);

    const gone = await peer.click('bb:pg:nosuchid00:1', first);
    expect(gone.callback.type).toBe(4);
    expect(gone.ephemeral).toBe(true);
    expect(gone.message.content).toBe(EXPIRED_MESSAGE);
  });
});

describe('Discord: subcommands', () => {
  it('GIVEN /agenda add when:… as a subcommand THEN the command gets action=add and its options', async () => {
    const a = await peer.command('agenda', { when: 'daily 08:00', public: true }, { subcommand: 'add' });
    expect(a.message.embeds[0].title).toBe('Agenda add at daily 08:00');
    expect(a.ephemeral).toBe(false);
  });
});

describe('Discord: autocomplete', () => {
  it('GIVEN a prefix THEN at most 25 choices from the index', async () => {
    const { name, option, prefix, expected } = suite.autocomplete;
    const choices = await peer.autocomplete(name, option, prefix);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(expected);
    const all = await peer.autocomplete(name, option, '');
    expect(all.length).toBeLessThanOrEqual(25);
  });
});

describe('Discord: safety', () => {
  it('GIVEN a query full of mentions THEN nothing can ping and the text shows literally', async () => {
    const a = await peer.command('echo', { text: HOSTILE, public: true });
    expect(a.message.allowed_mentions).toEqual({ parse: [] });
    const t = text(a.message);
    expect(t).not.toMatch(/@(everyone|here)/);
    expect(t).not.toMatch(/(^|[^\\])<@/);
  });

  it('GIVEN a command that throws THEN an ephemeral apology whose error id matches a log line', async () => {
    const a = await peer.command('explode', { public: true });
    expect(a.ephemeral).toBe(true);
    const id = /Error id ([0-9a-f]{8})/.exec(a.message.content)?.[1];
    expect(id).toBeDefined();
    expect(a.message.content).not.toContain('kaboom');
    expect(logs.some((l) => l.includes(id!) && l.includes('kaboom'))).toBe(true);
  });

  it('GIVEN a missing required option THEN the dispatcher’s message, ephemeral', async () => {
    const a = await peer.command('echo', {});
    expect(a.ephemeral).toBe(true);
    expect(a.message.content).toMatch(/^⚠️ \/echo needs text/);
  });

  it('GIVEN an admin command THEN only members with Manage Channels run it, and it knows the channel', async () => {
    const denied = await peer.command('adminonly', {});
    expect(denied.ephemeral).toBe(true);
    expect(denied.message.content).toBe('⚠️ /adminonly is for channel admins only.');
    const ok = await peer.command('adminonly', {}, { admin: true });
    expect(ok.message.embeds[0].title).toBe(`Admin check passed in discord:${GUILD_ID}/${CHANNEL_ID}`);
  });

  it('GIVEN Manage Guild or Administrator instead of Manage Channels THEN admin commands run too', async () => {
    for (const permissions of [PERMISSIONS.manageGuild, PERMISSIONS.administrator]) {
      const ok = await peer.command('adminonly', {}, { permissions });
      expect(ok.message.embeds?.[0]?.title, permissions).toBe(`Admin check passed in discord:${GUILD_ID}/${CHANNEL_ID}`);
    }
  });

  it('GIVEN a server not on the allow-list THEN it refuses politely', async () => {
    const a = await peer.command('casualties', {}, { guildId: '499999999999999999' });
    expect(a.message.content).toBe(NOT_ALLOWED_MESSAGE);
    expect(a.ephemeral).toBe(true);
  });

  it('GIVEN the token THEN it never appears in a log line', () => {
    expect(peer.tokensSeen).toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});

describe('Discord: rate limits', () => {
  it('GIVEN one member asking faster than the limit THEN "try again in N s", privately, and others still get answers', async () => {
    const limitedPeer = await new DiscordPeer().start();
    const limited = createDiscordAdapter({
      config: { ...config, apiBase: limitedPeer.apiBase, applicationId: limitedPeer.applicationId },
      index: suite.index,
      commands: suite.commands,
      rateLimiter: new RateLimiter({ user: { capacity: 2, refillPerSecond: 0.01 }, channel: { capacity: 100, refillPerSecond: 1 } }),
    });
    try {
      await limited.start();
      for (let k = 0; k < 2; k++) expect((await limitedPeer.command('casualties', {}, { userId: '400000000000000777' })).message.embeds).toHaveLength(1);
      const third = await limitedPeer.command('casualties', { public: true }, { userId: '400000000000000777' });
      expect(third.ephemeral).toBe(true);
      expect(third.message.content).toMatch(/^⚠️ You're asking faster than I can answer well; try again in \d+ s\.$/);
      expect((await limitedPeer.command('casualties', {})).message.embeds).toHaveLength(1);
    } finally {
      await limited.stop();
      await limitedPeer.stop();
    }
  });
});

describe('Discord: faults', () => {
  it('GIVEN a slow command THEN it is deferred at once and the answer arrives as an edit', async () => {
    const a = await peer.command('slowbrief', {}, { timeoutMs: 15_000 });
    expect(a.deferred).toBe(true);
    expect(a.callbackMs).toBeLessThan(3000);
    expect(a.ephemeral).toBe(true);
    expect(a.message.embeds[0].title).toBe('Slow brief');
    expect(a.message.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a slow public command that fails THEN the public placeholder is removed and the apology is private', async () => {
    const a = await peer.command('slowfail', { public: true }, { timeoutMs: 15_000 });
    expect(a.deferred).toBe(true);
    expect(a.callback.data?.flags ?? 0).toBe(0);
    expect(a.followUp).toBe(true);
    expect(a.ephemeral).toBe(true);
    expect(a.message.content).toMatch(/^⚠️ Sorry, \/slowfail failed\. Error id [0-9a-f]{8}/);
    expect(a.message.allowed_mentions).toEqual({ parse: [] });
    expect(peer.calls.some((c) => c.method === 'DELETE' && c.path.endsWith('/messages/@original'))).toBe(true);
  });

  it('GIVEN a 429 on the callback THEN discord.js waits and retries', async () => {
    const since = Date.now();
    peer.failNextCallbacks(1, 0.4);
    const a = await peer.command('casualties', {});
    expect(a.callback.type).toBe(4);
    const callbacks = peer.calls.filter((c) => c.at >= since && c.path.endsWith('/callback'));
    expect(callbacks.map((c) => c.status)).toEqual([429, 204]);
  });

  it('GIVEN the gateway closes with 4000 THEN the bot resumes and keeps answering', async () => {
    const { identifies, resumes } = peer;
    peer.closeGateway(4000);
    await peer.waitForSession(() => peer.resumes === resumes + 1);
    expect(peer.identifies).toBe(identifies);
    expect((await peer.command('casualties', {})).callback.type).toBe(4);
  });

  it('GIVEN op 7 Reconnect THEN the bot resumes and keeps answering', async () => {
    const { identifies, resumes } = peer;
    peer.sendReconnect();
    await peer.waitForSession(() => peer.resumes === resumes + 1);
    expect(peer.identifies).toBe(identifies);
    expect((await peer.command('casualties', {})).callback.type).toBe(4);
    await expect.poll(() => bot.isConnected()).toBe(true);
  });

  it('GIVEN the gateway closes with 1000 THEN the bot identifies afresh and keeps answering', async () => {
    const { identifies } = peer;
    peer.closeGateway(1000);
    await expect.poll(() => bot.isConnected(), { timeout: 2000 }).toBe(false);
    await peer.waitForSession(() => peer.identifies === identifies + 1, 15_000);
    expect((await peer.command('casualties', {})).callback.type).toBe(4);
    await expect.poll(() => bot.isConnected(), { timeout: 5000 }).toBe(true);
  }, 25_000);
});

describe('Discord: seams', () => {
  it('GIVEN a scheduled post THEN POST /channels/:id/messages with embeds and no pings', async () => {
    const since = Date.now();
    await bot.postToChannel(CHANNEL_ID, casualtiesReply());
    const call = await peer.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`, 5000, since);
    expect(call.body.allowed_mentions).toEqual({ parse: [] });
    expect(call.body.embeds[0].title).toBe(casualtiesReply().title);
  });

  it('GIVEN a scheduled post answered 429 with a short retry_after THEN it is waited out and posted once', async () => {
    // calls made from here on (a timestamp can equal the previous test's post, to the millisecond)
    const before = peer.calls.length;
    peer.failNextChannelPosts(1, 0.5);
    await bot.postToChannel(CHANNEL_ID, casualtiesReply());
    const tries = peer.calls.slice(before).filter((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`);
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
  });

  it('GIVEN a scheduled post answered 429 with a long retry_after THEN at once a retryable DeliveryError carrying Discord’s wait, for the scheduler', async () => {
    const channel = '400000000000000777'; // a bucket of its own: the limit lasts past this test
    const since = Date.now();
    peer.failNextChannelPosts(1, 30);
    const err = await bot.postToChannel(channel, casualtiesReply()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable: true, reason: 'Discord rate limit' });
    expect((err as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(Date.now() - since).toBeLessThan(5000);
    // While the limit lasts, the next post is refused before it is sent.
    const again = await bot.postToChannel(channel, casualtiesReply()).catch((e: unknown) => e);
    expect(again).toMatchObject({ retryable: true, reason: 'Discord rate limit' });
    expect(peer.calls.filter((c) => c.at >= since && c.path === `/channels/${channel}/messages`).map((c) => c.status)).toEqual([429]);
  });

  it('GIVEN a scheduled post to a channel the bot may not post in THEN a final DeliveryError saying why', async () => {
    const err = await bot.postToChannel(FORBIDDEN_CHANNEL_ID, casualtiesReply()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable: false, reason: 'the bot is missing permission to post here (Send Messages, Embed Links)' });
  });

  it('GIVEN deploy-commands with DISCORD_GUILD_ID THEN every command is registered to that guild with typed options and public', async () => {
    const result = await deployDiscordCommands(config, suite.commands);
    expect(result.scope).toBe('guild');
    const call = await peer.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${peer.applicationId}/guilds/${GUILD_ID}/commands`);
    expect(call.body.map((c: any) => c.name)).toEqual(suite.commands.map((c) => c.name));
    const agenda = call.body.find((c: any) => c.name === 'agenda');
    // Everyone may list schedules, so /schedule is not hidden; add/remove/pause/resume are checked on every call.
    const schedule = call.body.find((c: any) => c.name === 'schedule');
    if (schedule) expect(schedule.default_member_permissions).toBeUndefined();
    expect(agenda.options.map((o: any) => [o.type, o.name, o.options.map((x: any) => x.name)])).toEqual([
      [1, 'add', ['when', 'public']],
      [1, 'list', ['public']],
    ]);
    for (const c of call.body.filter((x: any) => !suite.commands.find((d) => d.name === x.name)?.actions)) {
      expect(c.options.at(-1)).toMatchObject({ name: 'public', type: 5 });
      expect(c.contexts).toBeUndefined();
    }
    const global = await deployDiscordCommands(config, suite.commands, { global: true });
    expect(global.scope).toBe('global');
    const g = await peer.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${peer.applicationId}/commands`);
    expect(g.body[0].contexts).toEqual([0]);
  });
});
