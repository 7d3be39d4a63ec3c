/**
 * The warm-start snapshot keeps articles' bodies and heavy fields on disk: read
 * on use through the file the index was loaded from (which survives being
 * replaced or removed), a bounded number kept decoded, every field equal to a
 * fresh load's.
 */
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { corpusDigest, loadCorpus, readCorpus, reloadBriefingIndex, snapshotBacked } from '../../src/index/load.js';
import { CorpusIndex } from '../../src/index/corpusIndex.js';
import { isOnDisk, readSnapshot, snapshotFile, storeOf, writeSnapshot } from '../../src/index/snapshot.js';
import { extractArticle } from '../../src/extract/article.js';
import { SEEDS, indexAnswers } from '../helpers.js';
import sourcesCommand from '../../commands/sources.js';
import { replyStatements, type AnswerReply } from '../../src/core/reply.js';
import { generateArticle } from '../../bench/generate.js';

const clock = () => new Date('2026-01-01T00:00:00Z');
let root: string;
let corpus: string;
let cacheDir: string;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'briefbot-snapshot-'));
  corpus = path.join(root, 'corpus');
  cacheDir = path.join(root, 'cache');
  await fs.cp(SEEDS, corpus, { recursive: true });
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every field of every article as plain data. */
const plain = (articles: readonly Article[]) => articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown);


async function coldAndWarm(files = 5) {
  const cold = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
  expect(await cold.stats.snapshotWritten).toBe(true);
  const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
  expect(warm.stats.fromSnapshot).toBe(files);
  return { cold, warm };
}

describe('articles on disk after a warm start', () => {
  it('GIVEN a warm start THEN no article is decoded until used, and every field equals the cold load', async () => {
    const { cold, warm } = await coldAndWarm();
    await warm.stats.whenPrepared();
    const articles = warm.index.articles();
    expect(articles.every(isOnDisk)).toBe(true);
    expect(storeOf(articles[0]!)!.reads).toBe(0);
    expect(plain(articles)).toEqual(plain(cold.index.articles()));
    expect(indexAnswers(warm.index)).toBe(indexAnswers(cold.index));
    // a spread copy (as a reload makes) is a plain, complete article
    const copy = { ...articles[2]! };
    expect(Object.keys(copy)).toEqual(Object.keys(cold.index.articles()[2]!));
    expect(copy.sentences).toEqual(cold.index.articles()[2]!.sentences);
    expect(isOnDisk(articles[2]!)).toBe(true);
  });

  it('GIVEN an article in use THEN its fields are the same objects on every read', async () => {
    const { warm } = await coldAndWarm();
    const a = warm.index.articles()[1]!;
    const sentences = a.sentences;
    expect(a.sentences).toBe(sentences);
    expect(a.body.slice(sentences[0]!.start, sentences[0]!.end)).toBe(sentences[0]!.text);
  });

  it('GIVEN more articles used than are kept decoded THEN only the most recent are kept, and the others still give the same values', async () => {
    await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    const read = await readCorpus(corpus);
    const snap = await readSnapshot(await snapshotFile(cacheDir, corpus), corpusDigest(read.docs), { recentArticles: 2 });
    if (!snap.ok) throw new Error(snap.reason);
    const store = storeOf(snap.articles[0]!)!;
    const first = snap.articles.map((a) => a.body);
    expect(store.reads).toBe(5);
    expect(store.kept).toBe(2); // the others are let go (read again unless still referenced)
    for (const a of snap.articles) void a.figures;
    expect(store.kept).toBe(2);
    expect(snap.articles.map((a) => a.body)).toEqual(first);
  });

  it('GIVEN the snapshot file replaced or removed after a warm start THEN the index keeps reading the file it was loaded from', async () => {
    const { cold, warm } = await coldAndWarm();
    const expected = plain(cold.index.articles());
    const file = await snapshotFile(cacheDir, corpus);
    // a reload writes a new snapshot under the same name (another corpus here)
    await fs.writeFile(path.join(corpus, 'zz-new.txt'), 'Published 2 May 2025\n\nOfficials said 12 people were killed in the flooding on Monday, according to the regional governor.\n');
    const next = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    expect(await next.stats.snapshotWritten).toBe(true);
    const store = storeOf(warm.index.articles()[0]!)!;
    store.forgetDecoded();
    const reads = store.reads;
    expect(plain(warm.index.articles())).toEqual(expected);
    expect(store.reads).toBe(reads + 5);
    rmSync(file);
    store.forgetDecoded();
    expect(plain(warm.index.articles())).toEqual(expected);
    expect(store.reads).toBe(reads + 10);
    expect(warm.index.search('north korean troops').length).toBeGreaterThan(0);
  });
});

