/**
 * An immutable snapshot of a loaded corpus, answering every query the commands
 * make. Answers that depend only on the corpus (figures, timeline, quotes, the
 * default brief) are computed once when the snapshot is built; a changed corpus
 * is a new snapshot, swapped in whole, so a command never sees a half-update.
 *
 * Full text goes through `SentenceSearch`, which ranks as MiniSearch does (BM25,
 * fuzzy and prefix matching) but computes only the best k; `NameFinder` gives
 * fuse.js's answers for the short fields (entity and speaker names for
 * autocomplete and name lookup). Both are tested against the libraries.
 */
import type { AutocompleteSource } from '../core/command.js';
import type { Article, Entity, FigureClaim, FigureKind, LoadWarning, QuoteClaim, Sentence, SourceRef } from '../core/types.js';
import { briefCorpusStats, briefStatements, briefStatsOf, buildBrief, type BriefCorpusStats } from '../briefing/brief.js';
import { BriefStatements, type BriefStatementsData } from '../briefing/statements.js';
import { mergeFigureClaims } from '../briefing/claims.js';
import { mergeEntities } from '../briefing/entities.js';
import { mergeQuotes } from '../briefing/quotes.js';
import { sentenceRef } from '../briefing/sources.js';
import { buildTimeline, type TimelineData } from '../briefing/timeline.js';
import type { BriefingIndex, BriefPoint, SearchHit, Timeline } from './briefingIndex.js';
import { NameFinder } from './nameFinder.js';
import { log } from '../log.js';
import { SENTENCE_BITS, SentenceSearch, type SentenceSearchData } from './sentenceSearch.js';

/**
 * Options for the full-text index, frozen in one place. `SentenceSearch` ranks
 * exactly as MiniSearch does with these options (and is tested against it).
 */
export const SEARCH_OPTIONS = Object.freeze({
  fields: ['text', 'title'],
  searchOptions: {
    boost: { text: 2, title: 1 },
    prefix: (term: string) => term.length > 3,
    fuzzy: (term: string) => (term.length > 4 ? 0.2 : term.length > 3 ? 1 : false),
    weights: { fuzzy: 0.6, prefix: 0.8 },
  },
});


/**
 * Answers that depend only on the corpus: computed once per snapshot (or read
 * back from the warm-start cache), never per command.
 */
export interface CorpusDerived {
  claims: FigureClaim[];
  timeline: TimelineData;
  quotes: QuoteClaim[];
  entities: Entity[];
  /** The brief without a topic. */
  defaultBrief: BriefPoint[];
  /** Corpus-wide word statistics every topic brief starts from. */
  briefStats: BriefCorpusStats;
  search: SentenceSearch;
}

/** Runs a step, telling `onStep` how long it took. */
function stepTimer(onStep?: (step: string, ms: number) => void): <T>(step: string, f: () => T) => T {
  return (step, f) => {
    const t0 = performance.now();
    const v = f();
    onStep?.(step, performance.now() - t0);
    return v;
  };
}

/**
 * Computes every corpus-level answer for `articles`; `onStep` hears how long each took.
 * @example const derived = deriveCorpus(assembleArticles(extractions));
 */
export function deriveCorpus(articles: readonly Article[], onStep?: (step: string, ms: number) => void): CorpusDerived {
  const time = stepTimer(onStep);
  const search = time('search index', () => SentenceSearch.build(articles));
  const claims = time('figures', () => mergeFigureClaims(articles));
  const timeline = time('timeline', () => buildTimeline(articles));
  const quotes = time('quotes', () => mergeQuotes(articles));
  const entities = time('entities', () => mergeEntities(articles));
  const briefStats = time('brief statistics', () => briefCorpusStats(articles));
  const defaultBrief = time('default brief', () => buildBrief(articles, claims, { stats: briefStats }));
  return { claims, timeline, quotes, entities, defaultBrief, briefStats, search };
}

/** The search index and the brief's statements of a corpus, built elsewhere (a worker thread) as their snapshot data. */
export interface SharedDerived {
  search: SentenceSearchData;
  statements: BriefStatementsData;
  /** How long each took to build there. */
  ms: { search: number; statements: number };
}

