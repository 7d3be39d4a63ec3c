/**
 * What the brief is made of, prepared once per corpus so that a brief (the
 * default one or a topic's) costs about as much as the sentences it may use.
 *
 * A *statement* is a set of content words: every sentence the brief may use
 * (8-60 words, not a long quote) has one, and sentences with the same set are
 * the same statement. Per statement: its words (as numbers), how central they
 * are to the corpus, and an inverted list word -> statements, so the near
 * duplicates of one statement (Jaccard >= 0.6) are found by prefix filtering
 * without a scan. Per sentence: its statement and its own score (lead position,
 * weak opening, carries a figure).
 *
 * A brief then:
 * 1. gathers the allowed sentences by statement (distinct syndication groups
 *    counted as it goes: articles are visited group by group);
 * 2. ranks statements by their own score plus 0.35 per further independent report;
 * 3. clusters only the best ones, best first: each takes every allowed near
 *    duplicate not yet taken (a cluster is its representative's near duplicates,
 *    so every source says nearly what the point says), and is scored again with
 *    all the independent reports of its members;
 * 4. picks points from the clusters (maximal marginal relevance), and clusters
 *    more statements only when those run out.
 */
import type { Article } from '../core/types.js';
import { contentWords } from './text.js';

/** Near duplicates: this much Jaccard similarity between content-word sets. */
export const SAME_STATEMENT = 0.6;

const WEAK_START = /^(?:He|She|It|They|This|That|These|Those|But|And|Still|However|Meanwhile|Also|So|Yet|Or|His|Her|Their|Its|Such)\b/;

/** 1 for each UTF-16 code unit `\s` matches; built on first use. */
let spaceUnits: Uint8Array | null = null;

/** `text.split(/\s+/).length` without the array: one more than the runs of white space (tested). */
export function splitCount(text: string): number {
  let space = spaceUnits;
  if (!space) {
    space = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) space[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
    spaceUnits = space;
  }
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (space[text.charCodeAt(i)] === 1) {
      if (!inSpace) n++;
      inSpace = true;
    } else inSpace = false;
  }
  return n;
}

/** Whether a sentence may be a point of the brief: 8-60 words, and not a long quote (those belong in /quotes). */
export function briefEligible(text: string): boolean {
  const n = splitCount(text);
  if (n < 8 || n > 60) return false;
  if (/[“”"]/.test(text) && (text.match(/[“”"]/g)?.length ?? 0) >= 2 && /[“"][^”"]{40,}/.test(text)) return false;
  return true;
}

/** A sentence's own score: lead sentences carry the story, "He said..." openings do not, figures count. */
function ownScore(text: string, index: number, hasFigure: boolean): number {
  let score = 0.6 / (1 + index);
  if (WEAK_START.test(text)) score -= 0.6;
  if (hasFigure) score += 0.3;
  return score;
}

/** A cluster of statements: its representative and its members (representative first). */
export interface StatementCluster {
  representative: number;
  members: number[];
  /** Global sentence number of the representative's first allowed sentence. */
  first: number;
  groups: number;
  score: number;
}

/** Which sentences a brief may use; null: every sentence. */
export interface SentenceFilter {
  /** Articles holding an allowed sentence (ascending); the others are skipped unread. */
  articles?: readonly number[] | null;
  /** Whether sentence `si` of article `ai` may be used. */
  test?: ((ai: number, si: number) => boolean) | null;
  /**
   * Exactly the allowed sentences, in any order, each once: global sentence
   * numbers and, at the same positions, their articles (`articles` and `test`
   * are then ignored). Only these sentences are visited.
   */
  sentences?: { sentence: ArrayLike<number>; article: ArrayLike<number> } | null;
}

/** How `cluster` finds near duplicates. */
export interface ClusterOptions {
  /** Compare each representative with every allowed statement (the straightforward way; tests compare the index with it). */
  scan?: boolean;
}