describe('swapping a cold-loaded index for its snapshot', () => {
  it('GIVEN a cold load whose snapshot is written THEN the snapshot-backed index answers the same, with articles on disk, and a reload of an unchanged folder keeps it', async () => {
    const cold = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    const lean = await snapshotBacked(cold.index, { corpusDir: corpus, cacheDir });
    if (!lean) throw new Error('no snapshot-backed index');
    expect(lean.articles().every(isOnDisk)).toBe(true);
    expect(cold.index.articles().some(isOnDisk)).toBe(false);
    expect(indexAnswers(lean)).toBe(indexAnswers(cold.index));
    expect(lean.loadedAt).toBe(cold.index.loadedAt);
    expect(await reloadBriefingIndex(lean, { corpusDir: corpus, cacheDir, clock, workers: 0 })).toBe(lean);
    // nothing to gain from an index that already comes from the snapshot, or without one
    expect(await snapshotBacked(lean, { corpusDir: corpus, cacheDir })).toBeNull();
    const uncached = await loadCorpus({ corpusDir: corpus, cacheDir: null, clock, workers: 0 });
    expect(await snapshotBacked(uncached.index, { corpusDir: corpus, cacheDir: null })).toBeNull();
  });
});

describe('cited passages in the snapshot', () => {
  it('GIVEN a wire copy printed by a second outlet THEN the passages both cite read back with their own article and outlet', async () => {
    const first = (await fs.readdir(corpus)).sort()[0]!;
    const text = await fs.readFile(path.join(corpus, first), 'utf8');
    await fs.writeFile(path.join(corpus, 'zz-wire-copy.txt'), text.replace('Express & Star', 'Other Outlet'));
    const { cold, warm } = await coldAndWarm(6);
    const copied = warm.index.figures().flatMap((c) => c.sources).filter((s) => s.article === 'zz-wire-copy');
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((s) => s.publisher === 'Other Outlet')).toBe(true);
    const original = warm.index.figures().flatMap((c) => c.sources).filter((s) => s.article === first.replace(/\.txt$/, ''));
    expect(original.some((o) => copied.some((c) => c.quote === o.quote && c.publisher !== o.publisher))).toBe(true);
    expect(indexAnswers(warm.index)).toBe(indexAnswers(cold.index));
  });
});

describe('precomputed answers read back lazily', () => {
  /** Every statement of every precomputed list, its sources as plain data (quotes included). */
  const statements = (index: BriefingIndex) =>
    JSON.parse(JSON.stringify({ figures: index.figures(), timeline: index.timeline(), quotes: index.quotes(), brief: index.brief() })) as unknown;

  it('GIVEN a warm start THEN sources are made only when read, their quotes read from the file, and equal the cold load even when few lists are kept', async () => {
    const { cold } = await coldAndWarm();
    const read = await readCorpus(corpus);
    // room for one source list at a time: every list read is made again from the file's numbers
    const snap = await readSnapshot(await snapshotFile(cacheDir, corpus), corpusDigest(read.docs), { recentSources: 1 });
    if (!snap.ok) throw new Error(snap.reason);
    const claims = snap.derived.claims;
    const coldClaims = cold.index.figures();
    expect(claims.length).toBe(coldClaims.length);
    const claim = claims.find((c) => c.sources.length > 1)!;
    // a statement read in a loop gives the same list while it is the most recent one
    const list = claim.sources;
    expect(claim.sources).toBe(list);
    const other = claims.find((c) => c !== claim)!;
    void other.sources;
    expect(claim.sources).not.toBe(list);
    expect(claim.sources).toEqual(list);
    // the same fields, in the same order, as the cold load's SourceRefs, quotes read from the file
    const i = claims.indexOf(claim);
    expect(JSON.stringify(claim.sources)).toBe(JSON.stringify(coldClaims[i]!.sources));
    expect(Object.keys(claim.sources[0]!)).toEqual(Object.keys(coldClaims[i]!.sources[0]!));
    const a = snap.articles.find((x) => x.id === claim.sources[0]!.article)!;
    expect(claim.sources[0]!.quote).toBe(a.body.slice(claim.sources[0]!.start, claim.sources[0]!.end));
    // an event whose text is its first source's words reads it from there
    const events = snap.derived.timeline.events;
    expect(events.map((e) => e.text)).toEqual(cold.index.timeline().events.map((e) => e.text));
    // assigning replaces the lazy field with the value
    const copy = claims[0]!;
    copy.sources = [];
    expect(copy.sources).toEqual([]);
  });

  it('GIVEN a warm start of seeds and generated articles THEN every precomputed statement and source equals the cold load', async () => {
    for (let i = 0; i < 40; i++) {
      const g = generateArticle(7, i);
      await fs.writeFile(path.join(corpus, g.fileName), g.text);
    }
    const files = (await fs.readdir(corpus)).length;
    const { cold, warm } = await coldAndWarm(files);
    expect(statements(warm.index)).toEqual(statements(cold.index));
    expect(indexAnswers(warm.index)).toBe(indexAnswers(cold.index));
  });
});

