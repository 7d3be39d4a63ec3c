/**
 * Loading and reloading: a reload re-extracts only what changed and builds the
 * same index a fresh load would; an unchanged folder gives back the same
 * snapshot; worker threads give exactly the single-thread result.
 */
import { existsSync, mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/article.js';
import { assembleArticles } from '../../src/index/assemble.js';
import { CorpusIndex, deriveCorpus, deriveCorpusWith } from '../../src/index/corpusIndex.js';
import { deriveShared, packForDerive } from '../../src/index/deriveShared.js';
import { loadBriefingIndex, loadCorpus, reloadBriefingIndex, statsOf } from '../../src/index/load.js';
import type { Article } from '../../src/core/types.js';
import { BriefStatements } from '../../src/briefing/statements.js';
import { CRISIS, ROOT, SEEDS, crisisFiles, extractFile, indexAnswers } from '../helpers.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
let root: string;
let corpus: string;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'briefbot-load-'));
  corpus = path.join(root, 'corpus');
  await fs.cp(SEEDS, corpus, { recursive: true });
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});


describe('reloading a folder', () => {
  it('GIVEN nothing changed THEN the reload returns the previous snapshot itself', async () => {
    const first = await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 });
    expect(await reloadBriefingIndex(first, { corpusDir: corpus, clock, workers: 0 })).toBe(first);
  });

  it('GIVEN one changed file THEN only it is extracted, and the new snapshot equals a fresh load', async () => {
    const first = await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 });
    const file = path.join(corpus, '001_debecc4f8dbd1735.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nOn Friday the defence ministry said 250 North Korean soldiers were killed near Kursk.\n');
    const extracted: string[] = [];
    const next = await reloadBriefingIndex(first, { corpusDir: corpus, clock, extract: (d) => (extracted.push(d.file), extractArticle(d)) });
    expect(extracted).toEqual(['001_debecc4f8dbd1735.txt']);
    expect(statsOf(next)).toMatchObject({ reused: 4, extracted: 1 });
    expect(next).not.toBe(first);
    expect(first.articles()).toHaveLength(5); // the old snapshot is untouched
    const fresh = await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 });
    expect(indexAnswers(next)).toBe(indexAnswers(fresh));
    expect(next.figures().some((c) => c.low === 250 && c.kind === 'killed')).toBe(true);
  });

  it('GIVEN a file added and another removed THEN the reload extracts only the new one and drops the old one', async () => {
    const first = await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 });
    await fs.rm(path.join(corpus, '002_df10cff95ed2165f.txt'));
    const crisis = (await fs.readdir(CRISIS)).filter((f) => f.endsWith('.txt')).sort()[0]!;
    await fs.copyFile(path.join(CRISIS, crisis), path.join(corpus, crisis));
    let calls = 0;
    const next = await reloadBriefingIndex(first, { corpusDir: corpus, clock, extract: (d) => (calls++, extractArticle(d)) });
    expect(calls).toBe(1);
    expect(next.article('002_df10cff95ed2165f')).toBeUndefined();
    expect(next.article(crisis.replace(/\.txt$/, ''))).toBeDefined();
    expect(indexAnswers(next)).toBe(indexAnswers(await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 })));
  });

  it('GIVEN a new unreadable file THEN the reload is a new snapshot that reports it', async () => {
    const first = await loadBriefingIndex({ corpusDir: corpus, clock, workers: 0 });
    writeFileSync(path.join(corpus, 'empty.txt'), '   \n');
    const next = await reloadBriefingIndex(first, { corpusDir: corpus, clock, workers: 0 });
    expect(next).not.toBe(first);
    expect(next.warnings().map((w) => w.file)).toContain('empty.txt');
  });

  it('GIVEN a progress callback THEN it counts every file up to the total', async () => {
    const seen: [number, number][] = [];
    await loadCorpus({ corpusDir: corpus, clock, workers: 0, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([5, 5]);
    expect(seen.map(([d]) => d)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('deriving on two threads', () => {
  const articles = (): Article[] => assembleArticles(crisisFiles().map((f) => extractFile(path.join(CRISIS, f))));

  it('GIVEN the packed articles THEN the search index and the statements equal those built from the articles', () => {
    const list = articles();
    const straight = deriveCorpus(list);
    const shared = deriveShared(packForDerive(list));
    expect(shared.search).toEqual(straight.search.data());
    expect(shared.statements).toEqual(new CorpusIndex({ corpusDir: 'x', articles: list, warnings: [], loadedAt: clock(), derived: straight }).briefStatements().data());
    expect(shared.statements).toEqual(new BriefStatements(list).data());
  });

  it('GIVEN a sentence whose text is not its span of the body THEN its text is sent as it is', () => {
    const list = articles();
    const a = list[3]!;
    list[3] = { ...a, sentences: a.sentences.map((s, i) => (i === 1 ? { ...s, text: 'Zebras crossed the Kursk bridge near Sudzha on Monday, officials said.' } : s)) };
    const packed = packForDerive(list);
    expect(packed.texts.filter((t) => t !== null)).toHaveLength(1);
    const shared = deriveShared(packed);
    expect(shared.search.terms).toContain('zebras');
    expect(shared.search).toEqual(deriveCorpus(list).search.data());
    expect(shared.statements).toEqual(new BriefStatements(list).data());
  });

  it('GIVEN the shared part from elsewhere (or failing) THEN every answer is the one deriveCorpus gives', async () => {
    const list = articles();
    const index = (derived: ReturnType<typeof deriveCorpus>) => indexAnswers(new CorpusIndex({ corpusDir: 'x', articles: list, warnings: [], loadedAt: clock(), derived }));
    const straight = index(deriveCorpus(list));
    expect(index(await deriveCorpusWith(list, Promise.resolve(deriveShared(packForDerive(list)))))).toBe(straight);
    expect(index(await deriveCorpusWith(list, Promise.reject(new Error('worker died'))))).toBe(straight);
  });
});

// Worker threads run the compiled code in dist/ (`npm test` builds it first).
const DIST_LOAD = path.join(ROOT, 'dist', 'src', 'index', 'load.js');
const DIST_WORKER = path.join(ROOT, 'dist', 'src', 'index', 'extractWorker.js');

describe.skipIf(!existsSync(DIST_LOAD) || !existsSync(DIST_WORKER))('worker threads (compiled dist/)', () => {
  it('GIVEN two worker threads THEN the index is exactly the one a single thread builds', async () => {
    await fs.cp(CRISIS, corpus, { recursive: true });
    const dist = (await import(pathToFileURL(DIST_LOAD).href)) as typeof import('../../src/index/load.js');
    const threaded = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 2 });
    const single = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 0 });
    expect(threaded.stats.workers).toBe(2);
    expect(single.stats.workers).toBe(0);
    expect(threaded.stats.extracted).toBe(threaded.stats.files);
    expect(indexAnswers(threaded.index)).toBe(indexAnswers(single.index));
  });

  it('GIVEN some files in the extraction cache THEN the workers extract the others, and the index is the single-thread one', async () => {
    await fs.cp(CRISIS, corpus, { recursive: true });
    const dist = (await import(pathToFileURL(DIST_LOAD).href)) as typeof import('../../src/index/load.js');
    const cacheDir = path.join(root, 'cache');
    const half = path.join(root, 'half');
    await fs.mkdir(half);
    const files = (await fs.readdir(corpus)).sort();
    for (const f of files.filter((_, i) => i % 2 === 0)) await fs.copyFile(path.join(corpus, f), path.join(half, f));
    await dist.loadCorpus({ corpusDir: half, cacheDir, clock, workers: 0, snapshot: 'never' });
    const progress: [number, number][] = [];
    const threaded = await dist.loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 2, snapshot: 'never', onProgress: (d, t) => progress.push([d, t]) });
    const single = await dist.loadCorpus({ corpusDir: corpus, cacheDir: null, clock, workers: 0 });
    expect(threaded.stats.workers).toBe(2);
    expect(threaded.stats.cached).toBeGreaterThan(0);
    expect(threaded.stats.extracted).toBeGreaterThan(0);
    expect(threaded.stats.cached + threaded.stats.extracted).toBe(single.stats.files);
    expect(progress.at(-1)).toEqual([single.stats.files, single.stats.files]);
    expect(indexAnswers(threaded.index)).toBe(indexAnswers(single.index));
  });

  it('GIVEN extraction and derive workers that die THEN the load finishes in this thread with the single-thread index', async () => {
    await fs.cp(CRISIS, corpus, { recursive: true });
    const dist = (await import(pathToFileURL(DIST_LOAD).href)) as typeof import('../../src/index/load.js');
    // online, then gone at the first message (an extraction batch, the derive request)
    const dying = path.join(root, 'dying.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));\n");
    const broken = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 2, workerScript: pathToFileURL(dying), deriveScript: pathToFileURL(dying) });
    const single = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 0 });
    expect(broken.stats.workers).toBe(2);
    expect(broken.stats.extracted).toBe(single.stats.files);
    expect(broken.stats.timings['search index (worker)']).toBeUndefined();
    expect(indexAnswers(broken.index)).toBe(indexAnswers(single.index));
  });

  it('GIVEN the derive worker THEN the index is exactly the one a single thread derives', async () => {
    await fs.cp(CRISIS, corpus, { recursive: true });
    const dist = (await import(pathToFileURL(DIST_LOAD).href)) as typeof import('../../src/index/load.js');
    const deriveScript = pathToFileURL(path.join(ROOT, 'dist', 'src', 'index', 'deriveWorker.js'));
    const threaded = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 2, deriveScript });
    const single = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 0 });
    expect(threaded.stats.timings['search index (worker)']).toBeGreaterThan(0);
    expect(single.stats.timings['search index (worker)']).toBeUndefined();
    expect(indexAnswers(threaded.index)).toBe(indexAnswers(single.index));
  });

  it('GIVEN the worker script is missing THEN extraction falls back to this thread', async () => {
    const dist = (await import(pathToFileURL(DIST_LOAD).href)) as typeof import('../../src/index/load.js');
    await fs.cp(CRISIS, corpus, { recursive: true });
    const r = await dist.loadCorpus({ corpusDir: corpus, clock, workers: 2, workerScript: null });
    expect(r.stats.workers).toBe(0);
    expect(r.stats.extracted).toBe(r.stats.files);
  });
});

