/**
 * Load and faults on Discord: the real discord.js client and adapter, in process,
 * with the production rate limits and work queue, against the local Discord peer.
 * A thousand members ask at once; then a thousand more while the gateway drops and
 * callbacks fail. Every interaction must get its initial response (reply or
 * deferral) within Discord's 3 s and exactly one final answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { Workload } from '../../src/adapters/workload.js';
import { setLogSink } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimit.js';
import { DiscordPeer, GUILD_ID, type InteractionAnswer } from '../peers/discord.js';
import { loadSuite, type Suite } from '../e2e/suite.js';
import { burstMix, discordId, latencySummary, report, spread, type Invocation } from './load.js';

const TOKEN = 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.discordLoadTokenDoNotLog0123456789abcd';
const BURST = 1000;
const CHANNELS = 50;

let peer: DiscordPeer;
let bot: DiscordAdapter;
let suite: Suite;
const logs: string[] = [];

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  peer = await new DiscordPeer().start();
  bot = createDiscordAdapter({
    config: { token: TOKEN, applicationId: peer.applicationId, guildId: GUILD_ID, apiBase: peer.apiBase, allowedGuilds: [GUILD_ID] },
    index: suite.index,
    commands: suite.commands,
    now: () => suite.now,
    contextExtras: suite.contextExtras,
    // Production settings: the default limits (8 per member, 40 per channel) and queue.
    rateLimiter: new RateLimiter(),
    workload: new Workload(),
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await peer?.stop();
  suite?.close();
});

/** Sends one invocation as member `member` in channel `channel`. */
function send(inv: Invocation, member: number, channel: number): Promise<InteractionAnswer> {
  return peer.command(inv.name, inv.args, { subcommand: inv.subcommand, userId: discordId(5, member), channelId: discordId(6, channel), timeoutMs: 60_000 });
}

/** The answer is what the invocation should get; returns a reason when it is not. */
function wrongAnswer(inv: Invocation, a: InteractionAnswer): string | null {
  const m = a.message;
  if (m.allowed_mentions?.parse?.length !== 0) return 'allowed_mentions missing';
  const title: string | undefined = m.embeds?.[0]?.title;
  switch (inv.expect) {
    case 'answer':
      return title && m.embeds[0].footer?.text?.startsWith(`/${inv.name}`) ? null : `expected an answer to /${inv.name}, got ${JSON.stringify(m).slice(0, 200)}`;
    case 'busy':
      return title === 'Busy work done' ? null : `busywork: ${JSON.stringify(m).slice(0, 200)}`;
    case 'slow':
      return title === 'Slow brief' ? null : `slowbrief: ${JSON.stringify(m).slice(0, 200)}`;
    case 'error-id':
      return /^⚠️ Sorry, \/explode failed\. Error id [0-9a-f]{8}/.test(m.content ?? '') ? null : `explode: ${m.content}`;
  }
}

/** Exactly one accepted callback and at most one delivered edit per interaction. */
function duplicates(answers: readonly InteractionAnswer[]): string[] {
  const out: string[] = [];
  for (const a of answers) {
    const callbacks = peer.acceptedCallbacks(a.id).length;
    if (callbacks !== 1) out.push(`${a.id}: ${callbacks} accepted callbacks`);
  }
  return out;
}

