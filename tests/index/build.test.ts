/**
 * The cold-load builders against their straightforward versions: the search
 * index built with a token memo and count arrays is the one built with a Set and
 * a Map per field (the previous code, kept here as the reference).
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { BriefStatements, briefEligible, splitCount } from '../../src/briefing/statements.js';
import { contentWords } from '../../src/briefing/text.js';
import { assembleArticles } from '../../src/index/assemble.js';
import { SentenceSearch, splitTokens, type SentenceSearchData } from '../../src/index/sentenceSearch.js';
import { CRISIS, crisisFiles, extractFile } from '../helpers.js';
import path from 'node:path';

const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** The index data as the straightforward build computed it (varints per term, Map per field, Set for lengths). */
function referenceData(articles: readonly Article[]): SentenceSearchData {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const lists: [number[][], number[][]] = [[], []];
  const lastDoc: [number[], number[]] = [[], []];
  const counts: [number[], number[]] = [[], []];
  const textLength: number[] = [];
  const titleLength = new Uint32Array(articles.length);
  const articleDocs = new Uint32Array(articles.length + 1);
  let avgText = 0;
  let avgTitle = 0;
  const tf = new Map<number, number>();
  const varint = (out: number[], v: number) => {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
  };
  const post = (field: 0 | 1, doc: number) => {
    for (const [t, n] of tf) {
      const prev = lastDoc[field][t] ?? -1;
      if (prev < 0) {
        lists[field][t] = [];
        counts[field][t] = 0;
      }
      varint(lists[field][t]!, (doc - prev) * 2 + (n > 1 ? 1 : 0));
      if (n > 1) varint(lists[field][t]!, n);
      lastDoc[field][t] = doc;
      counts[field][t]!++;
    }
    tf.clear();
  };
  const addField = (text: string) => {
    const tokens = text.split(SPACE_OR_PUNCTUATION);
    for (const token of tokens) {
      const term = token.toLowerCase();
      if (!term) continue;
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return new Set(tokens).size;
  };
  let doc = 0;
  articles.forEach((a, ai) => {
    articleDocs[ai] = doc;
    for (const s of a.sentences) {
      if (s.index >= 4096) break;
      const textLen = addField(s.text);
      post(0, doc);
      const titleLen = addField(s.index === 0 ? (a.title ?? '') : '');
      post(1, doc);
      if (s.index === 0) titleLength[ai] = titleLen;
      avgText = (avgText * doc + textLen) / (doc + 1);
      avgTitle = (avgTitle * doc + titleLen) / (doc + 1);
      textLength.push(textLen);
      doc++;
    }
  });
  articleDocs[articles.length] = doc;
  const pack = (field: 0 | 1): [Uint32Array, Uint32Array, Uint8Array] => {
    const offsets = new Uint32Array(terms.length + 1);
    const count = new Uint32Array(terms.length);
    const bytes: number[] = [];
    terms.forEach((_, t) => {
      offsets[t] = bytes.length;
      bytes.push(...(lists[field][t] ?? []));
      count[t] = counts[field][t] ?? 0;
    });
    offsets[terms.length] = bytes.length;
    return [offsets, count, Uint8Array.from(bytes)];
  };
  const [o0, c0, p0] = pack(0);
  const [o1, c1, p1] = pack(1);
  return { terms, offsets: [o0, o1], counts: [c0, c1], postings: [p0, p1], textLength: Uint32Array.from(textLength), titleLength, articleDocs, avgFieldLength: [avgText, avgTitle] };
}

describe('splitTokens', () => {
  it('GIVEN text of every kind (spaces, punctuation, astral punctuation, emoji, lone surrogates) THEN the tokens are those of split', () => {
    const pieces = ['a', 'Kursk', 'é', ' ', '\u00a0', '\u2003', '\n', '\r', '\t', '.', ',', '—', '“', '”', "'", '’', '-', '\u{10100}', '\u{1F600}', '\u{1D400}', '\ud800', '\udc00', '\u{16FE2}', '0', '€', '¿', '·', '\u2028', ''];
    const fixed = ['', ' ', '...', 'a', 'a b', ' a ', 'a\u{10100}b', '\u{1F600}.\u{1F600}', '\ud800.', '.\udc00', 'x\ud83d', 'Kursk, KURSK and kursk'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const texts = [...fixed, ...Array.from({ length: 3000 }, () => Array.from({ length: rand(12) }, () => pieces[rand(pieces.length)]).join(''))];
    for (const t of texts) expect(splitTokens(t), JSON.stringify(t)).toEqual(t.split(SPACE_OR_PUNCTUATION));
    // and every code unit of the Basic Multilingual Plane, alone and between letters
    for (let c = 0; c < 0x10000; c += 1) {
      const t = `ab${String.fromCharCode(c)}cd`;
      const got = splitTokens(t);
      const want = t.split(SPACE_OR_PUNCTUATION);
      if (got.length !== want.length || got.some((x, i) => x !== want[i])) expect(got, `U+${c.toString(16)}`).toEqual(want);
    }
  });
});

describe('SentenceSearch.build', () => {
  it('GIVEN the crisis corpus THEN the index is the one the straightforward build gives', () => {
    const articles = assembleArticles(crisisFiles().map((f) => extractFile(path.join(CRISIS, f))));
    expect(SentenceSearch.build(articles).data()).toEqual(referenceData(articles));
  });

  it('GIVEN case variants, empty tokens, repeated words and titles THEN lengths, terms and frequencies are the straightforward ones', () => {
    const sentence = (text: string, index: number) => ({ text, index, start: 0, end: text.length, paragraph: 0 });
    const articles = [
      { title: 'Kursk, KURSK and kursk', sentences: [sentence('"Kursk" -- kursk; KURSK!! (Kursk) the the The', 0), sentence('', 1), sentence('...', 2), sentence('Troops, troops, TROOPS.', 3)] },
      { title: null, sentences: [sentence('The troops — “kursk” — again', 0), sentence('Ünïcode ÜNÏCODE ünïcode straße STRASSE', 1)] },
      { title: '', sentences: [] },
      { title: 'Kursk', sentences: [sentence('kursk the TROOPS', 0)] },
    ] as unknown as Article[];
    expect(SentenceSearch.build(articles).data()).toEqual(referenceData(articles));
  });
});

/** Words and statements as the straightforward preparation numbered them (a string key per statement). */
function referenceStatements(articles: readonly Article[]) {
  const groupIds = new Map<string, number>();
  const groupOf = articles.map((a) => groupIds.get(a.groupId) ?? groupIds.set(a.groupId, groupIds.size).get(a.groupId)!);
  const order = articles.map((_, i) => i).sort((x, y) => groupOf[x]! - groupOf[y]! || x - y);
  const start: number[] = [0];
  articles.forEach((a, i) => start.push(start[i]! + a.sentences.length));
  const wordIds = new Map<string, number>();
  const statementIds = new Map<string, number>();
  const statementStart = [0];
  const statementWords: number[] = [];
  const statementOf = new Array<number>(start.at(-1)!).fill(-1);
  for (const ai of order) {
    for (const s of articles[ai]!.sentences) {
      const ids: number[] = [];
      for (const w of contentWords(s.text)) {
        const id = wordIds.get(w) ?? wordIds.set(w, wordIds.size).get(w)!;
        if (!ids.includes(id)) ids.push(id);
      }
      if (!briefEligible(s.text)) continue;
      const key = ids.sort((x, y) => x - y).join(',');
      let k = statementIds.get(key);
      if (k === undefined) {
        statementIds.set(key, (k = statementIds.size));
        statementWords.push(...ids);
        statementStart.push(statementWords.length);
      }
      statementOf[start[ai]! + s.index] = k;
    }
  }
  return { words: [...wordIds.keys()], statementStart, statementWords, statementOf };
}

describe('BriefStatements', () => {
  it('GIVEN the crisis corpus, and repeated, reordered and empty statements THEN words and statements are numbered as the straightforward preparation numbers them', () => {
    const articles = assembleArticles(crisisFiles().map((f) => extractFile(path.join(CRISIS, f))));
    const sentence = (text: string, index: number) => ({ text, index, start: 0, end: text.length, paragraph: 0 });
    const extra = [
      'Troops crossed the river near Kursk on Monday morning, officials said.',
      'On Monday morning, officials said, troops crossed the river near Kursk.',
      'The the the of of of and and and it it it is is.',
      'Troops crossed the river near Kursk on Monday morning, officials said.',
      'A a a a a a a a a a.',
    ];
    const more = [{ ...articles[0]!, id: 'extra', groupId: 'extra', figures: [], sentences: extra.map(sentence) } as Article, ...articles];
    for (const list of [articles, more]) {
      const d = new BriefStatements(list).data();
      const ref = referenceStatements(list);
      expect(d.words).toEqual(ref.words);
      expect(Array.from(d.statementStart)).toEqual(ref.statementStart);
      expect(Array.from(d.statementWords)).toEqual(ref.statementWords);
      expect(Array.from(d.statementOf)).toEqual(ref.statementOf);
    }
  });
});

describe('splitCount', () => {
  it('GIVEN text with every kind of white space THEN it counts what split(/\\s+/) gives', () => {
    const pieces = ['a', 'Kursk', ' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u200b', '\u2028', '\u202f', '\u3000', '\ufeff', '\u180e', '\u0085', '.', ''];
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const texts = ['', ' ', 'a', ' a ', 'a  b', ...Array.from({ length: 3000 }, () => Array.from({ length: rand(10) }, () => pieces[rand(pieces.length)]).join(''))];
    for (const t of texts) expect(splitCount(t), JSON.stringify(t)).toBe(t.split(/\s+/).length);
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      if (splitCount(t) !== t.split(/\s+/).length) expect(splitCount(t), `U+${c.toString(16)}`).toBe(t.split(/\s+/).length);
    }
  });
});
