/**
 * The timeline: every dated statement, with relative dates resolved against
 * the publication date of the article that makes them, at the granularity the
 * text gives. Expressions that cannot be resolved (undated article, or "two days
 * after X") are listed as undated, as written: never guessed.
 */
import type { Article, DateValue, SourceRef, TimelineEvent, UndatedEvent } from '../core/types.js';
import { compareDateValues, formatDateValue, resolveTimeMention } from '../extract/dates.js';
import { sentenceRef } from './sources.js';
import { contentWords, jaccard } from './text.js';

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
  const dated = new Map<string, Draft[]>();
  const undated: Draft[] = [];
  let order = 0;
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
      const source = sentenceRef(a, t.sentence);
      const words = new Set(contentWords(sentence.text));
      const bucket = value ? (dated.get(date!) ?? []) : undated;
      const twin = bucket.find((d) => (value || d.when.toLowerCase() === t.text.toLowerCase()) && jaccard(d.words, words) >= SAME_EVENT);
      if (twin) {
        if (!twin.sources.some((s) => s.article === a.id)) twin.sources.push(source);
        continue;
      }
      const draft: Draft = { value, date, when: t.text, text: sentence.text, words, sources: [source], order: order++ };
      bucket.push(draft);
      if (value) dated.set(date!, bucket);
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
