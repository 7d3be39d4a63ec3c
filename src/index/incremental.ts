/**
 * Corpus-level answers after a change, recomputing only what the change touches:
 * `deriveIncremental(previous, articles)` gives exactly what `deriveCorpus(articles)`
 * gives (the same values in the same order), reusing the previous answers where
 * no changed article can reach them.
 *
 * An article is unchanged when the previous corpus has one with the same name,
 * file, content hash (so the same extraction) and the same corpus-level fields
 * (date and its source, syndication group and copies). Every other article of
 * either corpus (added, removed, changed, or re-dated or regrouped by syndication)
 * is "touched", and so is every merge key its statements fall under:
 * - figures merge per number (`figureKey`): claims of untouched numbers are
 *   reused, those of touched numbers are merged again over the whole corpus;
 * - the timeline merges per date (or undated expression): likewise per bucket;
 * - entities group per normalised name: likewise per key.
 * The pieces are then put in the order the full merge forms them in (by their
 * first statement's article and position, found again in the new corpus), and
 * sorted as it sorts them.
 *
 * Recomputed in full, because every answer depends on the whole corpus: the
 * search index (BM25 statistics, term numbering, postings by article number),
 * the brief's statistics (document frequencies, centrality of every statement),
 * the default brief (built from those), and quotes (a quote merges with any
 * earlier one containing it, across keys, and `byKey` aliases follow those chains;
 * 0.75 s of 15 at 10,000 articles).
 */
import type { Article, Entity, FigureClaim, SourceRef } from '../core/types.js';
import { briefCorpusStats, buildBrief } from '../briefing/brief.js';
import { compareClaims, figureKey, mergeFigureGroups } from '../briefing/claims.js';
import { entityGroups, mergeEntities } from '../briefing/entities.js';
import { mergeQuotes } from '../briefing/quotes.js';
import { orderTimeline, timeMentions, timelineDrafts, type PlacedEvent, type TimeMention } from '../briefing/timeline.js';
import { deriveCorpus, type CorpusDerived } from './corpusIndex.js';
import { SentenceSearch } from './sentenceSearch.js';

/** The corpus the previous answers were computed for, and those answers. */
export interface PreviousCorpus {
  articles: readonly Article[];
  /** The answers merged incrementally (the others are recomputed). */
  derived: Pick<CorpusDerived, 'claims' | 'timeline' | 'entities'>;
}

/** Above this share of touched articles a full derivation is no slower: do that. */
const MAX_TOUCHED_SHARE = 0.25;

/** What identifies an article's derived contributions: name, file, content, the metadata sources cite, and the fields assembly sets. */
function identity(a: Article): string {
  return JSON.stringify([a.id, a.file, a.hash, a.title, a.publisher, a.url, a.byline, a.date, a.dateSource, a.notBefore, a.groupId, a.syndicatedWith]);
}

/** Which articles changed between two corpora. */
export interface CorpusChange {
  /** Previous articles with no identical article in the new corpus. */
  removed: Article[];
  /** New articles with no identical article in the previous corpus. */
  added: Article[];
  /** For each new article, whether it is untouched (identical to a previous one). */
  untouched: Uint8Array;
}

/**
 * Matches the articles of two corpora; null when untouched articles are not in
 * the same relative order in both (the merges' order would differ: recompute).
 */
export function corpusChange(previous: readonly Article[], next: readonly Article[]): CorpusChange | null {
  const before = new Map<string, number>();
  previous.forEach((a, i) => before.set(a.id, i));
  const matched = new Uint8Array(previous.length);
  const untouched = new Uint8Array(next.length);
  const added: Article[] = [];
  let last = -1;
  for (let j = 0; j < next.length; j++) {
    const a = next[j]!;
    const i = before.get(a.id);
    if (i !== undefined && matched[i] === 0 && identity(previous[i]!) === identity(a)) {
      if (i < last) return null;
      last = i;
      matched[i] = 1;
      untouched[j] = 1;
    } else added.push(a);
  }
  const removed = previous.filter((_, i) => matched[i] === 0);
  return { removed, added, untouched };
}