describe('article records', () => {
  it('GIVEN sentences that are not slices of the body THEN they are stored whole and read back as they were', async () => {
    const odd = (d: Parameters<typeof extractArticle>[0]) => {
      const x = extractArticle(d);
      x.sentences[0] = { ...x.sentences[0]!, text: `${x.sentences[0]!.text} (edited)` };
      return x;
    };
    const cold = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait', extract: odd });
    expect(await cold.stats.snapshotWritten).toBe(true);
    const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(warm.stats.fromSnapshot).toBe(5);
    expect(warm.index.articles()[0]!.sentences[0]!.text).toMatch(/ \(edited\)$/);
    expect(plain(warm.index.articles())).toEqual(plain(cold.index.articles()));
  });
});

describe('cited passages', () => {
  it('GIVEN sources that are not what sourceRef makes (edited quote, other metadata, unknown article, same place twice) THEN each is read back as it was', async () => {
    const { index } = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'never' });
    if (!(index instanceof CorpusIndex)) throw new Error('a cold load without a snapshot gives a CorpusIndex');
    const read = await readCorpus(corpus);
    const digest = corpusDigest(read.docs);
    const claims = index.corpusDerived().claims;
    const src = claims[0]!.sources[0]!;
    const edited = [
      { ...src, quote: `${src.quote} (edited)` },
      { ...src, publisher: 'Another Outlet' },
      { ...src, date: '1999-01-01' },
      { ...src, article: 'no-such-article' },
      { ...src, quote: `${src.quote} (edited)` },
      { ...src },
    ];
    claims[0]!.sources.push(...edited);
    const file = await snapshotFile(cacheDir, corpus);
    await writeSnapshot(file, digest, index, []);
    const snap = await readSnapshot(file, digest);
    if (!snap.ok) throw new Error(snap.reason);
    const back = JSON.parse(JSON.stringify(snap.derived.claims[0]!.sources)) as unknown[];
    expect(back).toEqual(JSON.parse(JSON.stringify(claims[0]!.sources)));
    expect(JSON.stringify(snap.derived.claims)).toBe(JSON.stringify(claims));
  });
});

describe('brief statements in the snapshot', () => {
  it('GIVEN a warm start of seeds and generated articles THEN preparing decodes no article, and default and topic briefs equal the cold load', async () => {
    // a slice of the benchmark's corpus beside the seeds (wire copies, many topics)
    for (let i = 0; i < 120; i++) {
      const g = generateArticle(11, i);
      await fs.writeFile(path.join(corpus, g.fileName), g.text);
    }
    const { cold, warm } = await coldAndWarm(125);
    await warm.stats.whenPrepared();
    const store = storeOf(warm.index.articles()[0]!)!;
    expect(store.reads).toBe(0);
    const topics = ['troops', 'Kursk', ...warm.index.entities().filter((e) => e.type !== 'other').slice(0, 12).map((e) => e.name), 'killed', 'water'];
    const briefs = (index: BriefingIndex) => JSON.stringify([index.brief(), ...topics.map((topic) => index.brief({ topic }))]);
    const expected = briefs(cold.index);
    expect(expected.length).toBeGreaterThan(5000);
    store.forgetDecoded();
    expect(briefs(warm.index)).toBe(expected);
    // and topic briefs read only the articles whose passages are read
    store.forgetDecoded();
    const before = store.reads;
    const points = topics.map((topic) => warm.index.brief({ topic }));
    const cited = new Set(points.flat().flatMap((p) => p.sources.map((s) => s.article)));
    expect(cited.size).toBeGreaterThan(50);
    expect(store.reads - before).toBeLessThan(cited.size);
  });
});

describe('/sources after a warm start', () => {
  it('GIVEN a warm start THEN /sources lists every citable article, citing its lead passage as the cold load does, without decoding any article', async () => {
    await fs.writeFile(path.join(corpus, 'zz-empty.txt'), '   \n');
    const cold = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0, snapshot: 'wait' });
    expect(await cold.stats.snapshotWritten).toBe(true);
    const warm = await loadCorpus({ corpusDir: corpus, cacheDir, clock, workers: 0 });
    expect(warm.stats.fromSnapshot).toBeGreaterThan(0);
    await warm.stats.whenPrepared();
    const store = storeOf(warm.index.articles()[0]!)!;
    store.forgetDecoded();
    const run = async (index: BriefingIndex) => {
      const reply = (await sourcesCommand.run({ index, now: clock(), commands: [] }, {})) as AnswerReply;
      return JSON.stringify(replyStatements(reply));
    };
    const listed = await run(warm.index);
    expect(store.reads).toBe(0);
    expect(listed).toBe(await run(cold.index));
    // every article with text, each cited by a passage of its own body
    const statements = JSON.parse(listed) as { sources: { article: string; quote: string; start: number; end: number }[] }[];
    expect(statements.length).toBe(cold.index.articles().filter((a) => a.body.trim() !== '').length);
    for (const st of statements) {
      const a = cold.index.article(st.sources[0]!.article)!;
      expect(a.body.slice(st.sources[0]!.start, st.sources[0]!.end)).toBe(st.sources[0]!.quote);
    }
  });
});
