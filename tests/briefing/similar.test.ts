/**
 * The indexes that keep the merging steps (brief, timeline, quotes) linear give
 * exactly what the scans they replace gave: the earliest earlier item.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContainingStrings, rankByFrequency, SimilarSets } from '../../src/briefing/similar.js';
import { citesArticle } from '../../src/briefing/sources.js';
import { contentWords, jaccard } from '../../src/briefing/text.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { quoteKey } from '../../src/extract/quotes.js';
import type { SourceRef } from '../../src/core/types.js';
import { CRISIS, crisisFiles } from '../helpers.js';

/** Sentences of the crisis corpus, with near-duplicates made by dropping and swapping words. */
function sentences(): string[] {
  const out: string[] = [];
  for (const f of crisisFiles()) for (const s of splitSentences(readFileSync(path.join(CRISIS, f), 'utf8'))) out.push(s.text);
  const extra = out.slice(0, 400).map((s, i) => s.split(' ').filter((_, k) => (k + i) % 5 !== 0).join(' '));
  return [...out, ...extra, '', 'said the', 'Killed.', 'killed wounded', 'wounded killed'];
}

describe('SimilarSets', () => {
  for (const threshold of [0.5, 0.6]) {
    it(`GIVEN real sentences at jaccard >= ${threshold} THEN the first match is the first a scan finds`, () => {
      const sets = sentences().map((s) => new Set(contentWords(s)));
      const similar = new SimilarSets<number>(threshold, rankByFrequency(sets));
      const added: Set<string>[] = [];
      let matched = 0;
      sets.forEach((set) => {
        const scan = added.findIndex((x) => jaccard(x, set) >= threshold);
        const found = similar.first(set);
        expect(found ?? -1).toBe(scan);
        if (scan >= 0) matched++;
        else {
          similar.add(set, added.length);
          added.push(set);
        }
      });
      expect(matched).toBeGreaterThan(100);
    });
  }
});

describe('ContainingStrings', () => {
  it('GIVEN quote keys THEN the earliest key containing or contained in each is the one a scan finds', () => {
    const keys = sentences().map(quoteKey).filter((k) => k.length > 0);
    // partial quotes: pieces of earlier keys
    const pieces = keys.slice(0, 300).map((k, i) => k.slice(i % 7, Math.max(30, k.length - (i % 11))));
    const all = [...keys, ...pieces];
    const index = new ContainingStrings<number>(24);
    const added: string[] = [];
    let matched = 0;
    for (const key of all) {
      if (key.length < 24) continue;
      const scan = added.findIndex((x) => x.includes(key) || key.includes(x));
      expect(index.first(key) ?? -1).toBe(scan);
      if (scan >= 0) matched++;
      else {
        index.add(key, added.length);
        added.push(key);
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('citesArticle', () => {
  it('GIVEN a list growing by push THEN it answers as list.some(...) does, short or long', () => {
    const list: SourceRef[] = [];
    const ref = (article: string) => ({ article, quote: '', start: 0, end: 0, publisher: null, title: null, url: null, date: null });
    for (let i = 0; i < 100; i++) {
      for (const probe of ['a3', 'a50', `a${i}`, 'zz']) expect(citesArticle(list, probe)).toBe(list.some((s) => s.article === probe));
      list.push(ref(`a${i % 60}`));
    }
  });
});