/** Where a source passage sits: the sentence of `a` spanning exactly `src.start..src.end`, or -1. */
function sentenceOf(a: Article, src: SourceRef): number {
  const list = a.sentences;
  let lo = 0;
  let hi = list.length;
  // sentences are in text order (as the splitter makes them); fall back to a scan if not
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start < src.start) lo = mid + 1;
    else hi = mid;
  }
  const s = list[lo];
  if (s && s.start === src.start && s.end === src.end) return lo;
  return list.findIndex((x) => x.start === src.start && x.end === src.end);
}

/**
 * Every corpus-level answer for `articles`, as `deriveCorpus(articles)` computes
 * it, reusing `previous` where the change cannot reach.
 * @example const derived = deriveIncremental({ articles: old.articles(), derived: old.corpusDerived() }, articles);
 */
export function deriveIncremental(previous: PreviousCorpus, articles: readonly Article[], onStep?: (step: string, ms: number) => void): CorpusDerived {
  const time = <T>(step: string, f: () => T): T => {
    const t0 = performance.now();
    const v = f();
    onStep?.(step, performance.now() - t0);
    return v;
  };
  const change = time('match articles', () => corpusChange(previous.articles, articles));
  if (!change || change.added.length + change.removed.length > MAX_TOUCHED_SHARE * Math.max(articles.length, previous.articles.length, 1)) {
    return deriveCorpus(articles, onStep);
  }
  const position = new Map<string, number>();
  articles.forEach((a, i) => position.set(a.id, i));
  const touched = [...change.removed, ...change.added];

  const search = time('search index', () => SentenceSearch.build(articles));
  const claims = time('figures', () => figuresIncremental(previous.derived.claims, articles, touched, change.untouched, position));
  const timeline = time('timeline', () => timelineIncremental(previous.derived.timeline, articles, touched, change.untouched, position));
  const quotes = time('quotes', () => mergeQuotes(articles));
  const entities = time('entities', () => entitiesIncremental(previous.derived.entities, articles, touched));
  const briefStats = time('brief statistics', () => briefCorpusStats(articles));
  const defaultBrief = time('default brief', () => buildBrief(articles, claims, { stats: briefStats }));
  return { claims, timeline, quotes, entities, defaultBrief, briefStats, search };
}

/** The article (position in `articles`) a reused statement's first source cites, when it is untouched; else -1. */
function firstArticle(sources: readonly SourceRef[], untouched: Uint8Array, position: Map<string, number>): number {
  const src = sources[0];
  const ai = src ? position.get(src.article) : undefined;
  return ai !== undefined && untouched[ai] === 1 ? ai : -1;
}

/** Orders pieces by where their first statement sits: article, then position in it. */
function byPlace<T extends { article: number; mention: number }>(a: T, b: T): number {
  return a.article - b.article || a.mention - b.mention;
}

/**
 * `mergeFigureClaims(articles)`, reusing the claims of numbers no touched
 * article mentions. The previous list is sorted with ties in the order claims
 * formed, and the claims kept formed in the same order in the new corpus (their
 * articles keep their order), so they stay in their order; the new claims, sorted
 * the same way, are merged in, and only where a kept claim ties with a new one
 * is the kept claim's first mention looked up to tell which formed first.
 */
