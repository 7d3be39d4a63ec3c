/**
 * Test-only commands added next to the real ones: a slow command (to prove
 * deferral), one that throws (error ids) and one that echoes its input (to prove a
 * user's query cannot ping). Plus a tiny stand-in index for adapter tests that do not
 * need the corpus.
 */
import { defineCommand, type CommandDefinition } from '../../src/core/command.js';
import { answer, statement } from '../../src/core/reply.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { casualtiesReply, longReply, src } from '../render/fixtures.js';

export const SLOW_MS = 4000;
/** How long `busywork` keeps the CPU busy: a command over a corpus far larger than the seeds. */
export const BUSY_MS = 15;

export const testCommands: readonly CommandDefinition[] = [
  defineCommand({
    name: 'slowbrief',
    description: 'Test only: answers after four seconds',
    options: [],
    async run() {
      await new Promise((r) => setTimeout(r, SLOW_MS));
      return answer('slowbrief', 'Slow brief', { sections: [{ statements: [statement('North Korea has confirmed for the first time that it sent troops to Russia.', [src('ap', 'North Korea confirmed Monday for the first time that it sent troops to Russia.')])] }], data: {} });
    },
  }),
  defineCommand({
    name: 'busywork',
    description: 'Test only: keeps the CPU busy for 15 ms before answering',
    options: [],
    run() {
      const end = performance.now() + BUSY_MS;
      while (performance.now() < end);
      return answer('busywork', 'Busy work done', { sections: [{ statements: [statement('North Korea has confirmed for the first time that it sent troops to Russia.', [src('ap', 'North Korea confirmed Monday for the first time that it sent troops to Russia.')])] }], data: {} });
    },
  }),
  defineCommand({
    name: 'slowfail',
    description: 'Test only: throws after two seconds',
    options: [],
    async run() {
      await new Promise((r) => setTimeout(r, 2000));
      throw new Error('slow kaboom');
    },
  }),
  defineCommand({
    name: 'explode',
    description: 'Test only: always throws',
    options: [],
    run() {
      throw new Error('kaboom with secret path /srv/briefbot');
    },
  }),
  defineCommand({
    name: 'adminonly',
    description: 'Test only: for channel admins; says where it ran',
    admin: true,
    options: [],
    run(ctx) {
      const where = (ctx as { channel?: { platform: string; workspaceId: string; channelId: string } }).channel;
      return answer('adminonly', `Admin check passed in ${where?.platform}:${where?.workspaceId}/${where?.channelId}`, { notes: ['Only channel admins see this.'], data: { where } });
    },
  }),
  defineCommand({
    name: 'agenda',
    description: 'Test only: an action option shown as Discord subcommands',
    options: [
      { name: 'action', description: 'add or list', type: 'string', required: true, choices: [{ name: 'add', value: 'add' }, { name: 'list', value: 'list' }] },
      { name: 'when', description: 'When', type: 'string' },
    ],
    // shown on Discord as `/agenda add when:...` and `/agenda list`
    actions: { option: 'action', takes: { add: ['when'], list: [] } },
    // Slack grammar: `/brief agenda add daily 08:00`
    parseText: (text: string) => {
      const [action, ...rest] = text.split(' ').filter(Boolean);
      return action === 'add' || action === 'list' ? { ok: true as const, args: { action, ...(rest.length ? { when: rest.join(' ') } : {}) } } : { ok: false as const, message: 'Usage: agenda add <when> | agenda list' };
    },
    run: (_ctx, args) => answer('agenda', `Agenda ${String(args.action)}${args.when ? ` at ${String(args.when)}` : ''}`, { notes: ['Test command.'], data: args }),
  }),
  defineCommand({
    name: 'echo',
    description: 'Test only: repeats the query as a sourced statement',
    options: [{ name: 'text', description: 'What to repeat', type: 'string', required: true }],
    run(_ctx, args) {
      const text = String(args.text);
      return answer('echo', `Echo: ${text}`, { sections: [{ statements: [statement(text, [src('euronews', text)])] }], data: { text } });
    },
  }),
];

/** Stand-ins for the engine's commands, used until/unless the real ones are wired. */
export const stubCommands: readonly CommandDefinition[] = [
  defineCommand({ name: 'casualties', description: 'Casualty figures and who claims them', options: [{ name: 'topic', description: 'Narrow to a topic', type: 'string', autocomplete: 'topic' }], run: () => casualtiesReply() }),
  defineCommand({
    name: 'search',
    description: 'Sentences matching a query',
    options: [
      { name: 'query', description: 'Words to find', type: 'string', required: true, maxLength: 200 },
      { name: 'limit', description: 'How many', type: 'integer', minValue: 1, maxValue: 200 },
    ],
    run: (_ctx, args) => longReply(Number(args.limit ?? 60), 12),
  }),
  defineCommand({
    name: 'quotes',
    description: 'Who said what',
    options: [{ name: 'speaker', description: 'Speaker', type: 'string', autocomplete: 'speaker' }],
    run: (_ctx, args) => ({ ...casualtiesReply(), command: 'quotes', title: `Quotes: ${String(args.speaker ?? 'everyone')}` }),
  }),
  defineCommand({ name: 'reload', description: 'Reload the corpus', admin: true, options: [], run: () => answer('reload', 'Reloaded', { notes: ['Corpus reloaded.'], data: {} }) }),
];

const SPEAKERS = ['Kim Jong Un', 'Vladimir Putin', 'Volodymyr Zelensky', 'Sergei Shoigu', 'Andrei Rudenko', 'Valery Gerasimov', ...Array.from({ length: 40 }, (_, i) => `Kremlin spokesperson ${i + 1}`)];

export function stubIndex(): BriefingIndex {
  const none = () => [];
  return {
    corpusDir: 'stub',
    loadedAt: new Date('2025-04-29T00:00:00Z'),
    articles: () => [],
    article: () => undefined,
    warnings: () => [],
    figures: none,
    timeline: () => ({ events: [], undated: [] }),
    quotes: none,
    search: none,
    brief: none,
    entities: () => [],
    suggest: (source, prefix, limit = 25) => {
      const pool = source === 'speaker' ? SPEAKERS : ['Kursk', 'North Korea', 'troops', 'casualties'];
      return pool.filter((s) => s.toLowerCase().includes(prefix.toLowerCase())).slice(0, limit);
    },
  };
}
