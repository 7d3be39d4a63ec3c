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

/** Two sentences are one event when they share most content words (wire copies, rewrites). */
const SAME_EVENT = 0.5;

export function buildTimeline(articles: readonly Article[]): TimelineData {
  return orderTimeline(timelineDrafts(articles));
}

/** One dated (or undated) statement of an article, as the timeline places it. */
export interface TimeMention {
  when: string;
  sentence: number;
  value: DateValue | null;
  date: string | null;
  /** What events are merged within: the date, or an undated expression as written. */
  bucket: string;
}

/** The statements of an article the timeline places, in order: one per sentence and date. */
export function timeMentions(a: Article): TimeMention[] {
  const out: TimeMention[] = [];
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
    out.push({ when: t.text, sentence: t.sentence, value, date, bucket: value ? `d:${date}` : `u:${t.text.toLowerCase()}` });
  }
  return out;
}

/** An event of the timeline before ordering, with where its first statement sits (article position, position in `timeMentions`). */
export interface PlacedEvent {
  value: DateValue | null;
  date: string | null;
  when: string;
  text: string;
  sources: SourceRef[];
  article: number;
  mention: number;
}

/**
 * The events of `buildTimeline` in the order they form (by their first
 * statement), before ordering; with `keep`, only those of the buckets
 * (`TimeMention.bucket`) it accepts. Statements merge only within a bucket, and
 * the twin search answers as a scan in insertion order would (whatever the word
 * ranking), so a subset of buckets gives exactly the events the whole merge gives for them.
 */
export function timelineDrafts(articles: readonly Article[], keep?: (bucket: string) => boolean): PlacedEvent[] {
  // first the mentions to place, then the merging: the merge looks for twins among
  // earlier drafts by rarest words first, so it needs every word's frequency up front
  interface Mention extends TimeMention {
    article: number;
    mention: number;
    words: Set<string>;
  }
  const mentions: Mention[] = [];
  articles.forEach((a, ai) => {
    timeMentions(a).forEach((m, mi) => {
      if (keep && !keep(m.bucket)) return;
      mentions.push({ ...m, article: ai, mention: mi, words: new Set(contentWords(a.sentences[m.sentence]!.text)) });
    });
  });
  const rank = rankByFrequency(mentions.map((m) => m.words));

  const drafts: (PlacedEvent & { words: Set<string> })[] = [];
  // twins are searched per date, and undated ones per expression as written
  const twins = new Map<string, SimilarSets<PlacedEvent>>();
  for (const { article: ai, mention, when, sentence, value, date, words, bucket } of mentions) {
    const a = articles[ai]!;
    const source = sentenceRef(a, sentence);
    let similar = twins.get(bucket);
    if (!similar) twins.set(bucket, (similar = new SimilarSets<PlacedEvent>(SAME_EVENT, rank)));
    const twin = similar.first(words);
    if (twin) {
      if (!citesArticle(twin.sources, a.id)) twin.sources.push(source);
      continue;
    }
    const draft = { value, date, when, text: a.sentences[sentence]!.text, words, sources: [source], article: ai, mention };
    similar.add(words, draft);
    drafts.push(draft);
  }
  return drafts.map(({ words: _w, ...d }) => d);
}

/** The timeline of events listed in the order they formed: dated ones by date (then that order), undated ones in that order. */
export function orderTimeline(drafts: readonly PlacedEvent[]): TimelineData {
  const order = new Map<PlacedEvent, number>(drafts.map((d, i) => [d, i]));
  const events = drafts
    .filter((d) => d.value)
    .sort((x, y) => compareDateValues(x.value!, y.value!) || order.get(x)! - order.get(y)!)
    .map((d): TimelineEvent => ({ date: d.date!, text: d.text, when: d.when, sources: d.sources }));
  return {
    events,
    undated: drafts.filter((d) => !d.value).map((d): UndatedEvent => ({ when: d.when, text: d.text, sources: d.sources })),
  };
}
