/**
 * The load paths that start from previous answers: a reload in this thread (from
 * the previous index) and a restart after a change (from the snapshot in the
 * cache folder) derive incrementally and give the index a fresh load gives.
 */
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/article.js';
import { loadCorpus, reloadBriefingIndex, statsOf } from '../../src/index/load.js';
import { CRISIS, SEEDS, crisisFiles, indexAnswers } from '../helpers.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
let root: string;
let corpus: string;
let cacheDir: string;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'briefbot-incr-'));
  corpus = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await fs.cp(SEEDS, corpus, { recursive: true });
  for (const f of crisisFiles().slice(0, 20)) await fs.copyFile(path.join(CRISIS, f), path.join(corpus, f));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const fresh = async () => indexAnswers((await loadCorpus({ corpusDir: corpus, clock, workers: 0 })).index);
const addedLine = '\nOn Friday the defence ministry said 250 North Korean soldiers were killed near Kursk.\n';

describe('loads that derive from previous answers', () => {
  it('GIVEN a changed file THEN a reload in this thread derives incrementally and equals a fresh load', async () => {
    const first = await loadCorpus({ corpusDir: corpus, clock, workers: 0 });
    const file = path.join(corpus, '001_debecc4f8dbd1735.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + addedLine);
    const next = await reloadBriefingIndex(first.index, { corpusDir: corpus, clock, extract: extractArticle });
    expect(statsOf(next)!.timings).toHaveProperty('match articles');
    expect(indexAnswers(next)).toBe(await fresh());
  });

  it('GIVEN a file added and one removed since the snapshot THEN a restart derives from the snapshot and equals a fresh load', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    await fs.rm(path.join(corpus, '002_df10cff95ed2165f.txt'));
    const added = crisisFiles()[30]!;
    await fs.copyFile(path.join(CRISIS, added), path.join(corpus, added));
    const restart = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    expect(restart.stats.fromSnapshot).toBe(0);
    expect(restart.stats.timings).toHaveProperty('match articles');
    expect(indexAnswers(restart.index)).toBe(await fresh());
    // and the snapshot it wrote warm-starts to the same answers
    const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(warm.stats.fromSnapshot).toBeGreaterThan(0);
    expect(indexAnswers(warm.index)).toBe(await fresh());
  });

  it('GIVEN most files changed since the snapshot THEN a restart derives in full', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const files = (await fs.readdir(corpus)).filter((f) => f.endsWith('.txt'));
    for (const f of files.slice(0, Math.ceil(files.length / 2))) writeFileSync(path.join(corpus, f), readFileSync(path.join(corpus, f), 'utf8') + addedLine);
    const restart = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    expect(restart.stats.timings).not.toHaveProperty('match articles');
    expect(indexAnswers(restart.index)).toBe(await fresh());
  });
});
