/**
 * An immutable snapshot of a loaded corpus, answering every query the commands
 * make. Answers that depend only on the corpus (figures, timeline, quotes, the
 * default brief) are computed once when the snapshot is built; a changed corpus
 * is a new snapshot, swapped in whole, so a command never sees a half-update.
 *
 * Full text goes through an inverted index (MiniSearch, BM25, fuzzy and prefix
 * matching); fuse.js serves the short fields it is good at (entity and speaker
 * names for autocomplete and name lookup).
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { AutocompleteSource } from '../core/command.js';
import type { Article, Entity, FigureClaim, FigureKind, LoadWarning, QuoteClaim, SourceRef } from '../core/types.js';
import { buildBrief } from '../briefing/brief.js';
import { mergeFigureClaims } from '../briefing/claims.js';
import { mergeEntities } from '../briefing/entities.js';
import { mergeQuotes } from '../briefing/quotes.js';
import { sentenceRef } from '../briefing/sources.js';
import { buildTimeline, type TimelineData } from '../briefing/timeline.js';
import type { BriefingIndex, BriefPoint, SearchHit, Timeline } from './briefingIndex.js';

interface SentenceDoc {
  id: number;
  text: string;
  title: string;
}

/** Options for the full-text index, frozen in one place. */
export const SEARCH_OPTIONS = Object.freeze({
  fields: ['text', 'title'],
  searchOptions: {
    boost: { text: 2, title: 1 },
    prefix: (term: string) => term.length > 3,
    fuzzy: (term: string) => (term.length > 4 ? 0.2 : term.length > 3 ? 1 : false),
    weights: { fuzzy: 0.6, prefix: 0.8 },
  },
});

/** Sentence ids pack (article, sentence) into one number. */
const SENTENCE_BITS = 4096;

export interface CorpusIndexInit {
  corpusDir: string;
  articles: Article[];
  warnings: LoadWarning[];
  loadedAt: Date;
}

export class CorpusIndex implements BriefingIndex {
  readonly corpusDir: string;
  readonly loadedAt: Date;
  private readonly list: Article[];
  private readonly byId: Map<string, Article>;
  private readonly loadWarnings: LoadWarning[];
  private readonly search_: MiniSearch<SentenceDoc>;
  private readonly claims: FigureClaim[];
  private readonly timelineData: TimelineData;
  private readonly quoteList: QuoteClaim[];
  private readonly entityList: Entity[];
  private readonly entityFuse: Fuse<Entity>;
  private readonly speakerFuse: Fuse<{ name: string }>;
  private defaultBrief: BriefPoint[] | null = null;