/**
 * `deriveCorpus` with the search index and the brief's statements coming from
 * `shared` (a worker building them meanwhile): this thread computes the other
 * answers, then takes those two as a snapshot's are taken back. The same answers
 * as `deriveCorpus` (tested). If `shared` fails, they are built here.
 */
export async function deriveCorpusWith(articles: readonly Article[], shared: Promise<SharedDerived>, onStep?: (step: string, ms: number) => void): Promise<CorpusDerived> {
  const time = stepTimer(onStep);
  const claims = time('figures', () => mergeFigureClaims(articles));
  const timeline = time('timeline', () => buildTimeline(articles));
  const quotes = time('quotes', () => mergeQuotes(articles));
  const entities = time('entities', () => mergeEntities(articles));
  let search: SentenceSearch;
  let briefStats: BriefCorpusStats;
  const t0 = performance.now();
  try {
    const d = await shared;
    onStep?.('waiting for the derive worker', performance.now() - t0);
    onStep?.('search index (worker)', d.ms.search);
    onStep?.('brief statistics (worker)', d.ms.statements);
    search = time('search index', () => SentenceSearch.fromData(d.search));
    briefStats = time('brief statistics', () => briefStatsOf(articles, new BriefStatements(d.statements)));
  } catch (err) {
    log.warn('derive worker failed; building the search index and brief statistics in this thread', { err: err instanceof Error ? err.message : String(err) });
    search = time('search index', () => SentenceSearch.build(articles));
    briefStats = time('brief statistics', () => briefCorpusStats(articles));
  }
  const defaultBrief = time('default brief', () => buildBrief(articles, claims, { stats: briefStats }));
  return { claims, timeline, quotes, entities, defaultBrief, briefStats, search };
}

export interface CorpusIndexInit {
  corpusDir: string;
  articles: Article[];
  warnings: LoadWarning[];
  loadedAt: Date;
  /** Precomputed answers for exactly these articles (a snapshot); computed when absent. */
  derived?: CorpusDerived;
  /** Where the derived answers' sources sit (a snapshot); computed when absent. */
  locations?: SourceLocations;
}

/** Where each source of the precomputed answers sits, for topic filters. */
export interface SourceLocations {
  /** First global sentence number of each article (length: articles + 1). */
  sentenceStart: Uint32Array;
  claims: SourceSentences;
  events: SourceSentences;
  undated: SourceSentences;
}

/** Sentences a topic is about: a mark per sentence of the corpus. */
export interface TopicSentences {
  /** Distinct sentences marked. */
  readonly size: number;
  /** 1 for each marked sentence, by global sentence number (article start + sentence). */
  readonly marks: Uint8Array;
  has(articleIndex: number, sentenceIndex: number): boolean;
}

/** A topic's marked sentences: the marks, the articles holding one (each once, in the order found), and the list of them. */
interface MarkedSentences {
  keys: TopicSentences;
  articles: number[];
  /** Each marked sentence once (global number) and its article, in the order marked. */
  sentences: { sentence: number[]; article: number[] };
}

/**
 * Sentences a topic's search found: article and sentence number, in document
 * order. No caller depends on the order: `topicMarks` marks a set, the articles
 * it lists feed `itemsMarked` (which sorts what it finds), and the brief's
 * clustering sorts the marked sentences itself.
 */
interface TopicHits {
  articles: ArrayLike<number>;
  sentences: ArrayLike<number>;
}

/** `SourceSentences` by article: entries `offsets[a]..offsets[a+1]` are (item, global sentence) pairs. */
interface ArticleSources {
  offsets: Uint32Array;
  item: Uint32Array;
  sentence: Uint32Array;
  /** Number of items in the list. */
  items: number;
}

/** Where each source of a list of statements sits: a global sentence number, or -1. */
export interface SourceSentences {
  offsets: Uint32Array;
  sentences: Int32Array;
}

