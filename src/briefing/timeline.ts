/**
 * The timeline: every dated statement, with relative dates resolved against
 * the publication date of the article that makes them, at the granularity the
 * text gives. Expressions that cannot be resolved (undated article, or "two days
 * after X") are listed as undated, as written: never guessed.
 */
import type { Article, DateValue, SourceRef, TimelineEvent, UndatedEvent } from '../core/types.js';
import { compareDateValues, formatDateValue, resolveTimeMention } from '../extract/dates.js';
import { citesArticle, sentenceRef } from './sources.js';
import { rankByFrequency, SimilarSets } from './similar.js';
import { contentWords } from './text.js';

export interface TimelineData {
  events: TimelineEvent[];
  undated: UndatedEvent[];
}

interface Draft {
  value: DateValue | null;
  date: string | null;
  when: string;
  text: string;
  words: Set<string>;
  sources: SourceRef[];
  order: number;
}

/** Two sentences are one event when they share most content words (wire copies, rewrites). */
const SAME_EVENT = 0.5;

export function buildTimeline(articles: readonly Article[]): TimelineData {
  // first the mentions to place, then the merging: the merge looks for twins among
  // earlier drafts by rarest words first, so it needs every word's frequency up front
  interface Mention {
    article: Article;
    when: string;
    sentence: number;
    value: DateValue | null;
    date: string | null;
    words: Set<string>;
  }
  const mentions: Mention[] = [];
  for (const a of articles) {
    const seen = new Set<string>();
    for (const t of a.times) {
      const value = resolveTimeMention(t.rule, a.date);
      const sentence = a.sentences[t.sentence];
      if (!sentence) continue;
      const date = value ? formatDateValue(value) : null;
      // one event per sentence and date
      const key = `${t.sentence}|${date ?? 'u:' + t.text.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push({ article: a, when: t.text, sentence: t.sentence, value, date, words: new Set(contentWords(sentence.text)) });
    }
  }
  const rank = rankByFrequency(mentions.map((m) => m.words));

  const dated = new Map<string, Draft[]>();
  const undated: Draft[] = [];
  // twins are searched per date, and undated ones per expression as written
  const twins = new Map<string, SimilarSets<Draft>>();
  let order = 0;
  for (const { article: a, when, sentence, value, date, words } of mentions) {
    const source = sentenceRef(a, sentence);
    const bucketKey = value ? `d:${date}` : `u:${when.toLowerCase()}`;
    let similar = twins.get(bucketKey);
    if (!similar) twins.set(bucketKey, (similar = new SimilarSets<Draft>(SAME_EVENT, rank)));
    const twin = similar.first(words);
    if (twin) {
      if (!citesArticle(twin.sources, a.id)) twin.sources.push(source);
      continue;
    }
    const draft: Draft = { value, date, when, text: a.sentences[sentence]!.text, words, sources: [source], order: order++ };
    similar.add(words, draft);
    if (!value) undated.push(draft);
    else {
      const bucket = dated.get(date!);
      if (bucket) bucket.push(draft);
      else dated.set(date!, [draft]);
    }
  }
  const events = [...dated.values()]
    .flat()
    .sort((x, y) => compareDateValues(x.value!, y.value!) || x.order - y.order)
    .map((d): TimelineEvent => ({ date: d.date!, text: d.text, when: d.when, sources: d.sources }));
  return {
    events,
    undated: undated.sort((x, y) => x.order - y.order).map((d): UndatedEvent => ({ when: d.when, text: d.text, sources: d.sources })),
  };
}