function figuresIncremental(before: readonly FigureClaim[], articles: readonly Article[], touched: readonly Article[], untouched: Uint8Array, position: Map<string, number>): FigureClaim[] {
  const redo = new Set<string>();
  for (const a of touched) for (const m of a.figures) redo.add(figureKey(m));
  if (redo.size === 0) return [...before];
  const keys = before.map(figureKey);
  const tie = (c: FigureClaim) => `${c.kind}|${c.independentReports}|${c.high}`;
  /** Where a kept claim formed: its first source's article, and the one mention of its number in that sentence; null if not found once. */
  const placeOf = (claim: FigureClaim): { article: number; mention: number } | null => {
    const ai = firstArticle(claim.sources, untouched, position);
    const a = articles[ai];
    const sentence = a ? sentenceOf(a, claim.sources[0]!) : -1;
    if (!a || sentence < 0) return null;
    let found = -1;
    let count = 0;
    a.figures.forEach((m, mi) => {
      if (m.sentence === sentence && m.kind === claim.kind && m.low === claim.low && m.high === claim.high && count++ === 0) found = mi;
    });
    return count === 1 ? { article: ai, mention: found } : null;
  };
  for (;;) {
    const fresh = mergeFigureGroups(articles, (key) => redo.has(key));
    // stable: ties stay in the order they formed
    fresh.sort((x, y) => compareClaims(x.claim, y.claim));
    const classes = new Set(fresh.map((p) => tie(p.claim)));
    const kept: { claim: FigureClaim; place: { article: number; mention: number } | null }[] = [];
    let unsure = false;
    before.forEach((claim, i) => {
      if (redo.has(keys[i]!)) return;
      const place = classes.has(tie(claim)) ? placeOf(claim) : null;
      // not found again, or two mentions of the number in that sentence: merge the number again
      if (place === null && classes.has(tie(claim))) {
        redo.add(keys[i]!);
        unsure = true;
      }
      kept.push({ claim, place });
    });
    if (unsure) continue;
    const out: FigureClaim[] = [];
    let j = 0;
    for (const k of kept) {
      while (j < fresh.length) {
        const f = fresh[j]!;
        const c = compareClaims(f.claim, k.claim) || byPlace(f, k.place!);
        if (c >= 0) break;
        out.push(f.claim);
        j++;
      }
      out.push(k.claim);
    }
    for (; j < fresh.length; j++) out.push(fresh[j]!.claim);
    return out;
  }
}

/** `buildTimeline(articles)`, reusing the events of dates (and undated expressions) no touched article mentions. */
function timelineIncremental(before: CorpusDerived['timeline'], articles: readonly Article[], touched: readonly Article[], untouched: Uint8Array, position: Map<string, number>): CorpusDerived['timeline'] {
  const redo = new Set<string>();
  for (const a of touched) for (const m of timeMentions(a)) redo.add(m.bucket);
  const mentionsOf = new Map<number, TimeMention[]>();
  const kept: PlacedEvent[] = [];
  const reuse = (bucket: string, e: { when: string; text: string; sources: SourceRef[] }): void => {
    if (redo.has(bucket)) return;
    const ai = firstArticle(e.sources, untouched, position);
    const a = articles[ai];
    const sentence = a ? sentenceOf(a, e.sources[0]!) : -1;
    let list = mentionsOf.get(ai);
    if (a && !list) mentionsOf.set(ai, (list = timeMentions(a)));
    // an article places at most one statement per sentence and bucket
    const mi = sentence >= 0 && list ? list.findIndex((m) => m.sentence === sentence && m.bucket === bucket) : -1;
    if (mi < 0) {
      redo.add(bucket);
      return;
    }
    const m = list![mi]!;
    kept.push({ value: m.value, date: m.date, when: e.when, text: e.text, sources: e.sources, article: ai, mention: mi });
  };
  for (const e of before.events) reuse(`d:${e.date}`, e);
  for (const e of before.undated) reuse(`u:${e.when.toLowerCase()}`, e);
  const bucketOf = (e: PlacedEvent) => (e.value ? `d:${e.date}` : `u:${e.when.toLowerCase()}`);
  const placed = [...kept.filter((e) => !redo.has(bucketOf(e))), ...(redo.size > 0 ? timelineDrafts(articles, (b) => redo.has(b)) : [])];
  return orderTimeline(placed.sort(byPlace));
}

/** `mergeEntities(articles)`, reusing the entities of names no touched article mentions. */
function entitiesIncremental(before: readonly Entity[], articles: readonly Article[], touched: readonly Article[]): Entity[] {
  const groups = entityGroups();
  const redo = new Set<string>();
  for (const a of touched) for (const e of a.entities) redo.add(groups.key(e.name));
  redo.delete('');
  if (redo.size === 0 && touched.length === 0) return [...before];
  const kept = before.filter((e) => !redo.has(groups.key(e.name)));
  const fresh = redo.size > 0 ? mergeEntities(articles, (key) => redo.has(key), groups) : [];
  return groups.sort([...kept, ...fresh]);
}
