/**
 * Whatever a member types: each nasty input, as Discord interaction options and as
 * Slack `/brief` text, gets a helpful answer or a clear error, within the
 * platform's limits, that cannot ping anyone, that shows the input literally (no
 * broken formatting) and that carries no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/adapter.js';
import { setLogSink } from '../../src/log.js';
import { DISCORD_LIMITS } from '../../src/render/discord.js';
import { SLACK_LIMITS } from '../../src/render/slack.js';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { SlackPeer } from '../peers/slack.js';
import { loadSuite, type Suite } from '../e2e/suite.js';

let discordPeer: DiscordPeer;
let slackPeer: SlackPeer;
let discord: DiscordAdapter;
let slack: SlackAdapter;
let suite: Suite;
const logs: string[] = [];

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  suite = await loadSuite();
  discordPeer = await new DiscordPeer().start();
  slackPeer = await new SlackPeer().start();
  const common = { index: suite.index, commands: suite.commands, now: () => suite.now, contextExtras: suite.contextExtras };
  discord = createDiscordAdapter({
    ...common,
    config: { token: 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.badInputTokenDoNotLog0123456789abcdef', applicationId: discordPeer.applicationId, guildId: GUILD_ID, apiBase: discordPeer.apiBase, allowedGuilds: null },
  });
  slack = createSlackAdapter({
    ...common,
    config: { botToken: 'xoxb-1111111111-2222222222-badInputTokenDoNotLog', appToken: 'xapp-1-A0BRIEFBOT-3333333333-badInputAppToken', signingSecret: null, mode: 'socket', port: 0, apiUrl: slackPeer.apiUrl, adminUserIds: [], allowedTeams: null },
  });
  await discord.start();
  await slack.start();
  await slackPeer.waitForConnection(1);
});

afterAll(async () => {
  await discord?.stop();
  await slack?.stop();
  await discordPeer?.stop();
  await slackPeer?.stop();
  suite?.close();
});

const LONG = 'North Korean troops were deployed to the Kursk region, officials said. '.repeat(90).slice(0, 6000);

/** The nasty inputs, by name. */
const INPUTS: Record<string, string> = {
  '6,000 characters': LONG,
  emoji: 'North Korea 🚀🇺🇦👩‍👩‍👧‍👦 troops 🔥',
  'right-to-left': 'كورسك \u202eכוחות צפון קוריאה\u202c troops',
  'Discord markdown': '**bold** __under__ ~~gone~~ `code` ```block``` ||spoiler|| [click](https://evil.example/) # heading\n> quote\n- list',
  'Slack mrkdwn': '*bold* _it_ ~strike~ `code` <https://evil.example|click here> &amp; &lt;b&gt; > quote',
  '@everyone and @here': '@everyone @here look at this @channel',
  'Slack broadcasts': '<!channel> <!here> <!everyone> <!subteam^S123|@editors>',
  'user, role and channel mentions': '<@123456789012345678> <@!123456789012345678> <@&987654321098765432> <#111111111111111111> <@U0REPORTER> </schedule:1>',
  'zero-width characters': 'North\u200b Korea\u200c troops\u200d\u2060\ufeff in Kursk',
  'control characters': 'troops\u0000\u0007\u001b[31m red \u007f end',
};

/** Text a member would see, all parts joined. */
function discordText(m: any): string {
  return [m.content ?? '', ...(m.embeds ?? []).flatMap((e: any) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])].filter(Boolean).join('\n');
}

/** Every text Slack parses as mrkdwn (the fallback text, sections, context), and the plain_text ones. */
function slackTexts(r: any): { mrkdwn: string[]; plain: string[] } {
  const out = { mrkdwn: [r.text ?? ''], plain: [] as string[] };
  const add = (t: any) => (t.type === 'plain_text' ? out.plain : out.mrkdwn).push(t.text);
  for (const b of r.blocks ?? []) {
    if (b.text) add(b.text);
    for (const e of b.elements ?? []) if (e.text) add(typeof e.text === 'string' ? e : e.text);
  }
  return out;
}

