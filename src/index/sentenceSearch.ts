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
 * Goals: exact MiniSearch ranking; the best few found without scoring every
 * match (MaxScore pruning over skip blocks, see `ranked`); a compact,
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

/** 1 for each UTF-16 code unit (outside surrogates) that `SPACE_OR_PUNCTUATION` matches; built on first use. */
let separatorUnits: Uint8Array | null = null;
const ONE_SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/**
 * `text.split(SPACE_OR_PUNCTUATION)` without the regular expression (about
 * 2.5 times faster; building the index splits every sentence): a table of the
 * code units it matches, and the regular expression itself for the rare code
 * points outside the Basic Multilingual Plane. The same tokens, '' included
 * (tested against `split`).
 */
export function splitTokens(text: string): string[] {
  let sep = separatorUnits;
  if (!sep) {
    sep = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) sep[c] = ONE_SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0;
    separatorUnits = sep;
  }
  /** Code units of the separator at `i` (0: none). */
  const separatorAt = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) return sep[c]!;
    // a surrogate pair is one code point; a lone surrogate is never a separator
    if (c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return ONE_SEPARATOR.test(text.slice(i, i + 2)) ? 2 : 0;
    }
    return 0;
  };
  const out: string[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    let w = separatorAt(i);
    if (w === 0) {
      i++;
      continue;
    }
    out.push(text.slice(start, i));
    let j = i + w;
    while (j < n && (w = separatorAt(j)) > 0) j += w;
    start = i = j;
  }
  out.push(text.slice(start));
  return out;
}

/** The options `SEARCH_OPTIONS` gives MiniSearch, spelled out (fields text ×2 and title ×1). */
const FIELD_BOOST = [2, 1] as const;
const PREFIX_WEIGHT = 0.8;
const FUZZY_WEIGHT = 0.6;
const MAX_FUZZY = 6;
const BM25 = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 });
const prefixFor = (term: string): boolean => term.length > 3;
const fuzzyFor = (term: string): number | false => (term.length > 4 ? 0.2 : term.length > 3 ? 1 : false);

/**
 * One posting, as stored: varint(gap * 2 + (a frequency follows)), then varint(frequency)
 * when it does (else 1). `readPosting(bytes, at)` decodes the posting at `at` into
 * `POSTING` ([document gap, frequency]) and returns where the next one starts.
 */
const POSTING = new Int32Array(2);
function readPosting(bytes: Uint8Array, at: number): number {
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
  POSTING[0] = (v - (v % 2)) / 2;
  POSTING[1] = freq;
  return at;
}

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
  /** No match at all: cheaper than `count === 0`, which counts every match (ranks only the first few). */
  readonly empty: boolean;
  /** The next match in rank order, or undefined at the end. */
  next(): SentenceMatch | undefined;
}

interface TermPostings {
  field: 0 | 1;
  /** term id */
  term: number;
  weight: number;
}

/** Postings per skip block of a long posting list. */
const BLOCK = 64;
/** Upper bounds are raised by this factor: sums of the same numbers in another order may differ in their last bits. */
const MARGIN = 1 + 1e-9;
/** A cursor's document once it is past its last posting. */
const END = 0x7fffffff;
/** Matches ranked by `ranked` before it is asked for more: a command shows about ten. */
const FIRST_ROUND = 32;
/** A list holding at least 1 / DENSE of all documents is looked up in a bitset (at most 4 bytes per posting). */
const DENSE = 32;
/** Bitsets of dense lists kept between queries, in bytes (each is documents / 8: 63 KB at 500,000 sentences). */
const MAX_BITSET_BYTES = 16 * 1024 * 1024;
/** Expanded query terms' lists (about 40 bytes each) kept between queries, in all. */
const MAX_EXPANDED_LISTS = 100_000;
/** A list this many times longer than the candidates it is checked against is skipped through, not decoded. */
const SKIP_RATIO = 16;
/** Posting-list summaries kept between queries (one per list a query touched). */
const MAX_CACHED_LISTS = 200_000;

/** What pruning needs to know of one posting list, computed on first use. */
interface ListInfo {
  /** The largest `d + tf part` of BM25 in the list: times idf and weight, no posting scores more. */
  maxPart: number;
  /** Per block of BLOCK postings (lists longer than two blocks): last document, byte offset of its first posting, document before it. */
  lastDoc: Int32Array | null;
  start: Uint32Array | null;
  base: Int32Array | null;
}