/** A brief's near-duplicate index (`BriefStatements.prefixIndex`); statements are named by their position in `statements`. */
interface PrefixIndex {
  /** The brief's statements. */
  statements: Int32Array;
  /** Words of each. */
  sizes: Int32Array;
  /** The positions filed under each word (where: `wordAt`, `wordEnd`). */
  postings: Int32Array;
  /** 1: in a cluster already. */
  taken: Uint8Array;
  /** The representative last compared with each. */
  probed: Int32Array;
  /** Prefix of the `i`-th allowed statement: `prefixWords[prefixStart[i]..prefixStart[i+1]]`. */
  prefixStart: Uint32Array;
  prefixWords: Int32Array;
}

/** How many statements `prefixIndex` counts words on to order them. */
const PREFIX_SAMPLE = 1024;

/** How many of a statement's words (its prefix) two near duplicates' first common word is among: n - ceil(t n) + 1. */
function prefixLength(size: number): number {
  return size - Math.max(1, Math.ceil(SAME_STATEMENT * size - 1e-6)) + 1;
}

class Growable {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** What `BriefStatements` is made of, as plain arrays (what the snapshot stores). */
export interface BriefStatementsData {
  words: string[];
  df: Int32Array;
  nGroups: number;
  sentenceStart: Uint32Array;
  statementOf: Int32Array;
  sentenceScore: Float32Array;
  groupOf: Int32Array;
  byGroup: Int32Array;
  statementStart: Uint32Array;
  statementWords: Int32Array;
  central: Float64Array;
  postingStart: Uint32Array;
  postings: Int32Array;
  familyOf: Int32Array;
  families: number;
}

/**
 * The corpus prepared for briefs. Built in one pass over every sentence (the
 * same pass gives the document frequencies `briefCorpusStats` reports).
 */
export class BriefStatements {
  /** Words seen anywhere in the corpus, by number. */
  readonly words: string[];
  /** Syndication groups using each word (by word number). */
  readonly df: Int32Array;
  readonly nGroups: number;
  /** First global sentence number of each article (length: articles + 1). */
  readonly sentenceStart: Uint32Array;
  /** Statement of each sentence (global number), or -1 when the brief may not use it. */
  readonly statementOf: Int32Array;
  /** Own score of each sentence (global number). */
  readonly sentenceScore: Float32Array;
  /** Group number of each article. */
  readonly groupOf: Int32Array;
  /** Articles ordered by group (then position): a visit in this order sees each group's sentences together. */
  readonly byGroup: Int32Array;
  /** Word numbers of each statement, ascending: `statementWords[statementStart[k]..statementStart[k+1]]`. */
  readonly statementStart: Uint32Array;
  readonly statementWords: Int32Array;
  /** How central each statement's words are to the corpus. */
  readonly central: Float64Array;
  /** Statements using each word: `postings[postingStart[w]..postingStart[w+1]]`, ascending. */
  readonly postingStart: Uint32Array;
  readonly postings: Int32Array;
  /**
   * Family of each statement: statements that differ only in their rarest word
   * ("People in Goma were..." / "People in Uvira were...") share one. A cluster
   * is often one family, so a family's reports rank its statements before they
   * are clustered.
   */
  readonly familyOf: Int32Array;
  readonly families: number;

  readonly articleCount: number;
  /** Position of each article in `byGroup`. */
  private readonly groupRank: Int32Array;

  // scratch for one brief at a time (a brief runs to completion on one thread)
  private generation = 0;
  private readonly seenIn: Int32Array;
  private readonly head: Int32Array;
  private readonly firstSentence: Int32Array;
  private readonly groupCount: Int32Array;
  private readonly lastGroup: Int32Array;
  private readonly taken: Int32Array;
  private readonly probed: Int32Array;
  private probe = 0;
  private readonly groupSeen: Int32Array;
  /** Per word: the brief that last listed it in its own postings, and where its list starts there. */
  private readonly wordSeen: Int32Array;
  private readonly wordAt: Int32Array;
  private readonly wordEnd: Int32Array;
  /** Per word: how many statements of a brief's sample use it (0 outside `prefixIndex`). */
  private readonly wordCount: Int32Array;
  /** The counts of the prefix being chosen (prefixes are short: a brief's sentences have at most 60 words). */
  private readonly prefixCounts = new Int32Array(64);
  private groupMark = 0;
  private readonly familyGroups: Int32Array;
  private readonly familySeen: Int32Array;
  private readonly familyBest: Int32Array;

