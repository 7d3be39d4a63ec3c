/**
 * `npm run bench`: how fast Briefbot is at 1,000, 10,000 and 100,000 articles.
 *
 *   npm run bench                                  # all three sizes, a table
 *   npm run bench -- --articles 10000              # one size (10k, 100k accepted)
 *   npm run bench -- --articles 1000 --json        # JSON on stdout (table on stderr)
 *
 * For each size, on a deterministic synthetic corpus (`bench/generate.ts`,
 * written once under `.bench/` and reused):
 * - cold ingest: a fresh process, an empty cache: read, clean, extract (worker
 *   threads), merge, index; wall time and articles per second;
 * - warm start: a second fresh process with the cache the first one left;
 *   then heap and RSS (after a full GC), per-command latency p50/p99 through
 *   `dispatch`, autocomplete through `index.suggest`, one file added and removed
 *   (`reloadBriefingIndex`), and the naive design (fuse.js over whole bodies) on
 *   the same searches;
 * - a restart after one file was added: only that file is extracted.
 * Each phase runs in its own process so memory and start-up are measured clean.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArticle, writeCorpus } from './generate.js';
import { COMMANDS, measureCommands, measureNaiveFuse, memoryMB, querySet, type CommandResults, type Percentiles } from './measure.js';
import { loadCorpus, reloadBriefingIndex, statsOf } from '../src/index/load.js';
import { progressBar } from '../src/progress.js';
import { setLogLevel } from '../src/log.js';

export const DEFAULT_SIZES = [1000, 10_000, 100_000];
const DEFAULT_SEED = 42;

export interface SizeResult {
  articles: number;
  ingestSeconds: number;
  articlesPerSecond: number;
  warmStartSeconds: number;
  heapMB: number;
  rssMB: number;
  commands: Record<(typeof COMMANDS)[number], Percentiles>;
  naiveFuse: { search: Percentiles; buildSeconds: number; queries: number };
  /** naive p50 / ours p50 and p99 / p99: how many times faster the index is. */
  naiveRatio: { p50: number; p99: number };
  // extras
  byTopic?: CommandResults['byTopic'];
  ingest?: { workers: number; timings: Record<string, number>; snapshotWriteSeconds: number; heapMB: number; rssMB: number };
  /** extras: articles read back, time from process start to ready, until background decoding ended */
  warmStart?: { fromSnapshot: number; processReadySeconds: number; preparedSeconds: number; timings: Record<string, number> };
  reload?: { addOneSeconds: number; addOneExtracted: number; removeOneSeconds: number };
  restartOneAdded?: { seconds: number; extracted: number; cached: number };
  errors?: string[];
}

export interface BenchResult {
  machine: { cores: number; node: string; cpu: string; memoryGB: number; platform: string };
  sizes: SizeResult[];
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Bench corpora live here (git-ignored), one folder per size. */
export function benchRoot(): string {
  return path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []), '.bench');
}

/**
 * The corpus of `count` articles under `root`, generated unless it is already
 * there: a marker records the seed, the count and a fingerprint of the generator's
 * output, so a changed generator regenerates the folder from scratch.
 */
export async function ensureCorpus(root: string, count: number, seed = DEFAULT_SEED): Promise<string> {
  const dir = path.join(root, `corpus-${count}`);
  const marker = path.join(dir, '.bench-corpus.json');
  const probe = [0, Math.floor(count / 2), count - 1].filter((i) => i >= 0 && i < count);
  const fingerprint = createHash('sha256')
    .update(probe.map((i) => JSON.stringify(generateArticle(seed, i))).join('\n'))
    .digest('hex');
  const want = { seed, count, fingerprint };
  const have = await fs.readFile(marker, 'utf8').then((s) => JSON.parse(s) as typeof want).catch(() => null);
  if (have && have.seed === seed && have.count === count && have.fingerprint === fingerprint) {
    const files = (await fs.readdir(dir)).filter((f) => !f.startsWith('.'));
    if (files.length === count) return dir;
  }
  await fs.rm(dir, { recursive: true, force: true });
  await writeCorpus(dir, count, seed);
  await fs.writeFile(marker, JSON.stringify(want));
  return dir;
}