describe('Discord under load', () => {
  it(`GIVEN ${BURST} interactions at once from ${BURST} members in ${CHANNELS} channels THEN each gets its initial response within 3 s and exactly one right answer`, async () => {
    const mix = burstMix(suite, BURST);
    const started = Date.now();
    const answers = await Promise.all(mix.map((inv) => send(inv, inv.n, inv.n % CHANNELS)));
    const tookMs = Date.now() - started;

    const initial = answers.map((a) => a.callbackMs);
    const final = answers.map((a) => a.answeredMs);
    report(`Discord burst of ${BURST}: initial response ${latencySummary(initial)}; final answer ${latencySummary(final)}; ${answers.filter((a) => a.deferred).length} deferred; all answered in ${tookMs} ms`);

    expect(answers).toHaveLength(BURST);
    expect(initial.filter((ms) => ms > 3000)).toEqual([]);
    expect(mix.map((inv, i) => wrongAnswer(inv, answers[i]!)).filter(Boolean)).toEqual([]);
    expect(duplicates(answers)).toEqual([]);
    // The apologies' error ids are in the log.
    for (const [i, inv] of mix.entries()) {
      if (inv.expect !== 'error-id') continue;
      const id = /Error id ([0-9a-f]{8})/.exec(answers[i]!.message.content)![1]!;
      expect(logs.some((l) => l.includes(id) && l.includes('kaboom'))).toBe(true);
    }
  }, 90_000);

  it('GIVEN one member sending 30 commands at once THEN 8 are answered, the rest told "try again in N s", and none is left unanswered', async () => {
    const member = 900_001;
    const answers = await Promise.all(Array.from({ length: 30 }, () => peer.command('casualties', {}, { userId: discordId(5, member), channelId: discordId(6, 900), timeoutMs: 30_000 })));
    const limited = answers.filter((a) => /^⚠️ You're asking faster than I can answer well; try again in \d+ s\.$/.test(a.message.content ?? ''));
    const answered = answers.filter((a) => a.message.embeds?.[0]?.footer?.text?.startsWith('/casualties'));
    report(`one member, 30 at once: ${answered.length} answered, ${limited.length} asked to wait; initial response ${latencySummary(answers.map((a) => a.callbackMs))}`);
    expect(answered.length + limited.length).toBe(30);
    // 8 at once, plus at most one token refilled (0.5/s) while the burst is served.
    expect(answered.length).toBeGreaterThanOrEqual(8);
    expect(answered.length).toBeLessThanOrEqual(9);
    for (const a of limited) expect(a.ephemeral).toBe(true);
    expect(answers.filter((a) => a.callbackMs > 3000)).toEqual([]);
  }, 60_000);

  it('GIVEN 60 members in one channel at once THEN 40 are answered and the rest told the channel is busy', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, k) => peer.command('casualties', {}, { userId: discordId(5, 910_000 + k), channelId: discordId(6, 910), timeoutMs: 30_000 })));
    const busy = answers.filter((a) => /^⚠️ This channel is busy; try again in \d+ s\.$/.test(a.message.content ?? ''));
    const answered = answers.filter((a) => a.message.embeds?.[0]?.footer?.text?.startsWith('/casualties'));
    expect(answered.length + busy.length).toBe(60);
    // 40 at once, plus the tokens refilled (4/s) while the burst is served.
    expect(answered.length).toBeGreaterThanOrEqual(40);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.callbackMs > 3000)).toEqual([]);
  }, 60_000);
});

describe('Discord faults under load', () => {
  it(`GIVEN ${BURST} interactions over 2 s while the gateway closes (4000) and sends op 7, callbacks get 429s and 5xx (some after Discord acknowledged) and edits get 502s THEN none is lost or answered twice`, async () => {
    const mix = burstMix(suite, BURST);
    const { resumes, identifies } = peer;
    const faults = (sent: number) => {
      // A few failures in every tenth of the burst, so they land among busy traffic.
      if (sent % 100 === 0) {
        peer.failNextCallbacks(3, 0.3);
        peer.failNextCallbacks(1, { status: 500 });
        peer.failNextCallbacks(1, { status: 503, processed: true });
        peer.failNextWebhookEdits(2, 502);
      }
      if (sent === 300) peer.closeGateway(4000);
      if (sent === 700) peer.sendReconnect();
    };
    const started = Date.now();
    // 50 every 100 ms: the burst lasts 2 s, so the faults happen in the middle of it.
    const answers = await spread(mix, 50, 100, (inv) => send(inv, 1000 + inv.n, inv.n % CHANNELS), faults);
    const tookMs = Date.now() - started;

    const initial = answers.map((a) => a.callbackMs);
    report(`Discord burst of ${BURST} with faults: initial response ${latencySummary(initial)}; final answer ${latencySummary(answers.map((a) => a.answeredMs))}; gateway resumes ${peer.resumes - resumes}; all answered in ${tookMs} ms`);

    expect(peer.resumes - resumes).toBe(2);
    expect(peer.identifies).toBe(identifies);
    expect(initial.filter((ms) => ms > 3000)).toEqual([]);
    expect(mix.map((inv, i) => wrongAnswer(inv, answers[i]!)).filter(Boolean)).toEqual([]);
    expect(duplicates(answers)).toEqual([]);
    // The faults did happen: 429s waited out, 5xx retried, 40060 recognised, 502 edits sent again.
    const statuses = peer.calls.filter((c) => c.at >= started).map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(0);
    expect(peer.calls.filter((c) => c.at >= started && c.status === 400).length).toBeGreaterThan(0);
    await expect.poll(() => bot.isConnected()).toBe(true);
  }, 90_000);
});
