/**
 * Full-text search over every sentence of the corpus, ranked exactly as
 * MiniSearch ranks it with `SEARCH_OPTIONS` (BM25, title and text fields, prefix
 * and fuzzy expansion, AND then OR), in a fraction of the memory and time.
 *
 * Why not MiniSearch itself: it keeps a `Map` per term and field of document ->
 * frequency. With 10,000 articles (500,000 sentences) it took 17 s to build and
 * hundreds of MB; at 100,000 articles it does not fit a 600 MB budget. Here the
 * postings of each term are varint-encoded bytes in one buffer (about 1.5 bytes
 * a posting), field lengths are typed arrays, and only the term dictionary is a
 * MiniSearch `SearchableMap` (the radix tree that does its prefix and fuzzy
 * lookups), filled in the same order so it iterates identically.
 *
 * Same answers: the scores are computed with MiniSearch's formulas, adding the
 * same numbers in the same order, and ties keep MiniSearch's order (the order in
 * which its result map first saw each document). `tests/index/search.test.ts`
 * compares the two on real text.
 *
 * Goals: exact MiniSearch ranking; ~O(matches) per query; a compact,
 * serialisable form (the warm-start snapshot stores it as bytes).
 * Non-goals: adding or removing single documents (a changed corpus is a new
 * snapshot; the index is rebuilt from articles, which is fast).
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Article } from '../core/types.js';

/** Sentence ids pack (article, sentence) into one number, as before: sentences past 4096 are not indexed. */
export const SENTENCE_BITS = 4096;

/** MiniSearch's default tokenizer: any Unicode space, newline or punctuation. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** The options `SEARCH_OPTIONS` gives MiniSearch, spelled out (fields text ×2 and title ×1). */
const FIELD_BOOST = [2, 1] as const;
const PREFIX_WEIGHT = 0.8;
const FUZZY_WEIGHT = 0.6;
const MAX_FUZZY = 6;
const BM25 = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 });
const prefixFor = (term: string): boolean => term.length > 3;
const fuzzyFor = (term: string): number | false => (term.length > 4 ? 0.2 : term.length > 3 ? 1 : false);

/** Grows a byte buffer of varints. */
class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity);
  }
  varint(v: number): void {
    if (this.length + 5 > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, 16));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
}

/** What a snapshot stores: plain arrays and bytes. */
export interface SentenceSearchData {
  /** Terms in the order MiniSearch first met them (it decides the radix tree's iteration order). */
  terms: string[];
  /** Per field (0 text, 1 title): byte offset of each term's postings, and one past the last. */
  offsets: [Uint32Array, Uint32Array];
  /** Per field: number of documents holding each term. */
  counts: [Uint32Array, Uint32Array];
  postings: [Uint8Array, Uint8Array];
  /** Unique tokens of each document's text field (MiniSearch's field length). */
  textLength: Uint32Array;
  /** Title field length of each article's first sentence (1 elsewhere: an empty title). */
  titleLength: Uint32Array;
  /** First document of each article (length: articles + 1). */
  articleDocs: Uint32Array;
  avgFieldLength: [number, number];
}

/** One ranked match: the MiniSearch id (`article * 4096 + sentence`) and score. */
export interface SentenceMatch {
  id: number;
  score: number;
}

/** Matches in rank order, produced as they are asked for. */
export interface RankedMatches {
  readonly count: number;
  /** The next match in rank order, or undefined at the end. */
  next(): SentenceMatch | undefined;
}

interface TermPostings {
  field: 0 | 1;
  /** term id */
  term: number;
  weight: number;
}

export class SentenceSearch {
  private readonly dictionary: SearchableMap<number>;
  private readonly d: SentenceSearchData;
  private readonly docCount: number;
  private readonly articleCount: number;
  // scratch space, reused by every query (queries run one at a time)
  private termScore: Float64Array;
  private termMark: Int32Array;
  private total: Float64Array;
  private totalMark: Int32Array;
  private quality: Uint16Array;
  private generation = 0;