  /** Prepares `articles` (one pass over every sentence), or takes what `data()` gave (a snapshot). */
  constructor(source: readonly Article[] | BriefStatementsData) {
    const d = Array.isArray(source) ? prepare(source as readonly Article[]) : (source as BriefStatementsData);
    this.words = d.words;
    this.df = d.df;
    this.nGroups = d.nGroups;
    this.sentenceStart = d.sentenceStart;
    this.statementOf = d.statementOf;
    this.sentenceScore = d.sentenceScore;
    this.groupOf = d.groupOf;
    this.byGroup = d.byGroup;
    this.statementStart = d.statementStart;
    this.statementWords = d.statementWords;
    this.central = d.central;
    this.postingStart = d.postingStart;
    this.postings = d.postings;
    this.familyOf = d.familyOf;
    this.families = d.families;
    this.articleCount = this.sentenceStart.length - 1;
    this.groupRank = new Int32Array(this.articleCount);
    for (let r = 0; r < this.byGroup.length; r++) this.groupRank[this.byGroup[r]!] = r;
    const nStatements = this.statementStart.length - 1;
    this.familyGroups = new Int32Array(this.families);
    this.familySeen = new Int32Array(this.families);
    this.familyBest = new Int32Array(this.families);
    this.seenIn = new Int32Array(nStatements);
    this.head = new Int32Array(nStatements);
    this.firstSentence = new Int32Array(nStatements);
    this.groupCount = new Int32Array(nStatements);
    this.lastGroup = new Int32Array(nStatements);
    this.taken = new Int32Array(nStatements);
    this.probed = new Int32Array(nStatements);
    this.groupSeen = new Int32Array(this.nGroups);
    this.wordSeen = new Int32Array(this.words.length);
    this.wordAt = new Int32Array(this.words.length);
    this.wordEnd = new Int32Array(this.words.length);
    this.wordCount = new Int32Array(this.words.length);
  }

  /** What the statements are made of (no scratch): what a snapshot stores, and `new BriefStatements(data)` takes back. */
  data(): BriefStatementsData {
    const { words, df, nGroups, sentenceStart, statementOf, sentenceScore, groupOf, byGroup, statementStart, statementWords, central, postingStart, postings, familyOf, families } = this;
    return { words, df, nGroups, sentenceStart, statementOf, sentenceScore, groupOf, byGroup, statementStart, statementWords, central, postingStart, postings, familyOf, families };
  }

  /** Document frequency per word, as `briefCorpusStats` reports it. */
  dfMap(): Map<string, number> {
    return new Map(this.words.map((w, i) => [w, this.df[i]!]));
  }

  get statements(): number {
    return this.statementStart.length - 1;
  }

  /** The article holding a global sentence number. */
  articleOf(sentence: number): number {
    let lo = 0;
    let hi = this.articleCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.sentenceStart[mid]! <= sentence) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Jaccard similarity of two statements' word sets. */
  similarity(x: number, y: number): number {
    const inter = this.overlap(x, y);
    const n = this.statementStart[x + 1]! - this.statementStart[x]!;
    const m = this.statementStart[y + 1]! - this.statementStart[y]!;
    return n + m === 0 ? 1 : inter / (n + m - inter);
  }