/** Problems with a Discord message: limits, pings, stack traces. */
function discordProblems(m: any): string[] {
  const p: string[] = [];
  if (JSON.stringify(m.allowed_mentions) !== '{"parse":[]}') p.push(`allowed_mentions ${JSON.stringify(m.allowed_mentions)}`);
  if ((m.content ?? '').length > DISCORD_LIMITS.content) p.push(`content ${m.content.length}`);
  const embeds = m.embeds ?? [];
  if (embeds.length > 10) p.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? '').length > DISCORD_LIMITS.title) p.push(`title ${e.title.length}`);
    if ((e.description ?? '').length > DISCORD_LIMITS.description) p.push(`description ${e.description.length}`);
    if ((e.footer?.text ?? '').length > DISCORD_LIMITS.footer) p.push(`footer ${e.footer.text.length}`);
    if ((e.fields ?? []).length > DISCORD_LIMITS.fields) p.push(`${e.fields.length} fields`);
    for (const f of e.fields ?? []) {
      if (f.name.length > DISCORD_LIMITS.fieldName) p.push(`field name ${f.name.length}`);
      if (f.value.length > DISCORD_LIMITS.fieldValue) p.push(`field value ${f.value.length}`);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  if (total > DISCORD_LIMITS.total) p.push(`embeds total ${total}`);
  const t = discordText(m);
  if (/@(everyone|here)/i.test(t)) p.push('a live @everyone/@here');
  // In markdown a mention is escaped (\<@…); in titles and footers it is broken with a zero-width space.
  if (/(^|[^\\])<(@|#|\/|a:|t:)/.test(t)) p.push('a live mention');
  p.push(...traces(t));
  return p;
}

/** Problems with a Slack message: limits, pings, stack traces. */
function slackProblems(r: any): string[] {
  const p: string[] = [];
  const blocks = r.blocks ?? [];
  if (blocks.length > SLACK_LIMITS.blocks) p.push(`${blocks.length} blocks`);
  if ((r.text ?? '').length > SLACK_LIMITS.fallbackText) p.push(`text ${r.text.length}`);
  for (const b of blocks) {
    if (b.type === 'header' && b.text.text.length > SLACK_LIMITS.header) p.push(`header ${b.text.text.length}`);
    if (b.type === 'section' && b.text.text.length > SLACK_LIMITS.sectionText) p.push(`section ${b.text.text.length}`);
    if (b.type === 'context' && b.elements.length > SLACK_LIMITS.contextElements) p.push(`${b.elements.length} context elements`);
    for (const e of b.elements ?? []) if (e.type === 'mrkdwn' && e.text.length > SLACK_LIMITS.contextText) p.push(`context ${e.text.length}`);
  }
  const { mrkdwn, plain } = slackTexts(r);
  for (const t of mrkdwn) {
    // Only the bot's own links (<https://…|label>) may use angle brackets.
    const controls = [...t.matchAll(/<([^>]*)>/g)].map((m) => m[1]!).filter((inner) => !/^https?:\/\//.test(inner));
    if (controls.length > 0) p.push(`live control sequences ${JSON.stringify(controls)}`);
  }
  for (const t of [...mrkdwn, ...plain]) {
    // plain_text never renders mentions, but a header should not look like one either.
    if (/<[@#!/]/.test(t)) p.push(`mention syntax in ${JSON.stringify(t.slice(0, 80))}`);
    if (/@(everyone|here|channel)/i.test(t)) p.push('a live @channel/@here/@everyone');
    p.push(...traces(t));
  }
  return p;
}

function traces(t: string): string[] {
  const p: string[] = [];
  if (/\bat .+\((?:file:|node:|\/)/.test(t) || /\.(?:ts|js):\d+:\d+/.test(t)) p.push('a stack trace');
  if (/\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/.test(t)) p.push('an exception name');
  return p;
}

/** What the dispatcher keeps of an input: zero-width and control characters gone, whitespace collapsed. */
function cleaned(s: string): string {
  return s.replace(/[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Undoes the Discord escaping of a statement line ("• text [1]"): what the member reads. */
function discordLiteral(line: string): string {
  return line.replace(/^• /, '').replace(/ \[\d+\]$/, '').replace(/\\(.)/g, '$1').replace(/@\u200b/g, '@');
}

/** Undoes the Slack escaping of a statement line. */
function slackLiteral(line: string): string {
  return line.replace(/^• /, '').replace(/ \[\d+\]$/, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/@\u200b/g, '@');
}

describe('nasty input through both platforms', () => {
  for (const [name, input] of Object.entries(INPUTS)) {
    describe(`GIVEN ${name}`, () => {
      it('THEN /search answers or explains, within Discord’s limits, without pings or traces', async () => {
        const a = await discordPeer.command('search', { query: input, public: true });
        expect(discordProblems(a.message)).toEqual([]);
        const t = discordText(a.message);
        if (input.length > 300) expect(a.message.content).toMatch(/^⚠️ query is too long \(\d+ characters; at most 300\)\.$/);
        else expect(t.length).toBeGreaterThan(0);
      });

      it('THEN /brief search answers or explains, within Slack’s limits, without pings or traces', async () => {
        const a = await slackPeer.slashSocket('/brief', `search ${input.replace(/\n/g, ' ')}`);
        expect(slackProblems(a.response)).toEqual([]);
        if (input.length > 300) expect(a.response.text).toMatch(/^:warning: query is too long \(\d+ characters; at most 300\)\.$/);
      });

      it('THEN /brief topic:… answers or explains on both, within limits', async () => {
        const d = await discordPeer.command('brief', { topic: input });
        expect(discordProblems(d.message)).toEqual([]);
        const s = await slackPeer.slashSocket('/brief', `brief topic:"${input.replace(/["\n]/g, ' ')}"`);
        expect(slackProblems(s.response)).toEqual([]);
      });

      it('THEN an answer that repeats it shows it literally on both (nothing formats, nothing pings)', async () => {
        const d = await discordPeer.command('echo', { text: input, public: true });
        expect(discordProblems(d.message)).toEqual([]);
        const s = await slackPeer.slashSocket('/brief', `echo ${input.replace(/\n/g, ' ')} public`);
        expect(slackProblems(s.response)).toEqual([]);
        if (cleaned(input).length < 1000) {
          const dLine = d.message.embeds[0].description.split('\n').find((l: string) => l.startsWith('• '));
          expect(discordLiteral(dLine)).toBe(cleaned(input));
          const sLine = s.response.blocks.find((b: any) => b.type === 'section').text.text.split('\n').find((l: string) => l.startsWith('• '));
          expect(slackLiteral(sLine)).toBe(cleaned(input.replace(/\n/g, ' ')));
        } else {
          // Long: split at sentence or word boundaries over lines (and pages), every piece within limits.
          expect(d.message.embeds[0].description).toContain('…(continued)');
        }
      });
    });
  }

  it('GIVEN empty input THEN the command explains what it needs, on both', async () => {
    const d = await discordPeer.command('search', { query: '   ' });
    expect(d.message.content).toMatch(/^⚠️ \/search needs query: /);
    const s = await slackPeer.slashSocket('/brief', 'search');
    expect(s.response.text).toMatch(/^:warning: \/search needs query: /);
    // A bare /brief is the whole story.
    const bare = await slackPeer.slashSocket('/brief', '');
    expect(bare.response.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Brief' } });
    expect(slackProblems(bare.response)).toEqual([]);
  });

  it('GIVEN an unknown command or subcommand THEN a clear error, privately, on both', async () => {
    const unknown = await discordPeer.command('frobnicate', { query: 'x' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.message.content).toBe('⚠️ Unknown command "/frobnicate". Try /help for the list of commands.');
    const sub = await discordPeer.command('schedule', {}, { subcommand: 'frob' });
    expect(sub.ephemeral).toBe(true);
    expect(sub.message.content).toMatch(/^⚠️ action must be one of: add, list, remove, pause, resume\.$/);
    const slackSub = await slackPeer.slashSocket('/brief', 'schedule frob');
    expect(slackSub.ephemeral).toBe(true);
    expect(slackSub.response.text).toMatch(/^:warning: /);
    expect(slackProblems(slackSub.response)).toEqual([]);
    // On Slack an unknown word after /brief is a topic: the brief says nothing matches it.
    const slackWord = await slackPeer.slashSocket('/brief', 'frobnicate');
    expect(JSON.stringify(slackWord.response.blocks)).toContain('Nothing in the');
    expect(slackProblems(slackWord.response)).toEqual([]);
  });

  it('GIVEN a command that throws THEN an apology whose error id is in the log, no trace, and the next command is answered', async () => {
    const d = await discordPeer.command('explode', {});
    const id = /Error id ([0-9a-f]{8})/.exec(d.message.content)?.[1];
    expect(id).toBeDefined();
    expect(discordProblems(d.message)).toEqual([]);
    expect(d.message.content).not.toMatch(/kaboom|\/srv\/briefbot/);
    const line = logs.find((l) => l.includes(id!))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'error', msg: 'command failed', errorId: id, command: 'explode', err: { message: 'kaboom with secret path /srv/briefbot' } });
    expect((await discordPeer.command('casualties', {})).message.embeds).toHaveLength(1);
    const s = await slackPeer.slashSocket('/brief', 'explode');
    const sid = /Error id ([0-9a-f]{8})/.exec(s.response.text)?.[1];
    expect(logs.some((l) => l.includes(sid!) && l.includes('kaboom'))).toBe(true);
    expect(s.response.text).not.toMatch(/kaboom|\/srv\/briefbot/);
  });
});
