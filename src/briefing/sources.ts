/**
 * Building `SourceRef`s: the verbatim passage of an article a statement rests on.
 */
import type { Article, SourceRef } from '../core/types.js';
import { formatDateValue } from '../extract/dates.js';

export function articleDate(a: Article): string | null {
  return a.date ? formatDateValue(a.date) : null;
}

/** The passage `start..end` of an article's body, verbatim. */
export function sourceRef(a: Article, start: number, end: number): SourceRef {
  return {
    article: a.id,
    quote: a.body.slice(start, end),
    start,
    end,
    publisher: a.publisher,
    title: a.title,
    url: a.url,
    date: articleDate(a),
  };
}

/** The sentence `index` of an article, verbatim. */
export function sentenceRef(a: Article, index: number): SourceRef {
  const s = a.sentences[index]!;
  return sourceRef(a, s.start, s.end);
}

/**
 * `sentenceRef(a, index)` whose passage (quote, start, end) is read from the
 * article when first asked for: a topic brief cites thousands of wire copies,
 * and with articles kept on disk each would be a read, while replies show the
 * articles cited (light fields) and read passages only for the few they quote.
 * The fields are the same, in the same order, enumerable (a copy or
 * `JSON.stringify` reads them); the quote is the article's text, verbatim.
 */
export function lazySentenceRef(a: Article, index: number): SourceRef {
  return new LazySentenceRef(a, index) as unknown as SourceRef;
}

/**
 * `lazySentenceRef`'s objects: the passage's fields are own, enumerable getters
 * shared by every instance (an object literal with getters made three closures
 * per source and was about 2.5 times slower to create; a brief cites thousands).
 */
class LazySentenceRef {
  readonly #article: Article;
  readonly #index: number;
  #passage: { quote: string; start: number; end: number } | null = null;
  // declared only: class fields would be defined before the constructor runs, in another order
  declare readonly article: string;
  declare readonly quote: string;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly publisher: string | null;
  declare readonly title: string | null;
  declare readonly url: string | null;
  declare readonly date: string | null;

  constructor(a: Article, index: number) {
    this.#article = a;
    this.#index = index;
    // the fields in `sourceRef`'s order
    const self = this as { -readonly [K in keyof SourceRef]: SourceRef[K] };
    self.article = a.id;
    Object.defineProperties(this, PASSAGE_FIELDS);
    self.publisher = a.publisher;
    self.title = a.title;
    self.url = a.url;
    self.date = articleDate(a);
  }

  static passage(r: LazySentenceRef): { quote: string; start: number; end: number } {
    if (!r.#passage) {
      const s = r.#article.sentences[r.#index]!;
      r.#passage = { quote: r.#article.body.slice(s.start, s.end), start: s.start, end: s.end };
    }
    return r.#passage;
  }
}

const PASSAGE_FIELDS: PropertyDescriptorMap = {
  quote: { get: function (this: LazySentenceRef) { return LazySentenceRef.passage(this).quote; }, enumerable: true, configurable: true },
  start: { get: function (this: LazySentenceRef) { return LazySentenceRef.passage(this).start; }, enumerable: true, configurable: true },
  end: { get: function (this: LazySentenceRef) { return LazySentenceRef.passage(this).end; }, enumerable: true, configurable: true },
};

/** "Express & Star" / "AP, also run by Express & Star": how a syndication group is named. */
export function outletName(a: Article): string {
  return a.publisher ?? a.title ?? a.id;
}

const cited = new WeakMap<readonly SourceRef[], { seen: number; articles: Set<string> }>();

/**
 * Whether a list of sources already cites `article`: `list.some(s => s.article === article)`,
 * in constant time on long lists. The merging steps ask it once per sentence, and a
 * sentence printed by thousands of articles made that quadratic. The list must only
 * grow at its end (push) between calls.
 */
export function citesArticle(list: readonly SourceRef[], article: string): boolean {
  if (list.length <= 16) return list.some((s) => s.article === article);
  let c = cited.get(list);
  if (!c) cited.set(list, (c = { seen: 0, articles: new Set() }));
  for (; c.seen < list.length; c.seen++) c.articles.add(list[c.seen]!.article);
  return c.articles.has(article);
}

/**
 * Where an article's lead passage (its first sentence, or the start of its body)
 * is found without reading its body: articles read from a snapshot carry it
 * (non-enumerable); `start`/`end` only, or with the quote.
 */
export const LEAD_PASSAGE = Symbol('lead passage');
export type LeadPassage = { start: number; end: number; quote?: string } | null;
type WithLead = { [LEAD_PASSAGE]?: (withQuote: boolean) => LeadPassage };

/** The passage `articleRef` cites, with its quote; null when the article has no text. */
function leadOf(a: Article, withQuote: boolean): LeadPassage {
  const stored = (a as Article & WithLead)[LEAD_PASSAGE];
  if (stored) return stored.call(a, withQuote);
  const first = a.sentences[0];
  if (!first && a.body.trim() === '') return null;
  const start = first?.start ?? 0;
  const end = first?.end ?? Math.min(a.body.length, 200);
  return withQuote ? { start, end, quote: a.body.slice(start, end) } : { start, end };
}

/** Cites a whole article by its first sentence (or the start of its body); null when it has no text. */
export function articleRef(a: Article): SourceRef | null {
  const lead = leadOf(a, true);
  if (!lead) return null;
  return { article: a.id, quote: lead.quote!, start: lead.start, end: lead.end, publisher: a.publisher, title: a.title, url: a.url, date: articleDate(a) };
}

/** Whether `articleRef(a)` is not null (without reading the passage when the article carries it). */
export function hasArticleRef(a: Article): boolean {
  return leadOf(a, false) !== null;
}

/** The lead passage of an in-memory article, as `articleRef` cites it (what a snapshot stores). */
export function leadPassage(a: Article): LeadPassage {
  return leadOf(a, true);
}