export class CorpusIndex implements BriefingIndex {
  readonly corpusDir: string;
  readonly loadedAt: Date;
  private readonly list: Article[];
  private readonly byId: Map<string, Article>;
  private readonly loadWarnings: LoadWarning[];
  private readonly derived: CorpusDerived;
  private readonly search_: SentenceSearch;
  private readonly claims: FigureClaim[];
  private readonly timelineData: TimelineData;
  private readonly quoteList: QuoteClaim[];
  private readonly entityList: Entity[];
  private entityFinder: NameFinder<Entity> | null = null;
  private readonly speakerList: string[];
  private speakerFinder: NameFinder<{ name: string }> | null = null;
  /** Entities autocomplete offers for a topic. */
  private readonly topicPool: Uint8Array;
  /** First global sentence number of each article (length: articles + 1). */
  private readonly sentenceStart: Uint32Array;
  private readonly claimSentences: SourceSentences;
  private readonly eventSentences: SourceSentences;
  private readonly undatedSentences: SourceSentences;
  private readonly defaultBrief: BriefPoint[];

  constructor(init: CorpusIndexInit) {
    this.corpusDir = init.corpusDir;
    this.loadedAt = init.loadedAt;
    this.list = init.articles;
    this.byId = new Map(init.articles.map((a) => [a.id, a]));
    this.loadWarnings = init.warnings;
    this.derived = init.derived ?? deriveCorpus(init.articles);
    this.search_ = this.derived.search;
    this.claims = this.derived.claims;
    this.timelineData = this.derived.timeline;
    this.quoteList = this.derived.quotes;
    this.entityList = this.derived.entities;
    this.defaultBrief = this.derived.defaultBrief;
    this.topicPool = Uint8Array.from(this.entityList, (e) => (e.type !== 'other' || e.mentions > 1 ? 1 : 0));
    this.speakerList = [...new Set(this.quoteList.map((q) => q.speaker).filter((s): s is string => !!s))];
    if (init.locations) {
      this.sentenceStart = init.locations.sentenceStart;
      this.claimSentences = init.locations.claims;
      this.eventSentences = init.locations.events;
      this.undatedSentences = init.locations.undated;
    } else {
      this.sentenceStart = new Uint32Array(this.list.length + 1);
      this.list.forEach((a, i) => (this.sentenceStart[i + 1] = this.sentenceStart[i]! + a.sentences.length));
      this.claimSentences = this.locateSources(this.claims);
      this.eventSentences = this.locateSources(this.timelineData.events);
      this.undatedSentences = this.locateSources(this.timelineData.undated);
    }
  }

  /** Name lookup for autocomplete and entity search, built on first use (or by `prepare`). */
  private get entityNames(): NameFinder<Entity> {
    return (this.entityFinder ??= this.entityNameFinder(false));
  }

  private entityNameFinder(stepwise: boolean): NameFinder<Entity> {
    return new NameFinder(this.entityList, { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true, includeScore: true }, { stepwise });
  }

  private speakerNameFinder(stepwise: boolean): NameFinder<{ name: string }> {
    return new NameFinder(
      this.speakerList.map((name) => ({ name })),
      { keys: ['name'], threshold: 0.34, ignoreLocation: true },
      { stepwise },
    );
  }

  private get speakerNames(): NameFinder<{ name: string }> {
    return (this.speakerFinder ??= this.speakerNameFinder(false));
  }