  private overlap(x: number, y: number): number {
    const w = this.statementWords;
    let i = this.statementStart[x]!;
    const ie = this.statementStart[x + 1]!;
    let j = this.statementStart[y]!;
    const je = this.statementStart[y + 1]!;
    let inter = 0;
    while (i < ie && j < je) {
      const a = w[i]!;
      const b = w[j]!;
      if (a === b) {
        inter++;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return inter;
  }

  /**
   * Ranked clusters of the allowed sentences, best first, and each sentence of
   * a cluster by `sentencesOf`. `enough(clusters)` says when to stop clustering
   * (it is asked after each batch of representatives).
   */
  cluster(filter: SentenceFilter | null, enough: (ranked: readonly StatementCluster[]) => boolean, opts: ClusterOptions = {}): { ranked: StatementCluster[]; sentencesOf: (c: StatementCluster) => number[] } {
    const gen = ++this.generation;
    // 1. allowed sentences by statement, as linked lists; groups counted per statement
    // as many as the listed sentences when there is a list (no regrowing)
    const capacity = Math.max(16, filter?.sentences?.sentence.length ?? 1024);
    const occSentence = new Growable(capacity);
    const occNext = new Growable(capacity);
    const occGroup = new Growable(capacity);
    const touched = new Growable(capacity);
    const take = (s: number, g: number, k = this.statementOf[s]!): void => {
      if (this.seenIn[k] !== gen) {
        this.seenIn[k] = gen;
        this.head[k] = -1;
        this.firstSentence[k] = s;
        this.groupCount[k] = 0;
        this.lastGroup[k] = -1;
        touched.push(k);
      }
      occSentence.push(s);
      occNext.push(this.head[k]!);
      occGroup.push(g);
      this.head[k] = occSentence.length - 1;
      if (s < this.firstSentence[k]!) this.firstSentence[k] = s;
      if (this.lastGroup[k] !== g) {
        this.lastGroup[k] = g;
        this.groupCount[k]!++;
      }
    };
    if (filter?.sentences) {
      // the listed sentences in the order a full visit sees them: articles group by group, sentences in order
      const { sentence, article } = filter.sentences;
      let ascending = true;
      for (let i = 1; i < sentence.length && ascending; i++) ascending = sentence[i - 1]! < sentence[i]!;
      if (ascending) {
        // in document order (a search's hits): each article's sentences are one run, in order; only the runs are sorted
        const runs: number[] = [];
        // each sentence's statement read in document order (ascending addresses), before the visit jumps between articles
        const statementAt = new Int32Array(sentence.length);
        for (let i = 0; i < sentence.length; i++) {
          statementAt[i] = this.statementOf[sentence[i]!]!;
          if (i === 0 || article[i] !== article[i - 1]) runs.push(i);
        }
        const byRank = new Float64Array(runs.length);
        for (let r = 0; r < runs.length; r++) byRank[r] = this.groupRank[article[runs[r]!]!]! * 0x100000000 + r;
        byRank.sort();
        for (let x = 0; x < byRank.length; x++) {
          const rank = Math.floor(byRank[x]! / 0x100000000);
          const r = byRank[x]! - rank * 0x100000000;
          const g = this.groupOf[this.byGroup[rank]!]!;
          for (let i = runs[r]!, e = r + 1 < runs.length ? runs[r + 1]! : sentence.length; i < e; i++) if (statementAt[i]! >= 0) take(sentence[i]!, g, statementAt[i]!);
        }
      } else {
        const order = new Float64Array(sentence.length);
        let m = 0;
        for (let i = 0; i < sentence.length; i++) if (this.statementOf[sentence[i]!]! >= 0) order[m++] = this.groupRank[article[i]!]! * 0x100000000 + sentence[i]!;
        const sorted = order.subarray(0, m).sort();
        for (let i = 0; i < m; i++) {
          const key = sorted[i]!;
          const rank = Math.floor(key / 0x100000000);
          take(key - rank * 0x100000000, this.groupOf[this.byGroup[rank]!]!);
        }
      }
    } else {
      let visit: ArrayLike<number> = this.byGroup;
      if (filter?.articles) {
        const allowed = new Uint8Array(this.articleCount);
        for (const ai of filter.articles) allowed[ai] = 1;
        visit = this.byGroup.filter((ai) => allowed[ai] === 1);
      }
      const test = filter?.test ?? null;
      for (let v = 0; v < visit.length; v++) {
        const ai = visit[v]!;
        const g = this.groupOf[ai]!;
        const base = this.sentenceStart[ai]!;
        const end = this.sentenceStart[ai + 1]!;
        for (let s = base; s < end; s++) {
          if (this.statementOf[s]! < 0) continue;
          if (test && !test(ai, s - base)) continue;
          take(s, g);
        }
      }
    }
    const sentencesOfStatement = (k: number, out: number[]): void => {
      for (let o = this.head[k]!; o >= 0; o = occNext.data[o]!) out.push(occSentence.data[o]!);
    };

    // 2. statements ranked by their own score and reports; the best of each family
    //    by its family's reports (an estimate of its cluster's)
    const n = touched.length;
    const keys = touched.data;
    const own = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      own[i] = this.sentenceScore[this.firstSentence[k]!]! + this.central[k]! + 0.35 * (this.groupCount[k]! - 1);
      const f = this.familyOf[k]!;
      if (this.familySeen[f] !== gen) {
        this.familySeen[f] = gen;
        this.familyGroups[f] = 0;
        this.familyBest[f] = i;
      } else if (own[i]! > own[this.familyBest[f]!]!) this.familyBest[f] = i;
      this.familyGroups[f]! += this.groupCount[k]!;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const f = this.familyOf[k]!;
      if (this.familyBest[f] === i) own[i]! += 0.35 * (this.familyGroups[f]! - this.groupCount[k]!);
    }
    const better = (i: number, j: number): boolean => own[i]! > own[j]! || (own[i] === own[j] && this.firstSentence[keys[i]!]! < this.firstSentence[keys[j]!]!);

    // near duplicates are looked up among the allowed statements only: a prefix index made for this brief (`scan`: each compared)
    const scan = opts.scan ? keys.subarray(0, n) : null;
    const local = filter && !scan ? this.prefixIndex(keys.subarray(0, n), gen) : null;

    // 3. clusters, best representatives first, in batches
    const ranked: StatementCluster[] = [];
    let order: number[] = [];
    let next = 0;
    let batch = 64;
    while (next < n) {
      if (next >= order.length) order = topIndices(n, Math.min(n, next + batch), better);
      for (; next < order.length; next++) {
        const k = keys[order[next]!]!;
        if (this.taken[k] === gen) continue;
        ranked.push(this.gather(k, gen, occNext.data, occGroup.data, local, order[next]!, scan));
      }
      ranked.sort((x, y) => y.score - x.score || x.first - y.first);
      if (enough(ranked)) break;
      batch *= 4;
    }
    return {
      ranked,
      sentencesOf: (c) => {
        const out: number[] = [];
        for (const k of c.members) sentencesOfStatement(k, out);
        return out;
      },
    };
  }

  /**
   * The near-duplicate index of one brief's statements (`allowed`, position
   * `i` = `allowed[i]`): each statement is filed under its *prefix*, its
   * `prefixLength(size)` words least used (ties by word number), counted on
   * an even sample of the allowed statements. Two statements within
   * `SAME_STATEMENT` of each other share their first common word in that
   * order, and it is in both prefixes (each has fewer than `ceil(t * size)`
   * words after its prefix, and they share at least that many); this holds
   * for any order fixed before the statements are filed, so looking a
   * representative's prefix words up in these lists finds every near
   * duplicate, whatever the sample. Words the topic puts in most of its
   * statements (the topic's own words, a template's) come last and are in few
   * prefixes. Word `w`'s list is `postings[wordAt[w]..wordEnd[w]]` when
   * `wordSeen[w] === gen` (empty for words in no prefix).
   */
  private prefixIndex(allowed: Int32Array, gen: number): PrefixIndex {
    const n = allowed.length;
    // how much each word is used, counted on an even sample of about PREFIX_SAMPLE statements (all of them in a
    // small brief): any order fixed before the statements are filed finds every near duplicate, and a sample
    // tells the words most of the topic's statements share as well as a full count
    const count = this.wordCount;
    const sampled: number[] = [];
    const step = Math.max(1, Math.floor(n / PREFIX_SAMPLE));
    for (let i = 0; i < n; i += step) {
      const k = allowed[i]!;
      for (let j = this.statementStart[k]!, e = this.statementStart[k + 1]!; j < e; j++) {
        const w = this.statementWords[j]!;
        if (count[w]++ === 0) sampled.push(w);
      }
    }
    // each statement's prefix, least used words first (a statement's words ascend by number, so ties keep that order)
    const listed: number[] = [];
    const prefixStart = new Uint32Array(n + 1);
    const sizes = new Int32Array(n);
    let longest = 0;
    for (let i = 0; i < n; i++) {
      const k = allowed[i]!;
      sizes[i] = this.statementStart[k + 1]! - this.statementStart[k]!;
      const p = prefixLength(sizes[i]!);
      prefixStart[i + 1] = prefixStart[i]! + p;
      if (p > longest) longest = p;
    }
    const prefixWords = new Int32Array(prefixStart[n]!);
    const held = longest <= this.prefixCounts.length ? this.prefixCounts : new Int32Array(longest);
    for (let i = 0; i < n; i++) {
      const k = allowed[i]!;
      const base = prefixStart[i]!;
      const p = prefixStart[i + 1]! - base;
      let size = 0;
      for (let j = this.statementStart[k]!, e = this.statementStart[k + 1]!; j < e; j++) {
        const w = this.statementWords[j]!;
        const c = count[w]!;
        if (size === p && c >= held[p - 1]!) continue;
        let at = size < p ? size++ : p - 1;
        while (at > 0 && held[at - 1]! > c) {
          prefixWords[base + at] = prefixWords[base + at - 1]!;
          held[at] = held[at - 1]!;
          at--;
        }
        prefixWords[base + at] = w;
        held[at] = c;
      }
      for (let j = base; j < base + p; j++) {
        const w = prefixWords[j]!;
        if (this.wordSeen[w] !== gen) {
          this.wordSeen[w] = gen;
          this.wordEnd[w] = 0;
          listed.push(w);
        }
        this.wordEnd[w]!++;
      }
    }
    for (const w of sampled) count[w] = 0;
    let at = 0;
    for (const w of listed) {
      const c = this.wordEnd[w]!;
      this.wordAt[w] = this.wordEnd[w] = at;
      at += c;
    }
    const postings = new Int32Array(at);
    for (let i = 0; i < n; i++) for (let j = prefixStart[i]!, e = prefixStart[i + 1]!; j < e; j++) postings[this.wordEnd[prefixWords[j]!]!++] = i;
    return { postings, prefixStart, prefixWords, statements: allowed, sizes, taken: new Uint8Array(n), probed: new Int32Array(n) };
  }

  /**
   * A cluster around `rep`: every allowed statement not yet taken within
   * `SAME_STATEMENT` of it, looked up in `local` (`prefixIndex`; `rep` is
   * `allowed[at]` there) when the brief has a filter, else in the corpus
   * postings; `scan` (tests) compares `rep` with each of these statements instead.
   * `occNext`, `occGroup`: the brief's allowed sentences of each statement (a
   * list from `head`) and their groups.
   */
  private gather(rep: number, gen: number, occNext: Int32Array, occGroup: Int32Array, local: PrefixIndex | null, at: number, scan: Int32Array | null): StatementCluster {
    this.taken[rep] = gen;
    const members = [rep];
    const from = this.statementStart[rep]!;
    const size = this.statementStart[rep + 1]! - from;
    if (size > 0) {
      const low = SAME_STATEMENT * size - 1e-6;
      const high = size / SAME_STATEMENT + 1e-6;
      const probe = ++this.probe;
      const consider = (k: number): void => {
        if (this.seenIn[k] !== gen || this.taken[k] === gen || this.probed[k] === probe) return;
        this.probed[k] = probe;
        const m = this.statementStart[k + 1]! - this.statementStart[k]!;
        if (m < low || m > high) return;
        const inter = this.overlap(rep, k);
        if (inter / (size + m - inter) >= SAME_STATEMENT) {
          this.taken[k] = gen;
          members.push(k);
        }
      };
      if (scan) {
        for (let i = 0; i < scan.length; i++) consider(scan[i]!);
      } else if (local) {
        // by position in the brief's list: its own small arrays, not the corpus-wide ones (every candidate is allowed)
        const { taken, probed, sizes, statements } = local;
        taken[at] = 1;
        for (let j = local.prefixStart[at]!, e = local.prefixStart[at + 1]!; j < e; j++) {
          const w = local.prefixWords[j]!;
          for (let i = this.wordAt[w]!, e = this.wordEnd[w]!; i < e; i++) {
            const q = local.postings[i]!;
            if (taken[q] === 1 || probed[q] === probe) continue;
            probed[q] = probe;
            const m = sizes[q]!;
            if (m < low || m > high) continue;
            const k = statements[q]!;
            const inter = this.overlap(rep, k);
            if (inter / (size + m - inter) >= SAME_STATEMENT) {
              taken[q] = 1;
              this.taken[k] = gen;
              members.push(k);
            }
          }
        }
      } else {
        // prefix filtering: a set with jaccard >= t shares one of the rep's first n - ceil(t n) + 1 rarest words
        const byRarity = Array.from(this.statementWords.subarray(from, from + size)).sort((x, y) => this.df[x]! - this.df[y]! || x - y);
        const prefix = prefixLength(size);
        for (let p = 0; p < prefix; p++) {
          const w = byRarity[p]!;
          for (let i = this.postingStart[w]!, e = this.postingStart[w + 1]!; i < e; i++) consider(this.postings[i]!);
        }
      }
    }
    // independent reports across all members (each allowed sentence's group was noted when it was taken)
    const mark = ++this.groupMark;
    let groups = 0;
    for (const k of members) {
      for (let o = this.head[k]!; o >= 0; o = occNext[o]!) {
        const g = occGroup[o]!;
        if (this.groupSeen[g] !== mark) {
          this.groupSeen[g] = mark;
          groups++;
        }
      }
    }
    const first = this.firstSentence[rep]!;
    return { representative: rep, members, first, groups, score: this.sentenceScore[first]! + this.central[rep]! + 0.35 * (groups - 1) };
  }
}

/** Positions 0..n-1 ordered by `better`, the first `m` of them only (a heap: no full sort for a few). */
function topIndices(n: number, m: number, better: (i: number, j: number) => boolean): number[] {
  if (m >= n / 4) return Array.from({ length: n }, (_, i) => i).sort((i, j) => (better(i, j) ? -1 : better(j, i) ? 1 : 0)).slice(0, m);
  // a heap of the best m so far, worst on top
  const heap: number[] = [];
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!better(heap[parent]!, heap[at]!)) break;
      [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === at) return;
      [heap[worst], heap[at]] = [heap[at]!, heap[worst]!];
      at = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < m) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((i, j) => (better(i, j) ? -1 : better(j, i) ? 1 : 0));
}