const DIST_RELOAD = path.join(ROOT, 'dist', 'src', 'index', 'reloadWorker.js');

describe.skipIf(!existsSync(DIST_LOAD) || !existsSync(DIST_RELOAD))('reloads in a worker thread (compiled dist/)', () => {
  const dist = () => import(pathToFileURL(DIST_LOAD).href) as Promise<typeof import('../../src/index/load.js')>;

  it('GIVEN one changed file THEN the worker extracts only it, and the index this thread opens equals a fresh load', async () => {
    const d = await dist();
    const cacheDir = path.join(root, 'cache');
    const first = await d.loadBriefingIndex({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    // nothing changed: the worker says so and the previous index itself comes back
    expect(await d.reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0 })).toBe(first);
    const file = path.join(corpus, '001_debecc4f8dbd1735.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nOn Friday the defence ministry said 250 North Korean soldiers were killed near Kursk.\n');
    const next = await d.reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(next).not.toBe(first);
    const stats = d.statsOf(next)!;
    expect(stats).toMatchObject({ cached: 4, extracted: 1, files: 5, articles: 5 });
    expect(stats.timings['worker']).toBeGreaterThan(0);
    expect(first.articles()).toHaveLength(5);
    const fresh = await d.loadBriefingIndex({ corpusDir: corpus, cacheDir: null, clock, workers: 0 });
    expect(indexAnswers(next)).toBe(indexAnswers(fresh));
    expect(next.figures().some((c) => c.low === 250 && c.kind === 'killed')).toBe(true);
    // the worker wrote the snapshot: a restart is a warm start
    const restart = await d.loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(restart.stats.fromSnapshot).toBe(5);
    expect(indexAnswers(restart.index)).toBe(indexAnswers(fresh));
    // and the reload after it compares with what the worker loaded
    expect(await d.reloadBriefingIndex(next, { corpusDir: corpus, cacheDir, clock, workers: 0 })).toBe(next);
  });

  it("GIVEN snapshot 'never' THEN the worker hands over a temporary file, removed once read, and the snapshot is left alone", async () => {
    const d = await dist();
    const cacheDir = path.join(root, 'cache');
    const first = await d.loadBriefingIndex({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const snapDir = path.join(cacheDir, 'snapshots');
    const before = await fs.readdir(snapDir);
    const stamp = (await fs.stat(path.join(snapDir, before[0]!))).mtimeMs;
    await fs.rm(path.join(corpus, '002_df10cff95ed2165f.txt'));
    const next = await d.reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(next.articles()).toHaveLength(4);
    expect(await fs.readdir(snapDir)).toEqual(before);
    expect((await fs.stat(path.join(snapDir, before[0]!))).mtimeMs).toBe(stamp);
    expect(indexAnswers(next)).toBe(indexAnswers(await d.loadBriefingIndex({ corpusDir: corpus, cacheDir: null, clock, workers: 0 })));
  });

  it('GIVEN the worker cannot write its snapshot THEN the reload happens in this thread, with one warning', async () => {
    const d = await dist();
    const { setLogSink } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'log.js')).href)) as typeof import('../../src/log.js');
    const cacheDir = path.join(root, 'cache');
    const first = await d.loadBriefingIndex({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    writeFileSync(path.join(cacheDir, 'snapshots'), 'not a folder');
    writeFileSync(path.join(corpus, 'new.txt'), 'Officials said 12 people were killed in the storm on Monday.\n');
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    try {
      const next = await d.reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0 });
      expect(next.articles()).toHaveLength(6);
      expect(d.statsOf(next)!.timings['worker']).toBeUndefined();
      expect(lines.filter((x) => JSON.parse(x).msg === 'reload worker could not write its snapshot; reloading in this thread')).toHaveLength(1);
    } finally {
      setLogSink((line) => process.stderr.write(line + '\n'));
    }
  });

  it('GIVEN the corpus folder is gone THEN the reload rejects with a corpus error', async () => {
    const d = await dist();
    const cacheDir = path.join(root, 'cache');
    const first = await d.loadBriefingIndex({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    await fs.rm(corpus, { recursive: true });
    await expect(d.reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0 })).rejects.toBeInstanceOf(d.CorpusError);
  });
});

