/**
 * The brief: the story in 5-8 points, each with its sources.
 *
 * Extractive: points are sentences of the articles (verbatim), chosen for how
 * central they are to what the corpus as a whole reports, how many independent
 * reports carry them, and whether they carry facts (figures, dates); redundancy
 * is removed (maximal marginal relevance). Where sources disagree on a figure, a
 * point says so, citing each side.
 */
import type { Article, FigureClaim, FigureKind, SourceRef } from '../core/types.js';
import { formatFigure, KIND_LABEL, KIND_ORDER } from './claims.js';
import { citesArticle, sentenceRef } from './sources.js';
import { SimilarSets } from './similar.js';
import { contentWords, jaccard } from './text.js';

export interface BriefPointDraft {
  text: string;
  sources: SourceRef[];
}

export interface BriefOptions {
  /** Only these sentences may be used (a topic brief); key `${articleIndex}:${sentenceIndex}`. */
  allowed?: ReadonlySet<string> | null;
  /** The same as `allowed`, as a test (no key strings to build): faster on large corpora. */
  isAllowed?: ((articleIndex: number, sentenceIndex: number) => boolean) | null;
  /** Every article holding an allowed sentence, ascending (the others are skipped unread). */
  allowedArticles?: readonly number[];
  /** `briefCorpusStats(articles)`, when the caller keeps it between briefs. */
  stats?: BriefCorpusStats;
  maxPoints?: number;
  minPoints?: number;
}

/** How many syndication groups use each content word: what makes a sentence central. */
export interface BriefCorpusStats {
  df: ReadonlyMap<string, number>;
  nGroups: number;
}

/**
 * Document frequency per syndication group: a wire story printed three times
 * counts once. Depends on the whole corpus, not on a topic, so an index computes
 * it once and passes it to every brief.
 */
export function briefCorpusStats(articles: readonly Article[]): BriefCorpusStats {
  const groupWords = new Map<string, Set<string>>();
  for (const a of articles) {
    const gw = groupWords.get(a.groupId) ?? new Set<string>();
    for (const s of a.sentences) for (const w of contentWords(s.text)) gw.add(w);
    groupWords.set(a.groupId, gw);
  }
  const df = new Map<string, number>();
  for (const set of groupWords.values()) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  return { df, nGroups: groupWords.size };
}

interface Candidate {
  text: string;
  words: Set<string>;
  sources: SourceRef[];
  groups: Set<string>;
  score: number;
  hasFigure: boolean;
}

const INCREMENT = /\b(?:additional|extra|more|further|another|new|fresh|reinforcements)\b/i;
const WEAK_START = /^(?:He|She|It|They|This|That|These|Those|But|And|Still|However|Meanwhile|Also|So|Yet|Or|His|Her|Their|Its|Such)\b/;
const DISAGREE_KINDS: readonly FigureKind[] = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'];

/** One point per figure kind on which several claimants give different numbers. */
export function disagreementPoints(claims: readonly FigureClaim[], maxPoints = 3): BriefPointDraft[] {
  const byKind = new Map<FigureKind, FigureClaim[]>();
  for (const c of claims) {
    if (!DISAGREE_KINDS.includes(c.kind)) continue;
    // increments ("3,000 additional troops", "another 4,000") do not contradict totals
    if (INCREMENT.test(c.subject ?? '') || INCREMENT.test(c.qualifier ?? '')) continue;
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  }
  const points: { weight: number; point: BriefPointDraft }[] = [];
  for (const kind of KIND_ORDER) {
    const list = byKind.get(kind);
    if (!list || list.length < 2) continue;
    const distinct = new Set(list.map((c) => `${c.low}-${c.high}`));
    if (distinct.size < 2) continue;
    const top = [...list].sort((a, b) => b.independentReports - a.independentReports || b.high - a.high).slice(0, 5);
    // group claimants that give the same number
    const byNumber = new Map<string, FigureClaim[]>();
    for (const c of top) byNumber.set(formatFigure(c), [...(byNumber.get(formatFigure(c)) ?? []), c]);
    const parts = [...byNumber.entries()].map(([num, cs]) => {
      const named = [...new Set(cs.map((c) => c.claimedBy).filter((n): n is string => !!n))];
      return named.length > 0 ? `${num} per ${named.join(' and ')}` : `${num} (unattributed)`;
    });
    const label = KIND_LABEL[kind];
    const subject = top.find((c) => c.subject)?.subject;
    const text = `${label[0]!.toUpperCase()}${label.slice(1)}${subject ? ` (${subject})` : ''}, sources disagree: ${parts.join('; ')}.`;
    const sources = top.flatMap((c) => c.sources.slice(0, 2));
    points.push({ weight: top.reduce((s, c) => s + c.independentReports, 0), point: { text, sources } });
  }
  return points
    .sort((a, b) => b.weight - a.weight)
    .slice(0, maxPoints)
    .map((p) => p.point);
}