/** One pass over every sentence of `articles`: what `BriefStatements` is made of. */
function prepare(articles: readonly Article[]): BriefStatementsData {
  const d = {} as { -readonly [K in keyof BriefStatementsData]: BriefStatementsData[K] };
  const groupIds = new Map<string, number>();
  d.groupOf = Int32Array.from(articles, (a) => groupIds.get(a.groupId) ?? groupIds.set(a.groupId, groupIds.size).get(a.groupId)!);
  d.nGroups = groupIds.size;
  const order = Array.from(articles, (_, i) => i);
  order.sort((x, y) => d.groupOf[x]! - d.groupOf[y]! || x - y);
  d.byGroup = Int32Array.from(order);
  d.sentenceStart = new Uint32Array(articles.length + 1);
  articles.forEach((a, i) => (d.sentenceStart[i + 1] = d.sentenceStart[i]! + a.sentences.length));
  const total = d.sentenceStart[articles.length]!;
  d.statementOf = new Int32Array(total).fill(-1);
  d.sentenceScore = new Float32Array(total);

  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const df = new Growable();
  const wordGroup = new Growable();
  /** the sentence that last saw each word (to list a sentence's words once) */
  const wordSentence = new Growable();
  let sentenceMark = 0;
  // statements by a hash of their (ascending) word numbers: the first with each hash, then a chain of the others
  const statementByHash = new Map<number, number>();
  const sameHash = new Growable();
  /** The statement with exactly the words `ids` (ascending), or -1. */
  const findStatement = (ids: readonly number[], h: number): number => {
    for (let k = statementByHash.get(h) ?? -1; k >= 0; k = sameHash.data[k]!) {
      const from = statementStart.data[k]!;
      if (statementStart.data[k + 1]! - from !== ids.length) continue;
      let i = 0;
      while (i < ids.length && statementWords.data[from + i] === ids[i]) i++;
      if (i === ids.length) return k;
    }
    return -1;
  };
  const statementStart = new Growable();
  const statementWords = new Growable();
  statementStart.push(0);
  for (const ai of order) {
    const a = articles[ai]!;
    const g = d.groupOf[ai]!;
    const base = d.sentenceStart[ai]!;
    let figures: Set<number> | null = null;
    for (const s of a.sentences) {
      const ids: number[] = [];
      const mark = ++sentenceMark;
      for (const w of contentWords(s.text)) {
        let id = wordIds.get(w);
        if (id === undefined) {
          wordIds.set(w, (id = words.length));
          words.push(w);
          df.push(0);
          wordGroup.push(-1);
          wordSentence.push(0);
        }
        if (wordGroup.data[id] !== g) {
          wordGroup.data[id] = g;
          df.data[id]!++;
        }
        if (wordSentence.data[id] !== mark) {
          wordSentence.data[id] = mark;
          ids.push(id);
        }
      }
      if (!briefEligible(s.text)) continue;
      // ascending (the numbers are distinct; a sentence has few), then the statement with exactly these words
      for (let i = 1; i < ids.length; i++) {
        const v = ids[i]!;
        let j = i - 1;
        for (; j >= 0 && ids[j]! > v; j--) ids[j + 1] = ids[j]!;
        ids[j + 1] = v;
      }
      let h = 0x811c9dc5 ^ ids.length;
      for (const id of ids) h = Math.imul(h ^ id, 0x01000193);
      let k = findStatement(ids, h);
      if (k < 0) {
        // numbered in the order first met
        k = statementStart.length - 1;
        sameHash.push(statementByHash.get(h) ?? -1);
        statementByHash.set(h, k);
        for (const id of ids) statementWords.push(id);
        statementStart.push(statementWords.length);
      }
      figures ??= new Set(a.figures.map((f) => f.sentence));
      d.statementOf[base + s.index] = k;
      d.sentenceScore[base + s.index] = ownScore(s.text, s.index, figures.has(s.index));
    }
  }
  d.words = words;
  d.df = df.done();
  d.statementStart = Uint32Array.from(statementStart.done());
  d.statementWords = statementWords.done();
  const nStatements = d.statementStart.length - 1;

  d.central = new Float64Array(nStatements);
  const postingCount = new Uint32Array(words.length + 1);
  for (let k = 0; k < nStatements; k++) {
    const from = d.statementStart[k]!;
    const to = d.statementStart[k + 1]!;
    let central = 0;
    for (let i = from; i < to; i++) {
      const w = d.statementWords[i]!;
      central += d.df[w]! / d.nGroups;
      postingCount[w + 1]!++;
    }
    d.central[k] = central / Math.sqrt(Math.max(to - from, 4));
  }
  for (let w = 0; w < words.length; w++) postingCount[w + 1]! += postingCount[w]!;
  d.postingStart = postingCount;
  d.postings = new Int32Array(d.statementWords.length);
  const fill = d.postingStart.slice(0, words.length);
  for (let k = 0; k < nStatements; k++) for (let i = d.statementStart[k]!; i < d.statementStart[k + 1]!; i++) d.postings[fill[d.statementWords[i]!]!++] = k;

  d.familyOf = new Int32Array(nStatements);
  const familyIds = new Map<number, number>();
  for (let k = 0; k < nStatements; k++) {
    const from = d.statementStart[k]!;
    const to = d.statementStart[k + 1]!;
    if (to - from < 4) {
      // one word less is below the threshold: a family of its own
      d.familyOf[k] = familyIds.size;
      familyIds.set(-1 - k, familyIds.size);
      continue;
    }
    let rarest = from;
    for (let i = from + 1; i < to; i++) if (d.df[d.statementWords[i]!]! < d.df[d.statementWords[rarest]!]!) rarest = i;
    // the other words, hashed (a collision only merges two families' estimates)
    let h1 = 0x811c9dc5;
    let h2 = to - from;
    for (let i = from; i < to; i++) {
      if (i === rarest) continue;
      h1 = Math.imul(h1 ^ d.statementWords[i]!, 0x01000193);
      h2 = Math.imul(h2 ^ d.statementWords[i]!, 0x9e3779b1) ^ (h2 >>> 15);
    }
    const h = (h1 >>> 0) * 0x200000 + (h2 >>> 11);
    let f = familyIds.get(h);
    if (f === undefined) familyIds.set(h, (f = familyIds.size));
    d.familyOf[k] = f;
  }
  const families = familyIds.size;
  d.families = families;
  return d;
}
