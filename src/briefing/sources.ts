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

/** Cites a whole article by its first sentence (or the start of its body); null when it has no text. */
export function articleRef(a: Article): SourceRef | null {
  const first = a.sentences[0];
  if (!first && a.body.trim() === '') return null;
  return sourceRef(a, first?.start ?? 0, first?.end ?? Math.min(a.body.length, 200));
}
