/**
 * What the benchmark measures for one loaded corpus: command latencies through
 * the real command path (`dispatch` with the declared commands), autocomplete
 * through `index.suggest`, memory, and the naive design (fuse.js over whole
 * article bodies) on the same search queries.
 *
 * The query set is fixed: generic newsroom searches, plus the corpus's most
 * mentioned entities and speakers as topics (the same corpus always gives the
 * same set).
 */
import Fuse from 'fuse.js';
import { commands } from '../commands/index.js';
import type { CommandArgs, CommandContext } from '../src/core/command.js';
import { dispatch } from '../src/dispatch.js';
import { renderDiscord } from '../src/render/discord.js';
import type { BriefingIndex } from '../src/index/briefingIndex.js';

export interface Percentiles {
  p50: number;
  p99: number;
  /** extra: slowest call, mean, and number of calls */
  max: number;
  mean: number;
  n: number;
}

export const COMMANDS = ['search', 'brief', 'casualties', 'timeline', 'quotes', 'autocomplete'] as const;
export type MeasuredCommand = (typeof COMMANDS)[number];

export interface QuerySet {
  search: string[];
  topics: string[];
  speakers: string[];
  prefixes: string[];
}

/** Searches a newsroom types, whatever the story. */
const SEARCHES = [
  'killed',
  'casualties',
  'death toll',
  'ministry of health',
  'red cross',
  'ceasefire talks',
  'hospital',
  'evacuated',
  'flooding',
  'police fired tear gas',
  'wounded civilians',
  'humanitarian aid convoy',
  'zelenskiy',
  'refugees crossed the border',
  'earthquak',
];

/** `n` entries spread evenly over `list`. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

/**
 * The fixed query set for a corpus: the most mentioned names (the broadest
 * topics: outlets, agencies, "Hospital") and names spread over the rest of the
 * list (what a newsroom asks about: a place, a minister, a group), each as a
 * search, a topic and autocomplete prefixes (first letters, and a typo).
 */
export function querySet(index: BriefingIndex, size = 10): QuerySet {
  const entities = index.entities().filter((e) => e.type !== 'other' && e.name.length >= 4);
  const top = entities.slice(0, Math.ceil(size / 2));
  const rest = spread(entities.slice(top.length), size);
  const speakers = [...new Set(index.quotes().map((q) => q.speaker).filter((s): s is string => !!s))];
  const names = [...top, ...rest].map((e) => e.name);
  const prefixes = [...new Set(names.flatMap((n) => [n.slice(0, 1), n.slice(0, 2), n.slice(0, 3), n.slice(0, 5), n.replace(/[aeiou]/, '')]))];
  return {
    search: [...SEARCHES, ...names.slice(0, 8), ...names.slice(0, 3).map((n) => `${n} killed`)],
    topics: names,
    speakers: spread(speakers, size),
    prefixes: spread(prefixes, 40),
  };
}

export function percentiles(samples: readonly number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(s[s.length - 1] ?? 0), mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)), n: s.length };
}

export interface CommandResults {
  commands: Record<MeasuredCommand, Percentiles>;
  /** The same, split: calls with a topic (speaker, for quotes) and without. */
  byTopic: Record<Exclude<MeasuredCommand, 'search' | 'autocomplete'>, { withTopic: Percentiles; withoutTopic: Percentiles }>;
  /** Commands that answered with an error (should be none). */
  errors: string[];
}

/**
 * Times every command of the query set, `rounds` times each after one warm-up
 * round (the first call of a process pays for JIT compilation once). A command's
 * time is `dispatch` plus rendering the first Discord page of its reply.
 */
export async function measureCommands(index: BriefingIndex, queries: QuerySet, rounds = 3): Promise<CommandResults> {
  const ctx: CommandContext = { index, now: new Date('2026-01-01T00:00:00Z'), commands, user: { id: 'bench', isAdmin: true } };
  const samples: Record<string, number[]> = {};
  const errors: string[] = [];
  const time = async (bucket: string[], f: () => unknown) => {
    const t0 = performance.now();
    const r = await f();
    const ms = performance.now() - t0;
    for (const b of bucket) (samples[b] ??= []).push(ms);
    return r;
  };
  const calls: { buckets: string[]; run: () => unknown }[] = [];
  const command = (name: string, args: CommandArgs, withTopic: boolean) =>
    calls.push({
      buckets: [name, `${name}:${withTopic ? 'with' : 'without'}`],
      run: async () => {
        // what a user waits for: the answer and its first page, as Discord shows it
        // (replies are lazy: a page builds its own statements)
        const reply = await dispatch(ctx, name, args);
        renderDiscord(reply, 0, { replyId: 'bench' });
        if (reply.kind === 'error') errors.push(`/${name} ${JSON.stringify(args)}: ${reply.message}`);
      },
    });
  for (const q of queries.search) command('search', { query: q }, true);
  for (const name of ['brief', 'casualties', 'timeline'] as const) {
    for (let i = 0; i < Math.max(3, Math.ceil(queries.topics.length / 3)); i++) command(name, {}, false);
    for (const t of queries.topics) command(name, { topic: t }, true);
  }
  for (let i = 0; i < Math.max(3, Math.ceil(queries.speakers.length / 3)); i++) command('quotes', {}, false);
  for (const s of queries.speakers) command('quotes', { speaker: s }, true);
  for (const p of queries.prefixes) for (const source of ['topic', 'entity', 'speaker'] as const) calls.push({ buckets: ['autocomplete'], run: () => index.suggest(source, p) });

  for (const c of calls) await c.run(); // warm-up
  for (const k of Object.keys(samples)) delete samples[k];
  errors.length = 0;
  for (let r = 0; r < rounds; r++) for (const c of calls) await time(c.buckets, c.run);

  const p = (k: string) => percentiles(samples[k] ?? []);
  const commandsOut = Object.fromEntries(COMMANDS.map((c) => [c, p(c)])) as Record<MeasuredCommand, Percentiles>;
  const byTopic = Object.fromEntries(
    (['brief', 'casualties', 'timeline', 'quotes'] as const).map((c) => [c, { withTopic: p(`${c}:with`), withoutTopic: p(`${c}:without`) }]),
  ) as CommandResults['byTopic'];
  return { commands: commandsOut, byTopic, errors: [...new Set(errors)] };
}

/**
 * The naive design: fuse.js over whole article bodies (`ignoreLocation`), the same
 * search queries. Returns per-query latency and how long building it took.
 * At large sizes it is slow: `maxQueries` bounds the time spent.
 */
export function measureNaiveFuse(index: BriefingIndex, queries: readonly string[], maxQueries = queries.length): { search: Percentiles; buildSeconds: number; queries: number } {
  const t0 = performance.now();
  const fuse = new Fuse([...index.articles()], { keys: ['title', 'body'], ignoreLocation: true, includeScore: true });
  const buildSeconds = (performance.now() - t0) / 1000;
  const used = queries.slice(0, maxQueries);
  const samples: number[] = [];
  for (const q of used) {
    const t = performance.now();
    fuse.search(q, { limit: 10 });
    samples.push(performance.now() - t);
  }
  return { search: percentiles(samples), buildSeconds: Math.round(buildSeconds * 1000) / 1000, queries: used.length };
}

/** Heap and resident memory in MB, after a full garbage collection when `--expose-gc` allows it. */
export function memoryMB(): { heapMB: number; rssMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapMB: Math.round(m.heapUsed / 1048576), rssMB: Math.round(m.rss / 1048576) };
}