  /**
   * Builds what is otherwise built on first use (the name finders, the topic
   * filters' turnarounds of sources; the loader
   * calls it in the background after a warm start), about `sliceMs` of work per
   * timer turn so that commands are answered in between (timers that do not keep
   * the process alive). A command needing a finder before then finishes it at once.
   */
  async prepare(sliceMs = 10): Promise<void> {
    const finders = [(this.entityFinder ??= this.entityNameFinder(true)), (this.speakerFinder ??= this.speakerNameFinder(true))];
    const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0).unref());
    for (const f of finders) while (!f.step(sliceMs)) await turn();
    this.quotesBySpeaker();
    // what topic filters look sources up in
    for (const where of [this.claimSentences, this.eventSentences, this.undatedSentences]) while (!this.turnaroundStep(where, sliceMs)) await turn();
  }

  /** What topic briefs are made of (prepared with the statistics on a cold load, read back with them from a snapshot). */
  briefStatements(): BriefStatements {
    return briefStatements(this.list, this.derived.briefStats);
  }

  /** Where the answers' sources sit (what the warm-start cache stores beside them). */
  sourceLocations(): SourceLocations {
    return { sentenceStart: this.sentenceStart, claims: this.claimSentences, events: this.eventSentences, undated: this.undatedSentences };
  }

  /** The answers precomputed for this snapshot (what the warm-start cache stores). */
  corpusDerived(): CorpusDerived {
    return this.derived;
  }

  articles(): readonly Article[] {
    return this.list;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  warnings(): readonly LoadWarning[] {
    return this.loadWarnings;
  }

  entities(): readonly Entity[] {
    return this.entityList;
  }

  private locate(id: number): { article: Article; articleIndex: number; sentence: number } {
    const ai = Math.floor(id / SENTENCE_BITS);
    return { article: this.list[ai]!, articleIndex: ai, sentence: id % SENTENCE_BITS };
  }

  /**
   * Ranked sentences for a query; wire copies of the same sentence fold into one hit.
   * @example index.search('zelenskiy casualties')[0].quote
   */
  search(query: string, opts: { limit?: number } = {}): SearchHit[] {
    const limit = opts.limit ?? 10;
    const q = query.trim();
    if (!q) return [];
    let results = this.search_.ranked(q, 'AND');
    if (results.empty) results = this.search_.ranked(q, 'OR');
    const hits: SearchHit[] = [];
    const seen = new Map<string, SearchHit>();
    for (let r = results.next(); r; r = results.next()) {
      const { article, sentence } = this.locate(r.id);
      const text = article.sentences[sentence]!.text;
      const key = `${article.groupId}|${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`;
      const twin = seen.get(key);
      if (twin) continue;
      const source = sentenceRef(article, sentence);
      const hit: SearchHit = { article: article.id, quote: text, score: Math.round(r.score * 1000) / 1000, source };
      seen.set(key, hit);
      hits.push(hit);
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * Sentences relevant to a topic, with their neighbours: a casualty figure is
   * often one sentence away from the place or name the topic gives.
   */
  topicSentences(topic: string, window = 1): TopicSentences | null {
    return this.topicMarks(topic, window)?.keys ?? null;
  }

  /** `topicSentences`, and the articles holding a marked sentence (each once, in the order found). */
  private topicMarks(topic: string, window: number, hits?: TopicHits | null): MarkedSentences | null {
    const found = hits === undefined ? this.topicHits(topic) : hits;
    if (!found) return null;
    const marks = new Uint8Array(this.sentenceStart[this.list.length]!);
    const touched = new Uint8Array(this.list.length);
    const articles: number[] = [];
    const markedSentence: number[] = [];
    const markedArticle: number[] = [];
    let size = 0;
    for (let h = 0; h < found.articles.length; h++) {
      const ai = found.articles[h]!;
      const sentence = found.sentences[h]!;
      if (touched[ai] === 0) {
        touched[ai] = 1;
        articles.push(ai);
      }
      const base = this.sentenceStart[ai]!;
      const count = this.sentenceStart[ai + 1]! - base;
      for (let d = -window; d <= window; d++) {
        const s = sentence + d;
        // keys for sentences that do not exist never match anything
        if (s < 0 || s >= count || marks[base + s]) continue;
        marks[base + s] = 1;
        markedSentence.push(base + s);
        markedArticle.push(ai);
        size++;
      }
    }
    const start = this.sentenceStart;
    return { keys: { size, marks, has: (ai, si) => si >= 0 && si < start[ai + 1]! - start[ai]! && marks[start[ai]! + si] === 1 }, articles, sentences: { sentence: markedSentence, article: markedArticle } };
  }

  /** The sentences matching a topic (all its words, else any), as the search finds them; null for a blank topic. */
  private topicHits(topic: string): TopicHits | null {
    const t = topic.trim();
    if (!t) return null;
    const hits = this.search_.matchingSentenceList(t, 'AND');
    return hits.articles.length > 0 ? hits : this.search_.matchingSentenceList(t, 'OR');
  }

  private readonly bySourceArticle = new WeakMap<SourceSentences, { done: ArticleSources | null; steps: Generator<void, ArticleSources> }>();
  /**
   * `where` turned around: for each article, the items with a source in it. Built
   * once per list: by `prepare` in the background after a warm start, or at once by
   * the first topic that needs it (carrying on from where `prepare` got to).
   */
  private articleSources(where: SourceSentences): ArticleSources {
    const t = this.turnaround(where);
    while (!t.done) {
      const r = t.steps.next();
      if (r.done) t.done = r.value;
    }
    return t.done;
  }

  private turnaround(where: SourceSentences): { done: ArticleSources | null; steps: Generator<void, ArticleSources> } {
    let t = this.bySourceArticle.get(where);
    if (!t) this.bySourceArticle.set(where, (t = { done: null, steps: this.turnaroundSteps(where) }));
    return t;
  }

  /** Builds `articleSources(where)` for about `sliceMs`; true once it is built. */
  private turnaroundStep(where: SourceSentences, sliceMs: number): boolean {
    const t = this.turnaround(where);
    if (t.done) return true;
    const until = performance.now() + sliceMs;
    // at least one step, however short the slice
    do {
      const r = t.steps.next();
      if (r.done) t.done = r.value;
    } while (!t.done && performance.now() < until);
    return t.done !== null;
  }

  /** The turnaround, pausing after every 32,768 sources. */
  private *turnaroundSteps(where: SourceSentences): Generator<void, ArticleSources> {
    const STEP = 32_768;
    const n = this.list.length;
    const starts = this.sentenceStart;
    // the article holding global sentence g: from the first article of g's block of 64
    // sentences (looked up), step forward (an article holds about 40 sentences: a step or two)
    const total = starts[n]!;
    const firstOfBlock = new Uint32Array((total >>> 6) + 1);
    for (let a = 0, b = 0; b < firstOfBlock.length; b++) {
      while (a < n - 1 && starts[a + 1]! <= b << 6) a++;
      firstOfBlock[b] = a;
    }
    yield;
    const items = where.offsets.length - 1;
    const owner = new Int32Array(where.sentences.length).fill(-1);
    const offsets = new Uint32Array(n + 1);
    for (let k = 0; k < where.sentences.length; k++) {
      const g = where.sentences[k]!;
      if (g >= 0 && g < total) {
        let a = firstOfBlock[g >>> 6]!;
        while (a < n - 1 && starts[a + 1]! <= g) a++;
        owner[k] = a;
        offsets[a + 1]!++;
      }
      if (k % STEP === STEP - 1) yield;
    }
    for (let a = 0; a < n; a++) offsets[a + 1]! += offsets[a]!;
    const fill = offsets.slice(0, n);
    const item = new Uint32Array(offsets[n]!);
    const sentence = new Uint32Array(offsets[n]!);
    for (let i = 0, done = 0; i < items; i++) {
      for (let k = where.offsets[i]!; k < where.offsets[i + 1]!; k++) {
        const a = owner[k]!;
        if (a < 0) continue;
        const at = fill[a]!++;
        item[at] = i;
        sentence[at] = where.sentences[k]!;
      }
      done += where.offsets[i + 1]! - where.offsets[i]!;
      if (done >= STEP) {
        done = 0;
        yield;
      }
    }
    return { offsets, item, sentence, items };
  }

  /**
   * The items of `where` with a source in a marked sentence, in list order: looks
   * only at the first `count` of `articles` (those the topic touches), not at every item.
   */
  private itemsMarked(where: SourceSentences, marks: Uint8Array, articles: ArrayLike<number>, count: number): Uint32Array {
    const bySource = this.articleSources(where);
    const hit = new Uint8Array(bySource.items);
    const found: number[] = [];
    for (let h = 0; h < count; h++) {
      const a = articles[h]!;
      for (let k = bySource.offsets[a]!; k < bySource.offsets[a + 1]!; k++) {
        const i = bySource.item[k]!;
        if (hit[i] === 0 && marks[bySource.sentence[k]!] === 1) {
          hit[i] = 1;
          found.push(i);
        }
      }
    }
    return Uint32Array.from(found).sort();
  }

  /** Marks per sentence and per article, all 0 between calls (cleared by what set them): see `itemsAbout`. */
  private scratch: { sentences: Uint8Array; articles: Uint8Array } | null = null;

  /**
   * For each of `lists`, `itemsMarked` over `topicMarks(topic, window, hits)` (the same
   * items) without allocating marks for every sentence of the corpus or listing the marked sentences:
   * marks are set in buffers kept per index and cleared afterwards, so the cost is the
   * topic's sentences and the sources in its articles. Null for a blank topic.
   */
  private itemsAbout(lists: readonly SourceSentences[], topic: string, window: number, hits?: TopicHits | null): Uint32Array[] | null {
    const found = hits === undefined ? this.topicHits(topic) : hits;
    if (!found) return null;
    const n = this.list.length;
    const starts = this.sentenceStart;
    const scratch = (this.scratch ??= { sentences: new Uint8Array(starts[n]!), articles: new Uint8Array(n) });
    const marks = scratch.sentences;
    const touched = scratch.articles;
    const marked = new Uint32Array(found.articles.length * (2 * window + 1));
    const articles = new Uint32Array(found.articles.length);
    let size = 0;
    let count = 0;
    try {
      for (let h = 0; h < found.articles.length; h++) {
        const ai = found.articles[h]!;
        const sentence = found.sentences[h]!;
        if (touched[ai] === 0) {
          touched[ai] = 1;
          articles[count++] = ai;
        }
        const base = starts[ai]!;
        const last = starts[ai + 1]! - base;
        for (let d = -window; d <= window; d++) {
          const s = sentence + d;
          if (s < 0 || s >= last || marks[base + s]) continue;
          marks[base + s] = 1;
          marked[size++] = base + s;
        }
      }
      return lists.map((where) => this.itemsMarked(where, marks, articles, count));
    } finally {
      for (let k = 0; k < size; k++) marks[marked[k]!] = 0;
      for (let k = 0; k < count; k++) touched[articles[k]!] = 0;
    }
  }

  /** The global sentence number of every source of every statement, found once. */
  private locateSources(statements: readonly { sources: readonly SourceRef[] }[]): SourceSentences {
    const articleIndex = new Map<Article, number>();
    this.list.forEach((a, i) => {
      if (!articleIndex.has(a)) articleIndex.set(a, i);
    });
    let total = 0;
    for (const st of statements) total += st.sources.length;
    const offsets = new Uint32Array(statements.length + 1);
    const sentences = new Int32Array(total);
    let at = 0;
    statements.forEach((st, i) => {
      offsets[i] = at;
      for (const src of st.sources) sentences[at++] = this.sourceSentence(src, articleIndex);
    });
    offsets[statements.length] = at;
    return { offsets, sentences };
  }

  /** The sentence a source starts in (the first containing its start), as the topic filter looked it up. */
  private sourceSentence(src: SourceRef, articleIndex: Map<Article, number>): number {
    const a = this.byId.get(src.article);
    if (!a) return -1;
    const ai = articleIndex.get(a)!;
    const list = a.sentences;
    let s: Sentence | undefined;
    if (this.inOrder(a)) {
      // the first sentence ending at or after the start; earlier ones all end before it
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]!.end < src.start) lo = mid + 1;
        else hi = mid;
      }
      s = list[lo] && list[lo]!.start <= src.start ? list[lo] : undefined;
    } else s = list.find((x) => x.start <= src.start && x.end >= src.start);
    return s ? this.sentenceStart[ai]! + s.index : -1;
  }

  private readonly ordered = new WeakMap<Article, boolean>();
  /** Sentences in text order (as the splitter makes them), so a binary search can find one. */
  private inOrder(a: Article): boolean {
    let v = this.ordered.get(a);
    if (v === undefined) {
      v = a.sentences.every((s, i, l) => i === 0 || (s.start >= l[i - 1]!.start && s.end >= l[i - 1]!.end));
      this.ordered.set(a, v);
    }
    return v;
  }

  figures(opts: { topic?: string; kinds?: readonly FigureKind[] } = {}): FigureClaim[] {
    return this.figuresAbout(opts);
  }

  /** `figures`, reusing the topic's search hits when the caller has them. */
  private figuresAbout(opts: { topic?: string; kinds?: readonly FigureKind[] }, hits?: TopicHits | null): FigureClaim[] {
    const kinds = opts.kinds;
    const items = opts.topic ? (this.itemsAbout([this.claimSentences], opts.topic, 1, hits)?.[0] ?? null) : null;
    if (!kinds && !items) return this.claims;
    if (!items) return this.claims.filter((c) => kinds!.includes(c.kind));
    const out: FigureClaim[] = [];
    for (let k = 0; k < items.length; k++) {
      const c = this.claims[items[k]!]!;
      if (!kinds || kinds.includes(c.kind)) out.push(c);
    }
    return out;
  }

  timeline(opts: { topic?: string } = {}): Timeline {
    if (!opts.topic) return this.timelineData;
    // one search and one marking for both lists
    const found = this.itemsAbout([this.eventSentences, this.undatedSentences], opts.topic, 0);
    if (!found) return this.timelineData;
    const [events, undated] = found as [Uint32Array, Uint32Array];
    return {
      events: Array.from(events, (i) => this.timelineData.events[i]!),
      undated: Array.from(undated, (i) => this.timelineData.undated[i]!),
    };
  }

  quotes(opts: { speaker?: string } = {}): QuoteClaim[] {
    const speaker = opts.speaker?.trim();
    if (!speaker) return this.quoteList;
    const names = new Set(this.speakerNames.search(speaker).map((r) => r.name));
    const lower = speaker.toLowerCase();
    // by distinct speaker, then their quotes in the list's order: no pass over every quote
    const bySpeaker = this.quotesBySpeaker();
    const picked: Uint32Array[] = [];
    let total = 0;
    this.speakerList.forEach((name, i) => {
      if (names.has(name) || bySpeaker.lower[i]!.includes(lower)) {
        picked.push(bySpeaker.quotes[i]!);
        total += bySpeaker.quotes[i]!.length;
      }
    });
    const order = new Uint32Array(total);
    let at = 0;
    for (const list of picked) order.set(list, (at += list.length) - list.length);
    order.sort();
    return Array.from(order, (qi) => this.quoteList[qi]!);
  }

  private speakerQuotes: { lower: string[]; quotes: Uint32Array[] } | null = null;
  /** For each name of `speakerList`: its lower-case form and the positions of its quotes. */
  private quotesBySpeaker(): { lower: string[]; quotes: Uint32Array[] } {
    if (this.speakerQuotes) return this.speakerQuotes;
    const at = new Map(this.speakerList.map((name, i) => [name, i]));
    const lists: number[][] = this.speakerList.map(() => []);
    this.quoteList.forEach((q, qi) => {
      if (q.speaker) lists[at.get(q.speaker)!]!.push(qi);
    });
    return (this.speakerQuotes = { lower: this.speakerList.map((n) => n.toLowerCase()), quotes: lists.map((l) => Uint32Array.from(l)) });
  }

  brief(opts: { topic?: string } = {}): BriefPoint[] {
    if (!opts.topic) return this.defaultBrief;
    // one search for the topic: the brief's sentences and its figures (with their neighbours) both come from it
    const hits = this.topicHits(opts.topic);
    if (!hits || hits.articles.length === 0) return [];
    // only the matching sentences are visited (each once, in document order: what marking them without neighbours lists)
    const sentence = new Int32Array(hits.articles.length);
    for (let h = 0; h < sentence.length; h++) sentence[h] = this.sentenceStart[hits.articles[h]!]! + hits.sentences[h]!;
    // its figures: the claims with a source in a matching sentence or a neighbour (`figures({ topic })`), by position
    const claimsIn = this.itemsAbout([this.claimSentences], opts.topic, 1, hits)![0]!;
    return buildBrief(this.list, this.claims, { sentences: { sentence, article: hits.articles }, claimsIn, stats: this.derived.briefStats });
  }

  suggest(source: AutocompleteSource, prefix: string, limit = 25): string[] {
    const p = prefix.trim();
    const cap = Math.min(limit, 25);
    if (source === 'speaker') {
      if (!p) return this.speakerList.slice(0, cap);
      return this.speakerNames.search(p, cap).map((r) => r.name);
    }
    const inPool = source === 'topic' ? (i: number) => this.topicPool[i] === 1 : undefined;
    if (!p) {
      const pool = source === 'topic' ? this.entityList.filter((_, i) => this.topicPool[i] === 1) : this.entityList;
      return pool.slice(0, cap).map((e) => e.name);
    }
    // names starting with the prefix come first; when they fill the list, fuzzy matches cannot show
    const starts = this.entityNames.startingWith(p, inPool, cap);
    if (starts.length >= cap) return starts.map((e) => e.name);
    const fuzzy = this.entityNames.searchIndexes(p, cap * 2).filter((i) => !inPool || inPool(i));
    return [...new Set([...starts.map((e) => e.name), ...fuzzy.map((i) => this.entityList[i]!.name)])].slice(0, cap);
  }
}
