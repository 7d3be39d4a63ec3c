/**
 * The extraction cache and the warm-start snapshot: keyed by content hash,
 * invalidated by a change, never trusted when corrupt (ignored with one log
 * line, then rebuilt), written atomically.
 */
import { mkdtempSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/article.js';
import { decodeExtraction, encodeExtraction, ExtractionCache } from '../../src/index/cache.js';
import { loadCorpus } from '../../src/index/load.js';
import { snapshotFile } from '../../src/index/snapshot.js';
import { setLogSink } from '../../src/log.js';
import { doc, SEEDS, indexAnswers } from '../helpers.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
let root: string;
let corpus: string;
let cacheDir: string;
let logs: string[];

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'briefbot-cache-'));
  corpus = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await fs.cp(SEEDS, corpus, { recursive: true });
  logs = [];
  setLogSink((line) => logs.push(line));
});

afterEach(async () => {
  setLogSink((line) => process.stderr.write(line + '\n'));
  await fs.rm(root, { recursive: true, force: true });
});

/** Every entry file the cache holds. */
function entries(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(path.join(d, e.name));
    }
  };
  walk(path.join(cacheDir, 'extractions'));
  return out;
}


describe('the entry format', () => {
  it('GIVEN an extraction THEN encoding and decoding give it back field for field, sentence texts rebuilt from the body', () => {
    const x = extractArticle(doc(readFileSync(path.join(SEEDS, '000_357d44f1acaf523f.txt'), 'utf8'), '000'));
    const json = encodeExtraction(x);
    expect(json.split(x.sentences[3]!.text)).toHaveLength(2); // stored once, in the body
    const back = decodeExtraction(json, x.hash);
    expect(back).toEqual(x);
    expect(Object.keys(back)).toEqual(Object.keys(x));
  });

  it('GIVEN a truncated entry, an entry for another hash or another version THEN it is refused', () => {
    const x = extractArticle(doc('Officials said 12 people were killed on Monday in the capital. The army denied it.', 'a'));
    const json = encodeExtraction(x);
    expect(() => decodeExtraction(json.slice(0, json.length / 2), x.hash)).toThrow(/not JSON/);
    expect(() => decodeExtraction(json, 'f'.repeat(64))).toThrow(/another file/);
    expect(() => decodeExtraction(json.replace('"extraction":', '"extraction":99, "x":'), x.hash)).toThrow(/version/);
  });
});

