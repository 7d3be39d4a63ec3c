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
import { lazySentenceRef } from './sources.js';
import { BriefStatements, type StatementCluster } from './statements.js';

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
  /** Exactly the allowed sentences (global numbers) and their articles, each once, in any order: only these are visited (`allowed`, `isAllowed` and `allowedArticles` are then ignored). */
  sentences?: { sentence: ArrayLike<number>; article: ArrayLike<number> } | null;
  /** `briefCorpusStats(articles)`, when the caller keeps it between briefs. */
  stats?: BriefCorpusStats;
  maxPoints?: number;
  minPoints?: number;
  /** Find near duplicates by comparing each representative with every allowed statement (tests: the reference for the index). */
  scan?: boolean;
}

/** How many syndication groups use each content word: what makes a sentence central. */
export interface BriefCorpusStats {
  df: ReadonlyMap<string, number>;
  nGroups: number;
}

/** The statements prepared for the corpus each `BriefCorpusStats` was computed from. */
const prepared = new WeakMap<BriefCorpusStats, { articles: readonly Article[]; statements: BriefStatements }>();

/**
 * Document frequency per syndication group: a wire story printed three times
 * counts once. Depends on the whole corpus, not on a topic, so an index computes
 * it once and passes it to every brief; the same pass prepares the statements
 * every brief is made of (kept with the result).
 */
export function briefCorpusStats(articles: readonly Article[]): BriefCorpusStats {
  return briefStatsOf(articles, new BriefStatements(articles));
}

/**
 * The statistics of statements already prepared for `articles` (read back from a
 * snapshot), kept with them so that briefs of `articles` use them. The word map
 * is built when first read (briefs use the statements' arrays, not the map).
 */
export function briefStatsOf(articles: readonly Article[], statements: BriefStatements): BriefCorpusStats {
  let df: Map<string, number> | null = null;
  const stats: BriefCorpusStats = {
    nGroups: statements.nGroups,
    get df() {
      return (df ??= statements.dfMap());
    },
  };
  prepared.set(stats, { articles, statements });
  return stats;
}

/** The statements of `articles`: those prepared with `stats`, else prepared now (once per stats object). */
export function briefStatements(articles: readonly Article[], stats?: BriefCorpusStats): BriefStatements {
  if (stats) {
    const p = prepared.get(stats);
    if (p && p.articles === articles) return p.statements;
  }
  const statements = new BriefStatements(articles);
  if (stats) prepared.set(stats, { articles, statements });
  return statements;
}

const INCREMENT = /\b(?:additional|extra|more|further|another|new|fresh|reinforcements)\b/i;
const DISAGREE_KINDS: readonly FigureKind[] = ['killed', 'wounded', 'casualties', 'missing', 'captured', 'deployed', 'displaced'];

/** Whether a claim is an increment ("3,000 additional troops", "another 4,000"): remembered per claim, claims are reused by every brief. */
const increments = new WeakMap<FigureClaim, boolean>();
function isIncrement(c: FigureClaim): boolean {
  let v = increments.get(c);
  if (v === undefined) increments.set(c, (v = INCREMENT.test(c.subject ?? '') || INCREMENT.test(c.qualifier ?? '')));
  return v;
}

