/**
 * What the scheduled-post end-to-end test needs besides the peers: a scratch
 * folder holding a copy of the seed corpus (less one article, which the test adds
 * as the news that moves the story) and an empty DATA_DIR; schedules due once, at
 * a second the test chooses; and one small interface over each platform's peer
 * (`ChatSide`), so every behaviour is written once and checked on Discord and
 * Slack at the same time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNEL_ID as DISCORD_CHANNEL, PERMISSIONS, USER_ID as DISCORD_USER, type DiscordPeer } from '../peers/discord.js';
import { ADMIN_ID, CHANNEL_ID as SLACK_CHANNEL, USER_ID, WORKSPACE_ADMIN_ID, type SlackPeer } from '../peers/slack.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The seed article held back at start and added mid-test: Seoul says more troops were sent. */
export const HELD_BACK = '003_d1f3a4ea73cfd1a9.txt';

export interface Scratch {
  corpusDir: string;
  dataDir: string;
  /** Copies the held-back seed article into the corpus folder. */
  addHeldBackArticle(): void;
  cleanup(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-schedule-e2e-'));
  const corpusDir = join(dir, 'corpus');
  const dataDir = join(dir, 'data');
  mkdirSync(corpusDir);
  for (const f of readdirSync(SEEDS)) if (f !== HELD_BACK) copyFileSync(join(SEEDS, f), join(corpusDir, f));
  return {
    corpusDir,
    dataDir,
    addHeldBackArticle: () => copyFileSync(join(SEEDS, HELD_BACK), join(corpusDir, HELD_BACK)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The whole second at least `ms` from now. */
export function secondAfter(ms: number): Date {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
}

/** A cron (seconds first) for `at` every day, read in UTC: within a test it is due once. */
export function cronAt(at: Date): string {
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Who types the command: a plain member; a channel admin (Discord: Manage
 * Channels; Slack: listed in SLACK_ADMIN_USER_IDS); a server admin (Discord: Manage
 * Guild only; Slack: a workspace admin that only `users.info` knows about).
 */
export type Role = 'member' | 'channelAdmin' | 'serverAdmin';

/** An answer to `/schedule ...` as the member sees it. */
export interface Answer {
  ephemeral: boolean;
  /** The error line without its warning sign, or null for an answer. */
  error: string | null;
  /** Title first, then each line of text, without markup. */
  lines: string[];
}

/** A message the bot posted to the channel on its own. */
export interface ChannelPost {
  at: number;
  /** Title first, then each line of text, without markup. */
  lines: string[];
  /** The sources are listed (Discord: a Sources field; Slack: a Sources context block). */
  sourced: boolean;
  raw: unknown;
}

export interface ScheduleArgs {
  when?: string;
  command?: string;
  id?: string;
}

export interface ChatSide {
  name: 'discord' | 'slack';
  /** `/schedule list` on Discord, `/brief schedule list` on Slack. */
  invocation(action: string): string;
  /** The member ids a role runs as, as the bot records them in `created_by`. */
  userId(role: Role): string;
  /** `/schedule <action>` in the channel, as `as` (default: a channel admin). */
  schedule(action: 'add' | 'list' | 'remove' | 'pause' | 'resume', args?: ScheduleArgs, as?: Role): Promise<Answer>;
  /** Posts that reached the channel since `since`, oldest first. */
  posts(since?: number): ChannelPost[];
  /** Every attempt at posting to the channel since `since`, with its HTTP status. */
  attempts(since?: number): { at: number; status: number }[];
  /** The next posts are answered 429 with these waits (seconds), one each. */
  rateLimitNextPosts(waits: number[]): void;
}

/** The id in a "Schedule added" answer. */
export function scheduleId(a: Answer): string {
  const id = a.lines.map((l) => /^Schedule ([a-z0-9]{6}):/.exec(l)?.[1]).find(Boolean);
  if (!id) throw new Error(`no schedule id in ${JSON.stringify(a)}`);
  return id;
}

// ---------------------------------------------------------------- Discord

/** A Discord description as read: notes lose their italics, escaped characters their backslash. */
function discordLines(m: any): string[] {
  const e = m.embeds?.[0];
  if (!e) return [];
  const body = String(e.description ?? '')
    .split('\n')
    .map((line) => line.replace(/^\*(.*)\*$/, '$1').replace(/\\(.)/g, '$1'));
  return [e.title ?? '', ...body];
}

export function discordSide(peer: DiscordPeer): ChatSide {
  const permissions: Record<Role, string> = { member: PERMISSIONS.member, channelAdmin: PERMISSIONS.manageChannels, serverAdmin: PERMISSIONS.manageGuild };
  const channelPath = `/channels/${DISCORD_CHANNEL}/messages`;
  return {
    name: 'discord',
    invocation: (action) => `/schedule ${action}`,
    userId: () => DISCORD_USER,
    async schedule(action, args = {}, as = 'channelAdmin') {
      const a = await peer.command('schedule', { ...args }, { subcommand: action, permissions: permissions[as] });
      const content = String(a.message.content ?? '');
      return { ephemeral: a.ephemeral, error: content.startsWith('⚠️ ') ? content.slice(3) : null, lines: discordLines(a.message) };
    },
    posts: (since = 0) =>
      peer.channelPosts(DISCORD_CHANNEL, since).map((c) => ({
        at: c.at,
        lines: discordLines(c.body),
        sourced: c.body.embeds?.[0]?.fields?.[0]?.name === 'Sources',
        raw: c.body,
      })),
    attempts: (since = 0) => peer.calls.filter((c) => c.method === 'POST' && c.path === channelPath && c.at >= since).map((c) => ({ at: c.at, status: c.status })),
    rateLimitNextPosts: (waits) => waits.forEach((w) => peer.failNextChannelPosts(1, w)),
  };
}

// ---------------------------------------------------------------- Slack

function slackBlocks(body: any): any[] {
  return typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? []);
}

/** Block text as read: header, sections and context lines, without mrkdwn italics or entities. */
function slackLines(body: any): string[] {
  return slackBlocks(body)
    .flatMap((b: any) => (b.type === 'context' ? b.elements.map((e: any) => e.text) : b.text ? [b.text.text] : []))
    .flatMap((t: string) => t.split('\n'))
    .map((l: string) => l.replace(/^_(.*)_$/, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

export function slackSide(peer: SlackPeer): ChatSide {
  const users: Record<Role, string> = { member: USER_ID, channelAdmin: ADMIN_ID, serverAdmin: WORKSPACE_ADMIN_ID };
  return {
    name: 'slack',
    invocation: (action) => `/brief schedule ${action}`,
    userId: (role) => users[role],
    async schedule(action, args = {}, as = 'channelAdmin') {
      const text = ['schedule', action, args.when, args.command, args.id].filter(Boolean).join(' ');
      const a = await peer.slashSocket('/brief', text, { userId: users[as] });
      const raw = String(a.response.text ?? '');
      const error = raw.startsWith(':warning: ') ? raw.slice(':warning: '.length).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
      return { ephemeral: a.ephemeral, error, lines: error ? [] : slackLines(a.response) };
    },
    posts: (since = 0) =>
      peer.channelPosts(SLACK_CHANNEL, since).map((p) => ({
        at: p.at,
        lines: slackLines(p.body),
        sourced: slackBlocks(p.body).some((b: any) => b.type === 'context' && /^\*Sources\*/.test(b.elements?.[0]?.text ?? '')),
        raw: p.body,
      })),
    attempts: (since = 0) => peer.posted.filter((p) => p.path === '/api/chat.postMessage' && p.body.channel === SLACK_CHANNEL && p.at >= since).map((p) => ({ at: p.at, status: p.status })),
    rateLimitNextPosts: (waits) => waits.forEach((w) => peer.failNext('/api/chat.postMessage', 1, w)),
  };
}