// ---------------------------------------------------------------------------
// Phases (each runs in a fresh process from the CLI; in-process from tests)

export interface PhaseOptions {
  corpusDir: string;
  cacheDir: string;
  rounds?: number;
  naiveQueries?: number;
  progress?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Measure reloads and a restart after a change (each recomputes the corpus-level answers). */
  reload?: boolean;
}

export async function coldPhase(o: PhaseOptions): Promise<Partial<SizeResult>> {
  const bar = progressBar(process.stderr, { label: 'Cold ingest' });
  const t0 = performance.now();
  const { index, stats } = await loadCorpus({ corpusDir: o.corpusDir, cacheDir: o.cacheDir, snapshot: 'background', workers: o.workers, onProgress: o.progress ? bar.update : undefined });
  const ingestSeconds = (performance.now() - t0) / 1000;
  bar.finish();
  const t1 = performance.now();
  await stats.snapshotWritten;
  const snapshotWriteSeconds = (performance.now() - t1) / 1000;
  const mem = memoryMB();
  const n = index.articles().length;
  return {
    articles: n,
    ingestSeconds: round(ingestSeconds),
    articlesPerSecond: Math.round(n / ingestSeconds),
    ingest: { workers: stats.workers, timings: roundAll(stats.timings), snapshotWriteSeconds: round(snapshotWriteSeconds), ...mem },
  };
}

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
}

export async function warmPhase(o: PhaseOptions): Promise<Partial<SizeResult>> {
  const t0 = performance.now();
  const { index, stats } = await loadCorpus({ corpusDir: o.corpusDir, cacheDir: o.cacheDir, snapshot: 'never', workers: o.workers });
  const warmStartSeconds = (performance.now() - t0) / 1000;
  const processReadySeconds = performance.now() / 1000;
  // measure the steady state: wait for the background decoding a warm start leaves
  await stats.whenPrepared();
  const preparedSeconds = (performance.now() - t0) / 1000;
  const mem = memoryMB();
  const queries = querySet(index);
  const measured = await measureCommands(index, queries, o.rounds ?? 3);

  // one file added, then removed again, while running
  const added = path.join(o.corpusDir, 'zz-bench-added.txt');
  const addedText = `${generateArticle(7, 123456).text}\n\nAdded by the benchmark.`;
  let reload: SizeResult['reload'];
  if (o.reload !== false) try {
    await fs.writeFile(added, addedText);
    const t1 = performance.now();
    const next = await reloadBriefingIndex(index, { corpusDir: o.corpusDir, cacheDir: o.cacheDir, snapshot: 'never', workers: 0 });
    const addOneSeconds = (performance.now() - t1) / 1000;
    await fs.rm(added, { force: true });
    const t2 = performance.now();
    await reloadBriefingIndex(next, { corpusDir: o.corpusDir, cacheDir: o.cacheDir, snapshot: 'never', workers: 0 });
    reload = { addOneSeconds: round(addOneSeconds), addOneExtracted: statsOf(next)?.extracted ?? -1, removeOneSeconds: round((performance.now() - t2) / 1000) };
  } finally {
    await fs.rm(added, { force: true });
  }

  const naive = measureNaiveFuse(index, queries.search, o.naiveQueries ?? queries.search.length);
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 1) : 0);
  return {
    warmStartSeconds: round(warmStartSeconds),
    heapMB: mem.heapMB,
    rssMB: mem.rssMB,
    commands: measured.commands,
    naiveFuse: naive,
    naiveRatio: { p50: ratio(naive.search.p50, measured.commands.search.p50), p99: ratio(naive.search.p99, measured.commands.search.p99) },
    byTopic: measured.byTopic,
    warmStart: { fromSnapshot: stats.fromSnapshot, processReadySeconds: round(processReadySeconds), preparedSeconds: round(preparedSeconds), timings: roundAll(stats.timings) },
    reload,
    errors: measured.errors,
  };
}