describe('a reload worker that dies', () => {
  it('GIVEN the worker exits midway THEN the reload rejects saying so, the live corpus keeps the previous snapshot, and one line is logged', async () => {
    const { LiveCorpus } = await import('../../src/index/live.js');
    const { setLogSink } = await import('../../src/log.js');
    const crash = path.join(root, 'crash.mjs');
    writeFileSync(crash, 'process.exit(3);\n');
    const cacheDir = path.join(root, 'cache');
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    try {
      const l = new LiveCorpus({ corpusDir: corpus, load: (prev) => reloadBriefingIndex(prev, { corpusDir: corpus, cacheDir, clock, workers: 0, reloadScript: pathToFileURL(crash) }) });
      const first = await l.start({ watch: false });
      writeFileSync(path.join(corpus, 'new.txt'), 'Officials said 12 people were killed in the storm on Monday.\n');
      const r = await l.reload('test');
      expect(r.changed).toBe(false);
      expect(r.reason).toMatch(/reload worker exited \(code 3\)/);
      expect(l.current()).toBe(first);
      expect(lines.filter((x) => JSON.parse(x).level !== 'debug')).toHaveLength(1);
      expect(lines.find((x) => JSON.parse(x).level === 'error')).toMatch(/corpus reload failed; still serving the previous snapshot/);
    } finally {
      setLogSink((line) => process.stderr.write(line + '\n'));
    }
  });

  it('GIVEN a worker script that throws at start THEN the reload rejects too', async () => {
    const bad = path.join(root, 'bad.mjs');
    writeFileSync(bad, "throw new Error('cannot start');\n");
    const cacheDir = path.join(root, 'cache');
    const first = await loadBriefingIndex({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    writeFileSync(path.join(corpus, 'new.txt'), 'Officials said 12 people were killed in the storm on Monday.\n');
    await expect(reloadBriefingIndex(first, { corpusDir: corpus, cacheDir, clock, workers: 0, reloadScript: pathToFileURL(bad) })).rejects.toThrow(/reload worker failed: cannot start/);
  });
});