/** The first `n` of `list` in the order `cmp` gives (as a stable sort would), without sorting all of it. */
function firstSorted<T>(list: readonly T[], n: number, cmp: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const x of list) {
    if (top.length === n && cmp(x, top[n - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && cmp(x, top[at - 1]!) < 0) at--;
    top.splice(at, 0, x);
    if (top.length > n) top.pop();
  }
  return top;
}

/** One point per figure kind on which several claimants give different numbers. */
export function disagreementPoints(claims: readonly FigureClaim[], maxPoints = 3): BriefPointDraft[] {
  const byKind = new Map<FigureKind, FigureClaim[]>();
  for (const c of claims) {
    if (!DISAGREE_KINDS.includes(c.kind)) continue;
    // increments ("3,000 additional troops", "another 4,000") do not contradict totals
    if (isIncrement(c)) continue;
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  const points: { weight: number; point: BriefPointDraft }[] = [];
  for (const kind of KIND_ORDER) {
    const list = byKind.get(kind);
    if (!list || list.length < 2) continue;
    if (list.every((c) => c.low === list[0]!.low && c.high === list[0]!.high)) continue;
    const top = firstSorted(list, 5, (a, b) => b.independentReports - a.independentReports || b.high - a.high);
    // group claimants that give the same number
    const byNumber = new Map<string, FigureClaim[]>();
    for (const c of top) {
      const num = formatFigure(c);
      const same = byNumber.get(num);
      if (same) same.push(c);
      else byNumber.set(num, [c]);
    }
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

/**
 * The brief: disagreement points, then the best-reported statements, each
 * citing every article that prints it or a near duplicate (wire copies counted
 * once in the ranking). See `BriefStatements` for how it stays about linear.
 * @example buildBrief(articles, claims, { stats }).map((p) => p.text)
 */
export function buildBrief(articles: readonly Article[], claims: readonly FigureClaim[], opts: BriefOptions = {}): BriefPointDraft[] {
  const maxPoints = opts.maxPoints ?? 8;
  const minPoints = opts.minPoints ?? 5;
  const allowed = opts.allowed ?? null;
  const isAllowed = opts.isAllowed ?? null;
  const statements = briefStatements(articles, opts.stats);
  const test =
    allowed && isAllowed
      ? (ai: number, si: number) => allowed.has(`${ai}:${si}`) && isAllowed(ai, si)
      : allowed
        ? (ai: number, si: number) => allowed.has(`${ai}:${si}`)
        : isAllowed;
  const filter = opts.sentences ? { sentences: opts.sentences } : allowed || isAllowed || opts.allowedArticles ? { articles: opts.allowedArticles ?? null, test } : null;

  const points: BriefPointDraft[] = disagreementPoints(claims, 2);
  const coveredNumbers = new Set(points.flatMap((p) => p.text.match(/\d[\d,]*/g) ?? []));
  // the text of a cluster's first sentence: read once per cluster (choosing asks again after each batch)
  const texts = new Map<StatementCluster, string>();
  const textOf = (c: StatementCluster): string => {
    let text = texts.get(c);
    if (text === undefined) {
      const ai = statements.articleOf(c.first);
      texts.set(c, (text = articles[ai]!.sentences[c.first - statements.sentenceStart[ai]!]!.text));
    }
    return text;
  };
  /** Points chosen from clusters ranked best first: dissimilar ones first, then the next best up to the minimum. */
  const choose = (ranked: readonly StatementCluster[]): StatementCluster[] => {
    const chosen: StatementCluster[] = [];
    for (const c of ranked) {
      if (points.length + chosen.length >= maxPoints) break;
      if (chosen.some((x) => statements.similarity(x.representative, c.representative) >= 0.35)) continue;
      // a sentence whose numbers are all in a disagreement point already adds nothing
      const nums = textOf(c).match(/\d[\d,]*\d|\d/g) ?? [];
      if (nums.length > 0 && nums.every((n) => coveredNumbers.has(n))) continue;
      chosen.push(c);
    }
    // fill up to the minimum with the next best even if similar
    for (const c of ranked) {
      if (points.length + chosen.length >= minPoints) break;
      if (!chosen.includes(c)) chosen.push(c);
    }
    return chosen;
  };
  const { ranked, sentencesOf } = statements.cluster(filter, (r) => points.length + choose(r).length >= maxPoints, { scan: opts.scan ?? false });
  if (ranked.length === 0) return [];
  const chosen = choose(ranked);
  return [
    ...points,
    ...chosen.map((c) => {
      // the representative's sentence first, then every other in corpus order, one per article
      const sentences = Int32Array.from(sentencesOf(c)).sort();
      const cited = new Set<string>();
      const sources: SourceRef[] = [];
      let ai = 0;
      const cite = (s: number) => {
        if (s < statements.sentenceStart[ai]! || s >= statements.sentenceStart[ai + 1]!) ai = statements.articleOf(s);
        const a = articles[ai]!;
        if (cited.has(a.id)) return;
        cited.add(a.id);
        // the passage is read when asked for (replies list the articles; a point can cite thousands)
        sources.push(lazySentenceRef(a, s - statements.sentenceStart[ai]!));
      };
      cite(c.first);
      for (const s of sentences) cite(s);
      return { text: textOf(c), sources };
    }),
  ];
}