  constructor(init: CorpusIndexInit) {
    this.corpusDir = init.corpusDir;
    this.loadedAt = init.loadedAt;
    this.list = init.articles;
    this.byId = new Map(init.articles.map((a) => [a.id, a]));
    this.loadWarnings = init.warnings;
    this.search_ = new MiniSearch<SentenceDoc>(SEARCH_OPTIONS as unknown as ConstructorParameters<typeof MiniSearch<SentenceDoc>>[0]);
    const docs: SentenceDoc[] = [];
    init.articles.forEach((a, ai) => {
      const title = a.title ?? '';
      for (const s of a.sentences) {
        if (s.index >= SENTENCE_BITS) break;
        docs.push({ id: ai * SENTENCE_BITS + s.index, text: s.text, title: s.index === 0 ? title : '' });
      }
    });
    this.search_.addAll(docs);
    this.claims = mergeFigureClaims(init.articles);
    this.timelineData = buildTimeline(init.articles);
    this.quoteList = mergeQuotes(init.articles);
    this.entityList = mergeEntities(init.articles);
    this.entityFuse = new Fuse(this.entityList, { keys: ['name', 'aliases'], threshold: 0.34, ignoreLocation: true, includeScore: true });
    const speakers = [...new Set(this.quoteList.map((q) => q.speaker).filter((s): s is string => !!s))].map((name) => ({ name }));
    this.speakerFuse = new Fuse(speakers, { keys: ['name'], threshold: 0.34, ignoreLocation: true });
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
    let results = this.search_.search(q, { combineWith: 'AND' });
    if (results.length === 0) results = this.search_.search(q, { combineWith: 'OR' });
    const hits: SearchHit[] = [];
    const seen = new Map<string, SearchHit>();
    for (const r of results) {
      const { article, sentence } = this.locate(r.id as number);
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
   * Sentences relevant to a topic, as `${articleIndex}:${sentenceIndex}` keys, with
   * their neighbours: a casualty figure is often one sentence away from the place
   * or name the topic gives.
   */
  topicSentences(topic: string, window = 1): Set<string> | null {
    const t = topic.trim();
    if (!t) return null;
    let results = this.search_.search(t, { combineWith: 'AND' });
    if (results.length === 0) results = this.search_.search(t, { combineWith: 'OR' });
    const keys = new Set<string>();
    for (const r of results) {
      const { articleIndex, sentence } = this.locate(r.id as number);
      for (let d = -window; d <= window; d++) keys.add(`${articleIndex}:${sentence + d}`);
    }
    return keys;
  }

  private sourceInTopic(src: SourceRef, keys: Set<string>): boolean {
    const a = this.byId.get(src.article);
    if (!a) return false;
    const ai = this.list.indexOf(a);
    const s = a.sentences.find((x) => x.start <= src.start && x.end >= src.start);
    return s ? keys.has(`${ai}:${s.index}`) : false;
  }

  figures(opts: { topic?: string; kinds?: readonly FigureKind[] } = {}): FigureClaim[] {
    let list = this.claims;
    if (opts.kinds) list = list.filter((c) => opts.kinds!.includes(c.kind));
    if (opts.topic) {
      const keys = this.topicSentences(opts.topic);
      if (keys) list = list.filter((c) => c.sources.some((s) => this.sourceInTopic(s, keys)));
    }
    return list;
  }

  timeline(opts: { topic?: string } = {}): Timeline {
    if (!opts.topic) return this.timelineData;
    const keys = this.topicSentences(opts.topic, 0);
    if (!keys) return this.timelineData;
    return {
      events: this.timelineData.events.filter((e) => e.sources.some((s) => this.sourceInTopic(s, keys))),
      undated: this.timelineData.undated.filter((e) => e.sources.some((s) => this.sourceInTopic(s, keys))),
    };
  }

  quotes(opts: { speaker?: string } = {}): QuoteClaim[] {
    const speaker = opts.speaker?.trim();
    if (!speaker) return this.quoteList;
    const names = new Set(this.speakerFuse.search(speaker).map((r) => r.item.name));
    const lower = speaker.toLowerCase();
    return this.quoteList.filter((q) => q.speaker && (names.has(q.speaker) || q.speaker.toLowerCase().includes(lower)));
  }

  brief(opts: { topic?: string } = {}): BriefPoint[] {
    if (!opts.topic) {
      this.defaultBrief ??= buildBrief(this.list, this.claims);
      return this.defaultBrief;
    }
    const keys = this.topicSentences(opts.topic, 0);
    if (!keys || keys.size === 0) return [];
    return buildBrief(this.list, this.figures({ topic: opts.topic }), { allowed: keys });
  }

  suggest(source: AutocompleteSource, prefix: string, limit = 25): string[] {
    const p = prefix.trim();
    const cap = Math.min(limit, 25);
    if (source === 'speaker') {
      const all = [...new Set(this.quoteList.map((q) => q.speaker).filter((s): s is string => !!s))];
      if (!p) return all.slice(0, cap);
      return this.speakerFuse.search(p, { limit: cap }).map((r) => r.item.name);
    }
    const pool = source === 'topic' ? this.entityList.filter((e) => e.type !== 'other' || e.mentions > 1) : this.entityList;
    if (!p) return pool.slice(0, cap).map((e) => e.name);
    const lower = p.toLowerCase();
    const starts = pool.filter((e) => e.name.toLowerCase().startsWith(lower) || e.aliases.some((x) => x.toLowerCase().startsWith(lower)));
    const fuzzy = this.entityFuse.search(p, { limit: cap * 2 }).map((r) => r.item).filter((e) => pool.includes(e));
    return [...new Set([...starts, ...fuzzy].map((e) => e.name))].slice(0, cap);
  }
}