/** A restart after one file was added: the snapshot is stale, the cache serves all but that file. */
export async function restartPhase(o: PhaseOptions): Promise<Partial<SizeResult>> {
  const added = path.join(o.corpusDir, 'zz-bench-added.txt');
  try {
    await fs.writeFile(added, `${generateArticle(7, 654321).text}\n\nAdded by the benchmark.`);
    const t0 = performance.now();
    const { stats } = await loadCorpus({ corpusDir: o.corpusDir, cacheDir: o.cacheDir, snapshot: 'never', workers: o.workers });
    return { restartOneAdded: { seconds: round((performance.now() - t0) / 1000), extracted: stats.extracted, cached: stats.cached } };
  } finally {
    await fs.rm(added, { force: true });
  }
}

const PHASES = { cold: coldPhase, warm: warmPhase, restart: restartPhase } as const;

function runChild(phase: keyof typeof PHASES, o: PhaseOptions, timeoutMs: number): Promise<Partial<SizeResult>> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', '--max-old-space-size=16384', script, '--child', phase, '--corpus', o.corpusDir, '--cache', o.cacheDir, '--rounds', String(o.rounds ?? 3), '--naive', String(o.naiveQueries ?? 1000)];
  if (o.workers !== undefined) args.push('--workers', String(o.workers));
  if (o.reload === false) args.push('--no-reload');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${phase} phase ${signal ? `killed (${signal}; timeout ${Math.round(timeoutMs / 60000)} min?)` : `exited with code ${code}`}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as Partial<SizeResult>);
      } catch (err) {
        reject(new Error(`${phase} phase printed no result (${(err as Error).message})`));
      }
    });
  });
}

export interface BenchOptions {
  sizes?: number[];
  root?: string;
  seed?: number;
  rounds?: number;
  /** Run the phases in this process (tests); the CLI uses fresh processes. */
  inProcess?: boolean;
  workers?: number;
  timeoutMinutes?: number;
  progress?: boolean;
  /** Measure reloads and a restart after one change (default: up to 20,000 articles). */
  reload?: boolean;
  onSize?: (r: SizeResult) => void;
}

export function machine(): BenchResult['machine'] {
  return { cores: availableParallelism(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), platform: `${process.platform}-${process.arch}` };
}

/**
 * Runs the benchmark at each size.
 * @example const r = await runBenchmark({ sizes: [1000] }); r.sizes[0].commands.search.p99
 */