/** Reads one posting list in document order; `advance` skips whole blocks. */
class Cursor {
  doc = -1;
  freq = 0;
  private at: number;
  private block = 0;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    readonly info: ListInfo,
    /** term weight × field boost: what multiplies the BM25 score */
    readonly factor: number,
    readonly idf: number,
    readonly field: 0 | 1,
    /** postings in the list */
    readonly size: number,
  ) {
    this.at = start;
  }

  next(): void {
    if (this.at >= this.end) {
      this.doc = END;
      return;
    }
    this.at = readPosting(this.bytes, this.at);
    this.doc += POSTING[0]!;
    this.freq = POSTING[1]!;
  }

  /** Moves to the first posting at or after `target`. */
  advance(target: number): void {
    if (this.doc >= target) return;
    const { lastDoc, start, base } = this.info;
    if (lastDoc) {
      let b = this.block;
      const n = lastDoc.length;
      while (b < n && lastDoc[b]! < target) b++;
      if (b === n) {
        this.block = n;
        this.at = this.end;
        this.doc = END;
        return;
      }
      this.block = b;
      if (start![b]! > this.at) {
        this.at = start![b]!;
        this.doc = base![b]!;
      }
    }
    do this.next();
    while (this.doc < target);
  }
}

/**
 * One distinct query term: its posting lists merged in document order (a heap on
 * document, then list position), and its score on the document last looked at.
 */
class Group {
  /** times the term occurs in the query */
  mult = 0;
  /** the most the term adds to any document's sum (all occurrences), with a margin: for ordering terms */
  ub = 0;
  /** the most one occurrence of the term can score: each list's most, added in list order as a score is */
  max = 0;
  /** postings over all lists */
  readonly size: number;
  score = 0;
  /** first list holding the document, -1: none */
  first = -1;
  private readonly heap: Int32Array;

  constructor(
    readonly index: number,
    readonly lists: Cursor[],
    /** first position in the query */
    readonly firstPos: number,
  ) {
    this.size = lists.reduce((n, c) => n + c.size, 0);
    this.heap = Int32Array.from(lists, (_, i) => i);
  }

  /** Positions every list on its first posting. */
  start(): void {
    for (const c of this.lists) c.next();
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The lowest document any list is on (END: none left). */
  get doc(): number {
    return this.heap.length ? this.lists[this.heap[0]!]!.doc : END;
  }

  private before(a: number, b: number): boolean {
    const da = this.lists[a]!.doc;
    const db = this.lists[b]!.doc;
    return da < db || (da === db && a < b);
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.before(heap[l]!, heap[m]!)) m = l;
      if (r < n && this.before(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  }

  /**
   * Scores document `doc` (no list may have passed it): `contribution` of each
   * list holding it, added in list order as MiniSearch adds them; every list
   * ends past `doc`.
   */
  scoreAt(doc: number, contribution: (c: Cursor) => number): void {
    const heap = this.heap;
    let s = 0;
    let first = -1;
    if (heap.length === 0) {
      this.score = 0;
      this.first = -1;
      return;
    }
    // first every list up to `doc`, then the lists on it leave the heap in list order
    for (let c = this.lists[heap[0]!]!; c.doc < doc; c = this.lists[heap[0]!]!) {
      c.advance(doc);
      this.down(0);
    }
    for (;;) {
      const li = heap[0]!;
      const c = this.lists[li]!;
      if (c.doc !== doc) break;
      s += contribution(c);
      if (first < 0) first = li;
      c.next();
      this.down(0);
    }
    this.score = s;
    this.first = first;
  }

  /** Moves past `doc` without scoring; true when some list held it. */
  holds(doc: number): boolean {
    const heap = this.heap;
    let found = false;
    while (heap.length) {
      const c = this.lists[heap[0]!]!;
      if (c.doc > doc) break;
      if (c.doc < doc) c.advance(doc);
      if (c.doc === doc) {
        found = true;
        c.next();
      }
      this.down(0);
    }
    return found;
  }
}

/** The best k (document, score, tie key) seen: higher score first, then lower key. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  private readonly keys: number[] = [];
  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.docs.length >= this.k;
  }

  /** The tie key of the last kept. */
  get worstKey(): number {
    return this.keys[0]!;
  }

  /** The score a document must beat (or tie with a lower key) to get in. */
  get threshold(): number {
    return this.full ? this.scores[0]! : -Infinity;
  }

  /** Item i ranks after item j. */
  private after(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.keys[i]! > this.keys[j]!);
  }