  private constructor(data: SentenceSearchData) {
    this.d = data;
    this.dictionary = new SearchableMap<number>();
    data.terms.forEach((t, i) => this.dictionary.set(t, i));
    this.docCount = data.textLength.length;
    this.articleCount = data.articleDocs.length - 1;
    this.termScore = new Float64Array(0);
    this.termMark = new Int32Array(0);
    this.total = new Float64Array(0);
    this.totalMark = new Int32Array(0);
    this.quality = new Uint16Array(0);
  }

  /** The index of every sentence of `articles` (in order), as MiniSearch would build it. */
  static build(articles: readonly Article[]): SentenceSearch {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const writers: [ByteWriter[], ByteWriter[]] = [[], []];
    const lastDoc: [number[], number[]] = [[], []];
    const counts: [number[], number[]] = [[], []];
    const textLength: number[] = [];
    const titleLength = new Uint32Array(articles.length);
    const articleDocs = new Uint32Array(articles.length + 1);
    let avgText = 0;
    let avgTitle = 0;
    // per-document term frequencies, cleared after each document
    const tf = new Map<number, number>();

    const post = (field: 0 | 1, doc: number): void => {
      for (const [t, n] of tf) {
        const prev = lastDoc[field][t] ?? -1;
        if (prev < 0) {
          writers[field][t] = new ByteWriter();
          counts[field][t] = 0;
        }
        const w = writers[field][t]!;
        // gap from the previous document, with the low bit saying "frequency follows"
        const gap = doc - prev;
        w.varint(gap * 2 + (n > 1 ? 1 : 0));
        if (n > 1) w.varint(n);
        lastDoc[field][t] = doc;
        counts[field][t]!++;
      }
      tf.clear();
    };
    const addField = (text: string): number => {
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
      const title = a.title ?? '';
      for (const s of a.sentences) {
        if (s.index >= SENTENCE_BITS) break;
        // MiniSearch: fields in order text, title; an average kept as a running mean
        const textLen = addField(s.text);
        post(0, doc);
        const titleLen = addField(s.index === 0 ? title : '');
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
      let size = 0;
      for (let t = 0; t < terms.length; t++) {
        offsets[t] = size;
        size += writers[field][t]?.length ?? 0;
        count[t] = counts[field][t] ?? 0;
      }
      offsets[terms.length] = size;
      const bytes = new Uint8Array(size);
      for (let t = 0; t < terms.length; t++) {
        const w = writers[field][t];
        if (w) bytes.set(w.bytes.subarray(0, w.length), offsets[t]!);
        writers[field][t] = undefined as unknown as ByteWriter;
      }
      return [offsets, count, bytes];
    };
    const [o0, c0, p0] = pack(0);
    const [o1, c1, p1] = pack(1);
    return new SentenceSearch({
      terms,
      offsets: [o0, o1],
      counts: [c0, c1],
      postings: [p0, p1],
      textLength: Uint32Array.from(textLength),
      titleLength,
      articleDocs,
      avgFieldLength: [avgText, avgTitle],
    });
  }

  /** Rebuilds an index from `data()` of another. */
  static fromData(data: SentenceSearchData): SentenceSearch {
    return new SentenceSearch(data);
  }

  /** The index as plain arrays, for a snapshot. */
  data(): SentenceSearchData {
    return this.d;
  }

  get documentCount(): number {
    return this.docCount;
  }

  /** Article index of document `doc`. */
  private articleOf(doc: number): number {
    const starts = this.d.articleDocs;
    let lo = 0;
    let hi = this.articleCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    // articles without sentences share a start with the next one: take the last
    return lo;
  }

  /** MiniSearch's id of document `doc`: `article * 4096 + sentence`. */
  idOf(doc: number): number {
    const ai = this.articleOf(doc);
    return ai * SENTENCE_BITS + (doc - this.d.articleDocs[ai]!);
  }

  private fieldLength(doc: number, field: 0 | 1): number {
    if (field === 0) return this.d.textLength[doc]!;
    const ai = this.articleOf(doc);
    return doc === this.d.articleDocs[ai] ? this.d.titleLength[ai]! : 1;
  }

  private ensureScratch(): void {
    if (this.termScore.length === this.docCount) return;
    this.termScore = new Float64Array(this.docCount);
    this.termMark = new Int32Array(this.docCount);
    this.total = new Float64Array(this.docCount);
    this.totalMark = new Int32Array(this.docCount);
    this.quality = new Uint16Array(this.docCount);
  }

  /** MiniSearch's query terms: tokenized, lower-cased, empty ones dropped. */
  static queryTerms(query: string): string[] {
    return query
      .split(SPACE_OR_PUNCTUATION)
      .map((t) => t.toLowerCase())
      .filter((t) => !!t);
  }

  /** The (term, field, weight) lists one query term expands to, in MiniSearch's order. */
  private expand(term: string): TermPostings[] {
    const out: TermPostings[] = [];
    const push = (id: number, weight: number) => {
      out.push({ term: id, field: 0, weight }, { term: id, field: 1, weight });
    };
    const exact = this.dictionary.get(term);
    if (exact !== undefined) push(exact, 1);
    let prefixMatches: SearchableMap<number> | undefined;
    let fuzzyMatches: Map<string, [number, number]> | undefined;
    if (prefixFor(term)) prefixMatches = this.dictionary.atPrefix(term);
    const fuzzy = fuzzyFor(term);
    if (fuzzy !== false) {
      const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = this.dictionary.fuzzyGet(term, maxDistance) as Map<string, [number, number]>;
    }
    if (prefixMatches) {
      for (const [t, id] of prefixMatches) {
        const distance = t.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(t);
        push(id, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance));
      }
    }
    if (fuzzyMatches) {
      for (const t of fuzzyMatches.keys()) {
        const [id, distance] = fuzzyMatches.get(t)!;
        if (!distance) continue;
        push(id, (FUZZY_WEIGHT * t.length) / (t.length + distance));
      }
    }
    return out;
  }

