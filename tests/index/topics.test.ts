/**
 * Topic and speaker filters answer by lookup (the articles a topic touches, the
 * quotes of each distinct speaker) and must give exactly what a pass over every
 * claim, event and quote gives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { querySet } from '../../bench/measure.js';
import type { CorpusIndex, SourceSentences } from '../../src/index/corpusIndex.js';
import { loadBriefingIndex } from '../../src/index/load.js';

let dir: string;
let index: CorpusIndex;
let topics: string[];
let speakers: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-topics-'));
  await writeCorpus(dir, 120, 7);
  index = (await loadBriefingIndex({ corpusDir: dir, cacheDir: null, workers: 0, snapshot: 'never' })) as CorpusIndex;
  const q = querySet(index);
  topics = [...q.topics, 'killed', 'hospital', 'ceasefire talks', 'qwertyzzz'];
  speakers = [...q.speakers, 'minister', 'a', 'qwertyzzz'];
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The filter as a pass over every item: kept when any source sits in a marked sentence. */
function passOverAll<T>(items: readonly T[], where: SourceSentences, marks: Uint8Array): T[] {
  return items.filter((_, i) => {
    for (let k = where.offsets[i]!; k < where.offsets[i + 1]!; k++) {
      const g = where.sentences[k]!;
      if (g >= 0 && marks[g] === 1) return true;
    }
    return false;
  });
}

describe('topic filters', () => {
  it('GIVEN broad and narrow topics THEN figures are exactly the claims with a source in a marked sentence, in order', () => {
    const where = index.sourceLocations();
    let nonEmpty = 0;
    for (const topic of topics) {
      const marks = index.topicSentences(topic)!.marks;
      const expected = passOverAll(index.figures(), where.claims, marks);
      expect(index.figures({ topic })).toEqual(expected);
      expect(index.figures({ topic, kinds: ['killed', 'wounded'] })).toEqual(expected.filter((c) => c.kind === 'killed' || c.kind === 'wounded'));
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  });

  it('GIVEN broad and narrow topics THEN the timeline keeps exactly the events with a source in a marked sentence, in order', () => {
    const where = index.sourceLocations();
    const all = index.timeline();
    let nonEmpty = 0;
    for (const topic of topics) {
      const marks = index.topicSentences(topic, 0)!.marks;
      const got = index.timeline({ topic });
      expect(got.events).toEqual(passOverAll(all.events, where.events, marks));
      expect(got.undated).toEqual(passOverAll(all.undated, where.undated, marks));
      if (got.events.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  });

  it('GIVEN speakers, parts of names and unknown names THEN quotes are those a pass over every quote picks, in order', () => {
    const all = index.quotes();
    const finder = (index as unknown as { speakerNames: { search(p: string): { name: string }[] } }).speakerNames;
    let nonEmpty = 0;
    // fragments of names, padded and upper-cased as typed
    const fragments = speakers.flatMap((s) => [s.slice(1, 4), s.slice(-5), s.toUpperCase()]);
    for (const typed of [...speakers, ...fragments]) {
      const speaker = typed.trim();
      const names = new Set(finder.search(speaker).map((r) => r.name));
      const expected = all.filter((q) => q.speaker && (names.has(q.speaker) || q.speaker.toLowerCase().includes(speaker.toLowerCase())));
      expect(index.quotes({ speaker: typed })).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  });
});

describe('turnarounds of sources', () => {
  /** For each article, its (item, sentence) pairs in item order: found by binary search over the articles' first sentences. */
  function straightforward(where: SourceSentences, starts: Uint32Array, n: number) {
    const per: { item: number; sentence: number }[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i + 1 < where.offsets.length; i++) {
      for (let k = where.offsets[i]!; k < where.offsets[i + 1]!; k++) {
        const g = where.sentences[k]!;
        if (g < 0) continue;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (starts[mid]! <= g) lo = mid;
          else hi = mid - 1;
        }
        per[lo]!.push({ item: i, sentence: g });
      }
    }
    return per;
  }

  it('GIVEN a turnaround built in slices (as prepare does) or at once THEN each article lists the same items and sentences as a binary search finds', async () => {
    const fresh = (await loadBriefingIndex({ corpusDir: dir, cacheDir: null, workers: 0, snapshot: 'never' })) as CorpusIndex;
    const where = fresh.sourceLocations();
    const n = fresh.articles().length;
    const inner = fresh as unknown as {
      turnaroundStep(w: SourceSentences, ms: number): boolean;
      articleSources(w: SourceSentences): { offsets: Uint32Array; item: Uint32Array; sentence: Uint32Array };
    };
    // claims: one smallest slice, then finished at once by a topic; events: slice by slice to the end
    expect(inner.turnaroundStep(where.claims, 0)).toBe(false);
    expect(fresh.figures({ topic: topics[0]! })).toEqual(index.figures({ topic: topics[0]! }));
    let slices = 0;
    while (!inner.turnaroundStep(where.events, 0)) slices++;
    expect(slices).toBeGreaterThan(0);
    for (const list of [where.claims, where.events, where.undated]) {
      const got = inner.articleSources(list);
      const expected = straightforward(list, where.sentenceStart, n);
      for (let a = 0; a < n; a++) {
        const pairs = [];
        for (let k = got.offsets[a]!; k < got.offsets[a + 1]!; k++) pairs.push({ item: got.item[k]!, sentence: got.sentence[k]! });
        expect(pairs).toEqual(expected[a]);
      }
    }
    await fresh.prepare(1);
    for (const topic of topics) expect(fresh.timeline({ topic })).toEqual(index.timeline({ topic }));
  }, 120_000);
});