export function buildBrief(articles: readonly Article[], claims: readonly FigureClaim[], opts: BriefOptions = {}): BriefPointDraft[] {
  const maxPoints = opts.maxPoints ?? 8;
  const minPoints = opts.minPoints ?? 5;
  const allowed = opts.allowed ?? null;
  const isAllowed = opts.isAllowed ?? null;
  const { df, nGroups } = opts.stats ?? briefCorpusStats(articles);

  const candidates: Candidate[] = [];
  const byText = new Map<string, Candidate>();
  // near-duplicates (jaccard >= 0.6) of earlier candidates, found without a scan over all of them
  const similar = new SimilarSets<Candidate>(0.6, (w) => df.get(w) ?? 0);
  // with a list of the allowed sentences, only their articles are visited (a topic brief on a large corpus)
  const visit = opts.allowedArticles ?? articles.map((_, ai) => ai);
  visit.forEach((ai) => {
    const a = articles[ai]!;
    const figureSentences = new Set(a.figures.map((f) => f.sentence));
    for (const s of a.sentences) {
      if (allowed && !allowed.has(`${ai}:${s.index}`)) continue;
      if (isAllowed && !isAllowed(ai, s.index)) continue;
      const n = s.text.split(/\s+/).length;
      if (n < 8 || n > 60) continue;
      if (/[“”"]/.test(s.text) && (s.text.match(/[“”"]/g)?.length ?? 0) >= 2 && /[“"][^”"]{40,}/.test(s.text)) continue; // long quotes belong in /quotes
      const set = new Set(contentWords(s.text));
      const key = [...set].sort().join(' ');
      const src = sentenceRef(a, s.index);
      let c = byText.get(key) ?? similar.first(set);
      if (c) {
        if (!citesArticle(c.sources, a.id)) c.sources.push(src);
        c.groups.add(a.groupId);
        continue;
      }
      c = { text: s.text, words: set, sources: [src], groups: new Set([a.groupId]), score: 0, hasFigure: figureSentences.has(s.index) };
      // lead sentences carry the story
      c.score += 0.6 / (1 + s.index);
      if (WEAK_START.test(s.text)) c.score -= 0.6;
      candidates.push(c);
      similar.add(set, c);
      byText.set(key, c);
    }
  });
  if (candidates.length === 0) return [];
  for (const c of candidates) {
    let central = 0;
    for (const w of c.words) central += (df.get(w) ?? 0) / nGroups;
    c.score += central / Math.sqrt(Math.max(c.words.size, 4));
    c.score += 0.35 * (c.groups.size - 1);
    if (c.hasFigure) c.score += 0.3;
  }

  const points: BriefPointDraft[] = disagreementPoints(claims, 2);
  const coveredNumbers = new Set(points.flatMap((p) => p.text.match(/\d[\d,]*/g) ?? []));
  const chosen: Candidate[] = [];
  const ranked = candidates.sort((a, b) => b.score - a.score);
  for (const c of ranked) {
    if (points.length + chosen.length >= maxPoints) break;
    if (chosen.some((x) => jaccard(x.words, c.words) >= 0.35)) continue;
    // a sentence whose numbers are all in a disagreement point already adds nothing
    const nums = c.text.match(/\d[\d,]*\d|\d/g) ?? [];
    if (nums.length > 0 && nums.every((n) => coveredNumbers.has(n))) continue;
    chosen.push(c);
  }
  // fill up to the minimum with the next best even if similar
  for (const c of ranked) {
    if (points.length + chosen.length >= minPoints) break;
    if (!chosen.includes(c)) chosen.push(c);
  }
  return [...points, ...chosen.map((c) => ({ text: c.text, sources: c.sources }))];
}