  /**
   * Scores one query term into `termScore`; returns its documents in the order
   * MiniSearch's result map would hold them (first touch).
   */
  private scoreTerm(term: string): number[] {
    const mark = ++this.generation;
    const order: number[] = [];
    const { termScore, termMark } = this;
    const { k, b: bParam, d } = BM25;
    const textLength = this.d.textLength;
    for (const { term: t, field, weight } of this.expand(term)) {
      const matching = this.d.counts[field][t]!;
      if (matching === 0) continue;
      const avg = this.d.avgFieldLength[field];
      const boost = FIELD_BOOST[field];
      const bytes = this.d.postings[field];
      // MiniSearch's calcBM25Score, with the term's inverse document frequency computed once (the same value)
      const invDocFreq = Math.log(1 + (this.docCount - matching + 0.5) / (matching + 0.5));
      let at = this.d.offsets[field][t]!;
      const end = this.d.offsets[field][t + 1]!;
      let doc = -1;
      while (at < end) {
        // varint: gap * 2 + (a frequency follows)
        let byte = bytes[at++]!;
        let v = byte & 0x7f;
        for (let shift = 7; byte & 0x80; shift += 7) {
          byte = bytes[at++]!;
          v += (byte & 0x7f) * 2 ** shift;
        }
        let freq = 1;
        if (v % 2 === 1) {
          byte = bytes[at++]!;
          freq = byte & 0x7f;
          for (let shift = 7; byte & 0x80; shift += 7) {
            byte = bytes[at++]!;
            freq += (byte & 0x7f) * 2 ** shift;
          }
        }
        doc += (v - (v % 2)) / 2;
        const fieldLength = field === 0 ? textLength[doc]! : this.fieldLength(doc, 1);
        const raw = invDocFreq * (d + (freq * (k + 1)) / (freq + k * (1 - bParam + (bParam * fieldLength) / avg)));
        // MiniSearch: termWeight * termBoost * fieldBoost * docBoost * rawScore
        const weighted = weight * 1 * boost * 1 * raw;
        if (termMark[doc] === mark) termScore[doc] += weighted;
        else {
          termMark[doc] = mark;
          termScore[doc] = weighted;
          order.push(doc);
        }
      }
    }
    return order;
  }