describe('the cache on disk', () => {
  it('GIVEN a second load of an unchanged folder THEN it is a warm start from the snapshot: nothing extracted, the same answers', async () => {
    const cold = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    expect(cold.stats).toMatchObject({ files: 5, extracted: 5, cached: 0, fromSnapshot: 0 });
    expect(await cold.stats.snapshotWritten).toBe(true);
    expect(entries()).toHaveLength(5);
    const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(warm.stats).toMatchObject({ extracted: 0, cached: 0, fromSnapshot: 5 });
    expect(indexAnswers(warm.index)).toBe(indexAnswers(cold.index));
  });

  it('GIVEN one changed file THEN only it is extracted again; the others come from the cache by content hash', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const file = path.join(corpus, '002_df10cff95ed2165f.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nThe ministry said 40 soldiers were wounded on Tuesday.\n');
    let calls = 0;
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, snapshot: 'never', extract: (d) => (calls++, extractArticle(d)) });
    expect(calls).toBe(1);
    expect(again.stats).toMatchObject({ extracted: 1, cached: 4, fromSnapshot: 0 });
    const fresh = await loadCorpus({ corpusDir: corpus, cacheDir: null, clock, workers: 0, snapshot: 'never' });
    expect(indexAnswers(again.index)).toBe(indexAnswers(fresh.index));
    expect(again.index.figures().some((c) => c.low === 40 && c.kind === 'wounded')).toBe(true);
  });

  it('GIVEN a renamed file THEN its cached extraction is reused under the new name', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    await fs.rename(path.join(corpus, '003_d1f3a4ea73cfd1a9.txt'), path.join(corpus, 'renamed.txt'));
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(again.stats).toMatchObject({ extracted: 0, cached: 5 });
    expect(again.index.article('renamed')).toMatchObject({ id: 'renamed', file: 'renamed.txt' });
    const fresh = await loadCorpus({ corpusDir: corpus, cacheDir: null, clock, workers: 0, snapshot: 'never' });
    expect(indexAnswers(again.index)).toBe(indexAnswers(fresh.index));
  });

  it('GIVEN corrupt and truncated entries THEN they are ignored with one log line, re-extracted, and rewritten', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    const [a, b] = entries();
    writeFileSync(a!, readFileSync(a!, 'utf8').slice(0, 100));
    writeFileSync(b!, 'garbage');
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(again.stats).toMatchObject({ extracted: 2, cached: 3 });
    expect(logs.filter((l) => l.includes('extraction cache entries unusable'))).toHaveLength(1);
    const third = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(third.stats).toMatchObject({ extracted: 0, cached: 5 });
  });

  it('GIVEN a corrupt or truncated snapshot THEN the load ignores it with one log line and writes a good one', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const snap = await snapshotFile(cacheDir, corpus);
    const bytes = readFileSync(snap);
    writeFileSync(snap, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(again.stats).toMatchObject({ fromSnapshot: 0, cached: 5 });
    expect(logs.filter((l) => l.includes('snapshot unusable'))).toHaveLength(1);
    writeFileSync(snap, 'not a snapshot at all');
    const third = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(third.stats.fromSnapshot).toBe(0);
    expect(await third.stats.snapshotWritten).toBe(true);
    const fourth = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(fourth.stats.fromSnapshot).toBe(5);
    expect(indexAnswers(fourth.index)).toBe(indexAnswers(again.index));
  });

  it('GIVEN writes THEN no temporary file is left behind, and folders of other cache versions are removed', async () => {
    await fs.mkdir(path.join(cacheDir, 'extractions', 'v0-x0', 'ab'), { recursive: true });
    await (await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 })).stats.snapshotWritten;
    await new Promise((r) => setTimeout(r, 50));
    expect(entries().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(path.join(cacheDir, 'extractions'))).toEqual([new ExtractionCache(cacheDir).dir.split(path.sep).pop()]);
    expect(readdirSync(path.join(cacheDir, 'snapshots')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the warm start without reading', () => {
  it('GIVEN files touched but not changed THEN the load still comes from the snapshot (by content hash), and the next one need not read them', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, stampSlackMs: 0, snapshot: 'wait' });
    const earlier = new Date(Date.now() - 60_000);
    for (const f of await fs.readdir(corpus)) await fs.utimes(path.join(corpus, f), earlier, earlier);
    await new Promise((r) => setTimeout(r, 20));
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, stampSlackMs: 0 });
    expect(again.stats).toMatchObject({ fromSnapshot: 5, extracted: 0 });
    expect(again.stats.timings['read']).toBeDefined(); // it had to read and hash them
    expect(await again.stats.snapshotWritten).toBe(true); // new stamps recorded
    await new Promise((r) => setTimeout(r, 10));
    const third = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, stampSlackMs: 0 });
    expect(third.stats.fromSnapshot).toBe(5);
    expect(third.stats.timings['read']).toBeUndefined();
  });

  it('GIVEN a file rewritten with the same size and its old modification time put back THEN the change is still seen', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const file = path.join(corpus, '002_df10cff95ed2165f.txt');
    const before = await fs.stat(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('North Korea', 'North Kxrea'));
    await fs.utimes(file, before.atime, before.mtime);
    const again = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(again.stats).toMatchObject({ fromSnapshot: 0, extracted: 1, cached: 4 });
  });

  it('GIVEN an unchanged folder THEN the warm start reads no article file', async () => {
    // (stamps are trusted for files older than the snapshot's stamps by `stampSlackMs`)
    await new Promise((r) => setTimeout(r, 20));
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, stampSlackMs: 0, snapshot: 'wait' });
    const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, stampSlackMs: 0 });
    expect(warm.stats.fromSnapshot).toBe(5);
    expect(warm.stats.timings['read']).toBeUndefined();
    expect(indexAnswers(warm.index)).toBe(indexAnswers((await loadCorpus({ corpusDir: corpus, cacheDir: null, clock, workers: 0, snapshot: 'never' })).index));
  });
});