export async function runBenchmark(opts: BenchOptions = {}): Promise<BenchResult> {
  const root = opts.root ?? benchRoot();
  const result: BenchResult = { machine: machine(), sizes: [] };
  for (const n of opts.sizes ?? DEFAULT_SIZES) {
    const corpusDir = await ensureCorpus(root, n, opts.seed ?? DEFAULT_SEED);
    const cacheDir = path.join(root, `cache-${n}`);
    await fs.rm(cacheDir, { recursive: true, force: true });
    // the naive design scans every body per query: fewer queries at larger sizes
    const naiveQueries = n <= 2000 ? 1000 : n <= 20_000 ? 6 : 2;
    // at 100,000 a reload recomputes every corpus-level answer (minutes): measured up to 10,000 unless asked
    const reload = opts.reload ?? n <= 20_000;
    const o: PhaseOptions = { corpusDir, cacheDir, rounds: opts.rounds ?? (n >= 100_000 ? 2 : 3), naiveQueries, progress: opts.progress ?? true, workers: opts.workers, reload };
    const timeout = (opts.timeoutMinutes ?? 120) * 60_000;
    const run = (phase: keyof typeof PHASES) => (opts.inProcess ? PHASES[phase](o) : runChild(phase, o, timeout));
    let row: Partial<SizeResult> = { articles: n };
    for (const phase of o.reload === false ? (['cold', 'warm'] as const) : (['cold', 'warm', 'restart'] as const)) {
      try {
        const part = await run(phase);
        row = { ...row, ...part, errors: [...(row.errors ?? []), ...(part.errors ?? [])] };
      } catch (err) {
        row.errors = [...(row.errors ?? []), `${phase}: ${(err as Error).message}`];
        if (phase === 'cold') break;
      }
    }
    const full = row as SizeResult;
    result.sizes.push(full);
    opts.onSize?.(full);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Output

const TARGETS = {
  p99: (n: number) => (n >= 100_000 ? 50 : n >= 10_000 ? 10 : null),
  autocomplete: (n: number) => (n >= 100_000 ? 5 : null),
  ingest: (n: number) => (n === 10_000 ? 15 : null),
  warm: (n: number) => (n === 10_000 ? 1.5 : null),
  rss: (n: number) => (n >= 100_000 ? 600 : null),
};

/** Whether `r` meets each target of the issue that applies to its size. */
export function targetChecks(r: SizeResult): { target: string; limit: string; measured: string; met: boolean }[] {
  const out: { target: string; limit: string; measured: string; met: boolean }[] = [];
  const n = r.articles;
  const p99 = TARGETS.p99(n);
  if (p99 !== null && r.commands) for (const c of COMMANDS) if (c !== 'autocomplete') out.push({ target: `${c} p99`, limit: `≤ ${p99} ms`, measured: `${r.commands[c].p99} ms`, met: r.commands[c].p99 <= p99 });
  const ac = TARGETS.autocomplete(n) ?? p99;
  if (ac !== null && r.commands) out.push({ target: 'autocomplete p99', limit: `≤ ${ac} ms`, measured: `${r.commands.autocomplete.p99} ms`, met: r.commands.autocomplete.p99 <= ac });
  const ingest = TARGETS.ingest(n);
  if (ingest !== null) out.push({ target: 'cold ingest', limit: `≤ ${ingest} s`, measured: `${r.ingestSeconds} s`, met: r.ingestSeconds <= ingest });
  const warm = TARGETS.warm(n);
  if (warm !== null) out.push({ target: 'warm start', limit: `≤ ${warm} s`, measured: `${r.warmStartSeconds} s`, met: r.warmStartSeconds <= warm });
  const rss = TARGETS.rss(n);
  if (rss !== null) out.push({ target: 'RSS loaded', limit: `≤ ${rss} MB`, measured: `${r.rssMB} MB`, met: r.rssMB <= rss });
  return out;
}

/** The results as a Markdown table (what the README shows). */
export function formatTable(result: BenchResult): string {
  const pp = (p?: Percentiles) => (p ? `${fmtMs(p.p50)} / ${fmtMs(p.p99)}` : '–');
  const lines = [
    `Machine: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGB} GB, Node ${result.machine.node}`,
    '',
    '| articles | cold ingest | articles/s | warm start | heap MB | RSS MB | search p50 / p99 ms | brief | casualties | timeline | quotes | autocomplete | naive fuse.js search | naive ÷ ours (p50) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of result.sizes) {
    const c = r.commands;
    lines.push(
      `| ${r.articles.toLocaleString('en-US')} | ${r.ingestSeconds ?? '–'} s | ${r.articlesPerSecond ?? '–'} | ${r.warmStartSeconds ?? '–'} s | ${r.heapMB ?? '–'} | ${r.rssMB ?? '–'} | ${pp(c?.search)} | ${pp(c?.brief)} | ${pp(c?.casualties)} | ${pp(c?.timeline)} | ${pp(c?.quotes)} | ${pp(c?.autocomplete)} | ${pp(r.naiveFuse?.search)} | ${r.naiveRatio ? `${r.naiveRatio.p50}×` : '–'} |`,
    );
  }
  const checks = result.sizes.flatMap((r) => targetChecks(r).map((t) => ({ ...t, n: r.articles })));
  if (checks.length) {
    lines.push('', '| size | target | limit | measured | |', '|---:|---|---:|---:|---|');
    for (const t of checks) lines.push(`| ${t.n.toLocaleString('en-US')} | ${t.target} | ${t.limit} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`);
  }
  for (const r of result.sizes) {
    const extra: string[] = [];
    if (r.ingest) extra.push(`cold ingest with ${r.ingest.workers} worker thread(s), phases (ms): ${Object.entries(r.ingest.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; snapshot written in ${r.ingest.snapshotWriteSeconds} s`);
    if (r.reload) extra.push(`while running: one file added ${r.reload.addOneSeconds} s (${r.reload.addOneExtracted} extracted), removed ${r.reload.removeOneSeconds} s`);
    if (r.restartOneAdded) extra.push(`restart after adding one file: ${r.restartOneAdded.seconds} s (${r.restartOneAdded.extracted} extracted, ${r.restartOneAdded.cached} from the cache)`);
    if (r.errors?.length) extra.push(`errors: ${r.errors.join('; ')}`);
    if (extra.length) lines.push('', `${r.articles.toLocaleString('en-US')} articles: ${extra.join('. ')}.`);
  }
  return lines.join('\n');
}

function fmtMs(ms: number): string {
  return ms >= 100 ? String(Math.round(ms)) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

// ---------------------------------------------------------------------------
// CLI

function parseCount(arg: string): number {
  const m = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(arg.replace(/[,_]/g, ''));
  if (!m) throw new Error(`not a number of articles: "${arg}"`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

async function main(argv: string[]): Promise<number> {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (['json', 'help', 'in-process', 'no-progress', 'no-reload', 'reload'].includes(k)) flags.add(k);
    else opts.set(k, v ?? argv[++i] ?? '');
  }
  setLogLevel('warn');
  const child = opts.get('child') as keyof typeof PHASES | undefined;
  if (child) {
    const o: PhaseOptions = {
      corpusDir: opts.get('corpus')!,
      cacheDir: opts.get('cache')!,
      rounds: Number(opts.get('rounds') ?? 3),
      naiveQueries: Number(opts.get('naive') ?? 1000),
      progress: true,
      workers: opts.has('workers') ? Number(opts.get('workers')) : undefined,
      reload: !flags.has('no-reload'),
    };
    process.stdout.write(JSON.stringify(await PHASES[child](o)) + '\n');
    return 0;
  }
  if (flags.has('help')) {
    console.log('usage: npm run bench -- [--articles 1000[,10000,100000]] [--json] [--seed 42] [--rounds 3] [--workers N] [--timeout-min 90] [--reload | --no-reload]');
    return 0;
  }
  const sizes = opts.has('articles') ? opts.get('articles')!.split(',').map(parseCount) : DEFAULT_SIZES;
  const json = flags.has('json');
  const say = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');
  say(`Benchmark: ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')} articles (corpora in ${benchRoot()})`);
  const result = await runBenchmark({
    sizes,
    seed: opts.has('seed') ? Number(opts.get('seed')) : undefined,
    rounds: opts.has('rounds') ? Number(opts.get('rounds')) : undefined,
    workers: opts.has('workers') ? Number(opts.get('workers')) : undefined,
    timeoutMinutes: opts.has('timeout-min') ? Number(opts.get('timeout-min')) : undefined,
    reload: flags.has('reload') ? true : flags.has('no-reload') ? false : undefined,
    inProcess: flags.has('in-process'),
    progress: !flags.has('no-progress'),
    onSize: (r) => say(`${r.articles.toLocaleString('en-US')} articles done${r.errors?.length ? ` (${r.errors.join('; ')})` : ''}`),
  });
  say('');
  say(formatTable(result));
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
