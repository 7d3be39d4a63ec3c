/**
 * The compact search structures answer exactly as the libraries they replace:
 * `SentenceSearch` as MiniSearch with `SEARCH_OPTIONS`, `NameFinder` as fuse.js.
 * Compared on real text (the crisis-timelines corpus and the seeds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { SEARCH_OPTIONS, type CorpusIndex } from '../../src/index/corpusIndex.js';
import { loadBriefingIndex } from '../../src/index/load.js';
import { NameFinder, substringEditDistance } from '../../src/index/nameFinder.js';
import { SENTENCE_BITS, SentenceSearch, type SentenceMatch } from '../../src/index/sentenceSearch.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { writeCorpus } from '../../bench/generate.js';
import { CRISIS, SEEDS } from '../helpers.js';

let index: BriefingIndex;
let articles: readonly Article[];
/** The seeds, and the first 150 articles of the benchmark's generated corpus (seed 42, as in `.bench/corpus-1000`). */
let seeds: readonly Article[];
let generated: BriefingIndex;
beforeAll(async () => {
  index = await loadBriefingIndex({ corpusDir: CRISIS, cacheDir: null, workers: 0 });
  articles = index.articles();
  seeds = (await loadBriefingIndex({ corpusDir: SEEDS, cacheDir: null, workers: 0 })).articles();
  const dir = mkdtempSync(path.join(tmpdir(), 'briefbot-search-'));
  try {
    await writeCorpus(dir, 150);
    generated = await loadBriefingIndex({ corpusDir: dir, cacheDir: null, workers: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

/** MiniSearch with `SEARCH_OPTIONS` over every sentence of `list`, as the index was built before `SentenceSearch`. */
function miniSearchOf(list: readonly Article[]) {
  const mini = new MiniSearch<{ id: number; text: string; title: string }>(SEARCH_OPTIONS as unknown as ConstructorParameters<typeof MiniSearch>[0]);
  const docs: { id: number; text: string; title: string }[] = [];
  list.forEach((a, ai) => {
    for (const s of a.sentences) {
      if (s.index >= SENTENCE_BITS) break;
      docs.push({ id: ai * SENTENCE_BITS + s.index, text: s.text, title: s.index === 0 ? (a.title ?? '') : '' });
    }
  });
  mini.addAll(docs);
  return { mini, docs };
}

/** A deterministic pseudo-random sequence, for typos. */
function rng(seed: number) {
  let s = seed;
  return (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
}

describe('SentenceSearch ranks exactly as MiniSearch', () => {
  it('GIVEN exact, prefix, fuzzy, multi-word, repeated and absent terms THEN the same ids and scores in the same order, AND and OR', () => {
    const mini = new MiniSearch<{ id: number; text: string; title: string }>(SEARCH_OPTIONS as unknown as ConstructorParameters<typeof MiniSearch>[0]);
    const docs: { id: number; text: string; title: string }[] = [];
    articles.forEach((a, ai) => {
      for (const s of a.sentences) {
        if (s.index >= SENTENCE_BITS) break;
        docs.push({ id: ai * SENTENCE_BITS + s.index, text: s.text, title: s.index === 0 ? (a.title ?? '') : '' });
      }
    });
    mini.addAll(docs);
    const mine = SentenceSearch.build(articles);
    const r = rng(3);
    const words = docs.flatMap((d) => d.text.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    const queries = ['killed', 'protesters killed', 'Mubarak', 'mubarek', 'evac', 'the', 'kill kill', 'xyzzy', 'security forces fired', 'Gaddafi Libya', "U.N. council", '2011', 'al-Assad'];
    for (let i = 0; i < 60; i++) {
      let w = words[r(words.length)]!;
      if (i % 3 === 1) w = w.slice(0, 2 + r(w.length - 1));
      if (i % 3 === 2) w = w.slice(0, 1) + w.slice(2);
      queries.push(i % 4 === 0 ? `${w} ${words[r(words.length)]}` : w);
    }
    for (const q of queries) {
      for (const combineWith of ['AND', 'OR'] as const) {
        const expected = mini.search(q, { combineWith }).map((x) => [x.id, x.score]);
        const ranked = mine.ranked(q, combineWith);
        const got: [number, number][] = [];
        for (let m = ranked.next(); m; m = ranked.next()) got.push([m.id, m.score]);
        expect(got, `${combineWith} "${q}"`).toEqual(expected);
        expect(mine.matchingIds(q, combineWith).sort((a, b) => a - b)).toEqual(expected.map(([id]) => id).sort((a, b) => a - b));
      }
    }
  });

  it('GIVEN common words, fuzzy and prefix terms on three corpora THEN the best k are MiniSearch\'s first k, and count and empty agree', () => {
    const common = ['the', 'of the', 'the the', 'refugees crossed the border', 'the border', 'a the of and', 'killed in the', 'said the ministry of health'];
    const fuzzy = ['goverment', 'protestors', 'killled', 'evacuatd', 'hospitl', 'ceasfire talks', 'internationl committee of the red cross', 'minstry of helth'];
    for (const [name, list] of [
      ['crisis', articles],
      ['seeds', seeds],
      ['generated', generated.articles()],
    ] as const) {
      const { mini, docs } = miniSearchOf(list);
      const mine = SentenceSearch.build(list);
      const r = rng(name.length);
      const words = docs.flatMap((d) => d.text.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
      const sampled = Array.from({ length: 12 }, (_, i) => {
        const w = words[r(words.length)]!;
        // a typo (dropped letter) or a prefix, with a common word
        return i % 2 ? `the ${w.slice(0, 1)}${w.slice(2)}` : `${w.slice(0, 4)} of the ${words[r(words.length)]}`;
      });
      for (const q of [...common, ...fuzzy, ...sampled]) {
        for (const combineWith of ['AND', 'OR'] as const) {
          const expected = mini.search(q, { combineWith }).map((x) => ({ id: x.id as number, score: x.score }));
          for (const k of [1, 2, 5, 10, 33]) expect(mine.top(q, combineWith, k), `${name} ${combineWith} "${q}" k=${k}`).toEqual(expected.slice(0, k));
          const ranked = mine.ranked(q, combineWith);
          expect(ranked.empty, `${name} ${combineWith} "${q}" empty`).toBe(expected.length === 0);
          const first: SentenceMatch[] = [];
          for (let m = ranked.next(); m && first.length < 40; m = ranked.next()) first.push(m);
          expect(first, `${name} ${combineWith} "${q}" ranked`).toEqual(expected.slice(0, 40));
          expect(mine.ranked(q, combineWith).count, `${name} ${combineWith} "${q}" count`).toBe(expected.length);
        }
      }
    }
  }, 120_000);

  it('GIVEN equal scores THEN ties keep MiniSearch\'s order (query term, then list, then sentence), in full and in the best k', () => {
    const article = (i: number, text: string) => ({ id: `a${i}`, title: '', sentences: [{ index: 0, text }] }) as unknown as Article;
    const cases: [string[], string][] = [
      [['alpha', 'beta'], 'beta alpha'],
      [['beta', 'alpha'], 'beta alpha'],
      [['alphy', 'alpha', 'alphz'], 'alphx'],
      [['alpha', 'alphz', 'alphy'], 'alphx'],
      [['alphy zeta', 'alpha zeta', 'zeta'], 'zeta alphx'],
      [['alpha zeta', 'alphy zeta', 'zeta'], 'zeta alphx'],
      // AND keeps the order of the last term's lists: "alpha" documents, then "alphy" ones
      [['alpha zeta', 'alphy zeta', 'alpha zeta', 'alphy zeta'], 'zeta alphx'],
    ];
    for (const [texts, q] of cases) {
      const list = texts.map((t, i) => article(i, t));
      const { mini } = miniSearchOf(list);
      const mine = SentenceSearch.build(list);
      for (const combineWith of ['AND', 'OR'] as const) {
        const expected = mini.search(q, { combineWith }).map((x) => ({ id: x.id as number, score: x.score }));
        for (const k of [1, 2, 3]) expect(mine.top(q, combineWith, k), `${texts} ${combineWith} "${q}" k=${k}`).toEqual(expected.slice(0, k));
      }
    }
  });

  it('GIVEN topics (multi-word, common words, typos, prefixes) on three corpora THEN matchingSentenceList finds exactly the sentences of MiniSearch, in document order', () => {
    const topics = [
      'International Committee of the Red Cross',
      'World Health Organization',
      'internationl comittee of the red cros',
      'minstry of helth',
      'Mubarak',
      'mubarek',
      'evac',
      'hum',
      'the',
      'of the',
      'the the',
      'killed in the',
      'refugees crossed the border',
      'security forces fired',
      "U.N. council",
      '2011',
      'al-Assad',
      'xyzzy',
      'xyzzy the',
      'Kursk xyzzy',
      '',
    ];
    for (const [name, list] of [
      ['crisis', articles],
      ['seeds', seeds],
      ['generated', generated.articles()],
    ] as const) {
      const { mini, docs } = miniSearchOf(list);
      const mine = SentenceSearch.build(list);
      const r = rng(name.length + 7);
      const words = docs.flatMap((d) => d.text.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
      const names = list.flatMap((a) => a.sentences.slice(0, 3).flatMap((s) => s.text.match(/[A-Z][a-z]+(?: [A-Z][a-z]+)+/g) ?? []));
      const sampled = Array.from({ length: 24 }, (_, i) => {
        const w = words[r(words.length)]!;
        if (i % 4 === 0) return names.length ? names[r(names.length)]! : w;
        if (i % 4 === 1) return `${w.slice(0, 1)}${w.slice(2)} ${words[r(words.length)]}`;
        if (i % 4 === 2) return `${w.slice(0, 3)} the`;
        return `${w} ${words[r(words.length)]} ${words[r(words.length)]}`;
      });
      for (const q of [...topics, ...sampled]) {
        for (const combineWith of ['AND', 'OR'] as const) {
          const expected = mini
            .search(q, { combineWith })
            .map((x) => x.id as number)
            .sort((a, b) => a - b);
          const got = mine.matchingSentenceList(q, combineWith);
          const ids = Array.from(got.articles, (ai, i) => ai * SENTENCE_BITS + got.sentences[i]!);
          // document order: already sorted, so equal to MiniSearch's matches sorted
          expect(ids, `${name} ${combineWith} "${q}"`).toEqual(expected);
          expect(Array.from(mine.matchingDocs(q, combineWith))).toEqual(Array.from(got.articles, (ai, i) => list.slice(0, ai).reduce((n, a) => n + Math.min(a.sentences.length, SENTENCE_BITS), 0) + got.sentences[i]!));
        }
      }
    }
  }, 120_000);

  it('GIVEN lists dense, long and short beside a rare term THEN matchingSentenceList takes the bitset, the skipping and the decoding ways and finds what MiniSearch finds', () => {
    // 10,000 one-sentence articles: "common" in half (a bitset: 1/32 of all or more), "medium" in 257 (not
    // dense, long enough to skip through: over 16 times the candidates), "short" in 125 (decoded), "rare" in 15
    const list = Array.from({ length: 10_000 }, (_, i) => {
      const words = ['filler'];
      if (i % 2 === 0) words.push('common');
      if (i % 35 === 1) words.push(i % 350 === 1 ? 'mediums' : 'medium');
      if (i % 80 === 1) words.push('short');
      if (i % 1000 === 1 || i % 2000 === 3) words.push('rare');
      return { id: `a${i}`, title: '', sentences: [{ index: 0, text: words.join(' ') }] } as unknown as Article;
    });
    const { mini } = miniSearchOf(list);
    const mine = SentenceSearch.build(list);
    const queries = ['rare medium', 'rare mediun', 'medi rare', 'rare medium common', 'rare short', 'rare common', 'rar medium short', 'medium common', 'medium short common', 'short medium', 'rare', 'xyzzy rare', 'common'];
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        for (const combineWith of ['AND', 'OR'] as const) {
          const expected = mini
            .search(q, { combineWith })
            .map((x) => x.id as number)
            .sort((a, b) => a - b);
          const got = mine.matchingSentenceList(q, combineWith);
          expect(Array.from(got.articles, (ai, i) => ai * SENTENCE_BITS + got.sentences[i]!), `${combineWith} "${q}" round ${round}`).toEqual(expected);
        }
      }
    }
    expect(mine.matchingDocs('rare medium', 'AND').length).toBeGreaterThan(0);
    expect(mine.matchingDocs('rare medium', 'AND').length).toBeLessThan(mine.matchingDocs('rare', 'AND').length);
  }, 60_000);

  it('GIVEN a topic\'s sentences found in another order THEN brief, figures, timeline and topicSentences answer the same (the order of matchingSentenceList does not matter)', () => {
    const search = (index as unknown as { search_: SentenceSearch }).search_;
    const answers = (topic: string) => {
      const keys = (index as unknown as CorpusIndex).topicSentences(topic);
      return { brief: index.brief({ topic }), figures: index.figures({ topic }), timeline: index.timeline({ topic }), size: keys?.size, marks: keys ? Array.from(keys.marks) : null };
    };
    const topics = ['Mubarak', 'protesters killed', 'Libya', 'security forces fired', 'minstry of helth', 'evac'];
    const inOrder = topics.map(answers);
    expect(inOrder.some((a) => a.brief.length > 0 && a.figures.length > 0 && a.timeline.events.length > 0)).toBe(true);
    const original = search.matchingSentenceList;
    try {
      // the same pairs, reversed and interleaved
      search.matchingSentenceList = function (this: SentenceSearch, q: string, combineWith: 'AND' | 'OR') {
        const { articles: a, sentences: s } = original.call(this, q, combineWith);
        const order = Array.from(a, (_, i) => i).reverse();
        order.sort((x, y) => (x % 3) - (y % 3));
        return { articles: Int32Array.from(order, (i) => a[i]!), sentences: Int32Array.from(order, (i) => s[i]!) };
      };
      expect(topics.map(answers)).toEqual(inOrder);
    } finally {
      search.matchingSentenceList = original;
    }
  });

  it('GIVEN the index as data (a snapshot) THEN the rebuilt index answers the same', () => {
    const a = SentenceSearch.build(articles);
    const b = SentenceSearch.fromData(a.data());
    const first = (s: SentenceSearch) => {
      const r = s.ranked('protesters killed in Cairo', 'OR');
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(first(b)).toEqual(first(a));
  });
});

describe('NameFinder finds exactly what fuse.js finds', () => {
  it('GIVEN substrings, typos, insertions and long names of real entities THEN the same items in the same order', () => {
    const entities = index.entities();
    const options = { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true, includeScore: true };
    const fuse = new Fuse(entities, options);
    const finder = new NameFinder(entities, options);
    const r = rng(11);
    const patterns = ['Mubarak', 'mubrak', 'Hosni Mubarek', 'x', 'qz', 'Intrnational Committee of the Red Cross in Geneva and Cairo'];
    for (let k = 0; k < 300; k++) {
      const name = entities[r(entities.length)]!.name;
      const at = r(name.length);
      let p = name.slice(at, at + 1 + r(name.length - at));
      if (k % 4 === 1 && p.length > 2) p = p.slice(0, 1) + p.slice(2);
      if (k % 4 === 2) p = p + 'xq'[r(2)];
      if (k % 4 === 3) p = `${p} ${entities[r(entities.length)]!.name}`;
      patterns.push(p);
    }
    for (const p of [...patterns, 'ku', 'kur', 'int', 'a', 'e', 'the', 'age', 'shash', 'con', 'ara', 'ministr']) {
      for (const limit of [1, 5, 25, 50, undefined]) {
        const expected = fuse.search(p, limit ? { limit } : undefined).map((x) => x.item);
        expect(finder.search(p, limit), `"${p}" limit ${limit}`).toEqual(expected);
      }
    }
    // one key only (speakers)
    const speakers = [...new Set(index.quotes().map((q) => q.speaker).filter((x): x is string => !!x))].map((name) => ({ name }));
    const speakerOptions = { keys: ['name'], threshold: 0.34, ignoreLocation: true };
    const speakerFuse = new Fuse(speakers, speakerOptions);
    const speakerFinder = new NameFinder(speakers, speakerOptions);
    for (const p of patterns.slice(0, 100)) expect(speakerFinder.search(p, 25), `speaker "${p}"`).toEqual(speakerFuse.search(p, { limit: 25 }).map((x) => x.item));
  });

  it('GIVEN many names holding a short pattern, names with many aliases and typos THEN the best k (from the names holding it, the open sets or every candidate) are fuse.js\'s', () => {
    const r = rng(5);
    const syllables = ['ag', 'age', 'an', 'ar', 'ba', 'con', 'da', 'el', 'ga', 'ha', 'ka', 'la', 'ma', 'na', 'ra', 'sa', 'sha', 'ti', 'wo', 'za'];
    const word = () => Array.from({ length: 2 + r(3) }, () => syllables[r(syllables.length)]).join('');
    const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    const items: { name: string; aliases: string[] }[] = [];
    for (let i = 0; i < 3000; i++) {
      const words = 1 + r(3);
      const name = Array.from({ length: words }, () => cap(word())).join(' ');
      // a few items with many aliases: their sets of length norms can beat names holding the pattern
      const aliases = i % 97 === 0 ? Array.from({ length: 4 + r(4) }, () => cap(word())) : i % 5 === 0 ? [cap(word())] : [];
      items.push({ name, aliases });
    }
    items.push({ name: 'Age', aliases: ['age'] }, { name: 'Shash', aliases: [] });
    const options = { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true };
    const fuse = new Fuse(items, options);
    const finder = new NameFinder(items, options);
    const patterns = ['ag', 'age', 'Age', 'agel', 'shash', 'shsh', 'con', 'cn', 'wo', 'zz', 'xq', 'anar', 'maaga', 'Agecon Shaba', 'kagema', 'sharaba maga', 'Wozaz', 'ragala', 'elti', 'qqqq', 'zaza'];
    for (let k = 0; k < 40; k++) {
      const it = items[r(items.length)]!;
      const name = it.aliases.length && k % 2 ? it.aliases[r(it.aliases.length)]! : it.name;
      const at = r(name.length);
      let p = name.slice(at, at + 3 + r(name.length));
      if (k % 3 === 1 && p.length > 3) p = p.slice(0, 1) + p.slice(2);
      if (k % 3 === 2) p = p.slice(0, 2) + 'e' + p.slice(2);
      patterns.push(p);
    }
    for (const p of patterns) {
      for (const limit of [1, 5, 25, 50]) {
        const expected = fuse.search(p, { limit }).map((x) => x.item);
        expect(finder.search(p, limit), `"${p}" limit ${limit}`).toEqual(expected);
        expect(finder.searchIndexes(p, limit), `"${p}" limit ${limit} as positions`).toEqual(fuse.search(p, { limit }).map((x) => x.refIndex));
      }
    }
  });

  it('GIVEN prefixes of many names THEN startingWith gives the lowest items whose name or alias starts with them, in order', () => {
    const entities = [...index.entities(), ...generated.entities()];
    const finder = new NameFinder(entities, { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true });
    const naive = (prefix: string, keep?: (i: number) => boolean, max = Infinity) =>
      entities
        .map((e, i) => ({ e, i }))
        .filter(({ e, i }) => [e.name, ...(e.aliases ?? [])].some((v) => v.toLowerCase().startsWith(prefix.toLowerCase())) && (!keep || keep(i)))
        .slice(0, max)
        .map(({ e }) => e);
    const keeps = [undefined, (i: number) => i % 3 !== 0, (i: number) => entities[i]!.type !== 'other'];
    for (const prefix of ['a', 'B', 'm', 's', 'th', 'int', 'al-', 'zz', '']) {
      for (const keep of keeps) for (const max of [1, 2, 5, 25, undefined]) expect(finder.startingWith(prefix, keep, max), `"${prefix}" ${max}`).toEqual(naive(prefix, keep, max));
    }
  });

  it('GIVEN a finder built step by step (small steps, searched midway) THEN it finds what one built at once finds', () => {
    const entities = [...index.entities(), ...generated.entities()];
    const options = { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true, includeScore: true };
    const whole = new NameFinder(entities, options);
    const stepped = new NameFinder(entities, options, { stepwise: true });
    let steps = 0;
    while (!stepped.step(0)) steps++;
    expect(steps).toBeGreaterThan(3);
    const early = new NameFinder(entities, options, { stepwise: true });
    early.step(0);
    early.step(0);
    for (const p of ['mubarak', 'kursk', 'int', 'a', 'red cros', 'al-', 'ministr', 'zz']) {
      expect(stepped.search(p, 25), p).toEqual(whole.search(p, 25));
      expect(early.search(p, 25), p).toEqual(whole.search(p, 25));
      expect(stepped.startingWith(p, undefined, 25)).toEqual(whole.startingWith(p, undefined, 25));
    }
  });

  it('GIVEN a pattern and a text THEN the substring edit distance is the fewest edits to any part of the text', () => {
    expect(substringEditDistance('kursk', 'the kursk region', 3)).toBe(0);
    expect(substringEditDistance('kurks', 'the kursk region', 3)).toBe(1); // 'kurs', one deletion
    expect(substringEditDistance('krsk', 'kursk', 3)).toBe(1);
    expect(substringEditDistance('abcdef', 'xyz', 2)).toBe(3);
    expect(substringEditDistance('a'.repeat(32), 'a'.repeat(40), 0)).toBe(0);
  });
});
