/**
 * A topic brief from the index (its topic's sentences taken straight from the
 * search, near duplicates through the brief's prefix index) is exactly the
 * straightforward one: every sentence of every article tested against the
 * topic's marks, near duplicates found by a scan.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { querySet } from '../../bench/measure.js';
import { buildBrief } from '../../src/briefing/brief.js';
import type { CorpusIndex } from '../../src/index/corpusIndex.js';
import { loadBriefingIndex } from '../../src/index/load.js';

let dir: string;
let index: CorpusIndex;
let topics: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-topic-brief-'));
  await writeCorpus(dir, 150, 11);
  index = (await loadBriefingIndex({ corpusDir: dir, cacheDir: null, workers: 0, snapshot: 'never' })) as CorpusIndex;
  const q = querySet(index);
  topics = [...q.topics, ...q.search, 'killed', 'hospital', 'ceasefire talks', 'qwertyzzz'];
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The brief as plain data (sources' passages read). */
const plain = (points: readonly { text: string; sources: readonly object[] }[]) => JSON.parse(JSON.stringify(points)) as unknown;

/** The straightforward topic brief: a test of every sentence against the topic's marks, and a scan for near duplicates. */
function reference(topic: string) {
  const marks = index.topicSentences(topic, 0);
  if (!marks || marks.size === 0) return [];
  return buildBrief(index.articles(), index.figures({ topic }), { isAllowed: (ai, si) => marks.has(ai, si), stats: index.corpusDerived().briefStats, scan: true });
}

describe('topic briefs', () => {
  it('GIVEN broad and narrow topics THEN the brief is the straightforward one: same points, same order, same sources', () => {
    let cited = 0;
    let nonEmpty = 0;
    for (const topic of topics) {
      const got = index.brief({ topic });
      expect(plain(got)).toEqual(plain(reference(topic)));
      if (got.length > 0) nonEmpty++;
      cited = Math.max(cited, ...got.map((p) => p.sources.length));
    }
    expect(nonEmpty).toBeGreaterThan(10);
    // points citing many wire copies: clusters of near duplicates were compared, not only single sentences
    expect(cited).toBeGreaterThan(5);
  });
});