  /**
   * Documents matching `query`, combined like MiniSearch's `combineWith`, in its
   * result-map order, with their final scores (before sorting).
   */
  private run(query: string, combineWith: 'AND' | 'OR'): { docs: number[]; scores: Float64Array } {
    this.ensureScratch();
    const terms = SentenceSearch.queryTerms(query);
    if (terms.length === 0) return { docs: [], scores: new Float64Array(0) };
    const { termScore, total, totalMark, quality } = this;
    const distinct = new Set<string>();
    let docs: number[] = [];
    let combined = 0;
    terms.forEach((term, i) => {
      const order = this.scoreTerm(term);
      const termMark = this.termMark;
      const mark = this.generation;
      const isNewTerm = !distinct.has(term);
      distinct.add(term);
      if (i === 0) {
        combined = ++this.generation;
        for (const d of order) {
          totalMark[d] = combined;
          total[d] = termScore[d]!;
          quality[d] = 1;
        }
        docs = order;
        return;
      }
      if (combineWith === 'AND') {
        const next = ++this.generation;
        const kept: number[] = [];
        for (const d of order) {
          if (totalMark[d] !== combined) continue;
          total[d] = total[d]! + termScore[d]!;
          totalMark[d] = next;
          kept.push(d);
        }
        combined = next;
        docs = kept;
      } else {
        for (const d of order) {
          if (totalMark[d] === combined) {
            total[d] = total[d]! + termScore[d]!;
            if (isNewTerm) quality[d]!++;
          } else {
            totalMark[d] = combined;
            total[d] = termScore[d]!;
            quality[d] = 1;
            docs.push(d);
          }
        }
      }
      void termMark;
      void mark;
    });
    const scores = new Float64Array(docs.length);
    const andQuality = distinct.size;
    docs.forEach((d, i) => {
      scores[i] = total[d]! * (combineWith === 'AND' ? andQuality : quality[d]!);
    });
    return { docs, scores };
  }

  /**
   * Matches for `query` in rank order (score, then MiniSearch's tie order), computed
   * lazily: a command that shows ten results does not sort a hundred thousand.
   * @example index.ranked('kursk casualties', 'AND').next()?.id
   */
  ranked(query: string, combineWith: 'AND' | 'OR'): RankedMatches {
    const { docs, scores } = this.run(query, combineWith);
    const n = docs.length;
    // a binary heap of positions: higher score first, then earlier position
    const heap = new Int32Array(n);
    for (let i = 0; i < n; i++) heap[i] = i;
    const before = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    let size = n;
    const down = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < size && before(heap[l]!, heap[best]!)) best = l;
        if (r < size && before(heap[r]!, heap[best]!)) best = r;
        if (best === i) return;
        const t = heap[i]!;
        heap[i] = heap[best]!;
        heap[best] = t;
        i = best;
      }
    };
    for (let i = (n >> 1) - 1; i >= 0; i--) down(i);
    return {
      count: n,
      next: (): SentenceMatch | undefined => {
        if (size === 0) return undefined;
        const top = heap[0]!;
        heap[0] = heap[--size]!;
        down(0);
        return { id: this.idOf(docs[top]!), score: scores[top]! };
      },
    };
  }

  /**
   * Every match for `query` (unordered) as MiniSearch ids: for topic filters.
   * @example index.matchingIds('kursk', 'AND').length
   */
  matchingIds(query: string, combineWith: 'AND' | 'OR'): number[] {
    return this.run(query, combineWith).docs.map((d) => this.idOf(d));
  }

  /** Documents matching, as (article, sentence) pairs: for topic filters, without ids. */
  matchingSentences(query: string, combineWith: 'AND' | 'OR', visit: (article: number, sentence: number) => void): number {
    const { docs } = this.run(query, combineWith);
    for (const d of docs) {
      const ai = this.articleOf(d);
      visit(ai, d - this.d.articleDocs[ai]!);
    }
    return docs.length;
  }
}