  private swap(i: number, j: number): void {
    for (const arr of [this.docs, this.scores, this.keys]) {
      const t = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = t;
    }
  }

  offer(doc: number, score: number, key: number): void {
    if (!this.full) {
      this.docs.push(doc);
      this.scores.push(score);
      this.keys.push(key);
      // the worst at the root
      for (let i = this.docs.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!this.after(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const s0 = this.scores[0]!;
    if (score < s0 || (score === s0 && key > this.keys[0]!)) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    this.keys[0] = key;
    const n = this.docs.length;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.after(l, worst)) worst = l;
      if (r < n && this.after(r, worst)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** (document, score) best first. */
  sorted(): [number, number][] {
    const idx = this.docs.map((_, i) => i);
    idx.sort((i, j) => (this.after(i, j) ? 1 : this.after(j, i) ? -1 : 0));
    return idx.map((i) => [this.docs[i]!, this.scores[i]!]);
  }
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
  /** Summaries of the posting lists queries used: their score bounds and skip blocks. */
  private readonly infos = new Map<number, ListInfo>();
  /** Expansions of recent query terms, least recently used first; `expandedLists` entries in all. */
  private readonly expansions = new Map<string, TermPostings[]>();
  private expandedLists = 0;
  /** Bitsets of dense posting lists (by term * 2 + field), least recently used first; `bitsetBytes` in all. */
  private readonly bitsets = new Map<number, Uint8Array>();
  private bitsetBytes = 0;

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
    // per-field term frequencies: the terms in the order first met, and their counts (zeroed after each field)
    const touched: number[] = [];
    const tf: number[] = [];
    // each distinct token as split (case kept, '' included): its term (-1 for ''), and the field that last saw it
    const tokenIds = new Map<string, number>();
    const tokenTerm: number[] = [];
    const tokenSeen: number[] = [];
    let field = 0;

    const post = (f: 0 | 1, doc: number): void => {
      for (const t of touched) {
        const n = tf[t]!;
        tf[t] = 0;
        const prev = lastDoc[f][t] ?? -1;
        if (prev < 0) {
          writers[f][t] = new ByteWriter();
          counts[f][t] = 0;
        }
        const w = writers[f][t]!;
        // gap from the previous document, with the low bit saying "frequency follows"
        const gap = doc - prev;
        w.varint(gap * 2 + (n > 1 ? 1 : 0));
        if (n > 1) w.varint(n);
        lastDoc[f][t] = doc;
        counts[f][t]!++;
      }
      touched.length = 0;
    };
    /** Counts the field's terms (lower-cased tokens, in the order met); returns its number of distinct tokens as split. */
    const addField = (text: string): number => {
      const tokens = splitTokens(text);
      field++;
      let distinct = 0;
      for (const token of tokens) {
        let k = tokenIds.get(token);
        if (k === undefined) {
          // a token first met: its term (ids go to terms in the order first met, as before)
          const term = token.toLowerCase();
          let id = -1;
          if (term) {
            const known = termIds.get(term);
            if (known === undefined) {
              id = terms.length;
              termIds.set(term, id);
              terms.push(term);
              tf.push(0);
            } else id = known;
          }
          k = tokenTerm.length;
          tokenIds.set(token, k);
          tokenTerm.push(id);
          tokenSeen.push(0);
        }
        if (tokenSeen[k] !== field) {
          tokenSeen[k] = field;
          distinct++;
        }
        const id = tokenTerm[k]!;
        if (id < 0) continue;
        if (tf[id] === 0) touched.push(id);
        tf[id]!++;
      }
      return distinct;
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
        at = readPosting(bytes, at);
        const freq = POSTING[1]!;
        doc += POSTING[0]!;
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
   * lazily: the best few first (`top`), more on demand, so a command that shows ten
   * results neither scores nor sorts the hundred thousand sentences holding "the".
   * `count` (every match) is computed when read.
   * @example index.ranked('kursk casualties', 'AND').next()?.id
   */
  ranked(query: string, combineWith: 'AND' | 'OR'): RankedMatches {
    const terms = SentenceSearch.queryTerms(query);
    const expansions = this.expansionsOf(terms);
    let k = 0;
    let top: SentenceMatch[] = [];
    let at = 0;
    let count: number | undefined;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const round = (): void => {
      k = k === 0 ? FIRST_ROUND : k * 8;
      top = this.topOf(terms, expansions, combineWith, k);
    };
    return {
      get count(): number {
        if (count === undefined) {
          if (k === 0) round();
          // a round that found fewer than it asked for found them all (nothing is pruned before k are found)
          count = top.length < k ? top.length : self.countOf(terms, expansions, combineWith);
        }
        return count;
      },
      get empty(): boolean {
        if (k === 0) round();
        return top.length === 0;
      },
      next: (): SentenceMatch | undefined => {
        if (at >= top.length) {
          if (k !== 0 && top.length < k) return undefined;
          round();
          if (at >= top.length) return undefined;
        }
        return top[at++];
      },
    };
  }

  /**
   * The best `k` matches for `query`, in rank order: exactly the first `k` of
   * MiniSearch's results (ids, scores, order), without scoring the rest.
   * @example index.top('refugees crossed the border', 'OR', 10)
   */
  top(query: string, combineWith: 'AND' | 'OR', k: number): SentenceMatch[] {
    const terms = SentenceSearch.queryTerms(query);
    const expansions = this.expansionsOf(terms);
    return this.topOf(terms, expansions, combineWith, k);
  }

  /**
   * Each distinct term's expansion. Those of recent queries are reused (a search
   * runs AND, then OR on the same terms when AND finds nothing; one topic's
   * commands search it several times; fuzzy expansion is the slow part of a short
   * query): the index never changes, so neither do they. The cache keeps the most
   * recently used terms up to MAX_EXPANDED_LISTS lists in all.
   */
  private expansionsOf(terms: readonly string[]): Map<string, TermPostings[]> {
    const out = new Map<string, TermPostings[]>();
    const cache = this.expansions;
    for (const t of terms) {
      if (out.has(t)) continue;
      let e = cache.get(t);
      if (e) cache.delete(t);
      else {
        e = this.expand(t);
        this.expandedLists += e.length;
      }
      cache.set(t, e);
      out.set(t, e);
    }
    // the oldest go first; this query's terms were just moved last, so they stay
    for (const [t, e] of cache) {
      if (this.expandedLists <= MAX_EXPANDED_LISTS || out.has(t)) break;
      cache.delete(t);
      this.expandedLists -= e.length;
    }
    return out;
  }

  /** The posting-list summary `listInfo` caches: its best possible BM25 part and its skip blocks. */
  private listInfo(field: 0 | 1, t: number): ListInfo {
    const key = t * 2 + field;
    const cached = this.infos.get(key);
    if (cached) return cached;
    const { k, b: bParam, d } = BM25;
    const avg = this.d.avgFieldLength[field];
    const textLength = this.d.textLength;
    const bytes = this.d.postings[field];
    const n = this.d.counts[field][t]!;
    const blocks = n > 2 * BLOCK ? Math.ceil(n / BLOCK) : 0;
    const lastDoc = blocks ? new Int32Array(blocks) : null;
    const start = blocks ? new Uint32Array(blocks) : null;
    const base = blocks ? new Int32Array(blocks) : null;
    let at = this.d.offsets[field][t]!;
    const end = this.d.offsets[field][t + 1]!;
    let doc = -1;
    let maxPart = 0;
    for (let i = 0; at < end; i++) {
      if (blocks && i % BLOCK === 0) {
        start![i / BLOCK] = at;
        base![i / BLOCK] = doc;
      }
      at = readPosting(bytes, at);
      const freq = POSTING[1]!;
      doc += POSTING[0]!;
      if (blocks) lastDoc![Math.floor(i / BLOCK)] = doc;
      const fieldLength = field === 0 ? textLength[doc]! : this.fieldLength(doc, 1);
      // the same expression the score uses, so the bound is not below any score by rounding
      const part = d + (freq * (k + 1)) / (freq + k * (1 - bParam + (bParam * fieldLength) / avg));
      if (part > maxPart) maxPart = part;
    }
    const info: ListInfo = { maxPart, lastDoc, start, base };
    if (this.infos.size >= MAX_CACHED_LISTS) this.infos.clear();
    this.infos.set(key, info);
    return info;
  }

  /** Cursors over the posting lists of each distinct query term, in MiniSearch's order. */
  private groupsOf(terms: readonly string[], expansions: ReadonlyMap<string, TermPostings[]>): { groups: Group[]; groupOf: Int32Array } {
    const groups: Group[] = [];
    const byTerm = new Map<string, Group>();
    const groupOf = new Int32Array(terms.length);
    terms.forEach((term, pos) => {
      let g = byTerm.get(term);
      if (!g) {
        const lists: Cursor[] = [];
        for (const { term: t, field, weight } of expansions.get(term)!) {
          const matching = this.d.counts[field][t]!;
          if (matching === 0) continue;
          const invDocFreq = Math.log(1 + (this.docCount - matching + 0.5) / (matching + 0.5));
          const info = this.listInfo(field, t);
          lists.push(new Cursor(this.d.postings[field], this.d.offsets[field][t]!, this.d.offsets[field][t + 1]!, info, weight * 1 * FIELD_BOOST[field] * 1, invDocFreq, field, matching));
        }
        g = new Group(groups.length, lists, pos);
        byTerm.set(term, g);
        groups.push(g);
      }
      g.mult++;
      groupOf[pos] = g.index;
    });
    for (const g of groups) {
      g.max = g.lists.reduce((s, c) => s + c.factor * (c.idf * c.info.maxPart), 0);
      g.ub = g.max * g.mult * MARGIN;
      g.start();
    }
    return { groups, groupOf };
  }

  /** One list's contribution to the current document's score: MiniSearch's `termResults`, the same operations. */
  private contribution(c: Cursor): number {
    const { k, b: bParam, d } = BM25;
    const fieldLength = c.field === 0 ? this.d.textLength[c.doc]! : this.fieldLength(c.doc, 1);
    const raw = c.idf * (d + (c.freq * (k + 1)) / (c.freq + k * (1 - bParam + (bParam * fieldLength) / this.d.avgFieldLength[c.field])));
    return c.factor * raw;
  }

  /**
   * MiniSearch's combined sum for one document: `values[g]` of each query term's
   * group added left to right over the query, skipping groups with `use[g] = 0`.
   * With each group's most possible (`Group.max`) in place of unknown scores the
   * same additions in the same order give a bound no document can exceed, not
   * even by rounding (rounding is monotonic), so it needs no safety margin and
   * equal scores can be pruned by their tie order.
   */
  private static fold(groupOf: Int32Array, values: Float64Array, use: Uint8Array): number {
    let total = 0;
    let started = false;
    for (let pos = 0; pos < groupOf.length; pos++) {
      const g = groupOf[pos]!;
      if (!use[g]) continue;
      total = started ? total + values[g]! : values[g]!;
      started = true;
    }
    return total;
  }

  private topOf(terms: readonly string[], expansions: ReadonlyMap<string, TermPostings[]>, combineWith: 'AND' | 'OR', k: number): SentenceMatch[] {
    if (terms.length === 0 || k <= 0) return [];
    const { groups, groupOf } = this.groupsOf(terms, expansions);
    const best = new TopK(k);
    if (combineWith === 'AND') this.topAnd(groups, groupOf, best);
    else this.topOr(groups, groupOf, best);
    return best.sorted().map(([doc, score]) => ({ id: this.idOf(doc), score }));
  }

  /**
   * OR, document at a time with MaxScore pruning: query terms ordered by the most
   * they can add; the weakest ones, which together cannot lift a document into the
   * best k, only score documents found through the others, and only while the
   * document can still get in.
   */
  private topOr(groups: Group[], groupOf: Int32Array, best: TopK): void {
    const sorted = [...groups].sort((a, b) => a.ub - b.ub);
    const n = sorted.length;
    const values = new Float64Array(n);
    const use = new Uint8Array(n);
    const width = Math.max(...groups.map((g) => g.lists.length)) + 1;
    const contribution = (c: Cursor) => this.contribution(c);
    // a document at or after `doc` (tie key at least `doc`) cannot get in with at most `bound`
    const hopeless = (bound: number, doc: number): boolean => bound < best.threshold || (bound === best.threshold && doc > best.worstKey);
    /** Documents matching only the `p` weakest terms, from `doc` on, cannot get in. */
    const weakOnly = (p: number, doc: number): boolean => {
      use.fill(0);
      for (let j = 0; j < p; j++) {
        values[sorted[j]!.index] = sorted[j]!.max;
        use[sorted[j]!.index] = 1;
      }
      return hopeless(SentenceSearch.fold(groupOf, values, use) * p, doc);
    };
    let weak = 0;
    for (;;) {
      let doc = END;
      for (let j = weak; j < n; j++) doc = Math.min(doc, sorted[j]!.doc);
      if (doc === END) break;
      let matched = 0;
      for (let j = weak; j < n; j++) {
        const g = sorted[j]!;
        g.scoreAt(doc, contribution);
        values[g.index] = g.score;
        use[g.index] = g.first >= 0 ? 1 : 0;
        if (g.first >= 0) matched++;
      }
      for (let j = 0; j < weak; j++) {
        values[sorted[j]!.index] = sorted[j]!.max;
        use[sorted[j]!.index] = 1;
      }
      let pruned = false;
      for (let j = weak - 1; j >= 0; j--) {
        // terms j..0 unknown: at most their maximum each
        if (hopeless(SentenceSearch.fold(groupOf, values, use) * (matched + j + 1), doc)) {
          pruned = true;
          break;
        }
        const g = sorted[j]!;
        g.scoreAt(doc, contribution);
        values[g.index] = g.score;
        use[g.index] = g.first >= 0 ? 1 : 0;
        if (g.first >= 0) matched++;
      }
      if (pruned) continue;
      const score = SentenceSearch.fold(groupOf, values, use) * matched;
      // MiniSearch's order: by the first query term matching, then that term's first list, then document
      let lead: Group | undefined;
      for (const g of groups) if (g.first >= 0 && (!lead || g.firstPos < lead.firstPos)) lead = g;
      best.offer(doc, score, (lead!.firstPos * width + lead!.first) * this.docCount + doc);
      if (best.full) while (weak < n && weakOnly(weak + 1, doc + 1)) weak++;
    }
  }

  /** AND: documents of the rarest term, checked against the others (skipping blocks), pruned by what they can still score. */
  private topAnd(groups: Group[], groupOf: Int32Array, best: TopK): void {
    const bySize = [...groups].sort((a, b) => a.size - b.size);
    const lead = bySize[0]!;
    const quality = groups.length;
    const values = Float64Array.from(groups, (g) => g.max);
    const use = new Uint8Array(groups.length).fill(1);
    const most = SentenceSearch.fold(groupOf, values, use) * quality;
    const last = groups[groupOf[groupOf.length - 1]!]!;
    const contribution = (c: Cursor) => this.contribution(c);
    const hopeless = (bound: number, doc: number): boolean => bound < best.threshold || (bound === best.threshold && doc > best.worstKey);
    for (;;) {
      const doc = lead.doc;
      // the tie key of a document is at least its number
      if (doc === END || hopeless(most, doc)) break;
      for (const g of groups) values[g.index] = g.max;
      lead.scoreAt(doc, contribution);
      values[lead.index] = lead.score;
      let ok = true;
      for (let j = 1; j < bySize.length; j++) {
        if (hopeless(SentenceSearch.fold(groupOf, values, use) * quality, doc)) {
          ok = false;
          break;
        }
        const g = bySize[j]!;
        g.scoreAt(doc, contribution);
        if (g.first < 0) {
          ok = false;
          break;
        }
        values[g.index] = g.score;
      }
      if (!ok) continue;
      best.offer(doc, SentenceSearch.fold(groupOf, values, use) * quality, last.first * this.docCount + doc);
    }
  }

  /** How many documents match (what MiniSearch returns in full), without scoring them. */
  private countOf(terms: readonly string[], expansions: ReadonlyMap<string, TermPostings[]>, combineWith: 'AND' | 'OR'): number {
    if (terms.length === 0) return 0;
    const { groups } = this.groupsOf(terms, expansions);
    if (combineWith === 'OR') return this.unionSize(groups.flatMap((g) => g.lists));
    const bySize = [...groups].sort((a, b) => a.size - b.size);
    if (bySize.length === 1) return this.unionSize(bySize[0]!.lists);
    const lead = bySize[0]!;
    let n = 0;
    for (;;) {
      const doc = lead.doc;
      if (doc === END) break;
      lead.holds(doc);
      let all = true;
      for (let j = 1; j < bySize.length && all; j++) all = bySize[j]!.holds(doc);
      if (all) n++;
    }
    return n;
  }

  /** Documents in any of `lists`: the longest counted from its length, the others looked up in it. */
  private unionSize(lists: Cursor[]): number {
    if (lists.length === 0) return 0;
    let longest = lists[0]!;
    for (const c of lists) if (c.size > longest.size) longest = c;
    const mark = ++this.generation;
    this.ensureScratch();
    const extra: number[] = [];
    for (const c of lists) {
      if (c === longest) continue;
      for (; c.doc !== END; c.next()) {
        if (this.totalMark[c.doc] === mark) continue;
        this.totalMark[c.doc] = mark;
        extra.push(c.doc);
      }
    }
    extra.sort((a, b) => a - b);
    let n = longest.size;
    for (const doc of extra) {
      longest.advance(doc);
      if (longest.doc !== doc) n++;
    }
    return n;
  }

  /**
   * Every match for `query` (unordered) as MiniSearch ids: for topic filters.
   * @example index.matchingIds('kursk', 'AND').length
   */
  matchingIds(query: string, combineWith: 'AND' | 'OR'): number[] {
    return this.run(query, combineWith).docs.map((d) => this.idOf(d));
  }

  /**
   * Every document matching `query` (the set `run` finds, as MiniSearch combines
   * `combineWith`), in document order, without scores: for topic filters.
   * AND starts from the distinct term with the fewest postings (all its lists
   * merged) and keeps the candidates each other term holds: a list much longer
   * than the candidates is skipped through by its blocks, any other is decoded
   * once into marks. OR merges every list. Expansions come from `expansionsOf`
   * (shared with `ranked`, and with the OR that follows an empty AND).
   */
  matchingDocs(query: string, combineWith: 'AND' | 'OR'): Int32Array {
    const terms = SentenceSearch.queryTerms(query);
    if (terms.length === 0) return new Int32Array(0);
    this.ensureScratch();
    const expansions = this.expansionsOf(terms);
    // per distinct term: its non-empty lists (term * 2 + field) and their postings
    const groups: { lists: number[]; size: number }[] = [];
    for (const term of new Set(terms)) {
      const lists: number[] = [];
      let size = 0;
      for (const { term: t, field } of expansions.get(term)!) {
        const n = this.d.counts[field][t]!;
        if (n === 0) continue;
        lists.push(t * 2 + field);
        size += n;
      }
      groups.push({ lists, size });
    }
    if (combineWith === 'OR') return this.unionDocs(groups.flatMap((g) => g.lists), groups.reduce((n, g) => n + g.size, 0));
    groups.sort((a, b) => a.size - b.size);
    if (groups[0]!.size === 0) return new Int32Array(0);
    let docs = this.unionDocs(groups[0]!.lists, groups[0]!.size);
    for (let g = 1; g < groups.length && docs.length > 0; g++) docs = this.keepHeld(docs, groups[g]!.lists);
    return docs;
  }

  /** `matchingDocs` as (article, sentence) pairs, in document order (articles ascending, then sentences). */
  matchingSentenceList(query: string, combineWith: 'AND' | 'OR'): { articles: Int32Array; sentences: Int32Array } {
    const docs = this.matchingDocs(query, combineWith);
    const articles = new Int32Array(docs.length);
    const sentences = new Int32Array(docs.length);
    const starts = this.d.articleDocs;
    const last = this.articleCount - 1;
    let ai = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      // the last article starting at or before `doc` (as `articleOf`): the next one, else a search
      if (ai < last && starts[ai + 1]! <= doc) {
        ai++;
        if (ai < last && starts[ai + 1]! <= doc) ai = this.articleOf(doc);
      }
      articles[i] = ai;
      sentences[i] = doc - starts[ai]!;
    }
    return { articles, sentences };
  }

  /**
   * Decodes posting list `key` (term * 2 + field), setting `totalMark` of each
   * document to `mark`; with `out`, appends at `n` the documents not marked before.
   * Returns the new `n`.
   */
  private markPostings(key: number, mark: number, out: Int32Array | null, n: number): number {
    const field = (key & 1) as 0 | 1;
    const t = (key - field) / 2;
    const bytes = this.d.postings[field];
    const marks = this.totalMark;
    let at = this.d.offsets[field][t]!;
    const end = this.d.offsets[field][t + 1]!;
    let doc = -1;
    while (at < end) {
      at = readPosting(bytes, at);
      doc += POSTING[0]!;
      if (marks[doc] !== mark) {
        marks[doc] = mark;
        if (out) out[n++] = doc;
      }
    }
    return n;
  }

  /** Documents in any of `lists` (`total` postings in all), in document order, each once. */
  private unionDocs(lists: readonly number[], total: number): Int32Array {
    if (lists.length === 0) return new Int32Array(0);
    const mark = ++this.generation;
    if (lists.length === 1) {
      const out = new Int32Array(total);
      this.markPostings(lists[0]!, mark, out, 0);
      return out;
    }
    if (total * 16 >= this.docCount) {
      // dense: mark every list, then read the marks in order (no sort)
      for (const key of lists) this.markPostings(key, mark, null, 0);
      const marks = this.totalMark;
      const out = new Int32Array(Math.min(total, this.docCount));
      let n = 0;
      for (let doc = 0; doc < this.docCount; doc++) if (marks[doc] === mark) out[n++] = doc;
      return out.subarray(0, n);
    }
    const out = new Int32Array(total);
    let n = 0;
    for (const key of lists) n = this.markPostings(key, mark, out, n);
    return out.subarray(0, n).sort();
  }

  /** Posting list (field, t) as one bit per document, cached (least recently used dropped past MAX_BITSET_BYTES). */
  private bitsetOf(field: 0 | 1, t: number): Uint8Array {
    const key = t * 2 + field;
    const cache = this.bitsets;
    let bits = cache.get(key);
    if (bits) {
      cache.delete(key);
      cache.set(key, bits);
      return bits;
    }
    bits = new Uint8Array((this.docCount + 7) >>> 3);
    const bytes = this.d.postings[field];
    let at = this.d.offsets[field][t]!;
    const end = this.d.offsets[field][t + 1]!;
    let doc = -1;
    while (at < end) {
      at = readPosting(bytes, at);
      doc += POSTING[0]!;
      bits[doc >>> 3]! |= 1 << (doc & 7);
    }
    cache.set(key, bits);
    this.bitsetBytes += bits.length;
    for (const [k, b] of cache) {
      if (this.bitsetBytes <= MAX_BITSET_BYTES || k === key) break;
      cache.delete(k);
      this.bitsetBytes -= b.length;
    }
    return bits;
  }

  /** The documents of `docs` (ascending) held by any of `lists`, in the same order. */
  private keepHeld(docs: Int32Array, lists: readonly number[]): Int32Array {
    const mark = ++this.generation;
    const marks = this.totalMark;
    for (const key of lists) {
      const field = (key & 1) as 0 | 1;
      const t = (key - field) / 2;
      const size = this.d.counts[field][t]!;
      if (size * DENSE >= this.docCount) {
        // a list holding a good part of all documents ("the", "of"): looked up in its cached bitset
        const bits = this.bitsetOf(field, t);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (bits[doc >>> 3]! & (1 << (doc & 7))) marks[doc] = mark;
        }
        continue;
      }
      if (size <= SKIP_RATIO * docs.length || size <= 2 * BLOCK) {
        this.markPostings(key, mark, null, 0);
        continue;
      }
      // far longer than the candidates: look each up, skipping whole blocks (the skip table is cached);
      // `Cursor.advance` inlined, without frequencies
      const { lastDoc, start, base } = this.listInfo(field, t);
      const blocks = lastDoc!.length;
      const bytes = this.d.postings[field];
      let at = this.d.offsets[field][t]!;
      let doc = -1;
      let b = 0;
      for (let i = 0; i < docs.length; i++) {
        const target = docs[i]!;
        if (marks[target] === mark) continue;
        if (doc < target) {
          if (lastDoc![b]! < target) {
            do b++;
            while (b < blocks && lastDoc![b]! < target);
            if (b === blocks) break;
            at = start![b]!;
            doc = base![b]!;
          }
          // block b ends at or after the target
          while (doc < target) {
            at = readPosting(bytes, at);
            doc += POSTING[0]!;
          }
        }
        if (doc === target) marks[target] = mark;
      }
    }
    let n = 0;
    const out = new Int32Array(docs.length);
    for (let i = 0; i < docs.length; i++) if (marks[docs[i]!] === mark) out[n++] = docs[i]!;
    return out.subarray(0, n);
  }
}
